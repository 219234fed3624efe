using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace MigrantCover.Web.Infrastructure;

/// <summary>
/// The one shape of our rate limits (the public lookup's and the staff sign-in's): a fixed window of a
/// minute per client address (<see cref="Proxy.ClientAddress"/>), no queue. A rejection is
/// the same for every limit: 429 with Retry-After, the API's problem or the page's status page written by
/// the status code pages, and whoever registered an <see cref="IRateLimitRejections"/> told.
/// </summary>
public static class ClientRateLimit
{
    /// <summary>Set on a rejected request: the seconds of its Retry-After, for the 429 status page (re-executed).</summary>
    public const string RetryAfterItem = "rate-limit.retry-after";

    /// <summary>The rejection of every limit (429, Retry-After); each feature that limits calls it (once is enough, twice harmless).</summary>
    public static IServiceCollection AddClientRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = OnRejectedAsync;
        });

    /// <summary>The partition of the request's client address: <paramref name="perMinute"/> requests (at least one) a minute.</summary>
    public static RateLimitPartition<string> PerClientPerMinute(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(Proxy.ClientAddress(http)?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        foreach (var told in http.RequestServices.GetServices<IRateLimitRejections>())
        {
            told.Rejected(http);
        }

        // Nothing is written here: the API's problem (Api/Problems) and the page's friendly status page
        // (re-executed as /Status/429) are written by the status code pages, and read this.
        http.Items[RetryAfterItem] = seconds;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Told of each request a rate limit refused (the lookup log records its refused lookups).</summary>
public interface IRateLimitRejections
{
    void Rejected(HttpContext http);
}
