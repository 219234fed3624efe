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

        var firstMonth = from is { } f ? DateKeys.Month(f.Day == 1 ? f : FirstDay(f).AddMonths(1)) : int.MinValue;
        var lastMonth = to is { } t ? DateKeys.Month(t.AddDays(1).Day == 1 ? t : FirstDay(t).AddMonths(-1)) : int.MaxValue;
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

        return new MonthSpan(firstMonth, lastMonth, edges);
    }

    private static DateOnly FirstDay(DateOnly d) => new(d.Year, d.Month, 1);
}
