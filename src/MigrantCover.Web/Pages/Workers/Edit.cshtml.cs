using Microsoft.AspNetCore.Mvc;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>Correcting a worker's data with a reason; a stale edit shows the current values and keeps what the officer typed.</summary>
public sealed class EditModel(AppDbContext db, UpdateWorker.Handler handler) : FormPageModel
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
        Input = From(worker);
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
                Current = From(worker);
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

    private static UpdateWorker.Request From(Worker w) => new()
    {
        Nik = w.Nik,
        FamilyCardNumber = w.FamilyCardNumber,
        FullName = w.FullName,
        Sex = Codes.Of(w.Sex),
        DateOfBirth = WorkerForms.Iso(w.DateOfBirth),
        PlaceOfBirth = w.PlaceOfBirth,
        Address = w.Address,
        Phone = w.Phone,
        Email = w.Email,
        Purpose = Codes.Of(w.Purpose),
        Category = Codes.Of(w.Category),
        Scheme = Codes.Of(w.Scheme),
        AgencyName = w.AgencyName,
        AgencyLicence = w.AgencyLicence,
        DestinationCountry = w.DestinationCountry,
        Occupation = w.Occupation,
        EmployerName = w.EmployerName,
        ContractMonths = w.ContractMonths,
        PlacementAgreementSignedOn = WorkerForms.Iso(w.PlacementAgreementSignedOn),
        RegisteredOn = WorkerForms.Iso(w.RegisteredOn),
        Version = w.Version,
    };

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
