using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>Registering a candidate: one form, identity as on the KTP and the placement agreement; the server decides.</summary>
public sealed class RegisterModel(RegisterWorker.Handler handler, TimeProvider clock, IStringLocalizer<WorkersResource> text) : FormPageModel
{
    [BindProperty]
    public RegisterWorker.Request Input { get; set; } = new();

    /// <summary>R-NIK-4: the worker who already has this NIK.</summary>
    public Guid? ExistingId { get; private set; }

    /// <summary>Workers with the same name and date of birth, shown before the officer confirms.</summary>
    public IReadOnlyList<Guid> Duplicates { get; private set; } = [];

    public void OnGet()
    {
        Input.RegisteredOn = WorkerForms.Iso(clock.Today());
        Input.Purpose = "work";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.FixNumberBinding("Input.ContractMonths");
        var numberError = ModelState.ErrorCount > 0;
        var outcome = await handler.HandleAsync(Input, ct);
        if (outcome.Succeeded && !numberError)
        {
            Confirm(string.Format(CultureInfo.CurrentCulture, text["Confirm_registered"], outcome.Value!.FullName));
            return Redirect($"/Workers/{outcome.Value!.Id}");
        }

        ExistingId = outcome.ExistingId;
        Duplicates = outcome.Candidates ?? [];
        ModelState.AddFailures(outcome.AllFailures.Where(e => !(numberError && e.Field == "contractMonths")));
        return Page();
    }
}
