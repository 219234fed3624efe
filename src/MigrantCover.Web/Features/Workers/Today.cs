namespace MigrantCover.Web.Features.Workers;

public static class TodayExtensions
{
    // Offices work on Western Indonesian Time (WIB, UTC+7), which has no daylight saving.
    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    /// <summary>The calendar date at the offices now: what "today" means for every rule.</summary>
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Wib).DateTime);
}
