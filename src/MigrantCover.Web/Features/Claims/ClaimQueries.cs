using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Claims;

/// <summary>The reads of claims the pages and the API make: the list with its filters, one claim, its history.</summary>
public static class ClaimQueries
{
    /// <param name="Office">The code of the worker's office (Offices); an unknown code finds nothing.</param>
    public sealed record Filter(Guid? WorkerId = null, string? State = null, string? Type = null, int? Page = null, int? PageSize = null, string? Office = null) : IPaged;

    public sealed record Result(IReadOnlyList<ClaimListItem> Items, int Page, int PageSize, int Total);

    public sealed class Validator : AbstractValidator<Filter>
    {
        public Validator()
        {
            RuleFor(f => f.State).Code<Filter, ClaimState>();
            RuleFor(f => f.Type).Code<Filter, ClaimType>();
            Include(Paging.Rules);
        }
    }

    public sealed class Handler(AppDbContext db, IValidator<Filter> validator)
    {
        public async Task<Outcome<Result>> ListAsync(Filter filter, CancellationToken ct = default)
        {
            var failures = validator.Check(filter);
            if (failures.Count > 0)
            {
                return Outcome<Result>.Invalid(failures);
            }

            var (page, pageSize) = Paging.Of(filter);
            var q = db.Claims.AsNoTracking();
            if (filter.WorkerId is { } w)
            {
                q = q.Where(c => c.WorkerId == w);
            }

            if (Input.Code<ClaimState>(filter.State) is { } state)
            {
                q = q.Where(c => c.State == state);
            }

            if (Input.Code<ClaimType>(filter.Type) is { } type)
            {
                q = q.Where(c => c.Type == type);
            }

            if (!string.IsNullOrWhiteSpace(filter.Office))
            {
                var office = filter.Office.Trim();
                q = q.Where(c => db.Workers.Any(wk => wk.Id == c.WorkerId && wk.OfficeCode == office));
            }

            var total = await q.CountAsync(ct);
            var rows = await q.OrderByDescending(c => c.ReportedOn).ThenByDescending(c => c.Id)
                .Skip((page - 1) * pageSize).Take(pageSize)
                .Join(db.Workers, c => c.WorkerId, wk => wk.Id, (c, wk) => new { c, wk.FullName, Missing = c.Documents.Count(d => d.Required && !d.Verified) })
                .ToListAsync(ct);
            var lang = Localization.Language;
            var items = rows.Select(r => new ClaimListItem(
                r.c.Id, r.c.Number, r.c.WorkerId, r.FullName, r.c.Type, r.c.IncidentOn, r.c.ReportedOn, r.c.State,
                ClaimView.WaitsForText(r.c, lang, r.Missing), r.c.Eligible, r.c.Reason, r.c.EstimatedAmount, r.c.Amount)).ToList();
            return Outcome<Result>.Ok(new Result(items, page, pageSize, total));
        }
    }

    /// <summary>Every audited change to the claim (its report, each step, each checklist item).</summary>
    public static async Task<IReadOnlyList<ClaimHistoryView>> HistoryAsync(AppDbContext db, BenefitClaim claim, CancellationToken ct = default)
    {
        var prefix = AppDbContext.ClaimField(claim.Id, null);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.WorkerId == claim.WorkerId && a.Field != null && a.Field.StartsWith(prefix))
            .OrderBy(a => a.Id)
            .Select(a => new ClaimHistoryView(a.At, a.ActorName, a.Action, a.Field, a.OldValue, a.NewValue, a.Reason))
            .ToListAsync(ct);
        return [.. rows.Select(r => r with { Field = r.Field!.Length > prefix.Length ? r.Field[(prefix.Length + 1)..] : null })];
    }

    /// <summary>A claim as the API answers it, or null.</summary>
    public static async Task<ClaimView?> ViewAsync(AppDbContext db, Guid id, DateOnly today, CancellationToken ct = default)
    {
        var loaded = await ClaimActions.LoadAsync(db, id, ct);
        return loaded is null ? null : ClaimView.From(loaded, today, await HistoryAsync(db, loaded.Claim, ct));
    }
}

public static class ClaimFeatures
{
    public static IServiceCollection AddClaimFeatures(this IServiceCollection services) =>
        services
            .AddScoped<ClaimActions.Handler>()
            .AddScoped<ClaimQueries.Handler>()
            .AddScoped<Workers.HeirActions.Handler>();
}
