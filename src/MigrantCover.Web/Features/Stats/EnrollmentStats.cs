using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantCover.Domain;
using MigrantCover.Web.Data;
using MigrantCover.Web.Data.Entities;
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
/// Whole months of the range come from the tallies; the days of a partially covered first or last month
/// are counted from the workers and payments themselves (index range scans over those days).
/// The independent queries run concurrently, each on a DbContext of its own scope.
/// </summary>
public sealed class EnrollmentStats(IServiceScopeFactory scopes, TimeProvider clock)
{
    public const int SoonDays1 = 30;
    public const int SoonDays2 = 60;
    public const int SoonDays3 = 90;

    public DateOnly Today => clock.Today();

    public async Task<EnrollmentReport> GetAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var today = Today;
        var span = Span.Of(from, to);
        var dimensions = RunAsync(db => DimensionRowsAsync(db, span, ct));
        var months = RunAsync(db => db.WorkerTallies.AsNoTracking()
            .Where(t => t.Dimension == TallyDimensions.All && t.Workers != 0 && t.RegisteredMonth >= span.FirstMonth && t.RegisteredMonth <= span.LastMonth)
            .Select(t => new WorkerRow(t.RegisteredMonth, t.Stage, t.Dimension, t.Value, t.Workers, t.Participants))
            .ToListAsync(ct));
        var departures = RunAsync(db => db.DepartureTallies.AsNoTracking()
            .Where(t => t.Workers != 0 && t.RegisteredMonth >= span.FirstMonth && t.RegisteredMonth <= span.LastMonth)
            .GroupBy(t => t.DepartedMonth)
            .Select(g => new DepartureRow(g.Key, g.Sum(t => t.Workers)))
            .ToListAsync(ct));
        var edges = span.EdgeDays.Select(days => RunAsync(db => EdgeWorkersAsync(db, days, ct))).ToList();
        var payments = RunAsync(db => PaymentRowsAsync(db, span, ct));
        var gaps = RunAsync(db => GapsAsync(db, today, ct));
        await Task.WhenAll(dimensions, months, departures, payments, gaps);
        await Task.WhenAll(edges);

        var workerRows = dimensions.Result.Concat(months.Result).ToList();
        var departureRows = departures.Result.ToList();
        foreach (var edge in edges)
        {
            workerRows.AddRange(edge.Result.Workers);
            departureRows.AddRange(edge.Result.Departures);
        }

