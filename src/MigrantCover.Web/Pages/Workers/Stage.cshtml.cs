using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>The stage actions of §9, one form each: departure (R-COV-8), extension, return, failed departure, withdrawal, death.</summary>
public sealed class StageModel(AppDbContext db, StageActions.Handler handler, TimeProvider clock, IStringLocalizer<WorkersResource> text) : FormPageModel
{
    public static readonly IReadOnlyDictionary<string, (StageEventKind Kind, string[] Fields)> Actions = new Dictionary<string, (StageEventKind, string[])>
    {
        ["departure"] = (StageEventKind.Departure, ["departedOn", "employerName"]),
        ["extension"] = (StageEventKind.Extension, ["months", "reference", "paidOn", "amount"]),
        ["return"] = (StageEventKind.Return, ["arrivedOn"]),
        ["failed-departure"] = (StageEventKind.FailedDeparture, ["reason", "occurredOn"]),
        ["withdrawal"] = (StageEventKind.Withdrawal, ["reason"]),
        ["death"] = (StageEventKind.Death, ["diedOn", "reason"]),
    };

    public Worker Worker { get; private set; } = null!;

    public string Action { get; private set; } = "";

    public string[] Fields { get; private set; } = [];

    /// <summary>Unmet conditions that are fixed elsewhere (documents, payments, destination), each with where to fix it.</summary>
    public IReadOnlyList<(string Message, string Href)> Unmet { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>What the extension will cost (R-TAR-4), shown before saving, once the months are given.</summary>
    public TariffResult? Cost { get; private set; }

    public int? CostMonths { get; private set; }

    /// <summary>The fields of every stage form; numbers are text here, so that a wrong one gets our message.</summary>
    public sealed record InputModel(
        string? DepartedOn = null,
        string? EmployerName = null,
        string? Months = null,
        string? Reference = null,
        string? PaidOn = null,
        string? Amount = null,
        string? ArrivedOn = null,
        string? Reason = null,
        string? OccurredOn = null,
        string? DiedOn = null);

    public async Task<IActionResult> OnGetAsync(
        Guid id,
        string action,
        [FromQuery(Name = "Input.Months")] string? months,
        [FromQuery(Name = "Input.PaidOn")] string? paidOn,
        [FromQuery(Name = "Input.Reference")] string? reference,
        CancellationToken ct)
    {
        if (!await LoadAsync(id, action, ct))
        {
            return NotFound();
        }

        var today = WorkerForms.Iso(clock.Today());
        ModelState.Clear();
        Input = new(DepartedOn: today, EmployerName: Worker.EmployerName, Months: months, Reference: reference, PaidOn: paidOn ?? today, ArrivedOn: today, OccurredOn: today, DiedOn: today);
        ComputeCost();
        return Page();
    }

    // R-TAR-4: the extension's amount for the months and payment date entered, as the payment page shows it.
    private void ComputeCost()
    {
        if (Action == "extension" && int.TryParse(Input.Months, CultureInfo.InvariantCulture, out var m) && m > 0)
        {
            var paidOn = Features.Validation.Input.Date(Input.PaidOn) ?? clock.Today();
            Cost = RecordPayment.Expected(Worker, PaymentKind.Extension, paidOn, m, null);
            CostMonths = m;
        }
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string action, CancellationToken ct)
    {
        if (!await LoadAsync(id, action, ct))
        {
            return NotFound();
        }

        var numberErrors = new List<Failure>();
        var months = Number(Input.Months, "months", numberErrors);
        var amount = Number(Input.Amount, "amount", numberErrors);
        if (numberErrors.Count > 0)
        {
            // Nothing is saved with a malformed number (an amount left out would be the tariff's).
            ModelState.AddFailures(numberErrors);
            ComputeCost();
            return Page();
        }

        var outcome = action switch
        {
            "departure" => await handler.DepartAsync(id, new(Input.DepartedOn, Input.EmployerName), ct),
            "extension" => await handler.ExtendAsync(id, new((int?)months, Input.Reference, Input.PaidOn, amount), ct),
            "return" => await handler.ReturnAsync(id, new(Input.ArrivedOn), ct),
            "failed-departure" => await handler.FailDepartureAsync(id, new(Input.Reason, Input.OccurredOn), ct),
            "withdrawal" => await handler.WithdrawAsync(id, new(Input.Reason), ct),
            _ => await handler.DieAsync(id, new(Input.DiedOn, Input.Reason), ct),
        };
        if (outcome.Succeeded)
        {
            Confirm(Confirmation(outcome.Value!));
            return Redirect($"/Workers/{id}");
        }

        ComputeCost();

        var inForm = outcome.AllFailures.Where(e => Fields.Contains(e.Field)).ToList();
        ModelState.AddFailures(inForm, Fields);
        Unmet = [.. outcome.AllFailures.Where(e => !Fields.Contains(e.Field)).Select(e => (e.RuleId is null ? e.Message : $"{e.Message} ({e.RuleId})", FixLink(e)))];
        if (Unmet.Count == 0 && inForm.Count == 0 && outcome.Detail is not null)
        {
            Unmet = [(outcome.Detail, $"/Workers/{id}")];
        }

        return Page();
    }

    // What was recorded, in words: the date, and the cover it leaves (from the worker's refreshed cover snapshot).
    private string Confirmation(Worker w)
    {
        string F(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, text[key], args);
        var until = WorkerForms.Date(w.CoveredUntil);
        return Action switch
        {
            "departure" => F("Confirm_departure", WorkerForms.Date(w.DepartedOn), until),
            "extension" when w.Payments.Where(p => p.Kind == PaymentKind.Extension).MaxBy(p => p.RecordedAt) is { } p =>
                F("Confirm_extension", p.Months, RuleText.Rupiah(p.Amount), until),
            "return" => F("Confirm_return", WorkerForms.Date(w.ArrivedOn), until),
            "failed-departure" => F("Confirm_failed-departure", WorkerForms.Date(w.FailedDepartureOn)),
            "withdrawal" => F("Confirm_withdrawal", WorkerForms.Date(w.WithdrawnOn)),
            _ => F("Confirm_death", WorkerForms.Date(w.DiedOn)),
        };
    }

    private string FixLink(Failure e) => e.Field switch
    {
        "documents" => $"/Workers/{Worker.Id}#documents",
        "passportNumber" => $"/Workers/{Worker.Id}#document-passport",
        "payments" => $"/Workers/{Worker.Id}/Payment?Input.Kind=placement",
        "destinationCountry" or "category" => $"/Workers/{Worker.Id}/Edit",
        _ => $"/Workers/{Worker.Id}",
    };

    private static long? Number(string? text, string field, List<Failure> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (long.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= int.MinValue and <= int.MaxValue)
        {
            return n;
        }

        errors.Add(Failure.Input(field, "number.whole", ("example", "12")));
        return null;
    }

    private async Task<bool> LoadAsync(Guid id, string action, CancellationToken ct)
    {
        if (!Actions.TryGetValue(action, out var a))
        {
            return false;
        }

        var worker = await WorkerQueries.LoadAsync(db, id, ct);
        if (worker is null)
        {
            return false;
        }

        Worker = worker;
        Action = action;
        Fields = a.Fields;
        return true;
    }
}
