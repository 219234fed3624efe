using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Features.Stats;

/// <summary>The optional registration-date range of the dashboard, the exports, the audit search and the API.</summary>
public sealed record StatsRange(DateOnly? From, DateOnly? To)
{
    /// <summary>The range as typed: <c>from</c> and <c>to</c>, YYYY-MM-DD, both optional, both ends included.</summary>
    public sealed record Request(string? From, string? To);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.From).Check((_, v) => Input.IsBlank(v) || Input.Date(v) is not null, "range.date", (v, _) => [("value", v!)]);
            RuleFor(r => r.To).Check((_, v) => Input.IsBlank(v) || Input.Date(v) is not null, "range.date", (v, _) => [("value", v!)]);
            RuleFor(r => r.To).Check((r, v) => Input.Date(r.From) is not { } from || Input.Date(v) is not { } to || from <= to, "range.order");
        }
    }

    /// <summary>Reads a range: the range (open where a date is missing or wrong) and what is wrong with it.</summary>
    public sealed class Reader(IValidator<Request> validator)
    {
        public (StatsRange Range, IReadOnlyList<Failure> Failures) Read(Request request) =>
            (new StatsRange(Input.Date(request.From), Input.Date(request.To)), validator.Check(request));
    }
}
