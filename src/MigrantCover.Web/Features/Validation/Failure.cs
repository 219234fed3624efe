using FluentValidation.Results;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Validation;

/// <summary>
/// The one failure value of the web layer (decision 0007): what is wrong with one field of a request
/// (its camelCase API name; "" for the request as a whole), with the rule it comes from when there is
/// one, rendered once in the request's language. Pages put it next to the field, the API in its
/// problem's <c>errors</c> and <c>ruleIds</c>, the importer in its error file.
/// </summary>
public sealed record Failure(string Field, string? RuleId, string Message)
{
    /// <summary>A rule book failure, rendered by <see cref="RuleText"/>.</summary>
    public static Failure Of(RuleFailure failure) =>
        new(failure.Field ?? "", failure.RuleId, RuleText.Format(failure, Localization.Language));

    /// <summary>An input failure: one of <see cref="RuleText.InputMessageKeys"/> (or "required") with its arguments.</summary>
    public static Failure Input(string field, string key, params (string Name, string Value)[] args) =>
        new(field, null, RuleText.Input(key, Localization.Language, args));

    /// <summary>A failure a validator reported (see <see cref="InputRules"/>: the rule ID rides in the custom state).</summary>
    public static Failure From(ValidationFailure failure) =>
        new(failure.PropertyName, failure.CustomState as string, failure.ErrorMessage);
}
