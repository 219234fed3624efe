using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Stats;

/// <summary>The claims figures of GET /api/v1/stats/claims and the dashboard (docs/api.md, "Totals").</summary>
public sealed record ClaimStatsReport(
    DateOnly AsOf,
    DateOnly? From,
    DateOnly? To,
    ClaimStatsReport.TotalsRow Totals,
    IReadOnlyList<ClaimStatsReport.TypeRow> ByType,
    IReadOnlyList<ClaimStatsReport.StateRow> ByState,
    IReadOnlyList<ClaimStatsReport.MonthRow> ByMonth)
{
    /// <summary>
    /// <c>reported</c>: every claim reported in the range; <c>reportedAmount</c>: what their assessments
    /// expect (eligible ones); <c>approvedAmount</c>: frozen at approval (approved or paid);
    /// <c>paidAmount</c>: of the paid ones.
    /// </summary>
    public sealed record TotalsRow(long Reported, long Open, long Approved, long Paid, long Rejected, long ReportedAmount, long ApprovedAmount, long PaidAmount);

    public sealed record TypeRow(ClaimType Key, long Reported, long Paid, long Rejected, long ReportedAmount, long PaidAmount);

    public sealed record StateRow(ClaimState Key, long Claims, long Amount);

    /// <summary>By the month of the report (yyyy-MM): reported, and of those how many are paid and for how much.</summary>
    public sealed record MonthRow(string Key, long Reported, long ReportedAmount, long Paid, long PaidAmount);

    /// <summary>One grouped row of the claims table (month of report, type, state).</summary>
    public sealed record Row(int Month, ClaimType Type, ClaimState State, long Claims, long Estimated, long Amount);

    public static ClaimStatsReport Build(DateOnly today, DateOnly? from, DateOnly? to, IReadOnlyList<Row> rows)
    {
        static bool Open(ClaimState s) => s is not (ClaimState.Paid or ClaimState.Rejected);
        static long Estimated(Row r) => r.State == ClaimState.Rejected ? 0 : r.Estimated;
        var totals = new TotalsRow(
            rows.Sum(r => r.Claims),
            rows.Where(r => Open(r.State)).Sum(r => r.Claims),
            rows.Where(r => r.State == ClaimState.Approved).Sum(r => r.Claims),
            rows.Where(r => r.State == ClaimState.Paid).Sum(r => r.Claims),
            rows.Where(r => r.State == ClaimState.Rejected).Sum(r => r.Claims),
            rows.Sum(Estimated),
            rows.Where(r => r.State is ClaimState.Approved or ClaimState.Paid).Sum(r => r.Amount),
            rows.Where(r => r.State == ClaimState.Paid).Sum(r => r.Amount));
        var byType = Enum.GetValues<ClaimType>().Select(t =>
        {
            var of = rows.Where(r => r.Type == t).ToList();
            return new TypeRow(t, of.Sum(r => r.Claims), of.Where(r => r.State == ClaimState.Paid).Sum(r => r.Claims), of.Where(r => r.State == ClaimState.Rejected).Sum(r => r.Claims), of.Sum(Estimated), of.Where(r => r.State == ClaimState.Paid).Sum(r => r.Amount));
        }).ToList();
        var byState = Enum.GetValues<ClaimState>().Select(s =>
        {
            var of = rows.Where(r => r.State == s).ToList();
            return new StateRow(s, of.Sum(r => r.Claims), s is ClaimState.Approved or ClaimState.Paid ? of.Sum(r => r.Amount) : of.Sum(Estimated));
        }).ToList();
        var byMonth = rows.GroupBy(r => r.Month).OrderBy(g => g.Key).Select(g => new MonthRow(
            MonthKey(g.Key),
            g.Sum(r => r.Claims),
            g.Sum(Estimated),
            g.Where(r => r.State == ClaimState.Paid).Sum(r => r.Claims),
            g.Where(r => r.State == ClaimState.Paid).Sum(r => r.Amount))).ToList();
        return new ClaimStatsReport(today, from, to, totals, byType, byState, byMonth);
    }

    private static string MonthKey(int yyyymm) => string.Create(CultureInfo.InvariantCulture, $"{yyyymm / 100:D4}-{yyyymm % 100:D2}");
}

/// <summary>
/// The claims figures, exact and live (decision 0020): one grouped query over the claims table by month
/// of report, type and state, on the (reported_month, type) index that carries the state and amounts; the
/// range (report dates, both ends included) is an index range on the report date.
/// </summary>
public sealed class ClaimStats(AppDbContext db, TimeProvider clock)
{
    public async Task<ClaimStatsReport> GetAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var q = db.Claims.AsNoTracking();
        if (from is { } f)
        {
            q = q.Where(c => c.ReportedOn >= f);
        }

        if (to is { } t)
        {
            q = q.Where(c => c.ReportedOn <= t);
        }

        var rows = await q.GroupBy(c => new { c.ReportedMonth, c.Type, c.State })
            .Select(g => new ClaimStatsReport.Row(g.Key.ReportedMonth, g.Key.Type, g.Key.State, g.LongCount(), g.Sum(c => c.EstimatedAmount ?? 0), g.Sum(c => c.Amount ?? 0)))
            .ToListAsync(ct);
        return ClaimStatsReport.Build(clock.Today(), from, to, rows);
    }
}
