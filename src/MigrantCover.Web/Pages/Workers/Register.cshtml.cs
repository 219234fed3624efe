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

    /// <summary>How many heir rows the form shows (the filled ones, plus an empty one to add).</summary>
    public int HeirRows { get; private set; } = 1;

    public void OnGet()
    {
        Input.RegisteredOn = WorkerForms.Iso(clock.Today());
        Input.Purpose = "work";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // R-HEIR-3: the heir rows work without JavaScript; empty rows are not heirs, "add"/"remove" only redraw.
        Input.Heirs = [.. (Input.Heirs ?? []).Where(h => h is { IsEmpty: false })];
        if (Request.Form.ContainsKey("AddHeirRow") || Request.Form.TryGetValue("RemoveHeirRow", out _))
        {
            if (int.TryParse(Request.Form["RemoveHeirRow"], NumberStyles.None, CultureInfo.InvariantCulture, out var remove) && remove < Input.Heirs.Count)
            {
                Input.Heirs.RemoveAt(remove);
            }

            HeirRows = Input.Heirs.Count + (Request.Form.ContainsKey("AddHeirRow") ? 1 : 0);
            ModelState.Clear();
            return Page();
        }

        ModelState.FixNumberBinding("Input.ContractMonths");
        var numberError = ModelState.ErrorCount > 0;
        var outcome = await handler.HandleAsync(Input, ct);
        if (outcome.Succeeded && !numberError)
        {
            Confirm(string.Format(CultureInfo.CurrentCulture, text["Confirm_registered"], outcome.Value!.FullName));
            return Redirect($"/Workers/{outcome.Value!.Id}");
        }

        HeirRows = Math.Max(1, Input.Heirs.Count);
        ExistingId = outcome.ExistingId;
        Duplicates = outcome.Candidates ?? [];
        ModelState.AddFailures(outcome.AllFailures.Where(e => !(numberError && e.Field == "contractMonths")), field => field.StartsWith("heirs[", StringComparison.Ordinal) ? "Input.H" + field[1..] : ModelStateFailures.KeyOf("Input", field));
        return Page();
    }
}
