using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace MigrantCover.Web.Infrastructure;

/// <summary>
/// Behind a TLS-terminating reverse proxy (docs/operations.md, "Behind a proxy"): section
/// "ForwardedHeaders". Off by default; when on, X-Forwarded-For and X-Forwarded-Proto are honoured only
/// from the proxies and networks named here (loopback when none is named), so that the request's scheme
/// (HTTPS: Secure cookies, HSTS) and client address (rate limits, sign-in lockout) are the visitor's.
/// </summary>
public sealed class ProxySettings
{
    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies, such as 10.0.0.5.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR notation, such as 10.0.0.0/8.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row are trusted (the entries of X-Forwarded-For read from the right).</summary>
    public int ForwardLimit { get; set; } = 1;
}

public static class Proxy
{
    public const string Section = "ForwardedHeaders";

    /// <summary>
    /// The client's address, for the rate limits and the lookup log's hashes: the connection's, which behind
    /// a proxy the forwarded headers (known proxies and networks only) have set to the visitor's.
    /// </summary>
    public static IPAddress? ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress;

    public static IServiceCollection AddMigrantCoverProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<ProxySettings>() ?? new ProxySettings();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = Math.Max(1, settings.ForwardLimit);
            if (settings.KnownProxies.Length > 0 || settings.KnownNetworks.Length > 0)
            {
                o.KnownProxies.Clear();
                o.KnownIPNetworks.Clear();
                foreach (var proxy in settings.KnownProxies)
                {
                    o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
                }

                foreach (var network in settings.KnownNetworks)
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
                }
            }
        });

        // A year, so browsers keep to HTTPS; sent only on HTTPS responses (also as seen through the proxy).
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>First of the pipeline, so every later part sees the visitor's scheme and address.</summary>
    public static void UseMigrantCoverProxy(this WebApplication app)
    {
        if (app.Configuration.GetValue($"{Section}:Enabled", false))
        {
            app.UseForwardedHeaders();
        }
    }
}
