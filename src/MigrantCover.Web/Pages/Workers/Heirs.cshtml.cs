using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Resources;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>The worker's heirs (R-HEIR-1..6): the list with their class, add, correct and end with a reason.</summary>
public sealed class HeirsModel(AppDbContext db, HeirActions.Handler handler, IStringLocalizer<WorkersResource> text) : FormPageModel
{
    public Worker Worker { get; private set; } = null!;

    public IReadOnlyList<Heir> List { get; private set; } = [];

    /// <summary>The heir being corrected (?edit=), or null for a new one.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    [BindProperty]
    public HeirInput Input { get; set; } = new();

    [BindProperty]
    public string? EndReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        // Only an heir who has not ended can be corrected (R-HEIR-6): another ?edit= opens the form to add one.
        var editing = Edit is { } e ? List.FirstOrDefault(x => x.Id == e && x.EndedOn is null) : null;
        Edit = editing?.Id;
        if (editing is { } h)
        {
            Input = new HeirInput
            {
                FullName = h.FullName,
                Relationship = Codes.Of(h.Relationship),
                Sex = Codes.Of(h.Sex),
                DateOfBirth = WorkerForms.Iso(h.DateOfBirth),
                Nik = h.Nik,
                Phone = h.Phone,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        var outcome = Edit is { } heirId ? await handler.CorrectAsync(id, heirId, Input, ct) : await handler.AddAsync(id, Input, ct);
        return await AnswerAsync(id, outcome, Edit is null ? "Confirm_heir_added" : "Confirm_heir_corrected", ct);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, Guid heirId, CancellationToken ct) =>
        await AnswerAsync(id, await handler.EndAsync(id, heirId, new HeirActions.EndRequest(EndReason), ct), "Confirm_heir_ended", ct, end: heirId);

    private async Task<IActionResult> AnswerAsync(Guid id, Outcome<Heir> outcome, string confirmation, CancellationToken ct, Guid? end = null)
    {
        if (outcome.Succeeded)
        {
            Confirm(string.Format(CultureInfo.CurrentCulture, text[confirmation], outcome.Value!.FullName));
            return Redirect($"/Workers/{id}/Heirs");
        }

        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }

        ModelState.AddFailures(outcome.AllFailures, f => end is { } e ? (f == "reason" ? "EndReason_" + e : "") : (f.Length == 0 ? "" : ModelStateFailures.KeyOf("Input", f)));
        if (outcome.AllFailures.Count == 0 && outcome.Detail is { } detail)
        {
            ModelState.AddModelError("", detail);
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Worker = (await db.Workers.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, ct))!;
        if (Worker is null)
        {
            return false;
        }

        List = await HeirActions.ListAsync(db, id, ct) ?? [];
        return true;
    }
}
