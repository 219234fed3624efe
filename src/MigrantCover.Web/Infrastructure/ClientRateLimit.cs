using System.Threading.RateLimiting;

namespace MigrantCover.Web.Infrastructure;

/// <summary>
/// The one shape of our rate limits (the public lookup's and the staff sign-in's): a fixed window of a
/// minute per client address, no queue. The address is the connection's, which behind a proxy the
/// forwarded-headers configuration (<see cref="ProxySettings"/>) has set to the visitor's. What a rejection
/// answers (429, Retry-After, the problem or the status page) is the rate limiter's options' concern.
/// </summary>
public static class ClientRateLimit
{
    /// <summary>The partition of the request's client address: <paramref name="perMinute"/> requests (at least one) a minute.</summary>
    public static RateLimitPartition<string> PerClientPerMinute(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
