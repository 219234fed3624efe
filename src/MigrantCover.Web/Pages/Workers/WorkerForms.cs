using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>One form field as the shared partial draws it: label, input or select, error linked by aria-describedby.</summary>
public sealed record FieldModel(
    string Field,
    string? Value,
    string Type = "text",
    bool Required = false,
    IReadOnlyList<KeyValuePair<string, string>>? Options = null,
    string? Help = null,
    string? Autocomplete = null,
    string Prefix = "Input")
{
    public string Name => ModelStateFailures.KeyOf(Prefix, Field);

    public string Id => Name.Replace('.', '_');

    public string Label => RuleText.Label(Field, Localization.Language);
}

/// <summary>The choices and dates of the officers' forms.</summary>
public static class WorkerForms
{
    /// <summary>The codes of <typeparamref name="T"/>, after a blank choice when <paramref name="blank"/> names it.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Options<T>(Func<string, string> label, string? blank)
        where T : struct, Enum =>
        Choices(blank, Codes.All<T>().Select(c => new KeyValuePair<string, string>(c, label(c))));

    public static IReadOnlyList<KeyValuePair<string, string>> Countries(string blank) =>
        Choices(blank, Domain.Countries.All.Where(c => c != Domain.Countries.Indonesia).Order(StringComparer.Ordinal)
            .Select(code => new KeyValuePair<string, string>(code, CountryName(code))));

    public static IReadOnlyList<KeyValuePair<string, string>> Provinces(string blank) =>
        Choices(blank, Domain.Provinces.All.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValuePair<string, string>(p.Key, $"{p.Key} · {p.Value}")));

    public static string Date(DateOnly? d) => d is { } v ? RuleText.Date(v, Localization.Language) : "—";

    public static string Iso(DateOnly? d) => Input.Iso(d);

    private static IReadOnlyList<KeyValuePair<string, string>> Choices(string? blank, IEnumerable<KeyValuePair<string, string>> items) =>
        [.. blank is null ? items : items.Prepend(new("", blank))];

    private static string CountryName(string code)
    {
        try
        {
            return $"{code} · {new RegionInfo(code).EnglishName}";
        }
        catch (ArgumentException)
        {
            // A code without region data is shown as the code.
            return code;
        }
    }
}

/// <summary>The consent fieldset's values (Pages/Workers/_ConsentFields): names are <c>{Prefix}.RemindersConsent</c> and so on.</summary>
public sealed record ConsentFields(string Prefix, bool Consent, IReadOnlyList<string> Channels, string? On, string? Language, string? ChannelsError = null);
