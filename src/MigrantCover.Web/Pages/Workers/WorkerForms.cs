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

    public string Label => WorkerForms.Label(Field);
}

/// <summary>The choices and dates of the officers' forms.</summary>
public static class WorkerForms
{
    /// <summary>The codes of <typeparamref name="T"/>, after a blank choice when <paramref name="blank"/> names it.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Options<T>(Func<string, string> label, string? blank)
        where T : struct, Enum =>
        Choices(blank, Codes.All<T>().Select(c => new KeyValuePair<string, string>(c, label(c))));

    /// <summary>Destination countries by name in the page's language (ICU data), Indonesia left out; the same list for registration, filters and restrictions.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Countries(string blank) =>
        Choices(blank, Domain.Countries.NamesOf(Localization.Language).Where(c => c.Key != Domain.Countries.Indonesia)
            .OrderBy(c => c.Value, StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.IgnoreCase))
            .Select(c => new KeyValuePair<string, string>(c.Key, c.Value)));

    /// <summary>A field's label in the page's language, as a label starts: with a capital ("Date of birth").</summary>
    public static string Label(string field) => RuleText.Label(field, Localization.Language) is { Length: > 0 } l ? Localization.Standalone(l) : field;

    /// <summary>The display names of the staff accounts with these e-mails (as the audit records them), by e-mail.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> StaffNamesAsync(AppDbContext db, IEnumerable<string?> emails, CancellationToken ct)
    {
        var wanted = emails.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking()
            .Where(u => u.Email != null && wanted.Contains(u.Email) && u.DisplayName != "")
            .ToDictionaryAsync(u => u.Email!, u => u.DisplayName, StringComparer.OrdinalIgnoreCase, ct);
    }

    /// <summary>A country's name in the page's language.</summary>
    public static string Country(string? code) => Domain.Countries.Name(code, Localization.Language);

    /// <summary>The last four digits of a NIK, the rest hidden: enough to tell two people apart at a glance.</summary>
    public static string MaskedNik(string? nik) => nik is { Length: >= 4 } ? "••••" + nik[^4..] : "—";

    public static IReadOnlyList<KeyValuePair<string, string>> Provinces(string blank) =>
        Choices(blank, Domain.Provinces.All.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValuePair<string, string>(p.Key, $"{p.Key} · {p.Value}")));

    public static string Date(DateOnly? d) => d is { } v ? RuleText.Date(v, Localization.Language) : "—";

    public static string Iso(DateOnly? d) => Input.Iso(d);

    private static IReadOnlyList<KeyValuePair<string, string>> Choices(string? blank, IEnumerable<KeyValuePair<string, string>> items) =>
        [.. blank is null ? items : items.Prepend(new("", blank))];
}

/// <summary>The consent fieldset's values (Pages/Workers/_ConsentFields): names are <c>{Prefix}.RemindersConsent</c> and so on.</summary>
public sealed record ConsentFields(string Prefix, bool Consent, IReadOnlyList<string> Channels, string? On, string? Language, string? ChannelsError = null);
