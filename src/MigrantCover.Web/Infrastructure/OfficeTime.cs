namespace MigrantCover.Web.Infrastructure;

/// <summary>
/// The offices' clock: Western Indonesian Time (WIB, UTC+7, no daylight saving). "Today" for every rule,
/// figure and lookup is the calendar date there, and times shown to staff are WIB.
/// </summary>
public static class OfficeTime
{
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>The calendar date at the offices now.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Wib).DateTime);

    /// <summary>A stored UTC timestamp as WIB.</summary>
    public static DateTimeOffset InWib(this DateTimeOffset at) => at.ToOffset(Wib);

    /// <summary>A stored UTC timestamp as staff pages show it: "3 Desember 2026 15:24 WIB" (the dates' own format, then the time).</summary>
    public static string WibText(this DateTimeOffset at, string? language)
    {
        var wib = at.InWib();
        return RuleText.Date(DateOnly.FromDateTime(wib.DateTime), language) + " " + wib.ToString("HH:mm", CultureInfo.InvariantCulture) + " WIB";
    }
}
