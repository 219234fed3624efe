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

        /// <summary>
        /// Records the payment on <paramref name="worker"/> (loaded by the caller, tracked by this context).
        /// The check and the write run as one unit of the execution strategy: when the database goes away
        /// in between, the unit is run again from a fresh load of the worker (decision 0011), and the
        /// reference makes it exactly-once (R-PAY-2).
        /// </summary>
        public async Task<Outcome<Result>> HandleAsync(Worker worker, Request request, CancellationToken ct = default)
        {
            var failures = validator.Check(request);
            if (failures.Count > 0)
            {
                return Outcome<Result>.Invalid(failures);
            }

            var attempt = 0;
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                if (attempt++ > 0)
                {
                    db.ChangeTracker.Clear();
                    if (await WorkerQueries.LoadAsync(db, worker.Id, token) is not { } reloaded)
                    {
                        return Outcome<Result>.NotFound();
                    }

                    worker = reloaded;
                }

                return await RecordAsync(worker, request, token);
            }, ct);
        }

        private async Task<Outcome<Result>> RecordAsync(Worker worker, Request request, CancellationToken ct)
        {
            var today = clock.Today();
            var kind = Input.Code<PaymentKind>(request.Kind);
            var paidOn = Input.Date(request.PaidOn);
            var reference = Input.Text(request.Reference);

            // R-PAY-2: a reference is recorded once; the same payment again is the existing one.
            var normalized = PaymentDeduplication.NormalizeReference(reference!);
            var incoming = new PaymentSubmission(normalized, kind!.Value, request.Amount!.Value, paidOn!.Value, request.Months, request.MonthlyAmount);
            if (await SameOrConflictAsync(worker.Id, incoming, ct) is { } earlier)
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

            // R-KPJ-2: the first contribution makes a participant; the number never changes after. On
            // PostgreSQL the year's sequence is made sure of before the transaction (decision 0012).
            var needsNumber = Participation.NeedsMembershipNumber(worker.MembershipNumber, worker.Payments.Count == 0);
            if (needsNumber)
            {
                await MembershipNumbers.PrepareAsync(db, paidOn.Value.Year, ct);
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                if (needsNumber)
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
            catch (DbUpdateException ex) when (!DatabaseFailures.IsUnavailable(ex))
            {
                // Sent twice at the same moment: the unique reference (or the worker's version) let one
                // through (R-PAY-2); the others answer the payment it recorded.
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                if (await SameOrConflictAsync(worker.Id, incoming, ct) is { } raced)
                {
                    return raced;
                }

                return Outcome<Result>.Stale();
            }

            PortalMetrics.Payment(payment.Kind);
            return Outcome<Result>.Created(new Result(worker, payment, false));
        }

        // The payment with the same reference, if any: the same one answers it with its worker, read
        // afresh after it was found (so after its commit: never a worker loaded before it, without the
        // payment or the membership number it gave); a different one is a conflict.
        private async Task<Outcome<Result>?> SameOrConflictAsync(Guid workerId, PaymentSubmission incoming, CancellationToken ct)
        {
            var existing = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Reference == incoming.Reference, ct);
            if (existing is null)
            {
                return null;
            }

            var recorded = new PaymentSubmission(existing.Reference, existing.Kind, existing.Amount, existing.PaidOn, existing.Months, existing.MonthlyAmount);
            if (existing.WorkerId != workerId || PaymentDeduplication.Compare(recorded, incoming) != DuplicateOutcome.Same)
            {
                return Outcome<Result>.Conflict(Failure.Of(PaymentDeduplication.ConflictFailure(recorded)));
            }

            db.ChangeTracker.Clear();
            var worker = await WorkerQueries.LoadAsync(db, workerId, ct);
            var payment = worker?.Payments.SingleOrDefault(p => p.Id == existing.Id);
            return worker is null || payment is null ? Outcome<Result>.Stale() : Outcome<Result>.Ok(new Result(worker, payment, true));
        }
    }
}
