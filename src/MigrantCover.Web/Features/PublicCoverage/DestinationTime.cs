namespace MigrantCover.Web.Features.PublicCoverage;

/// <summary>
/// The clock of a worker's destination country, for the times the public pages show next to WIB
/// (decision 0026). Only countries with one time zone are listed; for the others (and unknown codes)
/// the pages show WIB alone rather than guess.
/// </summary>
public static class DestinationTime
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AE"] = "Asia/Dubai",
        ["BH"] = "Asia/Bahrain",
        ["BN"] = "Asia/Brunei",
        ["DE"] = "Europe/Berlin",
        ["HK"] = "Asia/Hong_Kong",
        ["IT"] = "Europe/Rome",
        ["JO"] = "Asia/Amman",
        ["JP"] = "Asia/Tokyo",
        ["KR"] = "Asia/Seoul",
        ["KW"] = "Asia/Kuwait",
        ["MO"] = "Asia/Macau",
        ["MY"] = "Asia/Kuala_Lumpur",
        ["NL"] = "Europe/Amsterdam",
        ["OM"] = "Asia/Muscat",
        ["PL"] = "Europe/Warsaw",
        ["QA"] = "Asia/Qatar",
        ["SA"] = "Asia/Riyadh",
        ["SG"] = "Asia/Singapore",
        ["TH"] = "Asia/Bangkok",
        ["TR"] = "Europe/Istanbul",
        ["TW"] = "Asia/Taipei",
        ["GB"] = "Europe/London",
    };

    /// <summary>The destination's time zone, or null when the country has several or none is known here.</summary>
    public static TimeZoneInfo? ZoneOf(string? country)
    {
        if (country is null || !Zones.TryGetValue(country, out var id))
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
