using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantCover.Domain;
using MigrantCover.Web.Data;
using MigrantCover.Web.Data.Entities;

namespace MigrantCover.Web.Features.Stats;

/// <summary>
/// The admin totals, shared by the dashboard page, its CSV export and GET /api/v1/stats/enrollment.
/// Every figure is an exact GROUP BY or COUNT run by the database; no worker row is loaded.
/// How the optional range applies: totals and breakdowns count workers whose registration date is in
/// the range; the departure-month breakdown counts those same workers by departure month;
/// contributions count payments whose payment date is in the range; gaps are always over all
/// workers as of today, since a gap is a present fact whatever the registration date.
/// Speed at a million workers: the stage × destination × province × sex × scheme breakdowns come
/// from one GROUP BY of a few thousand groups, aggregated further in memory, and the independent
/// queries run concurrently, each on a DbContext of its own scope.
/// </summary>
public sealed class EnrollmentStats(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Indonesia's western time (WIB), where the scheme's offices keep their calendar.</summary>
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public const int SoonDays1 = 30;
    public const int SoonDays2 = 60;
    public const int SoonDays3 = 90;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Wib).DateTime);

    public async Task<EnrollmentReport> GetAsync(DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        var today = Today;
        var main = RunAsync(db => MainGroupsAsync(db, from, to, ct));
        var agencies = RunAsync(db => Workers(db, from, to)
            .GroupBy(w => new { w.Stage, w.AgencyName, w.Occupation })
            .Select(g => new AgencyGroup(g.Key.Stage, g.Key.AgencyName, g.Key.Occupation, g.Count()))
            .ToListAsync(ct));
        var months = RunAsync(db => Workers(db, from, to)
            .GroupBy(w => new { w.RegisteredMonth, w.Stage })
            .Select(g => new MonthGroup(g.Key.RegisteredMonth, g.Key.Stage, g.Count()))
            .ToListAsync(ct));
        var departures = RunAsync(db => Workers(db, from, to)
            .Where(w => w.DepartedMonth != null)
            .GroupBy(w => w.DepartedMonth)
            .Select(g => new MonthGroup(g.Key!.Value, Stage.Placed, g.Count()))
            .ToListAsync(ct));
        var payments = RunAsync(db => Payments(db, from, to)
            .GroupBy(p => new { p.PaidMonth, p.Kind })
            .Select(g => new PaymentGroup(g.Key.PaidMonth, g.Key.Kind, g.Count(), g.Sum(p => p.Amount)))
            .ToListAsync(ct));
        var gaps = RunAsync(db => GapsAsync(db, today, ct));
        await Task.WhenAll(main, agencies, months, departures, payments, gaps);
        return Build(today, from, to, main.Result, agencies.Result, months.Result, departures.Result, payments.Result, gaps.Result);
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

    private static IQueryable<Worker> Workers(AppDbContext db, DateOnly? from, DateOnly? to)
    {
        var q = db.Workers.AsNoTracking();
        if (from is { } f)
        {
            q = q.Where(w => w.RegisteredOn >= f);
        }

        if (to is { } t)
        {
            q = q.Where(w => w.RegisteredOn <= t);
        }

        return q;
    }

    private static IQueryable<Payment> Payments(AppDbContext db, DateOnly? from, DateOnly? to)
    {
        var q = db.Payments.AsNoTracking();
        if (from is { } f)
        {
            q = q.Where(p => p.PaidOn >= f);
        }

        if (to is { } t)
        {
            q = q.Where(p => p.PaidOn <= t);
        }

        return q;
    }

    private static Task<List<MainGroup>> MainGroupsAsync(AppDbContext db, DateOnly? from, DateOnly? to, CancellationToken ct) =>
        Workers(db, from, to)
            .GroupBy(w => new { w.Stage, w.DestinationCountry, w.ProvinceCode, w.Sex, w.Scheme })
            .Select(g => new MainGroup(
                g.Key.Stage,
                g.Key.DestinationCountry,
                g.Key.ProvinceCode,
                g.Key.Sex,
                g.Key.Scheme,
                g.Count(),
                g.Count(w => w.MembershipNumber != null)))
            .ToListAsync(ct);

    private static async Task<GapCounts> GapsAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        // Each count is a range scan of the (stage, covered_until) index; a few small queries in a row.
        async Task<int> Count(GapKind kind) => await GapQuery(db, kind, today).CountAsync(ct);
        return new GapCounts(
            await Count(GapKind.DepartedWithoutCover),
            await Count(GapKind.PreplacementLapsed),
            await Count(GapKind.PreplacementEndingIn30Days),
            await Count(GapKind.PlacementEndingIn30Days),
            await Count(GapKind.PlacementEndingIn60Days),
            await Count(GapKind.PlacementEndingIn90Days));
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
        List<MainGroup> main,
        List<AgencyGroup> agencies,
        List<MonthGroup> months,
        List<MonthGroup> departures,
        List<PaymentGroup> payments,
        GapCounts gaps)
    {
        int Of(Stage s) => main.Where(g => g.Stage == s).Sum(g => g.Count);
        var totals = new Totals(
            main.Sum(g => g.Count),
            Of(Stage.Candidate),
            Of(Stage.Placed),
            Of(Stage.Returned),
            Of(Stage.FailedDeparture),
            Of(Stage.Withdrawn),
            Of(Stage.Deceased),
            main.Sum(g => g.Participants));

        static List<Breakdown> By<T>(IEnumerable<T> groups, Func<T, string> key, Func<T, Stage> stage, Func<T, int> count) =>
        [
            .. groups.GroupBy(key, StringComparer.Ordinal)
                .Select(g => new Breakdown(
                    g.Key,
                    g.Where(x => stage(x) == Stage.Candidate).Sum(count),
                    g.Where(x => stage(x) == Stage.Placed).Sum(count),
                    g.Sum(count)))
                .OrderByDescending(b => b.Candidates + b.Placed)
                .ThenByDescending(b => b.Registered)
                .ThenBy(b => b.Key, StringComparer.Ordinal),
        ];

        var byProvince = By(main, g => g.ProvinceCode, g => g.Stage, g => g.Count)
            .Select(b => new ProvinceBreakdown(b.Key, Provinces.NameOf(b.Key) ?? b.Key, b.Candidates, b.Placed, b.Registered))
            .ToList();
        var byMonth = months.GroupBy(m => m.Month)
            .OrderBy(g => g.Key)
            .Select(g => new MonthBreakdown(
                MonthKey(g.Key),
                g.Sum(m => m.Count),
                g.Where(m => m.Stage == Stage.Candidate).Sum(m => m.Count),
                g.Where(m => m.Stage == Stage.Placed).Sum(m => m.Count)))
            .ToList();
        var byDepartureMonth = departures.OrderBy(d => d.Month).Select(d => new DepartureMonth(MonthKey(d.Month), d.Count)).ToList();
        var byKind = payments.GroupBy(p => p.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new KindAmount(Codes.Of(g.Key), g.Sum(p => p.Count), g.Sum(p => p.Amount)))
            .ToList();
        var byPaidMonth = payments.GroupBy(p => p.Month)
            .OrderBy(g => g.Key)
            .Select(g => new MonthAmount(MonthKey(g.Key), g.Sum(p => p.Count), g.Sum(p => p.Amount)))
            .ToList();

        return new EnrollmentReport(
            today,
            from,
            to,
            totals,
            By(main, g => g.DestinationCountry, g => g.Stage, g => g.Count),
            byProvince,
            By(main, g => Codes.Of(g.Sex), g => g.Stage, g => g.Count),
            By(main, g => Codes.Of(g.Scheme), g => g.Stage, g => g.Count),
            By(agencies, g => g.AgencyName ?? "", g => g.Stage, g => g.Count),
            By(agencies, g => g.Occupation, g => g.Stage, g => g.Count),
            byMonth,
            byDepartureMonth,
            new Contributions(payments.Sum(p => p.Amount), payments.Sum(p => p.Count), byKind, byPaidMonth),
            gaps);
    }

    private static string MonthKey(int yyyymm) =>
        string.Create(CultureInfo.InvariantCulture, $"{yyyymm / 100:0000}-{yyyymm % 100:00}");

    private sealed record MainGroup(Stage Stage, string DestinationCountry, string ProvinceCode, Sex Sex, Scheme Scheme, int Count, int Participants);

    private sealed record AgencyGroup(Stage Stage, string? AgencyName, string Occupation, int Count);

    private sealed record MonthGroup(int Month, Stage Stage, int Count);

    private sealed record PaymentGroup(int Month, PaymentKind Kind, int Count, long Amount);
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
