namespace MigrantCover.Domain;

/// <summary>
/// A broken rule, as a value. <see cref="RuleText.Format"/> renders it in Indonesian or English;
/// the web layer keys it by <see cref="Field"/> (the camelCase API field name).
/// </summary>
public sealed record RuleFailure(
    string RuleId,
    string Key,
    string? Field,
    IReadOnlyDictionary<string, string> Args,
    long? ExpectedAmount = null)
{
    private static readonly IReadOnlyDictionary<string, string> NoArgs = new Dictionary<string, string>();

    public static RuleFailure Of(string ruleId, string key, string? field, params (string Name, string Value)[] args)
    {
        if (args.Length == 0)
        {
            return new RuleFailure(ruleId, key, field, NoArgs);
        }

        var dict = new Dictionary<string, string>(args.Length);
        foreach (var (name, value) in args)
        {
            dict[name] = value;
        }

        return new RuleFailure(ruleId, key, field, dict);
    }

    public override string ToString() => $"{RuleId} {Key} ({Field})";
}

/// <summary>Invariant argument formatting, so that <see cref="RuleText"/> can parse them back.</summary>
internal static class Arg
{
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Money(long amount) => amount.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Two(int value) => value.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
}
