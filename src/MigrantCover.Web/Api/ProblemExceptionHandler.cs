using Microsoft.AspNetCore.Diagnostics;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Api;

/// <summary>
/// Exceptions of API requests become problems (<see cref="Problems.For"/>): malformed bodies 400, too large
/// 413, a stale edit 409, the database unreachable 503 with Retry-After; anything else is a 500 with a trace id and no stack trace.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, IStringLocalizer<ApiResource> text, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already switched the path to /Error; the feature keeps the original.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var problem = Problems.For(exception, text);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = DatabaseFailures.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            logger.LogWarning("Database unavailable at {Path}: {ExceptionType}", path, exception.GetType().Name);
        }
        else if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            // No message or data of the exception is logged: it may hold personal data.
            logger.LogError("Unhandled {ExceptionType} at {Path}", exception.GetType().Name, path);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
