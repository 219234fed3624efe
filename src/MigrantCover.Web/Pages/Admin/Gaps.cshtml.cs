using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrantCover.Web.Features.Stats;

namespace MigrantCover.Web.Pages.Admin;

/// <summary>The workers behind one gap count of the dashboard, paged. Only worker ids in URLs.</summary>
public sealed class GapsModel(AppDbContext db, EnrollmentStats stats) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public GapKind Kind { get; private set; }

    /// <summary>The gap's code in the URL (<c>?kind=placement-ending-30</c>).</summary>
    public string Code => CoverGaps.Of(Kind).Code;

    public DateOnly Today { get; private set; }

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<GapRow> Rows { get; private set; } = [];

    public sealed record GapRow(Guid Id, string FullName, string? MembershipNumber, Stage Stage, string DestinationCountry, CoverPhase? CoverPhase, DateOnly? CoveredUntil);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CoverGaps.ByCode(KindCode) is not { } gap)
        {
            return NotFound();
        }

        Kind = gap.Kind;
        Today = stats.Today;
        var query = gap.Query(db, Today);
        Total = await query.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Rows = await query
            .OrderBy(w => w.CoveredUntil).ThenBy(w => w.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(w => new GapRow(w.Id, w.FullName, w.MembershipNumber, w.Stage, w.DestinationCountry, w.CoverPhase, w.CoveredUntil))
            .ToListAsync(ct);
        return Page();
    }
}
