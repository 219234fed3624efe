namespace MigrantCover.Web.Features.Validation;

public static class ValidationSetup
{
    /// <summary>
    /// Every request validator of the assembly; failures name their field in camelCase, as the API does.
    /// Singletons: a validator is immutable once built and building one compiles an expression per rule
    /// (about a millisecond of CPU), which per request was most of an officer API call's cost.
    /// Nothing scoped may go into a validator's constructor (the text localizers resolve the culture per call).
    /// </summary>
    public static IServiceCollection AddMigrantCoverValidation(this IServiceCollection services)
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : Camel(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : Camel(member.Name);
        return services.AddValidatorsFromAssemblyContaining<Failure>(ServiceLifetime.Singleton, includeInternalTypes: true);
    }

    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
