namespace MigrantCover.Web.Features.Validation;

/// <summary>A list's page and page size, as its filter carries them (GET parameters of the pages and the API).</summary>
public interface IPaged
{
    int? Page { get; }

    int? PageSize { get; }
}

/// <summary>
/// One paging for every list: pages 1 to 10,000 of 1 to 200 rows, 50 rows when the size is not given. A
/// list's validator includes <see cref="Rules"/>; its handler reads the page with <see cref="Of"/>.
/// </summary>
public static class Paging
{
    public const int MaxPage = 10_000;
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;

    /// <summary>The page rules, for <c>Include</c> in a list's validator (the failures name Page and PageSize).</summary>
    public static readonly IValidator<IPaged> Rules = new Validator();

    /// <summary>The page and its size, with the defaults: call after the filter passed its validator.</summary>
    public static (int Page, int PageSize) Of(IPaged filter) => (filter.Page ?? 1, filter.PageSize ?? DefaultPageSize);

    private sealed class Validator : AbstractValidator<IPaged>
    {
        public Validator()
        {
            RuleFor(f => f.Page).OneTo(MaxPage, "page.range");
            RuleFor(f => f.PageSize).OneTo(MaxPageSize, "page-size.range");
        }
    }
}
