using System.Globalization;

namespace MigrantCover.Web.Features.Stats;

/// <summary>The optional registration-date range of the dashboard, the export and the API (YYYY-MM-DD).</summary>
public sealed record StatsRange(DateOnly? From, DateOnly? To)
{
    /// <summary>Parses both ends; errors are keyed by field ("from", "to") in the language ("id" or "en").</summary>
    public static (StatsRange Range, Dictionary<string, string[]> Errors) Parse(string? from, string? to, string language)
    {
        var en = language == "en";
        var errors = new Dictionary<string, string[]>();
        DateOnly? One(string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            errors[field] = [en
                ? $"'{value}' is not a date: write it as YYYY-MM-DD, for example 2026-01-31."
                : $"'{value}' bukan tanggal: tulis sebagai TTTT-BB-HH, misalnya 2026-01-31."];
            return null;
        }

        var f = One("from", from);
        var t = One("to", to);
        if (f is { } a && t is { } b && a > b)
        {
            errors["to"] = [en
                ? "The end date is before the start date: choose an end date on or after the start date."
                : "Tanggal akhir sebelum tanggal awal: pilih tanggal akhir yang sama atau sesudah tanggal awal."];
        }

        return (new StatsRange(f, t), errors);
    }
}
