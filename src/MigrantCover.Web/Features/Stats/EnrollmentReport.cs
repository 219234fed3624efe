using System.Text.Json.Serialization;

namespace MigrantCover.Web.Features.Stats;

/// <summary>
/// The admin figures (docs/api.md, "Totals"): totals by stage, one breakdown per declared dimension
/// (<see cref="Breakdowns"/>, written as <c>byDestination</c>, <c>byProvince</c>, ... beside the other
/// figures), registrations and departures per month, contributions and coverage gaps.
/// </summary>
public sealed record EnrollmentReport(
    DateOnly AsOf,
    DateOnly? From,
    DateOnly? To,
    Totals Totals,
    IReadOnlyList<MonthBreakdown> ByMonth,
    IReadOnlyList<DepartureMonth> ByDepartureMonth,
    Contributions Contributions,
    GapCounts Gaps)
{
    /// <summary>The breakdown of each of <see cref="TallyDimensions.Breakdowns"/>, by its report key.</summary>
    [JsonExtensionData]
    public Dictionary<string, object> Breakdowns { get; init; } = [];

    public IReadOnlyList<Breakdown> Breakdown(TallyDimension dimension) => (IReadOnlyList<Breakdown>)Breakdowns[dimension.ReportKey];

    /// <summary>The report from the tally rows of the range (whole months and edge days), payments and gap counts.</summary>
    public static EnrollmentReport Build(
        DateOnly today,
        DateOnly? from,
        DateOnly? to,
        IReadOnlyList<WorkerTally> rows,
        IReadOnlyList<DepartureTally> departures,
        IReadOnlyList<PaymentTally> payments,
        GapCounts gaps)
    {
        var all = rows.Where(r => r.Dimension == TallyDimensions.All).ToList();
        int Of(Stage s) => Sum(all.Where(g => g.Stage == s), g => g.Workers);
        var totals = new Totals(
            Sum(all, g => g.Workers),
            Of(Stage.Candidate),
            Of(Stage.Placed),
            Of(Stage.Returned),
            Of(Stage.FailedDeparture),
            Of(Stage.Withdrawn),
            Of(Stage.Deceased),
            Sum(all, g => g.Participants));

        var byMonth = all.GroupBy(m => m.RegisteredMonth)
            .Where(g => g.Sum(m => m.Workers) != 0)
            .OrderBy(g => g.Key)
            .Select(g => new MonthBreakdown(
                DateKeys.MonthText(g.Key),
                Sum(g, m => m.Workers),
                Sum(g.Where(m => m.Stage == Stage.Candidate), m => m.Workers),
                Sum(g.Where(m => m.Stage == Stage.Placed), m => m.Workers)))
            .ToList();
        var byDepartureMonth = departures.GroupBy(d => d.DepartedMonth)
            .Where(g => g.Sum(d => d.Workers) != 0)
            .OrderBy(g => g.Key)
            .Select(g => new DepartureMonth(DateKeys.MonthText(g.Key), Sum(g, d => d.Workers)))
            .ToList();
        var paid = payments.Where(p => p.Payments != 0).ToList();
        var byKind = paid.GroupBy(p => p.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new KindAmount(Codes.Of(g.Key), Sum(g, p => p.Payments), g.Sum(p => p.Amount)))
            .ToList();
        var byPaidMonth = paid.GroupBy(p => p.PaidMonth)
            .OrderBy(g => g.Key)
            .Select(g => new MonthAmount(DateKeys.MonthText(g.Key), Sum(g, p => p.Payments), g.Sum(p => p.Amount)))
            .ToList();

        return new EnrollmentReport(
            today,
            from,
            to,
            totals,
            byMonth,
            byDepartureMonth,
            new Contributions(paid.Sum(p => p.Amount), Sum(paid, p => p.Payments), byKind, byPaidMonth),
            gaps)
        {
            Breakdowns = TallyDimensions.Breakdowns.ToDictionary(d => d.ReportKey, d => (object)By(d, rows)),
        };
    }

    // Candidates and placed per value of one dimension, the largest first.
    private static List<Breakdown> By(TallyDimension dimension, IReadOnlyList<WorkerTally> rows) =>
    [
        .. rows.Where(r => r.Dimension == dimension.Name)
            .GroupBy(r => r.Value, StringComparer.Ordinal)
            .Select(g => new Breakdown(
                g.Key,
                dimension.NameOf is { } name ? name(g.Key) ?? g.Key : null,
                Sum(g.Where(x => x.Stage == Stage.Candidate), x => x.Workers),
                Sum(g.Where(x => x.Stage == Stage.Placed), x => x.Workers),
                Sum(g, x => x.Workers)))
            .Where(b => b.Registered != 0)
            .OrderByDescending(b => b.Candidates + b.Placed)
            .ThenByDescending(b => b.Registered)
            .ThenBy(b => b.Key, StringComparer.Ordinal),
    ];

    private static int Sum<T>(IEnumerable<T> rows, Func<T, long> count) => checked((int)rows.Sum(count));
}

public sealed record Totals(int Registered, int Candidates, int Placed, int Returned, int FailedDeparture, int Withdrawn, int Deceased, int Participants);

/// <summary>
/// Candidates and placed workers per key (as BPJS Ketenagakerjaan reports), and all stages; the name of
/// the key where the dimension has one (a province's).
/// </summary>
public sealed record Breakdown(
    string Key,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name,
    int Candidates,
    int Placed,
    int Registered);

public sealed record MonthBreakdown(string Key, int Registered, int Candidates, int Placed);

public sealed record DepartureMonth(string Key, int Departed);

public sealed record KindAmount(string Key, int Payments, long Amount);

public sealed record MonthAmount(string Key, int Payments, long Amount);

public sealed record Contributions(long Collected, int Payments, IReadOnlyList<KindAmount> ByKind, IReadOnlyList<MonthAmount> ByMonth);

/// <summary>The count of each gap of <see cref="CoverGaps.All"/>.</summary>
public sealed record GapCounts(
    int DepartedWithoutCover,
    int PreplacementLapsed,
    int PreplacementEndingIn30Days,
    int PlacementEndingIn30Days,
    int PlacementEndingIn60Days,
    int PlacementEndingIn90Days)
{
    public int Of(GapKind kind) => kind switch
    {
        GapKind.DepartedWithoutCover => DepartedWithoutCover,
        GapKind.PreplacementLapsed => PreplacementLapsed,
        GapKind.PreplacementEndingIn30Days => PreplacementEndingIn30Days,
        GapKind.PlacementEndingIn30Days => PlacementEndingIn30Days,
        GapKind.PlacementEndingIn60Days => PlacementEndingIn60Days,
        _ => PlacementEndingIn90Days,
    };
}
