using System.Diagnostics;

namespace MigrantCover.Web.Pages;

/// <summary>Rendered by the exception handler for an unexpected error of a page, with the trace id to quote.</summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : ReExecutedPageModel
{
    public string TraceId { get; private set; } = "";

    public override void OnGet() => TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
}
