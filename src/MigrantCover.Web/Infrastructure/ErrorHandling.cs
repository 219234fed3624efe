namespace MigrantCover.Web.Infrastructure;

public static class ErrorHandling
{
    public static void UseMigrantCoverErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            // The database unreachable (after the retries) is 503 with Retry-After, never 500 (decision 0011).
            StatusCodeSelector = ex =>
            {
                if (DatabaseFailures.IsUnavailable(ex))
                {
                    PortalMetrics.DatabaseUnavailable.Add(1);
                    return StatusCodes.Status503ServiceUnavailable;
                }

                return StatusCodes.Status500InternalServerError;
            },

            // The middleware's own log line carries the exception message, which may hold personal data.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseWhen(ctx => ctx.IsApi(), a => a.UseStatusCodePages());
        app.UseWhen(ctx => !ctx.IsApi(), a => a.UseStatusCodePagesWithReExecute("/Status/{0}"));
    }

    /// <summary>A request of the JSON API (its errors are problems, a page's a status page).</summary>
    public static bool IsApi(this HttpContext http) => http.Request.Path.StartsWithSegments("/api");

    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            if (!ctx.Request.Path.StartsWithSegments("/swagger"))
            {
                h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
            }

            await next();
        });
}
