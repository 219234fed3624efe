using Microsoft.EntityFrameworkCore;
using MigrantCover.Domain;
using MigrantCover.Web.Data;
using MigrantCover.Web.Data.Entities;

namespace MigrantCover.Web.Features.Workers;

/// <summary>Finding workers: filters, paging and a search box, every query on an index (never a scan of all workers).</summary>
public static class WorkerSearch
{
    public const int MaxPageSize = 200;
    public const int MaxPage = 10_000;

    /// <summary>Counting stops here: beyond it the list says "more than".</summary>
    public const int CountLimit = 10_000;

    public sealed record Filter
    {
        public string? Search { get; set; }

        public string? Stage { get; set; }

        public string? DestinationCountry { get; set; }

        public string? Province { get; set; }

        public string? Scheme { get; set; }

        public int? Page { get; set; }

        public int? PageSize { get; set; }
    }

    public sealed record Row(Guid Id, string FullName, Stage Stage, Scheme Scheme, string DestinationCountry, string ProvinceCode, DateOnly RegisteredOn, string? MembershipNumber);

    /// <summary>One page; <see cref="TotalIsLowerBound"/> when there are more than <see cref="CountLimit"/>.</summary>
    public sealed record Result(IReadOnlyList<Row> Items, int Page, int PageSize, int Total, bool TotalIsLowerBound);

    public static async Task<Outcome<Result>> RunAsync(AppDbContext db, Filter filter, CancellationToken ct = default)
    {
        var reader = new InputReader();
        var stage = reader.Code<Stage>(filter.Stage, "stage");
        var scheme = reader.Code<Scheme>(filter.Scheme, "scheme");
        var destination = reader.Text(filter.DestinationCountry, "destinationCountry", 2)?.ToUpperInvariant();
        var province = reader.Text(filter.Province, "province", 2);
        if (province is not null && !Provinces.IsValid(province))
        {
            reader.Add("province", Say.T("Kode provinsi tidak dikenal (2 angka, misalnya 33).", "Unknown province code (2 digits, for example 33)."), "R-NIK-2");
        }

        var search = reader.Text(filter.Search, "search", 150);
        var page = filter.Page ?? 1;
        var pageSize = filter.PageSize ?? 50;
        if (page is < 1 or > MaxPage)
        {
            reader.Add("page", Say.T($"Halaman antara 1 dan {MaxPage}.", $"The page is between 1 and {MaxPage}."));
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            reader.Add("pageSize", Say.T($"Ukuran halaman antara 1 dan {MaxPageSize}.", $"The page size is between 1 and {MaxPageSize}."));
        }

        if (reader.HasErrors)
        {
            return Outcome<Result>.Invalid(reader.Errors);
        }

        IQueryable<Worker> q = db.Workers.AsNoTracking();
        if (stage is { } st)
        {
            q = q.Where(w => w.Stage == st);
        }

        if (scheme is { } sc)
        {
            q = q.Where(w => w.Scheme == sc);
        }

        if (destination is not null)
        {
            q = q.Where(w => w.DestinationCountry == destination);
        }

        if (province is not null)
        {
            q = q.Where(w => w.ProvinceCode == province);
        }

        if (search is not null)
        {
            q = Search(q, search);
        }

        var total = await q.Take(CountLimit + 1).CountAsync(ct);
        var items = await q
            .OrderByDescending(w => w.RegisteredOn).ThenByDescending(w => w.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(w => new Row(w.Id, w.FullName, w.Stage, w.Scheme, w.DestinationCountry, w.ProvinceCode, w.RegisteredOn, w.MembershipNumber))
            .ToListAsync(ct);
        return Outcome<Result>.Ok(new Result(items, page, pageSize, Math.Min(total, CountLimit), total > CountLimit));
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
