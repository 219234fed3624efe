using MigrantCover.Web.Features.Claims;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>The choices of the heir and claim forms, labelled by the rule book's texts.</summary>
public static class ClaimForms
{
    public static IReadOnlyList<KeyValuePair<string, string>> Options<T>(string? blank)
        where T : struct, Enum =>
        [.. (blank is null ? [] : new[] { new KeyValuePair<string, string>("", blank) })
            .Concat(Enum.GetValues<T>().Select(v => new KeyValuePair<string, string>(Codes.Of(v), RuleText.Label(v, Localization.Language))))];

    public static string Label<T>(T value)
        where T : struct, Enum => RuleText.Label(value, Localization.Language);

    public static string Label<T>(T? value)
        where T : struct, Enum => value is { } v ? RuleText.Label(v, Localization.Language) : "—";

    /// <summary>
    /// The worker's heirs a claim can name as payee, in the rule book's order (class A first, R-HEIR-1; spouse
    /// before children), then by name: the same order on every load, on the report form and the claim page.
    /// </summary>
    public static async Task<IReadOnlyList<Heir>> PayeeChoicesAsync(AppDbContext db, Guid workerId, CancellationToken ct) =>
        [.. (await db.Heirs.AsNoTracking().Where(h => h.WorkerId == workerId && h.EndedOn == null).ToListAsync(ct))
            .OrderBy(h => h.Class).ThenBy(h => h.Relationship).ThenBy(h => h.FullName, StringComparer.Ordinal).ThenBy(h => h.Id)];

    public static string Money(long? amount) => amount is { } a ? "Rp" + a.ToString("#,0", CultureInfo.GetCultureInfo("id-ID")) : "—";

    /// <summary>A whole number of rupiah typed in a form ("65.000.000" or "65000000"), or a failure on <paramref name="field"/>.</summary>
    public static long? Amount(string? text, string field, List<Failure> failures)
    {
        if (Input.IsBlank(text))
        {
            return null;
        }

        var digits = text!.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Trim();
        if (digits.Length <= 15 && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= 1 && v <= ClaimActions.MaxAmount)
        {
            return v;
        }

        failures.Add(Failure.Input(field, "amount.range", ("max", ClaimActions.MaxAmount.ToString(CultureInfo.InvariantCulture))));
        return null;
    }
}
