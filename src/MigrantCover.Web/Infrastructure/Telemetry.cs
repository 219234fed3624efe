using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MigrantCover.Web.Infrastructure;

/// <summary>
/// MigrantCover's own counters (meter <c>MigrantCover</c>; docs/operations.md, "Metrics";
/// docs/decisions/0025-telemetry.md). Every tag is one of a few fixed codes (an outcome, a payment kind, a
/// state), never a personal identifier, an id or a path.
/// </summary>
public static class PortalMetrics
{
    public const string MeterName = "MigrantCover";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Public lookups by <c>outcome</c> (found, not-found, locked, rate-limited) and <c>channel</c> (page, api).</summary>
    public static readonly Counter<long> Lookups = Meter.CreateCounter<long>("migrantcover.lookups", "{lookup}", "Public coverage lookups by outcome");

    /// <summary>Identifiers locked after too many failed lookups (the request that set the lock).</summary>
    public static readonly Counter<long> IdentifierLocks = Meter.CreateCounter<long>("migrantcover.identifier_locks", "{lock}", "Identifiers locked after too many failed lookups");

    /// <summary>Workers registered by an officer (page or API; an import's rows are counted as import rows).</summary>
    public static readonly Counter<long> Registrations = Meter.CreateCounter<long>("migrantcover.registrations", "{worker}", "Workers registered");

    /// <summary>Payments recorded by <c>kind</c> (the payment kind's code); an identical re-send is not counted again.</summary>
    public static readonly Counter<long> Payments = Meter.CreateCounter<long>("migrantcover.payments", "{payment}", "Payments recorded by kind");

    /// <summary>Database operations run again after the server went away (decision 0011).</summary>
    public static readonly Counter<long> DatabaseRetries = Meter.CreateCounter<long>("migrantcover.database.retries", "{retry}", "Database operations retried after a lost connection");

    /// <summary>Requests answered 503 because the database could not be reached.</summary>
    public static readonly Counter<long> DatabaseUnavailable = Meter.CreateCounter<long>("migrantcover.database.unavailable", "{request}", "Requests answered 503 because the database was unreachable");

    /// <summary>Rows of bulk imports by <c>outcome</c> (created, already-registered, invalid) and <c>dry_run</c>.</summary>
    public static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("migrantcover.import.rows", "{row}", "Rows of bulk imports by outcome");

    /// <summary>Messages to workers by the <c>state</c> a sending try left them in (sent, queued, failed, cancelled) and <c>channel</c>.</summary>
    public static readonly Counter<long> Messages = Meter.CreateCounter<long>("migrantcover.messages", "{message}", "Message sending tries by resulting state");

    public static void Lookup(string outcome, string channel) =>
        Lookups.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("channel", channel));

    public static void Payment(PaymentKind kind) => Payments.Add(1, new KeyValuePair<string, object?>("kind", Codes.Of(kind)));

    public static void ImportRow(string outcome, bool dryRun, int count)
    {
        if (count > 0)
        {
            ImportRows.Add(count, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("dry_run", dryRun));
        }
    }

    public static void Message(MessageState state, MessageChannel channel) =>
        Messages.Add(1, new KeyValuePair<string, object?>("state", Codes.Of(state)), new KeyValuePair<string, object?>("channel", Codes.Of(channel)));
}

/// <summary>
/// OpenTelemetry (decision 0025): traces of requests, database commands (Npgsql) and outgoing HTTP;
/// metrics of ASP.NET Core, the runtime, Npgsql and <see cref="PortalMetrics"/>. Exported over OTLP only
/// when the standard <c>OTEL_EXPORTER_OTLP_*</c> variables name an endpoint; scraped by Prometheus at
/// <see cref="ScrapePath"/>, for admins or the holder of <c>Telemetry:ScrapeKey</c> only.
/// </summary>
public static class Telemetry
{
    public const string ScrapePath = "/admin/metrics";

    /// <summary>The one header a scraper sends its key in (<c>Authorization: Bearer &lt;Telemetry:ScrapeKey&gt;</c>).</summary>
    private const string BearerPrefix = "Bearer ";

    public static IServiceCollection AddMigrantCoverTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? "migrantcover"))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o =>
                {
                    // The scrape and health probes are not traced; every other request is.
                    o.Filter = http => !http.Request.Path.StartsWithSegments(ScrapePath) && !http.Request.Path.StartsWithSegments("/health");
                    o.EnrichWithHttpResponse = (activity, response) => Redact(activity, response.HttpContext);
                })
                .AddHttpClientInstrumentation(o =>
                {
                    // A gateway's path and query may carry a recipient: the host only.
                    o.EnrichWithHttpRequestMessage = (activity, request) =>
                    {
                        if (request.RequestUri is { } uri)
                        {
                            activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Authority));
                        }
                    };
                })
                .AddNpgsql();
                if (IsOtlpConfigured(configuration, "TRACES"))
                {
                    t.AddOtlpExporter();
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(PortalMetrics.MeterName, "Npgsql")
                    .AddPrometheusExporter();
                if (IsOtlpConfigured(configuration, "METRICS"))
                {
                    m.AddOtlpExporter();
                }
            });
        return services;
    }

    /// <summary>
    /// The scrape endpoint, after authentication: an admin (sign-in cookie or bearer token) or a scraper
    /// presenting <c>Telemetry:ScrapeKey</c>; anyone else gets 401 and nothing of the metrics.
    /// </summary>
    public static void UseMigrantCoverMetricsEndpoint(this WebApplication app)
    {
        var key = app.Configuration["Telemetry:ScrapeKey"];
        app.UseWhen(http => http.Request.Path.StartsWithSegments(ScrapePath), branch =>
        {
            branch.Use(async (http, next) =>
            {
                if (!await MayScrapeAsync(http, key))
                {
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    http.Response.Headers.WWWAuthenticate = "Bearer";
                    http.Response.Headers.CacheControl = "no-store";
                    return;
                }

                await next(http);
            });
        });
        app.UseOpenTelemetryPrometheusScrapingEndpoint(ScrapePath);
    }

    private static async Task<bool> MayScrapeAsync(HttpContext http, string? key)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (key is { Length: >= 16 } && authorization.StartsWith(BearerPrefix, StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(authorization[BearerPrefix.Length..]), Encoding.UTF8.GetBytes(key)))
        {
            return true;
        }

        if (http.User.IsInRole(Roles.Admin))
        {
            return true;
        }

        var bearer = await http.AuthenticateAsync(IdentityConstants.BearerScheme);
        return bearer.Succeeded && bearer.Principal.IsInRole(Roles.Admin);
    }

    // Spans name the route template, never the path as sent: ids and tokens in paths (worker ids, proof
    // tokens) stay out of every span (decision 0025).
    private static void Redact(Activity activity, HttpContext http)
    {
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText
            ?? http.Features.Get<IEndpointFeature>()?.Endpoint?.DisplayName;
        activity.SetTag("url.path", route is null ? null : "/" + route.TrimStart('/'));
        activity.SetTag("url.query", null);
    }

    /// <summary>Whether the standard variables name an OTLP endpoint for the signal (TRACES, METRICS); no export otherwise.</summary>
    public static bool IsOtlpConfigured(IConfiguration configuration, string signal) =>
        !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])
        || !string.IsNullOrWhiteSpace(configuration[$"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT"]);
}
