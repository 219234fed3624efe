namespace MigrantCover.Web.Api;

/// <summary>
/// The body limit of an API operation other than an import (<see cref="ApiSetup.MaxJsonBodyBytes"/>), added by
/// <see cref="ApiSetup.WithOpenApiDefaults"/> to every operation without a limit of its own.
/// </summary>
public sealed record ApiBodyLimit(long? MaxRequestBodySize) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata;
