using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace MigrantCover.Web.Pages.Coverage;

/// <summary>
/// The coverage answer's claims: where each claim filed for this worker stands (number, type, incident
/// date, state), never its documents, with the note that MigrantCover's assessment is not BPJS's decision.
/// </summary>
public sealed class PublicClaimsViewComponent(AppDbContext db) : ViewComponent
{
    public sealed record Row(string Number, ClaimType Type, DateOnly IncidentOn, ClaimState State);

    public async Task<IViewComponentResult> InvokeAsync(Guid workerId)
    {
        var rows = await db.Claims.AsNoTracking().Where(c => c.WorkerId == workerId)
            .OrderByDescending(c => c.ReportedOn)
            .Select(c => new Row(c.Number, c.Type, c.IncidentOn, c.State))
            .Take(20)
            .ToListAsync();
        return new ViewViewComponentResult
        {
            ViewName = "/Pages/Coverage/_PublicClaims.cshtml",
            ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<IReadOnlyList<Row>>(ViewData, rows),
        };
    }
}
