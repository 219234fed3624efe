using MigrantCover.Web.Features.Workers;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>A printable receipt (A4): membership number, amount in words and figures, rule set, the cover it buys.</summary>
public sealed class ReceiptModel(AppDbContext db) : FormPageModel
{
    public Worker Worker { get; private set; } = null!;

    public Payment Payment { get; private set; } = null!;

    public RuleSet? RuleSet { get; private set; }

    /// <summary>The cover periods this payment opens or lengthens (as recorded now).</summary>
    public IReadOnlyList<CoverPeriod> Cover { get; private set; } = [];

    /// <summary>The office the worker was registered at, by name (or its code), if any.</summary>
    public string? OfficeName { get; private set; }

    /// <summary>The officer who recorded the payment: name and e-mail as recorded.</summary>
    public string Officer { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid paymentId, CancellationToken ct)
    {
        var worker = await WorkerQueries.LoadAsync(db, id, ct);
        var payment = worker?.Payments.SingleOrDefault(p => p.Id == paymentId);
        if (worker is null || payment is null)
        {
            return NotFound();
        }

        Worker = worker;
        Payment = payment;
        OfficeName = worker.OfficeCode is { } office
            ? await db.Offices.Where(o => o.Code == office).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? office
            : null;
        var name = await db.Users.Where(u => u.Email == payment.RecordedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        Officer = name is null ? payment.RecordedBy : $"{name} ({payment.RecordedBy})";
        RuleSet = RuleSets.ById(payment.RuleSet);
        var periods = MigrantCover.Domain.Coverage.Periods(WorkerCoverage.HistoryOf(worker, worker.Payments));
        Cover = payment.Kind switch
        {
            PaymentKind.PrePlacement => [.. periods.Where(p => p.Phase == CoverPhase.PrePlacement && p.Contains(payment.PaidOn))],
            PaymentKind.Jht => [.. periods.Where(p => p.Programme == Programme.Jht && p.Until >= payment.PaidOn)],
            _ => [.. periods.Where(p => p.Phase is CoverPhase.Placement or CoverPhase.PostPlacement || (worker.Scheme == Scheme.Individual && p.Phase == CoverPhase.PrePlacement && p.Contains(payment.PaidOn)))],
        };
        return Page();
    }
}
