using MigrantCover.Web.Features.Claims;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>Every claim with filters (state, type) and what each waits for.</summary>
public sealed class ClaimsModel(ClaimQueries.Handler queries) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public ClaimQueries.Result? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var outcome = await queries.ListAsync(new ClaimQueries.Filter(null, State, Type, PageNumber, 50), ct);
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
