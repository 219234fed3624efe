using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Workers;

/// <summary>The stage changes of §9 (departure, extension, return, failed departure, withdrawal, death), for the page and the API.</summary>
public static class StageActions
{
    public sealed record DepartureRequest(string? DepartedOn = null, string? EmployerName = null);

    /// <summary>An extension abroad and its payment: <c>paidOn</c> defaults to today, <c>amount</c> to the tariff (R-TAR-4).</summary>
    public sealed record ExtensionRequest(int? Months = null, string? Reference = null, string? PaidOn = null, long? Amount = null);

    public sealed record ReturnRequest(string? ArrivedOn = null);

    /// <summary>Failed departure and withdrawal: why, and (optionally) the date it happened.</summary>
    public sealed record ReasonRequest(string? Reason = null, string? OccurredOn = null);

    public sealed record DeathRequest(string? DiedOn = null, string? Reason = null);

    public sealed class DepartureValidator : AbstractValidator<DepartureRequest>
    {
        public DepartureValidator()
        {
            RuleFor(r => r.DepartedOn).Required().IsoDate();
            RuleFor(r => r.EmployerName).Name(150);
        }
    }

    public sealed class ExtensionValidator : AbstractValidator<ExtensionRequest>
    {
        public ExtensionValidator() => RuleFor(r => r.PaidOn).IsoDate();
    }

    public sealed class ReturnValidator : AbstractValidator<ReturnRequest>
    {
        public ReturnValidator() => RuleFor(r => r.ArrivedOn).Required().IsoDate();
    }

    public sealed class ReasonValidator : AbstractValidator<ReasonRequest>
    {
        public ReasonValidator()
        {
            RuleFor(r => r.Reason).Required().Text(500);
            RuleFor(r => r.OccurredOn).IsoDate();
        }
    }

    public sealed class DeathValidator : AbstractValidator<DeathRequest>
    {
        public DeathValidator()
        {
            RuleFor(r => r.DiedOn).Required().IsoDate();
            RuleFor(r => r.Reason).Text(500);
        }
    }

