using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using MigrantCover.Domain;
using MigrantCover.Web.Features.Workers;
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
    public string Name => Prefix + "." + WorkerForms.Pascal(Field);

    public string Id => Name.Replace('.', '_');

    public string Label => Say.Label(Field, Localization.Language);
}

public static class WorkerForms
{
    public static string Pascal(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];

    /// <summary>Shared-write errors next to their fields; those without a field of the form go to the summary.</summary>
    public static void AddErrors(this ModelStateDictionary state, IEnumerable<FieldError> errors, IReadOnlyCollection<string>? fields = null, string prefix = "Input")
    {
        foreach (var e in errors)
        {
            var key = e.Field.Length > 0 && (fields is null || fields.Contains(e.Field)) ? prefix + "." + Pascal(e.Field) : "";
            state.AddModelError(key, e.RuleId is null ? e.Message : $"{e.Message} ({e.RuleId})");
        }
    }

    /// <summary>Replaces the framework's English "value is not valid" for a number field with our message.</summary>
    public static void FixNumberBinding(this ModelStateDictionary state, string key)
    {
        if (state.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            state.AddModelError(key, Say.T("Isi dengan bilangan bulat, misalnya 24.", "Enter a whole number, for example 24."));
        }
    }

    public static IReadOnlyList<KeyValuePair<string, string>> Options<T>(Func<string, string> label, bool blank = true)
        where T : struct, Enum
    {
        var list = new List<KeyValuePair<string, string>>();
        if (blank)
        {
            list.Add(new("", Say.T("— pilih —", "— choose —")));
        }

        list.AddRange(Codes.All<T>().Select(c => new KeyValuePair<string, string>(c, label(c))));
        return list;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> Countries(bool blank = true)
    {
        var list = new List<KeyValuePair<string, string>>();
        if (blank)
        {
            list.Add(new("", Say.T("— pilih —", "— choose —")));
        }

        foreach (var code in Domain.Countries.All.Where(c => c != Domain.Countries.Indonesia).Order(StringComparer.Ordinal))
        {
            var name = code;
            try
            {
                name = $"{code} · {new RegionInfo(code).EnglishName}";
            }
            catch (ArgumentException)
            {
                // A code without region data is shown as the code.
            }

            list.Add(new(code, name));
        }

        return list;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> Provinces(bool blank = true)
    {
        var list = new List<KeyValuePair<string, string>>();
        if (blank)
        {
            list.Add(new("", Say.T("Semua provinsi", "All provinces")));
        }

        list.AddRange(Domain.Provinces.All.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new KeyValuePair<string, string>(p.Key, $"{p.Key} · {p.Value}")));
        return list;
    }

    public static string Date(DateOnly? d) => d is { } v ? RuleText.Date(v, Localization.Language) : "—";

    public static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
