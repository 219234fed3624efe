using System.Diagnostics.CodeAnalysis;

namespace MigrantCover.Domain;

/// <summary>Province codes (Kemendagri) valid in the first two digits of a NIK or KK (R-NIK-2, R-KK-1).</summary>
public static class Provinces
{
    private static readonly Dictionary<string, string> ByCode = new(StringComparer.Ordinal)
    {
        ["11"] = "Aceh",
        ["12"] = "Sumatera Utara",
        ["13"] = "Sumatera Barat",
        ["14"] = "Riau",
        ["15"] = "Jambi",
        ["16"] = "Sumatera Selatan",
        ["17"] = "Bengkulu",
        ["18"] = "Lampung",
        ["19"] = "Kepulauan Bangka Belitung",
        ["21"] = "Kepulauan Riau",
        ["31"] = "DKI Jakarta",
        ["32"] = "Jawa Barat",
        ["33"] = "Jawa Tengah",
        ["34"] = "DI Yogyakarta",
        ["35"] = "Jawa Timur",
        ["36"] = "Banten",
        ["51"] = "Bali",
        ["52"] = "Nusa Tenggara Barat",
        ["53"] = "Nusa Tenggara Timur",
        ["61"] = "Kalimantan Barat",
        ["62"] = "Kalimantan Tengah",
        ["63"] = "Kalimantan Selatan",
        ["64"] = "Kalimantan Timur",
        ["65"] = "Kalimantan Utara",
        ["71"] = "Sulawesi Utara",
        ["72"] = "Sulawesi Tengah",
        ["73"] = "Sulawesi Selatan",
        ["74"] = "Sulawesi Tenggara",
        ["75"] = "Gorontalo",
        ["76"] = "Sulawesi Barat",
        ["81"] = "Maluku",
        ["82"] = "Maluku Utara",
        ["91"] = "Papua",
        ["92"] = "Papua Barat",
        ["93"] = "Papua Selatan",
        ["94"] = "Papua Tengah",
        ["95"] = "Papua Pegunungan",
        ["96"] = "Papua Barat Daya",
    };

    /// <summary>Code → name, in code order.</summary>
    public static IReadOnlyDictionary<string, string> All => ByCode;

    public static bool TryGetName(string? code, [NotNullWhen(true)] out string? name)
    {
        if (code is not null && ByCode.TryGetValue(code, out var found))
        {
            name = found;
            return true;
        }

        name = null;
        return false;
    }

    public static string? NameOf(string? code) => TryGetName(code, out var name) ? name : null;

    public static bool IsValid(string? code) => code is not null && ByCode.ContainsKey(code);
}
