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
                lc.ReadFrom.Configuration(configuration)
                    .MinimumLevel.Information()
                    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.Extensions.Diagnostics.HealthChecks", LogEventLevel.Warning)
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
}
