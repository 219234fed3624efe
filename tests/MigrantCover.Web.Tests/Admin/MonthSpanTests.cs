namespace MigrantCover.Web.Tests.Admin;

/// <summary>How a date range splits into whole months (read from the tallies) and edge days (counted from the rows).</summary>
public class MonthSpanTests
{
    [Theory]
    [InlineData(null, null, int.MinValue, int.MaxValue, "")]
    [InlineData("2026-01-01", "2026-03-31", 202601, 202603, "")]
    [InlineData("2026-01-07", "2026-02-15", 202602, 202601, "2026-01-07..2026-01-31 2026-02-01..2026-02-15")]
    [InlineData("2025-12-16", "2026-01-31", 202601, 202601, "2025-12-16..2025-12-31")]
    [InlineData("2026-01-01", "2026-01-30", 202601, 202512, "2026-01-01..2026-01-30")]
    [InlineData("2026-01-06", "2026-01-06", 202602, 202512, "2026-01-06..2026-01-06")]
    [InlineData(null, "2026-01-20", int.MinValue, 202512, "2026-01-01..2026-01-20")]
    [InlineData("2026-01-31", null, 202602, int.MaxValue, "2026-01-31..2026-01-31")]
    [InlineData("2024-02-10", "2024-02-29", 202403, 202402, "2024-02-10..2024-02-29")]
    [InlineData("2025-11-30", "2026-03-01", 202512, 202602, "2025-11-30..2025-11-30 2026-03-01..2026-03-01")]
    [InlineData("0001-01-01", "9999-12-31", 101, 999912, "")]
    [InlineData("9999-12-31", null, 1000001, int.MaxValue, "9999-12-31..9999-12-31")]
    [InlineData(null, "0001-01-01", int.MinValue, 12, "0001-01-01..0001-01-01")]
    [InlineData("0001-01-02", "0001-01-05", 102, 12, "0001-01-02..0001-01-05")]
    public void SplitsARangeIntoWholeMonthsAndAtMostTwoRunsOfEdgeDays(string? from, string? to, int firstMonth, int lastMonth, string edges)
    {
        var span = MonthSpan.Of(Date(from), Date(to));
        Assert.Equal(firstMonth, span.FirstMonth);
        Assert.Equal(lastMonth, span.LastMonth);
        Assert.Equal(edges, string.Join(" ", span.EdgeDays.Select(e => $"{e.First:yyyy-MM-dd}..{e.Last:yyyy-MM-dd}")));
        Assert.All(span.EdgeDays, e => Assert.Equal((e.First.Year, e.First.Month), (e.Last.Year, e.Last.Month)));
    }

    [Fact]
    public void ARangeEndingBeforeItStartsHasNoMonthAndNoDay()
    {
        var span = MonthSpan.Of(new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1));
        Assert.True(span.FirstMonth > span.LastMonth);
        Assert.Empty(span.EdgeDays);
    }

    private static DateOnly? Date(string? text) => text is null ? null : DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
