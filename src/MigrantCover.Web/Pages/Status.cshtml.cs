namespace MigrantCover.Web.Pages;

/// <summary>Rendered by the status-code re-execution for 403, 404, 429 and other errors of pages.</summary>
public sealed class StatusModel : ReExecutedPageModel
{
    [BindProperty(SupportsGet = true)]
    public int Code { get; set; }
}
