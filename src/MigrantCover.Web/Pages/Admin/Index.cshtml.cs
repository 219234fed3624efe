using System.Text.Json;
using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Admin;

/// <summary>The admin dashboard: exact totals, breakdowns, contributions and gaps, with charts and CSV.</summary>
public sealed class IndexModel(EnrollmentStats stats, ClaimStats claimStats, StatsRange.Reader ranges, AppDbContext db, IStringLocalizer<AdminResource> text) : FormPageModel
{
    // Dates are not personal data, so the filter is a GET form and the filtered page can be bookmarked.
    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    public EnrollmentReport? Report { get; private set; }

    /// <summary>The claims figures of the same range (GET /api/v1/stats/claims).</summary>
    public ClaimStatsReport? Claims { get; private set; }

    public IReadOnlyList<StatsTable> Tables { get; private set; } = [];

    public StatsTable Table(string id) => Tables.First(t => t.Id == id);

    /// <summary>The query string of the current range, for the export links.</summary>
    public string RangeQuery =>
        "&from=" + Uri.EscapeDataString(From ?? "") + "&to=" + Uri.EscapeDataString(To ?? "");

    /// <summary>A chart's data for data-* attributes (the CSP forbids inline scripts): labels and series as JSON.</summary>
    public sealed record ChartData(string Type, string Labels, string Series);

    public ChartData StageChart()
    {
        var t = Report!.Totals;
        string[] labels = [text["TotalCandidates"], text["TotalPlaced"], text["TotalReturned"], text["TotalFailedDeparture"], text["TotalWithdrawn"], text["TotalDeceased"]];
        return Chart("doughnut", labels, (text["ColWorkers"], [t.Candidates, t.Placed, t.Returned, t.FailedDeparture, t.Withdrawn, t.Deceased]));
    }

    public ChartData DestinationChart()
    {
        var top = Report!.Breakdown(TallyDimensions.Destination).Take(10).ToList();
        return Chart("bar", [.. top.Select(b => Countries.Name(b.Key, Localization.Language))], (text["ColCandidates"], [.. top.Select(b => b.Candidates)]), (text["ColPlaced"], [.. top.Select(b => b.Placed)]));
    }

    public ChartData ProvinceChart()
    {
        var top = Report!.Breakdown(TallyDimensions.Province).Take(10).ToList();
        return Chart("bar", [.. top.Select(b => b.Name ?? b.Key)], (text["ColCandidates"], [.. top.Select(b => b.Candidates)]), (text["ColPlaced"], [.. top.Select(b => b.Placed)]));
    }

    public ChartData MonthChart()
    {
        var months = Report!.ByMonth;
        return Chart("line", [.. months.Select(m => m.Key)], (text["ColRegistered"], [.. months.Select(m => m.Registered)]), (text["ColPlaced"], [.. months.Select(m => m.Placed)]));
    }

    public ChartData ClaimTypeChart()
    {
        var types = Claims!.ByType.Where(x => x.Reported > 0).ToList();
        return LongChart("bar", [.. types.Select(x => RuleText.Label(x.Key, Localization.Language))], (text["ColReported"], [.. types.Select(x => x.Reported)]), (text["ColPaid"], [.. types.Select(x => x.Paid)]));
    }

    public ChartData ClaimMonthChart()
    {
        var months = Claims!.ByMonth;
        return LongChart("line", [.. months.Select(m => m.Key)], (text["ColReportedAmount"], [.. months.Select(m => m.ReportedAmount)]), (text["ColPaidAmount"], [.. months.Select(m => m.PaidAmount)]));
    }

    private static ChartData Chart(string type, string[] labels, params (string Label, int[] Data)[] series) =>
        LongChart(type, labels, [.. series.Select(s => (s.Label, s.Data.Select(d => (long)d).ToArray()))]);

    private static ChartData LongChart(string type, string[] labels, params (string Label, long[] Data)[] series) =>
        new(type, JsonSerializer.Serialize(labels), JsonSerializer.Serialize(series.Select(s => new { label = s.Label, data = s.Data })));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (range, failures) = ranges.Read(new(From, To));
        ModelState.AddFailures(failures, field => field);

        // A wrong date shows its error and the unfiltered figures, never a blank page.
        var (from, to) = failures.Count == 0 ? (range.From, range.To) : (null, null);
        Report = await stats.GetAsync(from, to, ct);
        Claims = await claimStats.GetAsync(from, to, ct);
        Tables = [.. StatsTables.All(Report, text, await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Code, o => o.Name, ct)), .. StatsTables.Claims(Claims, text)];
    }
}
