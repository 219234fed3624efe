using MigrantCover.Web.Features.Claims;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>Every claim with filters (state, type, the worker's office) and what each waits for.</summary>
public sealed class ClaimsModel(ClaimQueries.Handler queries, AppDbContext db) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    /// <summary>The offices to choose from (code → name).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Offices { get; private set; } = [];

    /// <summary>The filter's query string, for the page links.</summary>
    public string FilterQuery => $"State={Uri.EscapeDataString(State ?? "")}&Type={Uri.EscapeDataString(Type ?? "")}&Office={Uri.EscapeDataString(Office ?? "")}";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public ClaimQueries.Result? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Offices = await db.Offices.AsNoTracking().OrderBy(o => o.Name).Select(o => new KeyValuePair<string, string>(o.Code, o.Name)).ToListAsync(ct);
        var outcome = await queries.ListAsync(new ClaimQueries.Filter(null, State, Type, PageNumber, 50, Office), ct);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
        }
        else
        {
            ModelState.AddFailures(outcome.AllFailures, f => f switch { "state" => nameof(State), "type" => nameof(Type), _ => "" });
        }
    }
}
