using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace MigrantCover.Web.Features.PublicCoverage;

/// <summary>Settings of the public coverage lookup (section "Coverage").</summary>
public sealed class CoverageOptions
{
    /// <summary>Lookups (page and API together) per client address per minute.</summary>
    public int PerClientPerMinute { get; set; } = 10;

    /// <summary>Failed lookups on one identifier, within <see cref="LockMinutes"/>, before it is locked.</summary>
    public int FailuresBeforeLock { get; set; } = 5;

    /// <summary>Both the window the failures are counted in and how long the lock lasts.</summary>
    public int LockMinutes { get; set; } = 15;

    /// <summary>
    /// How long a lookup waits for the one before it on the same identifier (<see cref="LookupGate"/>)
    /// before it is answered as locked for that long.
    /// </summary>
    public int SameIdentifierWaitMilliseconds { get; set; } = 3000;

    /// <summary>How long a proof of coverage (its QR code) can be verified.</summary>
    public int ProofDays { get; set; } = 30;

    /// <summary>Base64 key (32 bytes or more) of the identifier and client address hashes.</summary>
    public string? HashKey { get; set; }

    /// <summary>How long lookup log rows gather before they are written in one batch.</summary>
    public int LogFlushMilliseconds { get; set; } = 5;

    /// <summary>Lookup log rows that may wait to be written; beyond it a request waits for room.</summary>
    public int LogQueueCapacity { get; set; } = 10_000;
}

/// <summary>Marks the endpoints whose POSTs are coverage lookups, limited per client address.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LookupEndpointAttribute : Attribute;

public static class CoverageSetup
{

    public static IServiceCollection AddCoverageLookup(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CoverageOptions>(configuration.GetSection("Coverage"));
        services.AddSingleton<CoverageHasher>();
        services.AddSingleton<CoverageTokens>();
        services.AddScoped<CoverageLookups>();
        services.AddSingleton<LookupLog>();
        services.AddSingleton<LookupGate>();
        services.AddHostedService<LookupLogWriter>();
        services.AddScoped<CoverageAnswers>();

        services.AddScoped<Infrastructure.IRateLimitRejections, RefusedLookups>();
        Infrastructure.ClientRateLimit.AddClientRateLimits(services);
        services.AddRateLimiter(o => o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            IsLookup(http)
                ? Infrastructure.ClientRateLimit.PerClientPerMinute(http, http.RequestServices.GetRequiredService<IOptions<CoverageOptions>>().Value.PerClientPerMinute)
                : RateLimitPartition.GetNoLimiter("")));
        return services;
    }

    /// <summary>The largest body of a lookup (page form or API JSON): a few identifiers and a date.</summary>
    public const int MaxBodyBytes = 4096;

    /// <summary>
    /// A lookup's body is read only up to <see cref="MaxBodyBytes"/>: 413 beyond (a problem for the API,
    /// the status page for the page), whether the length is announced or not.
    /// </summary>
    public static void UseLookupBodyLimit(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (IsLookup(http))
            {
                if (http.Request.ContentLength > MaxBodyBytes)
                {
                    http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }

                if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxBodyBytes;
                }
            }

            await next(http);
        });

    /// <summary>
    /// The public lookups: POSTs to an endpoint marked <see cref="LookupEndpointAttribute"/> (the page's
    /// form and the API). Matched by endpoint, not by path, so "/coverage/index/" counts as well.
    /// </summary>
    public static bool IsLookup(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method)
        && http.GetEndpoint()?.Metadata.GetMetadata<LookupEndpointAttribute>() is not null;

    /// <summary>A refused lookup is logged as such (no identifier is read: the body is never bound).</summary>
    private sealed class RefusedLookups(CoverageLookups lookups) : Infrastructure.IRateLimitRejections
    {
        public void Rejected(HttpContext http)
        {
            if (IsLookup(http))
            {
                lookups.RecordRateLimited(http.Request.Path.StartsWithSegments("/api") ? CoverageLookups.ApiChannel : CoverageLookups.PageChannel, http);
            }
        }
    }
}
