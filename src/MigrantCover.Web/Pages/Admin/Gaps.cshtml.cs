using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrantCover.Domain;
using MigrantCover.Web.Data;
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

    public DateOnly Today { get; private set; }

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<GapRow> Rows { get; private set; } = [];

    public sealed record GapRow(Guid Id, string FullName, string? MembershipNumber, Stage Stage, string DestinationCountry, CoverPhase? CoverPhase, DateOnly? CoveredUntil);

    public static string Code(GapKind kind) => kind switch
    {
        GapKind.DepartedWithoutCover => "departed-without-cover",
        GapKind.PreplacementLapsed => "preplacement-lapsed",
        GapKind.PreplacementEndingIn30Days => "preplacement-ending-30",
        GapKind.PlacementEndingIn30Days => "placement-ending-30",
        GapKind.PlacementEndingIn60Days => "placement-ending-60",
        _ => "placement-ending-90",
    };

    public static bool TryParse(string? code, out GapKind kind)
    {
        foreach (var k in Enum.GetValues<GapKind>())
        {
            if (string.Equals(Code(k), code, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!TryParse(KindCode, out var kind))
        {
            return NotFound();
        }

        Kind = kind;
        Today = stats.Today;
        var query = EnrollmentStats.GapQuery(db, kind, Today);
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
