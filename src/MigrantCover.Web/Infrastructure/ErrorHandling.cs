using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace MigrantCover.Web.Infrastructure;

/// <summary>Thrown when a requested resource does not exist; becomes 404.</summary>
public sealed class NotFoundException(string resource) : Exception($"{resource} not found.");

/// <summary>
/// Known exceptions become ProblemDetails with their proper status: malformed bodies 400, a stale
/// edit 409, unknown resources 404. Anything else is a 500 with a trace id and no stack trace.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already switched the path to /Error; the feature keeps the original.
        var path = httpContext.Features.Get<IExceptionHandlerFeature>()?.Path ?? httpContext.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var problem = exception switch
        {
            BadHttpRequestException bad => BadRequest(bad),
            JsonException json => new ProblemDetails { Status = 400, Title = "The request body is not valid JSON.", Detail = JsonDetail(json) },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = 409,
                Title = "Conflict",
                Detail = "Someone else changed this record in the meantime. Reload it and apply your change again.",
            },
            NotFoundException nf => new ProblemDetails { Status = 404, Title = "Not found", Detail = nf.Message },
            _ => null,
        };

        if (problem is null)
        {
            // No message or data of the exception is logged: it may hold personal data.
            logger.LogError("Unhandled {ExceptionType} at {Path}", exception.GetType().Name, path);
            problem = new ProblemDetails { Status = 500, Title = "An unexpected error occurred.", Detail = "Quote the trace id when you report it." };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails BadRequest(BadHttpRequestException bad)
    {
        var inner = bad.InnerException as JsonException;
        return new ProblemDetails
        {
            Status = bad.StatusCode is 413 ? 413 : 400,
            Title = inner is not null ? "The request body is not valid JSON." : "The request is not valid.",
            Detail = inner is not null ? JsonDetail(inner) : "Check the body and parameters against the API documentation at /swagger.",
        };
    }

    // The path (like $.dateOfBirth) tells the caller which field; the raw value is never echoed.
    private static string JsonDetail(JsonException json) =>
        json.Path is { Length: > 2 } path
            ? $"The value at '{path[2..]}' has the wrong type or format (dates are YYYY-MM-DD, amounts whole numbers)."
            : "The body could not be read as JSON. Check quotes, commas and brackets.";
}

public static class ErrorHandling
{
    public static void UseMigrantCoverErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/Error",
            StatusCodeSelector = _ => 500,

            // The middleware's own log line carries the exception message, which may hold personal data.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseWhen(ctx => ctx.IsApi(), a => a.UseStatusCodePages());
        app.UseWhen(ctx => !ctx.IsApi(), a => a.UseStatusCodePagesWithReExecute("/Status/{0}"));
    }

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
