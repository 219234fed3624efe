using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Workers;

/// <summary>Recording a contribution (R-PAY-1..4, R-COV-5, R-KPJ-2), for the page and the API.</summary>
public static class RecordPayment
{
    /// <summary>The payment body (docs/api.md). Dates and codes are text, checked by the <see cref="Validator"/>.</summary>
    public sealed record Request(string? Kind = null, long? Amount = null, string? PaidOn = null, string? Reference = null, int? Months = null, long? MonthlyAmount = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Kind).Required().Code<Request, PaymentKind>();
            RuleFor(r => r.PaidOn).Required().IsoDate();
            RuleFor(r => r.Reference).Required().Text(60);
            RuleFor(r => r.Amount).Required();
        }
    }

    /// <summary>The payment and its worker after the write; <see cref="Existing"/> when it was already recorded (R-PAY-2).</summary>
    public sealed record Result(Worker Worker, Payment Payment, bool Existing);

    /// <summary>What the payment should amount to, for the form's "expected amount" before submitting.</summary>
    public static TariffResult Expected(Worker w, PaymentKind kind, DateOnly paidOn, int? months, long? monthlyAmount) =>
        Tariff.Expected(kind, w.Scheme, w.ContractMonths, paidOn, months, monthlyAmount);

    public sealed class Handler(AppDbContext db, IValidator<Request> validator, TimeProvider clock)
    {
        public async Task<Outcome<Result>> HandleAsync(Guid workerId, Request request, CancellationToken ct = default)
        {
            var worker = await WorkerQueries.LoadAsync(db, workerId, ct);
            if (worker is null)
            {
                return Outcome<Result>.NotFound();
            }

            return await HandleAsync(worker, request, ct);
        }

        public async Task<Outcome<Result>> HandleAsync(Worker worker, Request request, CancellationToken ct = default)
        {
            var today = clock.Today();
            var failures = validator.Check(request);
            if (failures.Count > 0)
            {
                return Outcome<Result>.Invalid(failures);
            }

            var kind = Input.Code<PaymentKind>(request.Kind);
            var paidOn = Input.Date(request.PaidOn);
            var reference = Input.Text(request.Reference);

            // R-PAY-2: a reference is recorded once; the same payment again is the existing one.
            var normalized = PaymentDeduplication.NormalizeReference(reference!);
            var incoming = new PaymentSubmission(normalized, kind!.Value, request.Amount!.Value, paidOn!.Value, request.Months, request.MonthlyAmount);
            if (await SameOrConflictAsync(worker, incoming, ct) is { } earlier)
            {
                return earlier;
            }

            var history = WorkerCoverage.HistoryOf(worker, worker.Payments);
            var facts = new PaymentFacts(
                worker.Scheme, worker.Stage, worker.ContractMonths, worker.PlacementAgreementSignedOn, history,
                kind.Value, request.Amount.Value, paidOn.Value, request.Months, request.MonthlyAmount);
            var refused = PaymentRules.Check(facts, today);
            if (refused.Count > 0)
            {
                return Outcome<Result>.Refused(refused);
            }

            var expected = Expected(worker, kind.Value, paidOn.Value, request.Months, request.MonthlyAmount);
            var payment = new Payment
            {
                Id = Guid.CreateVersion7(),
                WorkerId = worker.Id,
                Kind = kind.Value,
                Amount = request.Amount.Value,
                PaidOn = paidOn.Value,
                Reference = normalized,
                Months = kind is PaymentKind.Extension or PaymentKind.Jht ? request.Months : null,
                MonthlyAmount = kind == PaymentKind.Jht ? request.MonthlyAmount : null,
                RuleSet = expected.RuleSet!.Id,
                RecordedAt = clock.GetUtcNow(),
                RecordedBy = db.Actor.Name,
            };

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                // R-KPJ-2: the first contribution makes a participant; the number never changes after.
                if (Participation.NeedsMembershipNumber(worker.MembershipNumber, worker.Payments.Count == 0))
                {
                    worker.MembershipNumber = await MembershipNumbers.IssueAsync(db, paidOn.Value.Year, ct);
                }

                worker.Payments.Add(payment);
                if (kind == PaymentKind.Extension)
                {
                    // R-COV-5: the extension lengthens the contract abroad; it is a stage event of its own.
                    worker.ExtensionMonths += payment.Months!.Value;
                    var extension = StageEvent.Of(worker, StageEventKind.Extension, worker.Stage, worker.Stage, payment.PaidOn, payment.RecordedAt, payment.RecordedBy);
                    extension.Months = payment.Months;
                    extension.PaymentId = payment.Id;
                    worker.StageEvents.Add(extension);
                }

                WorkerCoverage.Refresh(worker, today);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Sent twice at the same moment: the unique reference let one through (R-PAY-2).
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var reloaded = await WorkerQueries.LoadAsync(db, worker.Id, ct);
                if (reloaded is not null && await SameOrConflictAsync(reloaded, incoming, ct) is { } raced)
                {
                    return raced;
                }

                return Outcome<Result>.Stale();
            }

            return Outcome<Result>.Created(new Result(worker, payment, false));
        }

        private async Task<Outcome<Result>?> SameOrConflictAsync(Worker worker, PaymentSubmission incoming, CancellationToken ct)
        {
            var existing = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Reference == incoming.Reference, ct);
            if (existing is null)
            {
                return null;
            }

            var recorded = new PaymentSubmission(existing.Reference, existing.Kind, existing.Amount, existing.PaidOn, existing.Months, existing.MonthlyAmount);
            if (existing.WorkerId == worker.Id && PaymentDeduplication.Compare(recorded, incoming) == DuplicateOutcome.Same)
            {
                return Outcome<Result>.Ok(new Result(worker, worker.Payments.Single(p => p.Id == existing.Id), true));
            }

            return Outcome<Result>.Conflict(Failure.Of(PaymentDeduplication.ConflictFailure(recorded)));
        }
    }
}
