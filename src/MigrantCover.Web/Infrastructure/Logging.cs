using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace MigrantCover.Web.Infrastructure;

public static class Logging
{
    /// <summary>
    /// Serilog for the whole app. Request logging writes method, path (never the query string), status
    /// and duration; EF Core never logs parameter values; the app never logs identifiers.
    /// </summary>
    public static IServiceCollection AddMigrantCoverLogging(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment) =>
        services.AddSerilog(
            (sp, lc) =>
            {
                // The defaults first, then the configuration (Serilog:MinimumLevel, Serilog:MinimumLevel:Override:...),
                // so that a configured level wins: Serilog__MinimumLevel__Default=Warning leaves only warnings.
                lc.MinimumLevel.Information()
                    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Warning)
                    .ReadFrom.Configuration(configuration)
                    .Enrich.FromLogContext();
                if (environment.IsDevelopment())
                {
                    lc.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
                }
                else
                {
                    lc.WriteTo.Console(new RenderedCompactJsonFormatter());
                }
            },
            preserveStaticLogger: true,
            writeToProviders: true);

    /// <summary>
    /// One line per request, outside the exception handler so that it states the status the client got: a
    /// malformed body is a 400 (Information, no exception, no value), a client that went away is a 499 with
    /// <c>ClientAborted</c> (Information: an abandoned health probe is no server error), a 500 is an Error with
    /// the exception's type only (its message may quote personal data). Path without the query string.
    /// </summary>
    public static void UseMigrantCoverRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            o.Logger = app.Services.GetService<Serilog.ILogger>();
            o.GetLevel = (http, _, exception) => LevelOf(http, exception);
            o.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                var error = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
                if (ClientAborted(http, error))
                {
                    diagnostics.Set("ClientAborted", true);
                }

                if (error is not null)
                {
                    diagnostics.Set("ExceptionType", error.GetType().Name);
                }
            };
        });

        // Inside the request log, so that it sees a body read that failed because the client went away even
        // where the binding turned that failure into a 400 without an exception.
        app.UseBodyWatch();
    }

    // The abort token alone is not enough: Kestrel cancels it on another thread when it notices the closed
    // socket, sometimes after the request is logged; a failed body read, or the exception that wraps it, says so at once.
    private static bool ClientAborted(HttpContext http, Exception? error) =>
        http.RequestAborted.IsCancellationRequested || BodyWatch.BodyEndedEarly(http) || BodyWatch.ClientGone(error);

    internal static LogEventLevel LevelOf(HttpContext http, Exception? exception)
    {
        if (http.RequestAborted.IsCancellationRequested || BodyWatch.BodyEndedEarly(http) || http.Response.StatusCode == StatusCodes.Status499ClientClosedRequest)
        {
            return LogEventLevel.Information;
        }

        return exception is not null || http.Response.StatusCode == StatusCodes.Status500InternalServerError ? LogEventLevel.Error
            : http.Response.StatusCode >= 500 ? LogEventLevel.Warning
            : LogEventLevel.Information;
    }
}
