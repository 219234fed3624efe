namespace MigrantCover.Web.Features.Validation;

public static class ValidationSetup
{
    /// <summary>Every request validator of the assembly; failures name their field in camelCase, as the API does.</summary>
    public static IServiceCollection AddMigrantCoverValidation(this IServiceCollection services)
    {
        ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member is null ? null : Camel(member.Name);
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => member is null ? null : Camel(member.Name);
        return services.AddValidatorsFromAssemblyContaining<Failure>(includeInternalTypes: true);
    }

    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
