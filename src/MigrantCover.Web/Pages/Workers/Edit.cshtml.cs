using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>Correcting a worker's data with a reason; a stale edit shows the current values and keeps what the officer typed.</summary>
public sealed class EditModel(AppDbContext db, UpdateWorker.Handler handler, TimeProvider clock, IStringLocalizer<WorkersResource> text) : FormPageModel
{
    [BindProperty]
    public UpdateWorker.Request Input { get; set; } = new();

    public Worker Worker { get; private set; } = null!;

    /// <summary>Set when someone else saved the worker in the meantime: the values now stored.</summary>
    public UpdateWorker.Request? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var worker = await WorkerQueries.LoadAsync(db, id, ct);
        if (worker is null)
        {
            return NotFound();
        }

        Worker = worker;
        Input = UpdateWorker.Request.Of(worker, clock.Today());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.FixNumberBinding("Input.ContractMonths");
        ModelState.FixNumberBinding("Input.Version");
        var numberError = ModelState.ErrorCount > 0;
        var outcome = numberError ? null : await handler.HandleAsync(id, Input, ct);
        if (outcome?.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }

        if (outcome?.Succeeded == true)
        {
            // The fields of this correction: the audit entries of its save (one instant).
            var changes = await db.AuditEntries.AsNoTracking().Where(a => a.WorkerId == id && a.Action == "updated")
                .OrderByDescending(a => a.Id).Take(60).Select(a => new { a.At, a.Field }).ToListAsync(ct);
            var fields = changes.Where(c => c.At == changes.FirstOrDefault()?.At && c.Field != null).Select(c => WorkerForms.Label(c.Field!)).Reverse().ToList();
            Confirm(fields.Count == 0 ? text["Confirm_nothing"] : string.Format(CultureInfo.CurrentCulture, text["Confirm_updated"], string.Join(", ", fields)));
            return Redirect($"/Workers/{id}");
        }

        var worker = await WorkerQueries.LoadAsync(db, id, ct);
        if (worker is null)
        {
            return NotFound();
        }

        Worker = worker;
        if (outcome is not null)
        {
            var stale = outcome.Status == OutcomeStatus.Conflict && outcome.AllFailures.Any(e => e.Field == "version");
            if (stale)
            {
                // Keep what the officer typed; show what is stored now; the next save starts from it.
                Current = UpdateWorker.Request.Of(worker, clock.Today());
                Input.Version = worker.Version;
                ModelState.Remove("Input.Version");
                ModelState.AddFailures(outcome.AllFailures, _ => null);
            }
            else
            {
                ModelState.AddFailures(outcome.AllFailures);
            }
        }

        return Page();
    }

    /// <summary>The stored values that differ from what the officer typed, for the conflict message.</summary>
    public IEnumerable<(string Field, string? Stored)> Differences()
    {
        if (Current is null)
        {
            yield break;
        }

        foreach (var p in typeof(RegisterWorker.Request).GetProperties())
        {
            if (p.Name == nameof(RegisterWorker.Request.ConfirmDuplicate))
            {
                continue;
            }

            var mine = Convert.ToString(p.GetValue(Input), CultureInfo.InvariantCulture);
            var stored = Convert.ToString(p.GetValue(Current), CultureInfo.InvariantCulture);
            if ((mine ?? "") != (stored ?? ""))
            {
                yield return (char.ToLowerInvariant(p.Name[0]) + p.Name[1..], stored);
            }
        }
    }
}