    public sealed class Handler(
        AppDbContext db,
        TimeProvider clock,
        RecordPayment.Handler payments,
        IValidator<DepartureRequest> departures,
        IValidator<ExtensionRequest> extensions,
        IValidator<ReturnRequest> returns,
        IValidator<ReasonRequest> reasons,
        IValidator<DeathRequest> deaths)
    {
        public Task<Outcome<Worker>> DepartAsync(Guid id, DepartureRequest request, CancellationToken ct = default) =>
            RunAsync(id, StageEventKind.Departure, departures.Check(request), async (w, today) =>
            {
                var departedOn = Input.Date(request.DepartedOn)!.Value;

                // R-COV-8: every unmet condition at once.
                var facts = new DepartureFacts(
                    w.Stage, w.Scheme, w.Category, w.DestinationCountry, w.RegisteredOn, departedOn, today,
                    [.. w.Payments.Select(p => new PaymentRecord(p.Kind, p.PaidOn, p.Months, p.Amount))],
                    [.. w.Documents.Where(d => d.Verified).Select(d => d.Type)],
                    w.PassportNumber,
                    await WorkerQueries.RestrictionsAsync(db, ct));
                var refused = Departure.Check(facts);
                if (refused.Count > 0)
                {
                    return Refuse([.. refused.Select(Failure.Of)]);
                }

                w.DepartedOn = departedOn;
                w.EmployerName = Input.Text(request.EmployerName) ?? w.EmployerName;
                return Event(w, StageEventKind.Departure, departedOn, null);
            }, ct);

        public async Task<Outcome<Worker>> ExtendAsync(Guid id, ExtensionRequest request, CancellationToken ct = default)
        {
            var worker = await WorkerQueries.LoadAsync(db, id, ct);
            if (worker is null)
            {
                return Outcome<Worker>.NotFound();
            }

            var failures = extensions.Check(request);

            // The contract: the reference of an extension payment already recorded (POST .../payments, which
            // records the extension with it, R-COV-5) links that payment, on any later day. What the body
            // leaves out is the recorded payment's, so the same payment is found again (R-PAY-2) rather than
            // re-recorded with today's date; what it states must agree with it, or it is the usual 409.
            var recorded = failures.Count == 0 && Input.Text(request.Reference) is { } reference
                ? worker.Payments.FirstOrDefault(p => p.Kind == PaymentKind.Extension && p.Reference == PaymentDeduplication.NormalizeReference(reference))
                : null;
            if (recorded is null && StageMachine.Check(worker.Stage, StageEventKind.Extension, worker.Payments.Count > 0) is { } blocked)
            {
                return RuleBook.Blocked<Worker>(blocked);
            }

            if (failures.Count > 0)
            {
                return Outcome<Worker>.Invalid(failures);
            }

            // R-TAR-4: the amount is the tariff's unless the officer states what was paid.
            var paidOn = Input.Date(request.PaidOn) ?? recorded?.PaidOn ?? clock.Today();
            var amount = request.Amount
                ?? recorded?.Amount
                ?? RecordPayment.Expected(worker, PaymentKind.Extension, paidOn, request.Months, null).Amount
                ?? 0;
            request = request with { Months = request.Months ?? recorded?.Months };
            var payment = new RecordPayment.Request(Codes.Of(PaymentKind.Extension), amount, Input.Iso(paidOn), request.Reference, request.Months);
            var outcome = await payments.HandleAsync(worker, payment, ct);
            if (outcome.Succeeded)
            {
                return Outcome<Worker>.Ok(outcome.Value!.Worker);
            }

            // R-COV-5: the payment endpoint names the kind; here the problem is the extension itself.
            return outcome.Refusal<Worker>() with { Failures = [.. outcome.AllFailures.Select(f => f.Field == "kind" ? f with { Field = "months" } : f)] };
        }

        public Task<Outcome<Worker>> ReturnAsync(Guid id, ReturnRequest request, CancellationToken ct = default) =>
            RunAsync(id, StageEventKind.Return, returns.Check(request), (w, today) =>
            {
                var arrivedOn = Input.Date(request.ArrivedOn)!.Value;
                var refused = new List<Failure>();
                if (w.DepartedOn is { } d && arrivedOn <= d)
                {
                    refused.Add(Failure.Input("arrivedOn", "arrival.before-departure", ("departedOn", Input.Iso(d)), ("earliest", Input.Iso(d.AddDays(1)))) with { RuleId = "R-COV-6" });
                }

                if (arrivedOn > today)
                {
                    refused.Add(AfterToday("arrivedOn", today) with { RuleId = "R-COV-6" });
                }

                if (refused.Count > 0)
                {
                    return Task.FromResult(Refuse(refused));
                }

                // R-COV-6: placement cover ends the day before arrival; post-placement runs 30 days from it.
                w.ArrivedOn = arrivedOn;
                return Task.FromResult(Event(w, StageEventKind.Return, arrivedOn, null));
            }, ct);

        /// <summary>R-COV-1: a failed departure ends pre-placement cover.</summary>
        public Task<Outcome<Worker>> FailDepartureAsync(Guid id, ReasonRequest request, CancellationToken ct = default) =>
            EndAsync(id, StageEventKind.FailedDeparture, request, (w, on) => w.FailedDepartureOn = on, ct);

        public Task<Outcome<Worker>> WithdrawAsync(Guid id, ReasonRequest request, CancellationToken ct = default) =>
            EndAsync(id, StageEventKind.Withdrawal, request, (w, on) => w.WithdrawnOn = on, ct);

        public Task<Outcome<Worker>> DieAsync(Guid id, DeathRequest request, CancellationToken ct = default) =>
            RunAsync(id, StageEventKind.Death, deaths.Check(request), (w, today) =>
            {
                var diedOn = Input.Date(request.DiedOn)!.Value;
                var refused = new List<Failure>();
                if (diedOn > today)
                {
                    refused.Add(AfterToday("diedOn", today));
                }

                if (diedOn < w.RegisteredOn)
                {
                    refused.Add(BeforeRegistration("diedOn", w.RegisteredOn));
                }

                if (refused.Count > 0)
                {
                    return Task.FromResult(Refuse(refused));
                }

                w.DiedOn = diedOn;
                return Task.FromResult(Event(w, StageEventKind.Death, diedOn, Input.Text(request.Reason)));
            }, ct);

        private static Failure AfterToday(string field, DateOnly today) => Failure.Input(field, "date.after-today", ("today", Input.Iso(today)));

        private static Failure BeforeRegistration(string field, DateOnly registeredOn) =>
            Failure.Input(field, "date.before-registration", ("registeredOn", Input.Iso(registeredOn)));

        private static Change Refuse(IReadOnlyList<Failure> failures) => new(null, failures);

        // A failed departure or a withdrawal: why, and when (today unless stated; never after today, never before registration).
        private Task<Outcome<Worker>> EndAsync(Guid id, StageEventKind kind, ReasonRequest request, Action<Worker, DateOnly> record, CancellationToken ct) =>
            RunAsync(id, kind, reasons.Check(request), (w, today) =>
            {
                var on = Input.Date(request.OccurredOn) ?? today;
                if (on > today || on < w.RegisteredOn)
                {
                    return Task.FromResult(Refuse([on > today ? AfterToday("occurredOn", today) : BeforeRegistration("occurredOn", w.RegisteredOn)]));
                }

                record(w, on);
                return Task.FromResult(Event(w, kind, on, Input.Text(request.Reason)));
            }, ct);

        private Change Event(Worker w, StageEventKind kind, DateOnly on, string? reason)
        {
            var e = StageEvent.Of(w, kind, w.Stage, StageMachine.Next(w.Stage, kind)!.Value, on, clock.GetUtcNow(), db.Actor.Name);
            e.Reason = reason;
            w.Stage = e.ToStage;
            return new(e, []);
        }

        // One stage change: the §9 guard, the request's input, the action's own checks, the event, the cover snapshot, one save.
        private async Task<Outcome<Worker>> RunAsync(Guid id, StageEventKind kind, List<Failure> input, Func<Worker, DateOnly, Task<Change>> change, CancellationToken ct)
        {
            var worker = await WorkerQueries.LoadAsync(db, id, ct);
            if (worker is null)
            {
                return Outcome<Worker>.NotFound();
            }

            if (StageMachine.Check(worker.Stage, kind, worker.Payments.Count > 0) is { } blocked)
            {
                return RuleBook.Blocked<Worker>(blocked);
            }

            if (input.Count > 0)
            {
                return Outcome<Worker>.Invalid(input);
            }

            var today = clock.Today();
            var (stageEvent, refused) = await change(worker, today);
            if (stageEvent is null)
            {
                return Outcome<Worker>.Invalid(refused);
            }

            db.AuditReason = stageEvent.Reason;
            worker.StageEvents.Add(stageEvent);
            WorkerCoverage.Refresh(worker, today);
            return await WorkerSaves.SaveAsync<DbUpdateConcurrencyException>(db, worker, ct);
        }

        /// <summary>The event a stage change records, or (none and) why it is refused.</summary>
        private sealed record Change(StageEvent? Event, IReadOnlyList<Failure> Refused);
    }
}
