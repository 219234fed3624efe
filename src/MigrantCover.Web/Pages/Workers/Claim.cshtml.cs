using MigrantCover.Web.Features.Claims;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>A claim's own page: assessment, checklist (one form), outcome, verify, approve (four eyes), pay, reject.</summary>
public sealed class ClaimModel(AppDbContext db, ClaimActions.Handler handler, TimeProvider clock) : FormPageModel
{
    public ClaimView Claim { get; private set; } = null!;

    public Worker Worker { get; private set; } = null!;

    public IReadOnlyList<Heir> Heirs { get; private set; } = [];

    /// <summary>The display names of the staff in the claim's history, by the e-mail the audit recorded.</summary>
    public IReadOnlyDictionary<string, string> StaffNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>A staff member as the page names them: the account's display name, with the e-mail the claim recorded.</summary>
    public string Staff(string email) => StaffNames.TryGetValue(email, out var name) ? $"{name} ({email})" : email;

    // Named, so that a form without checklist fields (verify, pay) does not bind its other fields
    // (PayeeHeirId, the antiforgery token) as checklist entries: MVC falls back to the empty prefix for an
    // unnamed top-level property whose prefix the form lacks.
    [BindProperty(Name = nameof(Verified))]
    public Dictionary<string, bool> Verified { get; set; } = [];

    [BindProperty(Name = nameof(References))]
    public Dictionary<string, string?> References { get; set; } = [];

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? OutcomeOn { get; set; }

    [BindProperty]
    public Guid? PayeeHeirId { get; set; }

    [BindProperty]
    public string? GuardianName { get; set; }

    [BindProperty]
    public string? FuneralArrangerName { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    [BindProperty]
    public string? PaidOn { get; set; }

    [BindProperty]
    public string? RejectReason { get; set; }

    [BindProperty]
    public string? RejectText { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostChecklistAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, async () =>
        {
            var items = Claim.Documents.ToDictionary(
                d => d.Code,
                d => new DocumentRequest(Verified.TryGetValue(d.Code, out var v) && v, References.TryGetValue(d.Code, out var r) ? r : d.Reference),
                StringComparer.Ordinal);
            return await handler.DocumentsAsync(id, items, ct);
        }, ct);

    public Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => handler.OutcomeAsync(id, new OutcomeRequest { Outcome = Outcome, OutcomeOn = OutcomeOn }, ct), ct);

    public Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => handler.VerifyAsync(id, new VerifyRequest { PayeeHeirId = PayeeHeirId, GuardianName = GuardianName, FuneralArrangerName = FuneralArrangerName }, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => handler.ApproveAsync(id, ct), ct);

    public Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => handler.PayAsync(id, new PayRequest { Reference = Reference, PaidOn = PaidOn }, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, () => handler.RejectAsync(id, new RejectRequest { Reason = RejectReason, Text = RejectText }, ct), ct);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<Outcome<BenefitClaim>>> step, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // A posted value the framework could not read (a payee that is not an ID, a checkbox that is not
        // true/false) is said next to its field, and the step does not run on the value it read as missing.
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await step();
        if (outcome.Succeeded)
        {
            TempData["ClaimSaved"] = true;
            return Redirect($"/Claims/{id}");
        }

        if (outcome.Status == OutcomeStatus.NotFound && outcome.AllFailures.Count == 0)
        {
            return NotFound();
        }

        ModelState.AddFailures(outcome.AllFailures, f => f switch
        {
            "outcome" => nameof(Outcome),
            "outcomeOn" => nameof(OutcomeOn),
            "payeeHeirId" => nameof(PayeeHeirId),
            "guardianName" => nameof(GuardianName),
            "funeralArrangerName" => nameof(FuneralArrangerName),
            "reference" => nameof(Reference),
            "paidOn" => nameof(PaidOn),
            "reason" => nameof(RejectReason),
            "text" => nameof(RejectText),
            _ => "",
        });
        if (outcome.AllFailures.Count == 0 && outcome.Detail is { } detail)
        {
            ModelState.AddModelError("", detail);
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var today = clock.Today();
        var view = await ClaimQueries.ViewAsync(db, id, today, ct);
        if (view is null)
        {
            return false;
        }

        Claim = view;
        Worker = await db.Workers.AsNoTracking().SingleAsync(w => w.Id == view.WorkerId, ct);
        Heirs = await ClaimForms.PayeeChoicesAsync(db, view.WorkerId, ct);
        StaffNames = await WorkerForms.StaffNamesAsync(db, view.History.Select(h => h.ActorName).Append(view.VerifiedBy).Append(view.ApprovedBy), ct);
        PaidOn ??= WorkerForms.Iso(today);
        OutcomeOn ??= WorkerForms.Iso(view.IncidentOn);
        PayeeHeirId ??= view.PayeeHeirId;
        return true;
    }
}
