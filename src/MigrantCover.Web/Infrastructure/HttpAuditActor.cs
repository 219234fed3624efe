using System.Security.Claims;

namespace MigrantCover.Web.Infrastructure;

/// <summary>The signed-in staff member of the current request, or "system" outside a request.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    public string Id => User?.FindFirstValue(ClaimTypes.NameIdentifier) ?? SystemActor.Instance.Id;

    public string Name => User?.FindFirstValue(ClaimTypes.Email) ?? User?.Identity?.Name ?? SystemActor.Instance.Name;

    private ClaimsPrincipal? User => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } u ? u : null;
}
