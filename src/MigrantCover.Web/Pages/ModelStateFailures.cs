using Microsoft.AspNetCore.Mvc.ModelBinding;
using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Pages;

/// <summary>The one way pages show the failures of a shared operation: each next to its field, the rest in the summary.</summary>
public static class ModelStateFailures
{
    /// <summary>The form field of an API field name: "Input.DateOfBirth" for ("Input", "dateOfBirth").</summary>
    public static string KeyOf(string prefix, string field) =>
        field.Length == 0 ? field : prefix + "." + char.ToUpperInvariant(field[0]) + field[1..];

    /// <summary>
    /// Each failure under the form key <paramref name="keyOf"/> gives for its field ("" or null: the
    /// summary only), with its rule ID after the message where staff read it.
    /// </summary>
    public static void AddFailures(this ModelStateDictionary state, IEnumerable<Failure> failures, Func<string, string?> keyOf, bool withRuleIds = true)
    {
        foreach (var f in failures)
        {
            state.AddModelError(keyOf(f.Field) ?? "", withRuleIds && f.RuleId is not null ? $"{f.Message} ({f.RuleId})" : f.Message);
        }
    }

    /// <summary>Failures next to the fields of a form whose inputs are named <paramref name="prefix"/>.Field (all, or those listed).</summary>
    public static void AddFailures(this ModelStateDictionary state, IEnumerable<Failure> failures, IReadOnlyCollection<string>? fields = null, string prefix = "Input") =>
        state.AddFailures(failures, field => fields is null || fields.Contains(field) ? KeyOf(prefix, field) : null);

    /// <summary>Replaces the framework's English "value is not valid" for a number field with our message.</summary>
    public static void FixNumberBinding(this ModelStateDictionary state, string key, int example = 24)
    {
        if (state.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
        {
            entry.Errors.Clear();
            state.AddModelError(key, Failure.Input(key, "number.whole", ("example", example.ToString(System.Globalization.CultureInfo.InvariantCulture))).Message);
        }
    }
}
