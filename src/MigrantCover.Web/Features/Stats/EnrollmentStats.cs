using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Stats;

/// <summary>
/// The admin totals, shared by the dashboard page, its CSV export and GET /api/v1/stats/enrollment.
/// Every figure is exact and live: it is read from the tally tables (Data/Tallies.cs, decision 0006),
/// which AppDbContext changes in the same transaction as the workers and payments they count.
/// How the optional range applies: totals and breakdowns count workers whose registration date is in
/// the range; the departure-month breakdown counts those same workers by departure month;
/// contributions count payments whose payment date is in the range; gaps are always over all
/// workers as of today, since a gap is a present fact whatever the registration date.
/// Whole months of the range (<see cref="MonthSpan"/>) come from the tallies; the days of a partially
/// covered first or last month are counted from the workers and payments themselves (index range scans
/// over those days). The independent queries run concurrently, each on a DbContext of its own scope.
/// </summary>
public sealed class EnrollmentStats(IServiceScopeFactory scopes, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    public async Task<EnrollmentReport> GetAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var today = Today;
        var span = MonthSpan.Of(from, to);
        var breakdowns = RunAsync(db => BreakdownRowsAsync(db, span, ct));
        var months = RunAsync(db => db.WorkerTallies.AsNoTracking()
            .Where(t => t.Dimension == TallyDimensions.All && t.Workers != 0 && t.RegisteredMonth >= span.FirstMonth && t.RegisteredMonth <= span.LastMonth)
            .ToListAsync(ct));
        var departures = RunAsync(db => db.DepartureTallies.AsNoTracking()
            .Where(t => t.Workers != 0 && t.RegisteredMonth >= span.FirstMonth && t.RegisteredMonth <= span.LastMonth)
            .GroupBy(t => t.DepartedMonth)
            .Select(g => new DepartureTally(0, g.Key, g.Sum(t => t.Workers)))
            .ToListAsync(ct));
        var edges = span.EdgeDays.Select(days => RunAsync(db => Tallies.EdgeDaysAsync(db, days.First, days.Last, ct))).ToList();
        var payments = RunAsync(db => PaymentRowsAsync(db, span, ct));
        var gaps = RunAsync(db => CoverGaps.CountAsync(db, today, ct));
        await Task.WhenAll(breakdowns, months, departures, payments, gaps);
        await Task.WhenAll(edges);

        var workerRows = breakdowns.Result.Concat(months.Result).ToList();
        var departureRows = departures.Result;
        foreach (var edge in edges)
        {
            workerRows.AddRange(edge.Result.Workers);
            departureRows.AddRange(edge.Result.Departures);
        }

        return EnrollmentReport.Build(today, from, to, workerRows, departureRows, payments.Result, gaps.Result);
    }

    // Breakdown rows of the whole months, summed over the months in SQL (a few thousand rows).
    private static Task<List<WorkerTally>> BreakdownRowsAsync(AppDbContext db, MonthSpan span, CancellationToken ct) =>
        db.WorkerTallies.AsNoTracking()
            .Where(t => t.Dimension != TallyDimensions.All && t.Workers != 0 && t.RegisteredMonth >= span.FirstMonth && t.RegisteredMonth <= span.LastMonth)
            .GroupBy(t => new { t.Stage, t.Dimension, t.Value })
            .Select(g => new WorkerTally(0, g.Key.Stage, g.Key.Dimension, g.Key.Value, g.Sum(t => t.Workers), g.Sum(t => t.Participants)))
            .ToListAsync(ct);

    private static async Task<List<PaymentTally>> PaymentRowsAsync(AppDbContext db, MonthSpan span, CancellationToken ct)
    {
        var rows = await db.PaymentTallies.AsNoTracking()
            .Where(t => t.Payments != 0 && t.PaidMonth >= span.FirstMonth && t.PaidMonth <= span.LastMonth)
            .ToListAsync(ct);
        foreach (var (first, last) in span.EdgeDays)
        {
            // Within one month: the (paid_month, kind) index holds the dates and amounts.
            var month = DateKeys.Month(first);
            rows.AddRange(await db.Payments.AsNoTracking()
                .Where(p => p.PaidMonth == month && p.PaidOn >= first && p.PaidOn <= last)
                .GroupBy(p => new { p.PaidMonth, p.Kind })
                .Select(g => new PaymentTally(g.Key.PaidMonth, g.Key.Kind, g.LongCount(), g.Sum(p => p.Amount)))
                .ToListAsync(ct));
        }

        return rows;
    }

    private async Task<T> RunAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
