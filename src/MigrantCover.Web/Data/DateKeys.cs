namespace MigrantCover.Web.Data;

/// <summary>
/// The month and day keys of the derived columns and the tallies, in C# and in SQL: yyyymm of a date
/// (Worker.RegisteredMonth, Payment.PaidMonth, ...) and yyyymmdd of a day (cover_tallies.covered_until).
/// </summary>
public static class DateKeys
{
    public static int Month(DateOnly date) => (date.Year * 100) + date.Month;

    public static int? Month(DateOnly? date) => date is { } d ? Month(d) : null;

    /// <summary>yyyymmdd of a day, 0 for none.</summary>
    public static int Day(DateOnly? day) => day is { } d ? (d.Year * 10_000) + (d.Month * 100) + d.Day : 0;

    /// <summary>"2026-01" of 202601, as the report and the exports show a month.</summary>
    public static string MonthText(int yyyymm) => string.Create(CultureInfo.InvariantCulture, $"{yyyymm / 100:0000}-{yyyymm % 100:00}");

    /// <summary>yyyymmdd of a date column, 0 for none (dates are text on SQLite).</summary>
    public static string DaySql(string column, bool postgres) =>
        postgres ? $"COALESCE(CAST(to_char({column}, 'YYYYMMDD') AS integer), 0)" : $"COALESCE(CAST(replace({column}, '-', '') AS INTEGER), 0)";
}
