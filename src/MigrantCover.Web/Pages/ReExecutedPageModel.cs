using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MigrantCover.Web.Pages;

/// <summary>
/// A page the error handling re-executes (the error and status pages): open to everyone, and answering
/// the POST that failed as it answers a GET, without an antiforgery token.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public abstract class ReExecutedPageModel : PageModel
{
    public virtual void OnGet()
    {
    }

    public void OnPost() => OnGet();
}
