using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Admin;

/// <summary>GET /Admin/Export?table=byProvince&amp;from=&amp;to=: one dashboard table as CSV (UTF-8 with BOM, RFC 4180).</summary>
public sealed class ExportModel(EnrollmentStats stats, StatsRange.Reader ranges, IStringLocalizer<AdminResource> text) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? table, string? from, string? to, CancellationToken ct)
    {
        var (range, failures) = ranges.Read(new(from, to));
        if (failures.Count > 0)
        {
            return BadRequestText(string.Join(" ", failures.Select(f => f.Message)));
        }

        var report = await stats.GetAsync(range.From, range.To, ct);
        var chosen = StatsTables.All(report, text).FirstOrDefault(t => string.Equals(t.Id, table, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            return BadRequestText(string.Format(System.Globalization.CultureInfo.CurrentCulture, text["ExportUnknownTable"], table));
        }

        // UTF-8 with a BOM, formulas neutralised (Infrastructure/Csv); the name says which range it holds.
        var bytes = chosen.ToCsv().ToBytes();
        var name = $"migrantcover-{chosen.Id}-{range.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "start"}-{range.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? report.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}.csv";
        return File(bytes, "text/csv; charset=utf-8", name);
    }

    private ContentResult BadRequestText(string message) =>
        new() { StatusCode = StatusCodes.Status400BadRequest, Content = message, ContentType = "text/plain; charset=utf-8" };
}
