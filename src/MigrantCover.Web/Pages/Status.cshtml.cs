using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MigrantCover.Web.Pages;

/// <summary>Rendered by the status-code re-execution for 403, 404 and other errors of pages.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Code { get; set; }

    public void OnGet()
    {
    }

    public void OnPost()
    {
    }
}
