using System.Text;

namespace MigrantCover.Domain;

/// <summary>
/// The lowercase-hyphen codes of the rule book and the API (docs/api.md: "pre-placement",
/// "failed-departure", "jkk"), to and from the enumerations.
/// </summary>
public static class Codes
{
    public static string Of<T>(T value)
        where T : struct, Enum => Cache<T>.ToCode[value];

    public static bool TryParse<T>(string? code, out T value)
        where T : struct, Enum
    {
        if (code is not null && Cache<T>.FromCode.TryGetValue(code.Trim(), out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Cache<T>.AllCodes;

    internal static string Kebab(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static class Cache<T>
        where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ToCode =
            Enum.GetValues<T>().ToDictionary(v => v, v => Kebab(v.ToString()));

        public static readonly Dictionary<string, T> FromCode =
            ToCode.ToDictionary(kv => kv.Value, kv => kv.Key, StringComparer.OrdinalIgnoreCase);

        public static readonly string[] AllCodes = [.. ToCode.Values];
    }
}
