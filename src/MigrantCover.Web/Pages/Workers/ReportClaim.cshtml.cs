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

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed record InputModel
    {
        public string? Type { get; set; }

        public string? IncidentOn { get; set; }

        public string? ReportedOn { get; set; }

        public string? ClaimedAmount { get; set; }

        public string? Cause { get; set; }

        public string? Trigger { get; set; }

        public string? ReporterRole { get; set; }

        public string? ReporterName { get; set; }

        public string? ReporterContact { get; set; }

        public Guid? PayeeHeirId { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        Input = new() { ReportedOn = WorkerForms.Iso(clock.Today()) };
        return Page();
    }

    public async Task<IActionResult> OnPostAssessAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || ClaimRequestOf(id) is not { } request)
        {
            return Worker is null ? NotFound() : Page();
        }

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
    }

    public async Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || ClaimRequestOf(id) is not { } request)
        {
            return Worker is null ? NotFound() : Page();
        }

        var outcome = await handler.ReportAsync(request, ct);
        if (outcome.Succeeded)
        {
            return Redirect($"/Claims/{outcome.Value!.Id}");
        }

        if (outcome.ExistingId is { } existing)
        {
            return Redirect($"/Claims/{existing}");
        }

        AddFailures(outcome.AllFailures);
        if ((await handler.AssessAsync(request, ct)) is { Succeeded: true } assessed)
        {
            Assessment = AssessmentView.From(assessed.Value!);
        }

        return Page();
    }

    private ClaimRequest? ClaimRequestOf(Guid id)
    {
        var failures = new List<Failure>();
        var amount = ClaimForms.Amount(Input.ClaimedAmount, "claimedAmount", failures);
        if (failures.Count > 0)
        {
            AddFailures(failures);
            return null;
        }

        return new ClaimRequest
        {
            WorkerId = id,
            Type = Input.Type,
            IncidentOn = Input.IncidentOn,
            ReportedOn = Input.ReportedOn,
            ClaimedAmount = amount,
            Cause = Input.Cause,
            Trigger = Input.Trigger,
            Reporter = new ReporterInput(Input.ReporterRole, Input.ReporterName, Input.ReporterContact),
            PayeeHeirId = Input.PayeeHeirId,
        };
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

        Heirs = await db.Heirs.AsNoTracking().Where(h => h.WorkerId == id && h.EndedOn == null).ToListAsync(ct);
        return true;
    }
}
