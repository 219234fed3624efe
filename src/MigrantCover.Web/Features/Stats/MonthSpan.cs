namespace MigrantCover.Web.Features.Stats;

/// <summary>
/// A registration or payment date range split into whole months (yyyymm, read from the tallies; none when
/// <see cref="FirstMonth"/> exceeds <see cref="LastMonth"/>) and at most two runs of days of partially
/// covered months, each within one month (counted from the rows). An open end takes every month.
/// </summary>
public sealed record MonthSpan(int FirstMonth, int LastMonth, IReadOnlyList<(DateOnly First, DateOnly Last)> EdgeDays)
{
    public static MonthSpan Of(DateOnly? from, DateOnly? to)
    {
        if (from > to)
        {
            return new MonthSpan(1, 0, []);
        }

        // Month keys are counted on, not dates: 9999-12-31 and 0001-01-01 are valid ends (no date after or before them).
        var firstMonth = from is { } f ? (f.Day == 1 ? DateKeys.Month(f) : NextMonth(DateKeys.Month(f))) : int.MinValue;
        var lastMonth = to is { } t ? (IsLastDay(t) ? DateKeys.Month(t) : PreviousMonth(DateKeys.Month(t))) : int.MaxValue;
        var edges = new List<(DateOnly, DateOnly)>();
        if (from is { Day: not 1 } start)
        {
            var end = LastDay(start);
            edges.Add((start, to is { } t1 && t1 < end ? t1 : end));
        }

        if (to is { } stop && !IsLastDay(stop) && !(from is { Day: not 1 } s1 && FirstDay(s1) == FirstDay(stop)))
        {
            var begin = FirstDay(stop);
            edges.Add((from is { } f1 && f1 > begin ? f1 : begin, stop));
        }

        return new MonthSpan(firstMonth, lastMonth, edges);
    }

    private static DateOnly FirstDay(DateOnly d) => new(d.Year, d.Month, 1);

    private static DateOnly LastDay(DateOnly d) => new(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));

    private static bool IsLastDay(DateOnly d) => d == LastDay(d);

    private static int NextMonth(int key) => key % 100 == 12 ? ((key / 100) + 1) * 100 + 1 : key + 1;

    private static int PreviousMonth(int key) => key % 100 == 1 ? ((key / 100) - 1) * 100 + 12 : key - 1;
}