        return Build(today, from, to, workerRows, departureRows, payments.Result, gaps.Result);
    }

    /// <summary>The workers of one gap, newest cover end first, one page at a time.</summary>
    public static IQueryable<Worker> GapQuery(AppDbContext db, GapKind kind, DateOnly today)
    {
        var workers = db.Workers.AsNoTracking();
        return kind switch
        {
            GapKind.DepartedWithoutCover => workers.Where(w => w.Stage == Stage.Placed && (w.CoveredUntil == null || w.CoveredUntil < today)),
            GapKind.PreplacementLapsed => workers.Where(w => w.Stage == Stage.Candidate && w.CoverPhase == CoverPhase.PrePlacement && w.CoveredUntil < today),
            GapKind.PreplacementEndingIn30Days => Ending(workers, Stage.Candidate, CoverPhase.PrePlacement, today, SoonDays1),
            GapKind.PlacementEndingIn30Days => Ending(workers, Stage.Placed, CoverPhase.Placement, today, SoonDays1),
            GapKind.PlacementEndingIn60Days => Ending(workers, Stage.Placed, CoverPhase.Placement, today, SoonDays2),
            GapKind.PlacementEndingIn90Days => Ending(workers, Stage.Placed, CoverPhase.Placement, today, SoonDays3),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static IQueryable<Worker> Ending(IQueryable<Worker> workers, Stage stage, CoverPhase phase, DateOnly today, int days)
    {
        var last = today.AddDays(days);
        return workers.Where(w => w.Stage == stage && w.CoverPhase == phase && w.CoveredUntil >= today && w.CoveredUntil <= last);
    }

    // Breakdown rows of the whole months, summed over the months in SQL (a few thousand rows).
    private static async Task<List<WorkerRow>> DimensionRowsAsync(AppDbContext db, Span span, CancellationToken ct)
    {
        var groups = await db.WorkerTallies.AsNoTracking()
            .Where(t => t.Dimension != TallyDimensions.All && t.Workers != 0 && t.RegisteredMonth >= span.FirstMonth && t.RegisteredMonth <= span.LastMonth)
            .GroupBy(t => new { t.Stage, t.Dimension, t.Value })
            .Select(g => new { g.Key.Stage, g.Key.Dimension, g.Key.Value, Workers = g.Sum(t => t.Workers), Participants = g.Sum(t => t.Participants) })
            .ToListAsync(ct);
        return [.. groups.Select(g => new WorkerRow(0, g.Stage, g.Dimension, g.Value, g.Workers, g.Participants))];
    }

    // Workers registered on the days of one partially covered month, grouped by the database exactly as
    // the tallies group them (one GROUP BY per dimension over an index range scan, as Tallies.RebuildAsync).
    private static async Task<(List<WorkerRow> Workers, List<DepartureRow> Departures)> EdgeWorkersAsync(
        AppDbContext db, (DateOnly First, DateOnly Last) days, CancellationToken ct)
    {
        const string Where = "WHERE registered_on >= @first AND registered_on <= @last";
        const string Counts = "count(*), count(membership_number)";
        var sql = $"""
            SELECT 'w', registered_month, stage, 'all', '', {Counts} FROM workers {Where} GROUP BY registered_month, stage
            UNION ALL SELECT 'w', registered_month, stage, 'destination', destination_country, {Counts} FROM workers {Where} GROUP BY registered_month, stage, destination_country
            UNION ALL SELECT 'w', registered_month, stage, 'province', province_code, {Counts} FROM workers {Where} GROUP BY registered_month, stage, province_code
            UNION ALL SELECT 'w', registered_month, stage, 'sex', sex, {Counts} FROM workers {Where} GROUP BY registered_month, stage, sex
            UNION ALL SELECT 'w', registered_month, stage, 'scheme', scheme, {Counts} FROM workers {Where} GROUP BY registered_month, stage, scheme
            UNION ALL SELECT 'w', registered_month, stage, 'agency', COALESCE(agency_name, ''), {Counts} FROM workers {Where} GROUP BY registered_month, stage, COALESCE(agency_name, '')
            UNION ALL SELECT 'w', registered_month, stage, 'occupation', occupation, {Counts} FROM workers {Where} GROUP BY registered_month, stage, occupation
            UNION ALL SELECT 'd', departed_month, '', '', '', count(*), 0 FROM workers {Where} AND departed_month IS NOT NULL GROUP BY departed_month
            """;
        var workers = new List<WorkerRow>();
        var departures = new List<DepartureRow>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in new[] { ("first", days.First), ("last", days.Last) })
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var month = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                var count = Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture);
                if (reader.GetString(0) == "d")
                {
                    departures.Add(new DepartureRow(month, count));
                }
                else
                {
                    var stage = Codes.TryParse<Stage>(reader.GetString(2), out var st) ? st : throw new InvalidOperationException("Unknown stage code in the database.");
                    workers.Add(new WorkerRow(month, stage, reader.GetString(3), reader.GetString(4), count, Convert.ToInt64(reader.GetValue(6), CultureInfo.InvariantCulture)));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return (workers, departures);
    }

    private static async Task<List<PaymentRow>> PaymentRowsAsync(AppDbContext db, Span span, CancellationToken ct)
    {
        var rows = await db.PaymentTallies.AsNoTracking()
            .Where(t => t.Payments != 0 && t.PaidMonth >= span.FirstMonth && t.PaidMonth <= span.LastMonth)
            .Select(t => new PaymentRow(t.PaidMonth, t.Kind, t.Payments, t.Amount))
            .ToListAsync(ct);
        foreach (var (first, last) in span.EdgeDays)
        {
            // Within one month: the (paid_month, kind) index holds the dates and amounts.
            var month = MonthOf(first);
            rows.AddRange(await db.Payments.AsNoTracking()
                .Where(p => p.PaidMonth == month && p.PaidOn >= first && p.PaidOn <= last)
                .GroupBy(p => new { p.PaidMonth, p.Kind })
                .Select(g => new PaymentRow(g.Key.PaidMonth, g.Key.Kind, g.LongCount(), g.Sum(p => p.Amount)))
                .ToListAsync(ct));
        }

        return rows;
    }

    private static async Task<GapCounts> GapsAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        // Workers per stage, cover phase and last day of cover, up to the furthest day a gap looks at.
        var day = Tallies.DayOf(today);
        var horizon = Tallies.DayOf(today.AddDays(SoonDays3));
        var placed = Codes.Of(CoverPhase.Placement);
        var prePlacement = Codes.Of(CoverPhase.PrePlacement);
        var rows = await db.CoverTallies.AsNoTracking()
            .Where(t => (t.Stage == Stage.Placed || t.Stage == Stage.Candidate) && t.CoveredUntil <= horizon && t.Workers != 0)
            .ToListAsync(ct);
        int Sum(Func<CoverTally, bool> which) => checked((int)rows.Where(which).Sum(t => t.Workers));
        int Ending(Stage stage, string phase, int days)
        {
            var last = Tallies.DayOf(today.AddDays(days));
            return Sum(t => t.Stage == stage && t.CoverPhase == phase && t.CoveredUntil >= day && t.CoveredUntil <= last);
        }

        return new GapCounts(
            Sum(t => t.Stage == Stage.Placed && t.CoveredUntil < day),
            Sum(t => t.Stage == Stage.Candidate && t.CoverPhase == prePlacement && t.CoveredUntil > 0 && t.CoveredUntil < day),
            Ending(Stage.Candidate, prePlacement, SoonDays1),
            Ending(Stage.Placed, placed, SoonDays1),
            Ending(Stage.Placed, placed, SoonDays2),
            Ending(Stage.Placed, placed, SoonDays3));
    }

    private async Task<T> RunAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    private static EnrollmentReport Build(
        DateOnly today,
        DateOnly? from,
        DateOnly? to,
        List<WorkerRow> rows,
        List<DepartureRow> departures,
        List<PaymentRow> payments,
        GapCounts gaps)
    {
        var all = rows.Where(r => r.Dimension == TallyDimensions.All).ToList();
        int Of(Stage s) => checked((int)all.Where(g => g.Stage == s).Sum(g => g.Workers));
        var totals = new Totals(
            checked((int)all.Sum(g => g.Workers)),
            Of(Stage.Candidate),
            Of(Stage.Placed),
            Of(Stage.Returned),
            Of(Stage.FailedDeparture),
            Of(Stage.Withdrawn),
            Of(Stage.Deceased),
            checked((int)all.Sum(g => g.Participants)));

        List<Breakdown> By(string dimension) =>
        [
            .. rows.Where(r => r.Dimension == dimension)
                .GroupBy(r => r.Value, StringComparer.Ordinal)
                .Select(g => new Breakdown(
                    g.Key,
                    checked((int)g.Where(x => x.Stage == Stage.Candidate).Sum(x => x.Workers)),
                    checked((int)g.Where(x => x.Stage == Stage.Placed).Sum(x => x.Workers)),
                    checked((int)g.Sum(x => x.Workers))))
                .Where(b => b.Registered != 0)
                .OrderByDescending(b => b.Candidates + b.Placed)
                .ThenByDescending(b => b.Registered)
                .ThenBy(b => b.Key, StringComparer.Ordinal),
        ];

        var byProvince = By(TallyDimensions.Province)
            .Select(b => new ProvinceBreakdown(b.Key, Provinces.NameOf(b.Key) ?? b.Key, b.Candidates, b.Placed, b.Registered))
            .ToList();
        var byMonth = all.GroupBy(m => m.Month)
            .Where(g => g.Sum(m => m.Workers) != 0)
            .OrderBy(g => g.Key)
            .Select(g => new MonthBreakdown(
                MonthKey(g.Key),
                checked((int)g.Sum(m => m.Workers)),
                checked((int)g.Where(m => m.Stage == Stage.Candidate).Sum(m => m.Workers)),
                checked((int)g.Where(m => m.Stage == Stage.Placed).Sum(m => m.Workers))))
            .ToList();
        var byDepartureMonth = departures.GroupBy(d => d.Month)
            .Where(g => g.Sum(d => d.Workers) != 0)
            .OrderBy(g => g.Key)
            .Select(g => new DepartureMonth(MonthKey(g.Key), checked((int)g.Sum(d => d.Workers))))
            .ToList();
        var paid = payments.Where(p => p.Count != 0).ToList();
        var byKind = paid.GroupBy(p => p.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new KindAmount(Codes.Of(g.Key), checked((int)g.Sum(p => p.Count)), g.Sum(p => p.Amount)))
            .ToList();
        var byPaidMonth = paid.GroupBy(p => p.Month)
            .OrderBy(g => g.Key)
            .Select(g => new MonthAmount(MonthKey(g.Key), checked((int)g.Sum(p => p.Count)), g.Sum(p => p.Amount)))
            .ToList();

        return new EnrollmentReport(
            today,
            from,
            to,
            totals,
            By(TallyDimensions.Destination),
            byProvince,
            By(TallyDimensions.Sex),
            By(TallyDimensions.Scheme),
            By(TallyDimensions.Agency),
            By(TallyDimensions.Occupation),
            byMonth,
            byDepartureMonth,
            new Contributions(paid.Sum(p => p.Amount), checked((int)paid.Sum(p => p.Count)), byKind, byPaidMonth),
            gaps);
    }

    private static int MonthOf(DateOnly d) => (d.Year * 100) + d.Month;

    private static string MonthKey(int yyyymm) =>
        string.Create(CultureInfo.InvariantCulture, $"{yyyymm / 100:0000}-{yyyymm % 100:00}");

    /// <summary>
    /// A registration or payment date range split into whole months (read from the tallies; none when
    /// <see cref="FirstMonth"/> exceeds <see cref="LastMonth"/>) and at most two runs of days of partially
    /// covered months, each within one month (counted from the rows).
    /// </summary>
    private sealed record Span(int FirstMonth, int LastMonth, IReadOnlyList<(DateOnly First, DateOnly Last)> EdgeDays)
    {
        public static Span Of(DateOnly? from, DateOnly? to)
        {
            if (from > to)
            {
                return new Span(1, 0, []);
            }

            var firstMonth = from is { } f ? MonthOf(f.Day == 1 ? f : FirstDay(f).AddMonths(1)) : int.MinValue;
            var lastMonth = to is { } t ? MonthOf(t.AddDays(1).Day == 1 ? t : FirstDay(t).AddMonths(-1)) : int.MaxValue;
            var edges = new List<(DateOnly, DateOnly)>();
            if (from is { Day: not 1 } start)
            {
                var end = FirstDay(start).AddMonths(1).AddDays(-1);
                edges.Add((start, to is { } t1 && t1 < end ? t1 : end));
            }

            if (to is { } stop && stop.AddDays(1).Day != 1 && !(from is { Day: not 1 } s1 && FirstDay(s1) == FirstDay(stop)))
            {
                var begin = FirstDay(stop);
                edges.Add((from is { } f1 && f1 > begin ? f1 : begin, stop));
            }

            return new Span(firstMonth, lastMonth, edges);
        }

        private static DateOnly FirstDay(DateOnly d) => new(d.Year, d.Month, 1);
    }

    private sealed record WorkerRow(int Month, Stage Stage, string Dimension, string Value, long Workers, long Participants);

    private sealed record DepartureRow(int Month, long Workers);

    private sealed record PaymentRow(int Month, PaymentKind Kind, long Count, long Amount);
}

