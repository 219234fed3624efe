using MigrantCover.Web.Features.Claims;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>"Laporkan klaim" from the worker page: the assessment at once (nothing written), then the report.</summary>
public sealed class ReportClaimModel(AppDbContext db, ClaimActions.Handler handler, TimeProvider clock) : FormPageModel
{
    public Worker Worker { get; private set; } = null!;

    public IReadOnlyList<Heir> Heirs { get; private set; } = [];

    public AssessmentView? Assessment { get; private set; }

    /// <summary>The request the form fills, as the API's body would (the amount and the reporter are typed apart, below).</summary>
    [BindProperty]
    public ClaimRequest Input { get; set; } = new();

    /// <summary>The amount as typed, with or without thousands dots ("65.000.000"), read by <see cref="ClaimForms.Amount"/>.</summary>
    [BindProperty(Name = "Input.ClaimedAmount")]
    public string? ClaimedAmount { get; set; }

    // R-CLM-5: the reporter, one field each.
    [BindProperty(Name = "Input.ReporterRole")]
    public string? ReporterRole { get; set; }

    [BindProperty(Name = "Input.ReporterName")]
    public string? ReporterName { get; set; }

    [BindProperty(Name = "Input.ReporterContact")]
    public string? ReporterContact { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new() { ReportedOn = WorkerForms.Iso(clock.Today()) };
        return Page();
    }

    public Task<IActionResult> OnPostAssessAsync(Guid id, CancellationToken ct) =>
        PostAsync(id, async request =>
        {
            var outcome = await handler.AssessAsync(request, ct);
            if (outcome.Succeeded)
            {
                Assessment = AssessmentView.From(outcome.Value!);
            }
            else
            {
                AddFailures(outcome.AllFailures);
            }

            return Page();
        }, ct);

    public Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct) =>
        PostAsync(id, async request =>
        {
            var outcome = await handler.ReportAsync(request, ct);
            if ((outcome.Succeeded ? outcome.Value!.Id : outcome.ExistingId) is { } claimId)
            {
                return Redirect($"/Claims/{claimId}");
            }

            AddFailures(outcome.AllFailures);
            if ((await handler.AssessAsync(request, ct)) is { Succeeded: true } assessed)
            {
                Assessment = AssessmentView.From(assessed.Value!);
            }

            return Page();
        }, ct);

    // Both buttons: the worker (404), the amount typed (its message alone), then the request.
    private async Task<IActionResult> PostAsync(Guid id, Func<ClaimRequest, Task<IActionResult>> post, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var failures = new List<Failure>();
        var amount = ClaimForms.Amount(ClaimedAmount, "claimedAmount", failures);
        if (failures.Count > 0)
        {
            AddFailures(failures);
            return Page();
        }

        return await post(Input with { WorkerId = id, ClaimedAmount = amount, Reporter = new ReporterInput(ReporterRole, ReporterName, ReporterContact) });
    }

    private void AddFailures(IEnumerable<Failure> failures) =>
        ModelState.AddFailures(failures, f => f switch
        {
            "reporter.role" => "Input.ReporterRole",
            "reporter.name" => "Input.ReporterName",
            "reporter.contact" => "Input.ReporterContact",
            "" => null,
            _ => ModelStateFailures.KeyOf("Input", f),
        });

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Worker = (await db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct))!;
        if (Worker is null)
        {
            return false;
        }

        Heirs = await ClaimForms.PayeeChoicesAsync(db, id, ct);
        return true;
    }
}
