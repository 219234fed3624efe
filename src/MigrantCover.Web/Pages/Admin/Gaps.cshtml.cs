using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrantCover.Web.Features.Stats;

namespace MigrantCover.Web.Pages.Admin;

/// <summary>
/// The workers behind one gap count of the dashboard, paged, optionally of one office, with the counts
/// per office; as CSV too (<c>handler=csv</c>, comma or semicolon). Only worker ids and office codes in URLs.
/// </summary>
public sealed class GapsModel(AppDbContext db, EnrollmentStats stats, IStringLocalizer<AdminResource> text) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "office")]
    public string? Office { get; set; }

    /// <summary>Code → name of every office, for the filter.</summary>
    public IReadOnlyDictionary<string, string> Offices { get; private set; } = new Dictionary<string, string>();

    /// <summary>The gap's workers per office ("" for none), largest first.</summary>
    public IReadOnlyList<(string Office, int Workers)> ByOffice { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public GapKind Kind { get; private set; }

    /// <summary>The gap's code in the URL (<c>?kind=placement-ending-30</c>).</summary>
    public string Code => CoverGaps.Of(Kind).Code;

    public DateOnly Today { get; private set; }

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<GapRow> Rows { get; private set; } = [];

    public sealed record GapRow(Guid Id, string FullName, string? MembershipNumber, Stage Stage, string DestinationCountry, CoverPhase? CoverPhase, DateOnly? CoveredUntil, string? Phone, string? OfficeCode);

    /// <summary>The filter's query string, for paging and the CSV links.</summary>
    public string Query(int page) => $"kind={Uri.EscapeDataString(Code)}&office={Uri.EscapeDataString(Office ?? "")}&p={page.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Filter() is not { } query)
        {
            return NotFound();
        }

        Offices = await db.Offices.AsNoTracking().OrderBy(o => o.Name).ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        ByOffice = [.. (await CoverGaps.Of(Kind).Query(db, Today).GroupBy(w => w.OfficeCode ?? "").Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count))];
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await Project(query.OrderBy(w => w.CoveredUntil).ThenBy(w => w.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        return Page();
    }

    /// <summary>The whole list (every page) as CSV: name, membership number, phone, office, cover until, what to do.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? separator, CancellationToken ct)
    {
        if (Filter() is not { } query)
        {
            return NotFound();
        }

        var rows = await Project(query.OrderBy(w => w.CoveredUntil).ThenBy(w => w.Id).Take(100_000)).ToListAsync(ct);
        var next = text["GapNext_" + Code].Value;
        var table = new StatsTable(
            "gap-" + Code,
            text["Gap_" + Code],
            [new(text["ColWorker"], CellKind.Text), new(text["ColName"], CellKind.Text), new(text["ColMembershipNumber"], CellKind.Text), new(text["ColPhone"], CellKind.Text), new(text["ColOffice"], CellKind.Text), new(text["ColCoveredUntil"], CellKind.Text), new(text["ColNext"], CellKind.Text)],
            [.. rows.Select(r => (IReadOnlyList<StatsCell>)[new(r.Id), new(r.FullName), new(r.MembershipNumber ?? ""), new(r.Phone ?? ""), new(r.OfficeCode ?? ""), new(r.CoveredUntil is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ""), new(next)])]);
        var name = ExportModel.FileName(table.Id + (string.IsNullOrEmpty(Office) ? "" : "-" + Office), null, null, Today);
        return ExportModel.Csv(table, separator, name);
    }

    private IQueryable<Worker>? Filter()
    {
        if (CoverGaps.ByCode(KindCode) is not { } gap)
        {
            return null;
        }

        Kind = gap.Kind;
        Today = stats.Today;
        var query = gap.Query(db, Today);
        if (!string.IsNullOrWhiteSpace(Office))
        {
            var office = Office.Trim();
            query = office == "-" ? query.Where(w => w.OfficeCode == null) : query.Where(w => w.OfficeCode == office);
        }

        return query;
    }

    private static IQueryable<GapRow> Project(IQueryable<Worker> q) =>
        q.Select(w => new GapRow(w.Id, w.FullName, w.MembershipNumber, w.Stage, w.DestinationCountry, w.CoverPhase, w.CoveredUntil, w.Phone, w.OfficeCode));
}
