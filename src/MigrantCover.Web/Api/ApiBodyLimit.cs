namespace MigrantCover.Web.Api;

/// <summary>
/// The body limit of an API operation other than an import (<see cref="ApiSetup.MaxJsonBodyBytes"/>), added by
/// <see cref="ApiSetup.WithOpenApiDefaults"/> to every operation without a limit of its own.
/// </summary>
/// <remarks>
/// Not the framework's <c>IRequestSizeLimitMetadata</c>: routing would then try to set the limit on every
/// request and warn where the server has no such feature; <see cref="ApiBodyLimits"/> sets it itself.
/// </remarks>
public sealed record ApiBodyLimit(long MaxRequestBodySize);
