using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>The heirs (with class) and claims of a worker on the worker page, with "Laporkan klaim".</summary>
public sealed class WorkerClaimsViewComponent(AppDbContext db) : ViewComponent
{
    public sealed record Model(Guid WorkerId, IReadOnlyList<Heir> Heirs, IReadOnlyList<BenefitClaim> Claims);

    public async Task<IViewComponentResult> InvokeAsync(Guid workerId)
    {
        var heirs = await db.Heirs.AsNoTracking().Where(h => h.WorkerId == workerId).ToListAsync();
        var claims = await db.Claims.AsNoTracking().Where(c => c.WorkerId == workerId).OrderByDescending(c => c.ReportedOn).ToListAsync();
        return new ViewViewComponentResult
        {
            ViewName = "/Pages/Workers/_WorkerClaims.cshtml",
            ViewData = new Microsoft.AspNetCore.Mvc.ViewFeatures.ViewDataDictionary<Model>(ViewData, new Model(workerId, [.. heirs.OrderBy(h => h.EndedOn is null ? 0 : 1).ThenBy(h => h.Class)], claims)),
        };
    }
}
