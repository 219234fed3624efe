using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Features.Workers;

/// <summary>Finding workers: filters, paging and a search box, every query on an index (never a scan of all workers).</summary>
public static class WorkerSearch
{
    /// <summary>Counting stops here: beyond it the list says "more than".</summary>
    public const int CountLimit = 10_000;

    /// <summary>The search box and the filters (GET parameters of the list and the API).</summary>
    public sealed record Filter(string? Search = null, string? Stage = null, string? DestinationCountry = null, string? Province = null, string? Scheme = null, int? Page = null, int? PageSize = null) : IPaged;

    /// <summary>One worker found; date of birth and the NIK's last four digits tell namesakes apart.</summary>
    public sealed record Row(Guid Id, string FullName, Stage Stage, Scheme Scheme, string DestinationCountry, string ProvinceCode, DateOnly RegisteredOn, string? MembershipNumber, DateOnly DateOfBirth, string NikLastFour);

    /// <summary>One page; <see cref="TotalIsLowerBound"/> when there are more than <see cref="CountLimit"/>.</summary>
    public sealed record Result(IReadOnlyList<Row> Items, int Page, int PageSize, int Total, bool TotalIsLowerBound);

    public sealed class Validator : AbstractValidator<Filter>
    {
        public Validator()
        {
            RuleFor(f => f.Stage).Code<Filter, Stage>();
            RuleFor(f => f.Scheme).Code<Filter, Scheme>();
            RuleFor(f => f.DestinationCountry).Text(2);
            RuleFor(f => f.Province).Text(2).Check((_, p) => Input.Text(p, 2) is not { } code || Provinces.IsValid(code), "province.unknown", ruleId: "R-NIK-2");
            RuleFor(f => f.Search).Text(150);
            Include(Paging.Rules);
        }
    }

    public sealed class Handler(AppDbContext db, IValidator<Filter> validator)
    {
        public async Task<Outcome<Result>> RunAsync(Filter filter, CancellationToken ct = default)
        {
            var failures = validator.Check(filter);
            if (failures.Count > 0)
            {
                return Outcome<Result>.Invalid(failures);
            }

            var (page, pageSize) = Paging.Of(filter);
            var q = Filtered(db.Workers.AsNoTracking(), filter);
            var total = await q.Take(CountLimit + 1).CountAsync(ct);
            var items = await q
                .OrderByDescending(w => w.RegisteredOn).ThenByDescending(w => w.Id)
                .Skip((page - 1) * pageSize).Take(pageSize)
                .Select(w => new Row(w.Id, w.FullName, w.Stage, w.Scheme, w.DestinationCountry, w.ProvinceCode, w.RegisteredOn, w.MembershipNumber, w.DateOfBirth, w.Nik.Substring(12)))
                .ToListAsync(ct);
            return Outcome<Result>.Ok(new Result(items, page, pageSize, Math.Min(total, CountLimit), total > CountLimit));
        }
    }

    private static IQueryable<Worker> Filtered(IQueryable<Worker> q, Filter filter)
    {
        if (Input.Code<Stage>(filter.Stage) is { } st)
        {
            q = q.Where(w => w.Stage == st);
        }

        if (Input.Code<Scheme>(filter.Scheme) is { } sc)
        {
            q = q.Where(w => w.Scheme == sc);
        }

        if (Input.Text(filter.DestinationCountry)?.ToUpperInvariant() is { } destination)
        {
            q = q.Where(w => w.DestinationCountry == destination);
        }

        if (Input.Text(filter.Province) is { } province)
        {
            q = q.Where(w => w.ProvinceCode == province);
        }

        return Input.Text(filter.Search) is { } search ? Search(q, search) : q;
    }

    // Identifiers match exactly on their unique or indexed columns; anything else is a name prefix.
    private static IQueryable<Worker> Search(IQueryable<Worker> q, string s)
    {
        if (s.Length == 16 && s.All(char.IsAsciiDigit))
        {
            return q.Where(w => w.Nik == s);
        }

        if (s.Length == 11 && s.All(char.IsAsciiDigit))
        {
            return q.Where(w => w.MembershipNumber == s);
        }

        if (PassportNumber.Check(s) is null)
        {
            var passport = PassportNumber.Normalize(s);
            return q.Where(w => w.PassportNumber == passport);
        }

        var key = Worker.NameKeyOf(s);
        var pattern = key.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        q = q.Where(w => EF.Functions.Like(w.NameKey, pattern + "%", "\\"));

        // The same prefix as a key range, so the NameKey index serves it whatever the LIKE support of the
        // provider and collation (SQLite's LIKE ignores case and PostgreSQL's needs a C collation to use
        // a b-tree). Only after a letter or digit: collations may skip punctuation when ordering.
        var last = key[^1];
        if (char.IsLetterOrDigit(last) && last < char.MaxValue)
        {
            var upper = key[..^1] + (char)(last + 1);
#pragma warning disable CA1309, CA1310 // Translated to SQL comparisons in the column's collation; no culture is involved.
            q = q.Where(w => w.NameKey.CompareTo(key) >= 0 && w.NameKey.CompareTo(upper) < 0);
#pragma warning restore CA1309, CA1310
        }

        return q;
    }
}
