using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Admin;

/// <summary>GET /Admin/Export?table=byProvince&amp;from=&amp;to=: one dashboard table as CSV (UTF-8 with BOM, RFC 4180).</summary>
/// <c>&amp;separator=semicolon</c> gives the same file separated by semicolons, for Excel set to Indonesian.
public sealed class ExportModel(EnrollmentStats stats, ClaimStats claimStats, StatsRange.Reader ranges, AppDbContext db, IStringLocalizer<AdminResource> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? table, string? from, string? to, string? separator, CancellationToken ct)
    {
        var (range, failures) = ranges.Read(new(from, to));
        if (failures.Count > 0)
        {
            return BadRequestText(string.Join(" ", failures.Select(f => f.Message)));
        }

        var report = await stats.GetAsync(range.From, range.To, ct);
        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, ct);
        var claims = await claimStats.GetAsync(range.From, range.To, ct);
        var chosen = StatsTables.All(report, text, offices).Concat(StatsTables.Claims(claims, text)).FirstOrDefault(t => string.Equals(t.Id, table, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            return BadRequestText(string.Format(System.Globalization.CultureInfo.CurrentCulture, text["ExportUnknownTable"], table));
        }

        return Csv(chosen, separator, FileName(chosen.Id, range.From, range.To, report.AsOf));
    }

    /// <summary>
    /// The file's name says which range it holds: <c>-2026-01-01-2026-01-31</c>, <c>-from-2026-01-01</c>,
    /// <c>-until-2026-01-31</c>, or <c>-all-dates-as-of-2026-03-01</c> (never a range that seems to start today).
    /// </summary>
    public static string FileName(string id, DateOnly? from, DateOnly? to, DateOnly asOf)
    {
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var range = (from, to) switch
        {
            ({ } f, { } t) => $"{Iso(f)}-{Iso(t)}",
            ({ } f, null) => $"from-{Iso(f)}",
            (null, { } t) => $"until-{Iso(t)}",
            _ => $"all-dates-as-of-{Iso(asOf)}",
        };
        return $"migrantcover-{id}-{range}";
    }

    /// <summary>The CSV file of a table: UTF-8 with a BOM (spreadsheets detect it), comma or semicolon separated.</summary>
    public static FileContentResult Csv(StatsTable table, string? separator, string name)
    {
        var semicolon = string.Equals(separator, "semicolon", StringComparison.OrdinalIgnoreCase);
        var bytes = table.ToCsv(semicolon ? ';' : ',').ToBytes(); // UTF-8 with a BOM, formulas neutralised
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = name + (semicolon ? "-semicolon" : "") + ".csv" };
    }

    private ContentResult BadRequestText(string message) =>
        new() { StatusCode = StatusCodes.Status400BadRequest, Content = message, ContentType = "text/plain; charset=utf-8" };
}
