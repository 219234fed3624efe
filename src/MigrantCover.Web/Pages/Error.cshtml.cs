using System.Diagnostics;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages;

/// <summary>
/// Rendered by the exception handler for an unexpected error of a page, with the trace id to quote; when
/// the database is unreachable (503) a "try again in a moment" page with Retry-After instead.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : ReExecutedPageModel
{
    public string TraceId { get; private set; } = "";

    public bool Unavailable { get; private set; }

    public override void OnGet()
    {
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Unavailable = Response.StatusCode == StatusCodes.Status503ServiceUnavailable;
        if (Unavailable)
        {
            Response.Headers.RetryAfter = DatabaseFailures.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
    }
}
