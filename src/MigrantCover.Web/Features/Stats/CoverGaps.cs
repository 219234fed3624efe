namespace MigrantCover.Web.Features.Stats;

/// <summary>The gap lists an admin can open from the dashboard.</summary>
public enum GapKind
{
    DepartedWithoutCover,
    PreplacementLapsed,
    PreplacementEndingIn30Days,
    PlacementEndingIn30Days,
    PlacementEndingIn60Days,
    PlacementEndingIn90Days,
}

/// <summary>
/// One coverage gap, declared once: the workers of a stage (and cover phase) whose current or last cover
/// ends between <see cref="FirstDay"/> and <see cref="LastDay"/> days from today (no lower bound when
/// null), and those without cover when <see cref="WithoutCover"/>. Both its list (<see cref="Query"/>,
/// from the cover snapshot of the workers) and its count (<see cref="Counts"/>, from cover_tallies) come
/// from this declaration.
/// </summary>
public sealed record CoverGap(GapKind Kind, string Code, Stage Stage, CoverPhase? Phase, int? FirstDay, int LastDay, bool WithoutCover = false)
{
    /// <summary>The workers of the gap as of <paramref name="today"/>.</summary>
    public IQueryable<Worker> Query(AppDbContext db, DateOnly today)
    {
        var stage = Stage;
        var last = today.AddDays(LastDay);
        var workers = db.Workers.AsNoTracking().Where(w => w.Stage == stage);
        if (Phase is { } phase)
        {
            workers = workers.Where(w => w.CoverPhase == phase);
        }

        if (FirstDay is { } firstDay)
        {
            var first = today.AddDays(firstDay);
            workers = workers.Where(w => w.CoveredUntil >= first);
        }

        return WithoutCover
            ? workers.Where(w => w.CoveredUntil == null || w.CoveredUntil <= last)
            : workers.Where(w => w.CoveredUntil <= last);
    }

    /// <summary>Whether the workers of a cover tally row are in the gap as of <paramref name="today"/>.</summary>
    public bool Counts(CoverTally row, DateOnly today) =>
        row.Stage == Stage
        && (Phase is not { } phase || row.CoverPhase == Codes.Of(phase))
        && (row.CoveredUntil == 0
            ? WithoutCover
            : row.CoveredUntil <= DateKeys.Day(today.AddDays(LastDay)) && (FirstDay is not { } first || row.CoveredUntil >= DateKeys.Day(today.AddDays(first))));
}

public static class CoverGaps
{
    public const int SoonDays1 = 30;
    public const int SoonDays2 = 60;
    public const int SoonDays3 = 90;

    public static readonly IReadOnlyList<CoverGap> All =
    [
        // Departed, and no cover or cover ended before today.
        new(GapKind.DepartedWithoutCover, "departed-without-cover", Stage.Placed, null, null, -1, WithoutCover: true),

        // R-COV-2: pre-placement cover ended before today, still a candidate.
        new(GapKind.PreplacementLapsed, "preplacement-lapsed", Stage.Candidate, CoverPhase.PrePlacement, null, -1),
        new(GapKind.PreplacementEndingIn30Days, "preplacement-ending-30", Stage.Candidate, CoverPhase.PrePlacement, 0, SoonDays1),
        new(GapKind.PlacementEndingIn30Days, "placement-ending-30", Stage.Placed, CoverPhase.Placement, 0, SoonDays1),
        new(GapKind.PlacementEndingIn60Days, "placement-ending-60", Stage.Placed, CoverPhase.Placement, 0, SoonDays2),
        new(GapKind.PlacementEndingIn90Days, "placement-ending-90", Stage.Placed, CoverPhase.Placement, 0, SoonDays3),
    ];

    public static CoverGap Of(GapKind kind) => All.Single(g => g.Kind == kind);

    public static CoverGap? ByCode(string? code) => All.FirstOrDefault(g => string.Equals(g.Code, code, StringComparison.Ordinal));

    /// <summary>The workers of one gap, as of <paramref name="today"/>.</summary>
    public static IQueryable<Worker> Query(AppDbContext db, GapKind kind, DateOnly today) => Of(kind).Query(db, today);

    /// <summary>Every gap's count, as sums of cover_tallies (workers per stage, phase and last day of cover) up to the furthest day a gap looks at.</summary>
    public static async Task<GapCounts> CountAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var stages = All.Select(g => g.Stage).Distinct().ToList();
        var horizon = DateKeys.Day(today.AddDays(All.Max(g => g.LastDay)));
        var rows = await db.CoverTallies.AsNoTracking()
            .Where(t => stages.Contains(t.Stage) && t.CoveredUntil <= horizon && t.Workers != 0)
            .ToListAsync(ct);
        int Count(GapKind kind) => checked((int)rows.Where(t => Of(kind).Counts(t, today)).Sum(t => t.Workers));
        return new GapCounts(
            Count(GapKind.DepartedWithoutCover),
            Count(GapKind.PreplacementLapsed),
            Count(GapKind.PreplacementEndingIn30Days),
            Count(GapKind.PlacementEndingIn30Days),
            Count(GapKind.PlacementEndingIn60Days),
            Count(GapKind.PlacementEndingIn90Days));
    }
}