/// <summary>The gap lists an admin can open from the dashboard (query value in kebab case).</summary>
public enum GapKind
{
    DepartedWithoutCover,
    PreplacementLapsed,
    PreplacementEndingIn30Days,
    PlacementEndingIn30Days,
    PlacementEndingIn60Days,
    PlacementEndingIn90Days,
}

public sealed record EnrollmentReport(
    DateOnly AsOf,
    DateOnly? From,
    DateOnly? To,
    Totals Totals,
    IReadOnlyList<Breakdown> ByDestination,
    IReadOnlyList<ProvinceBreakdown> ByProvince,
    IReadOnlyList<Breakdown> BySex,
    IReadOnlyList<Breakdown> ByScheme,
    IReadOnlyList<Breakdown> ByAgency,
    IReadOnlyList<Breakdown> ByOccupation,
    IReadOnlyList<MonthBreakdown> ByMonth,
    IReadOnlyList<DepartureMonth> ByDepartureMonth,
    Contributions Contributions,
    GapCounts Gaps);

public sealed record Totals(int Registered, int Candidates, int Placed, int Returned, int FailedDeparture, int Withdrawn, int Deceased, int Participants);

/// <summary>Candidates and placed workers per key (as BPJS Ketenagakerjaan reports), and all stages.</summary>
public sealed record Breakdown(string Key, int Candidates, int Placed, int Registered);

public sealed record ProvinceBreakdown(string Key, string Name, int Candidates, int Placed, int Registered);

public sealed record MonthBreakdown(string Key, int Registered, int Candidates, int Placed);

public sealed record DepartureMonth(string Key, int Departed);

public sealed record KindAmount(string Key, int Payments, long Amount);

public sealed record MonthAmount(string Key, int Payments, long Amount);

public sealed record Contributions(long Collected, int Payments, IReadOnlyList<KindAmount> ByKind, IReadOnlyList<MonthAmount> ByMonth);

public sealed record GapCounts(
    int DepartedWithoutCover,
    int PreplacementLapsed,
    int PreplacementEndingIn30Days,
    int PlacementEndingIn30Days,
    int PlacementEndingIn60Days,
    int PlacementEndingIn90Days);
