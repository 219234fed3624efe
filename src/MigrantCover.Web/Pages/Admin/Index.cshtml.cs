using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MigrantCover.Web.Data;

namespace MigrantCover.Web.Pages.Admin;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int Total { get; private set; }

    public async Task OnGetAsync() => Total = await db.Workers.CountAsync();
}
