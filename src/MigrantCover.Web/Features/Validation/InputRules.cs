using FluentValidation.Results;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Validation;

/// <summary>
/// The shared shape rules of every request validator: required, length, date, code, e-mail, phone.
/// Each failure is on its camelCase field (see <see cref="ValidationSetup"/>) with a message of
/// <see cref="RuleText"/> in the request's language; blank values pass every rule but Required.
/// Every text rule refuses control characters (<see cref="Plain{T}"/>), names also invisible ones
/// (<see cref="Name{T}"/>): no text reaches the database it cannot store or that reads other than typed.
/// </summary>
public static class InputRules
{
    public static IRuleBuilderOptionsConditions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule, string key = "required")
    {
        InputShapes.MarkRequired(rule);
        return rule.Check((_, v) => !Input.IsBlank(v), key, (_, field) => [("field", field)]);
    }

    public static IRuleBuilderOptionsConditions<T, TValue?> Required<T, TValue>(this IRuleBuilder<T, TValue?> rule)
        where TValue : struct
    {
        InputShapes.MarkRequired(rule);
        return rule.Check((_, v) => v.HasValue, "required", (_, field) => [("field", field)]);
    }

    public static IRuleBuilderOptionsConditions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int max)
    {
        InputShapes.MarkMaxLength(rule, max);
        return rule.Plain().Check((_, v) => Input.Text(v) is not { } s || s.Length <= max, "too-long", (_, _) => [("max", max.ToString(CultureInfo.InvariantCulture))]);
    }

    /// <summary>A name: <see cref="Text{T}"/>, on one line, without bidirectional overrides or zero-width characters.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Name<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Text(max).Check((_, v) => !Input.IsPlain(v) || Input.IsPlainName(v), "text.invisible");

    /// <summary>No control character but tab and line breaks, no unpaired surrogate (U+0000 cannot be stored by PostgreSQL).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Plain<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Check((_, v) => Input.IsPlain(v), "text.control");

    public static IRuleBuilderOptionsConditions<T, string?> IsoDate<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Check((_, v) => Input.IsBlank(v) || Input.Date(v) is not null, "date.format");

    public static IRuleBuilderOptionsConditions<T, string?> Code<T, TCode>(this IRuleBuilder<T, string?> rule)
        where TCode : struct, Enum =>
        rule.Check((_, v) => Input.IsBlank(v) || Input.Code<TCode>(v) is not null, "code.unknown", (_, _) => [("allowed", string.Join(", ", Codes.All<TCode>()))]);

    /// <summary>At most <paramref name="max"/> characters, then an address (a too long one gets only the length message).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Text(max).Check((_, v) => Input.Text(v, max) is not { } s || Input.IsEmail(s), "email.format");

    public static IRuleBuilderOptionsConditions<T, string?> Phone<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Text(max).Check((_, v) => Input.Text(v, max) is not { } s || Input.IsPhone(s), "phone.format");

    /// <summary>None, or a whole number from 1 to <paramref name="max"/> (a list's page and page size); the message names the maximum.</summary>
    public static IRuleBuilderOptionsConditions<T, int?> OneTo<T>(this IRuleBuilder<T, int?> rule, int max, string key) =>
        rule.Check((_, v) => v is not { } n || (n >= 1 && n <= max), key, (_, _) => [("max", max.ToString(CultureInfo.InvariantCulture))]);

    /// <summary>Any check with a <see cref="RuleText"/> input message (arguments from the value and field), optionally tied to a rule ID.</summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> Check<T, TProperty>(
        this IRuleBuilder<T, TProperty> rule,
        Func<T, TProperty, bool> valid,
        string key,
        Func<TProperty, string, (string Name, string Value)[]>? args = null,
        string? ruleId = null) =>
        rule.Check(valid, (value, field) => RuleText.Input(key, Localization.Language, args?.Invoke(value, field) ?? []), ruleId);

    /// <summary>Any check with its own message (a page text of the resources, for the forms that exist only as pages).</summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> Check<T, TProperty>(
        this IRuleBuilder<T, TProperty> rule,
        Func<T, TProperty, bool> valid,
        Func<TProperty, string, string> message,
        string? ruleId = null) =>
        rule.Custom((value, context) =>
        {
            if (!valid(context.InstanceToValidate, value))
            {
                context.AddFailure(new ValidationFailure(context.PropertyPath, message(value, context.PropertyPath)) { CustomState = ruleId });
            }
        });

    /// <summary>Validates and returns the failures as <see cref="Failure"/> values, in rule order.</summary>
    public static List<Failure> Check<T>(this IValidator<T> validator, T request) =>
        [.. validator.Validate(request).Errors.Select(Failure.From)];
}
