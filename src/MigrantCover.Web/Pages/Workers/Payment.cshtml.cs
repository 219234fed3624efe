using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>Recording a payment; the expected amount for the kind, date and months is shown before submitting (R-PAY-1).</summary>
public sealed class PaymentModel(AppDbContext db, RecordPayment.Handler handler, TimeProvider clock, IStringLocalizer<WorkersResource> text) : FormPageModel
{
    public Worker Worker { get; private set; } = null!;

    [BindProperty]
    public RecordPayment.Request Input { get; set; } = new();

    public TariffResult? Expected { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        Guid id,
        [FromQuery(Name = "Input.Kind")] string? kind,
        [FromQuery(Name = "Input.PaidOn")] string? paidOn,
        [FromQuery(Name = "Input.Months")] string? months,
        [FromQuery(Name = "Input.MonthlyAmount")] string? monthlyAmount,
        CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        Input = new RecordPayment.Request(
            Kind: kind ?? (Worker.Payments.Count == 0 && Worker.Scheme != Scheme.Individual ? "pre-placement" : Worker.Stage == Stage.Placed ? "extension" : "placement"),
            PaidOn: paidOn ?? WorkerForms.Iso(clock.Today()),
            Months: int.TryParse(months, CultureInfo.InvariantCulture, out var m) ? m : null,
            MonthlyAmount: long.TryParse(monthlyAmount, CultureInfo.InvariantCulture, out var a) ? a : null);
        Compute();
        Input = Input with { Amount = Expected?.Amount };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        foreach (var key in new[] { "Input.Amount", "Input.Months", "Input.MonthlyAmount" })
        {
            ModelState.FixNumberBinding(key);
        }

        if (ModelState.ErrorCount == 0)
        {
            var outcome = await handler.HandleAsync(Worker, Input, ct);
            if (outcome.Succeeded)
            {
                var p = outcome.Value!.Payment;
                Confirm(string.Format(CultureInfo.CurrentCulture, text["Confirm_payment"], text["code." + Codes.Of(p.Kind)].Value.ToLower(CultureInfo.CurrentCulture), RuleText.Rupiah(p.Amount), WorkerForms.Date(p.PaidOn), p.Reference));
                return Redirect($"/Workers/{id}/Receipts/{outcome.Value!.Payment.Id}");
            }

            ModelState.AddFailures(outcome.AllFailures, ["kind", "amount", "paidOn", "reference", "months", "monthlyAmount"]);
        }

        Compute();
        return Page();
    }

    /// <summary>"Compute the expected amount": re-renders with the amount for the posted kind, date and months; saves nothing.</summary>
    public async Task<IActionResult> OnPostComputeAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        ModelState.Clear();
        Compute();
        Input = Input with { Amount = Expected?.Amount ?? Input.Amount };
        return Page();
    }

    private void Compute()
    {
        if (Features.Validation.Input.Code<PaymentKind>(Input.Kind) is { } kind && Features.Validation.Input.Date(Input.PaidOn) is { } paidOn)
        {
            Expected = RecordPayment.Expected(Worker, kind, paidOn, Input.Months, Input.MonthlyAmount);
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var worker = await WorkerQueries.LoadAsync(db, id, ct);
        Worker = worker!;
        return worker is not null;
    }
}
