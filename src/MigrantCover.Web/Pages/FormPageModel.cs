using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MigrantCover.Web.Pages;

/// <summary>Helpers every form page uses to show an error next to its field.</summary>
public abstract class FormPageModel : PageModel
{
    /// <summary>
    /// A POST that names none of the page's handlers (no <c>?handler=</c>, or an unknown one) is a bad request:
    /// without this, a page whose forms all name a handler renders without its data and answers a 500.
    /// </summary>
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null && HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            context.Result = BadRequest();
        }
    }

    /// <summary>The confirmation the next page shows (the layout's <c>#confirmation</c>): what was just recorded.</summary>
    protected void Confirm(string message) => TempData["Confirmation"] = message;

    public bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    public string? ErrorOf(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage))
            : null;
}
