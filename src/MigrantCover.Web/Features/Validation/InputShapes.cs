using FluentValidation.Validators;

namespace MigrantCover.Web.Features.Validation;

/// <summary>
/// What the shared rules (<see cref="InputRules"/>) say about the shape of a request's fields, for the
/// OpenAPI document: which are required and the longest text each takes. <see cref="InputRules.Required{T}"/>
/// and <see cref="InputRules.Text{T}"/> leave a marker on their rule that never fails; the document reads
/// the markers of each request's validator, so it cannot drift from what the API enforces.
/// </summary>
public static class InputShapes
{
    /// <summary>The shape of one field: required, and its longest text.</summary>
    public readonly record struct Shape(bool Required, int? MaxLength);

    /// <summary>The shapes of <paramref name="validator"/>'s fields, by member name (Nik, FullName).</summary>
    public static IReadOnlyDictionary<string, Shape> Of(IValidator validator)
    {
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            if (rule.PropertyName is not { } name)
            {
                continue;
            }

            foreach (var marker in rule.Components.Select(c => c.Validator).OfType<IShapeMarker>())
            {
                var shape = shapes.GetValueOrDefault(name);
                shapes[name] = new Shape(shape.Required || marker.Required, marker.MaxLength ?? shape.MaxLength);
            }
        }

        return shapes;
    }

    internal static void MarkRequired<T, TProperty>(IRuleBuilder<T, TProperty> rule) => rule.SetValidator(new Marker<T, TProperty>(true, null));

    internal static void MarkMaxLength<T, TProperty>(IRuleBuilder<T, TProperty> rule, int max) => rule.SetValidator(new Marker<T, TProperty>(false, max));

    private interface IShapeMarker
    {
        bool Required { get; }

        int? MaxLength { get; }
    }

    // Carries the shape; always valid (the rule's own check says why a value is refused).
    private sealed class Marker<T, TProperty>(bool required, int? maxLength) : PropertyValidator<T, TProperty>, IShapeMarker
    {
        public override string Name => "InputShape";

        public bool Required => required;

        public int? MaxLength => maxLength;

        public override bool IsValid(ValidationContext<T> context, TProperty value) => true;
    }
}
