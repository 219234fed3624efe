using System.Collections.Concurrent;
using System.Globalization;

namespace MigrantCover.Domain;

/// <summary>ISO 3166-1 alpha-2 codes (R-DST-1), officially assigned ones only.</summary>
public static class Countries
{
    public const string Indonesia = "ID";

    private const string AssignedCodes =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
        "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP " +
        "KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT " +
        "MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW " +
        "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG " +
        "UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

    private static readonly HashSet<string> Set = new(AssignedCodes.Split(' '), StringComparer.Ordinal);

    public static IReadOnlyCollection<string> All => Set;

    /// <summary>Exact, uppercase match: callers normalise first (the API says "HK", not "hk").</summary>
    public static bool IsAssigned(string? code) => code is not null && Set.Contains(code);

    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> NamesByLanguage = new(StringComparer.Ordinal);

    /// <summary>
    /// The country's name in "id" or "en", from the platform's ICU (CLDR) data, not a typed table: ICU
    /// names a locale's country in the UI language ("Inggris (Hong Kong DAK Tiongkok)"), and the part in
    /// brackets is the country. A code ICU does not know is itself.
    /// </summary>
    public static string Name(string? code, string language)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "";
        }

        return NamesOf(language).TryGetValue(code, out var name) ? name : code;
    }

    /// <summary>Every assigned code with its name in <paramref name="language"/>.</summary>
    public static IReadOnlyDictionary<string, string> NamesOf(string language) =>
        NamesByLanguage.GetOrAdd(language == "en" ? "en" : "id", Build);

    private static IReadOnlyDictionary<string, string> Build(string language)
    {
        var ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language == "en" ? "en-US" : "id-ID");
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var code in Set)
            {
                string display;
                try
                {
                    display = new CultureInfo("en-" + code).DisplayName;
                }
                catch (CultureNotFoundException)
                {
                    continue;
                }

                var open = display.IndexOf('(', StringComparison.Ordinal);
                names[code] = open >= 0 && display.EndsWith(')') ? display[(open + 1)..^1] : code;
            }

            return names;
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
