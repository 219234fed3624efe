using Microsoft.EntityFrameworkCore;
using MigrantCover.Domain;
using MigrantCover.Web.Data;
using MigrantCover.Web.Data.Entities;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Workers;

/// <summary>The stage changes of §9 (departure, extension, return, failed departure, withdrawal, death), for the page and the API.</summary>
public static class StageActions
{
    public sealed record DepartureRequest
    {
        public string? DepartedOn { get; set; }

        public string? EmployerName { get; set; }
    }

    public sealed record ExtensionRequest
    {
        public int? Months { get; set; }

        public string? Reference { get; set; }

        public string? PaidOn { get; set; }

        public long? Amount { get; set; }
    }

    public sealed record ReturnRequest
    {
        public string? ArrivedOn { get; set; }
    }

    /// <summary>Failed departure and withdrawal: why, and (optionally) the date it happened.</summary>
    public sealed record ReasonRequest
    {
        public string? Reason { get; set; }

        public string? OccurredOn { get; set; }
    }

    public sealed record DeathRequest
    {
        public string? DiedOn { get; set; }

        public string? Reason { get; set; }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, RecordPayment.Handler payments)
    {
        public Task<Outcome<Worker>> DepartAsync(Guid id, DepartureRequest request, CancellationToken ct = default) =>
            RunAsync(id, StageEventKind.Departure, async (w, reader, today) =>
            {
                var departedOn = reader.Date(request.DepartedOn, "departedOn", required: true);
                var employer = reader.Text(request.EmployerName, "employerName", 150) ?? w.EmployerName;
                if (reader.HasErrors)
                {
                    return null;
                }

                // R-COV-8: every unmet condition at once.
                var facts = new DepartureFacts(
                    w.Stage, w.Scheme, w.Category, w.DestinationCountry, w.RegisteredOn, departedOn!.Value, today,
                    [.. w.Payments.Select(p => new PaymentRecord(p.Kind, p.PaidOn, p.Months, p.Amount))],
                    [.. w.Documents.Where(d => d.Verified).Select(d => d.Type)],
                    w.PassportNumber,
                    await WorkerQueries.RestrictionsAsync(db, ct));
                foreach (var f in Departure.Check(facts))
                {
                    reader.Add(f);
                }

                if (reader.HasErrors)
                {
                    return null;
                }

                w.DepartedOn = departedOn;
                w.EmployerName = employer;
                return Event(w, StageEventKind.Departure, departedOn.Value, null);
            });

        public async Task<Outcome<Worker>> ExtendAsync(Guid id, ExtensionRequest request, CancellationToken ct = default)
        {
            var worker = await WorkerQueries.LoadAsync(db, id, ct);
            if (worker is null)
            {
                return Outcome<Worker>.NotFound();
            }

            if (StageMachine.Check(worker.Stage, StageEventKind.Extension, worker.Payments.Count > 0) is { } blocked)
            {
                return Blocked(blocked);
            }

            var reader = new InputReader();
            var paidOn = string.IsNullOrWhiteSpace(request.PaidOn) ? clock.Today() : reader.Date(request.PaidOn, "paidOn");
            if (reader.HasErrors)
            {
                return Outcome<Worker>.Invalid(reader.Errors);
            }

            // R-TAR-4: the amount is the tariff's unless the officer states what was paid.
            var amount = request.Amount
                ?? RecordPayment.Expected(worker, PaymentKind.Extension, paidOn!.Value, request.Months, null).Amount
                ?? 0;
            var outcome = await payments.HandleAsync(worker, new RecordPayment.Request
            {
                Kind = Codes.Of(PaymentKind.Extension),
                Amount = amount,
                PaidOn = paidOn!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Reference = request.Reference,
                Months = request.Months,
            }, ct);
            if (outcome.Status == OutcomeStatus.Invalid && outcome.AllErrors.Any(e => e.Field == "kind"))
            {
                // R-COV-5: the payment endpoint names the kind; here the problem is the extension itself.
                return Outcome<Worker>.Invalid([.. outcome.AllErrors.Select(e => e.Field == "kind" ? e with { Field = "months" } : e)]);
            }

            return outcome.Status switch
            {
                OutcomeStatus.Ok or OutcomeStatus.Created => Outcome<Worker>.Ok(outcome.Value!.Worker),
                OutcomeStatus.NotFound => Outcome<Worker>.NotFound(),
                OutcomeStatus.Invalid => Outcome<Worker>.Invalid(outcome.AllErrors),
                _ => Outcome<Worker>.Conflict(outcome.Detail ?? "", outcome.Errors, outcome.Extras),
            };
        }

        public Task<Outcome<Worker>> ReturnAsync(Guid id, ReturnRequest request, CancellationToken ct = default) =>
            RunAsync(id, StageEventKind.Return, (w, reader, today) =>
            {
                var arrivedOn = reader.Date(request.ArrivedOn, "arrivedOn", required: true);
                if (arrivedOn is { } a && w.DepartedOn is { } d && a <= d)
                {
                    reader.Add("arrivedOn", Say.T(
                        $"Tanggal tiba harus setelah tanggal berangkat ({RuleText.Date(d, "id")}).",
                        $"The arrival date must be after the departure date ({RuleText.Date(d, "en")})."), "R-COV-6");
                }

                if (arrivedOn is { } a2 && a2 > today)
                {
                    reader.Add("arrivedOn", NotAfterToday(today), "R-COV-6");
                }

                if (reader.HasErrors)
                {
                    return Task.FromResult<StageEvent?>(null);
                }

                // R-COV-6: placement cover ends the day before arrival; post-placement runs 30 days from it.
                w.ArrivedOn = arrivedOn;
                return Task.FromResult<StageEvent?>(Event(w, StageEventKind.Return, arrivedOn!.Value, null));
            });

        public Task<Outcome<Worker>> FailDepartureAsync(Guid id, ReasonRequest request, CancellationToken ct = default) =>
            RunAsync(id, StageEventKind.FailedDeparture, (w, reader, today) =>
            {
                var (on, reason) = ReadReason(w, request, reader, today);
                if (reader.HasErrors)
                {
                    return Task.FromResult<StageEvent?>(null);
                }

                // R-COV-1: a failed departure ends pre-placement cover.
                w.FailedDepartureOn = on;
                return Task.FromResult<StageEvent?>(Event(w, StageEventKind.FailedDeparture, on, reason));
            });

        public Task<Outcome<Worker>> WithdrawAsync(Guid id, ReasonRequest request, CancellationToken ct = default) =>
            RunAsync(id, StageEventKind.Withdrawal, (w, reader, today) =>
            {
                var (on, reason) = ReadReason(w, request, reader, today);
                if (reader.HasErrors)
                {
                    return Task.FromResult<StageEvent?>(null);
                }

                w.WithdrawnOn = on;
                return Task.FromResult<StageEvent?>(Event(w, StageEventKind.Withdrawal, on, reason));
            });

        public Task<Outcome<Worker>> DieAsync(Guid id, DeathRequest request, CancellationToken ct = default) =>
            RunAsync(id, StageEventKind.Death, (w, reader, today) =>
            {
                var diedOn = reader.Date(request.DiedOn, "diedOn", required: true);
                var reason = reader.Text(request.Reason, "reason", 500);
                if (diedOn is { } d && d > today)
                {
                    reader.Add("diedOn", NotAfterToday(today));
                }

                if (diedOn is { } d2 && d2 < w.RegisteredOn)
                {
                    reader.Add("diedOn", NotBeforeRegistration(w.RegisteredOn));
                }

                if (reader.HasErrors)
                {
                    return Task.FromResult<StageEvent?>(null);
                }

                w.DiedOn = diedOn;
                return Task.FromResult<StageEvent?>(Event(w, StageEventKind.Death, diedOn!.Value, reason));
            });

        private static (DateOnly On, string? Reason) ReadReason(Worker w, ReasonRequest request, InputReader reader, DateOnly today)
        {
            var reason = reader.Text(request.Reason, "reason", 500, required: true);
            var on = reader.Date(request.OccurredOn, "occurredOn") ?? today;
            if (on > today)
            {
                reader.Add("occurredOn", NotAfterToday(today));
            }
            else if (on < w.RegisteredOn)
            {
                reader.Add("occurredOn", NotBeforeRegistration(w.RegisteredOn));
            }

            return (on, reason);
        }

        private static string NotAfterToday(DateOnly today) => Say.T(
            $"Tanggal tidak boleh setelah hari ini ({RuleText.Date(today, "id")}).",
            $"The date cannot be after today ({RuleText.Date(today, "en")}).");

        private static string NotBeforeRegistration(DateOnly registeredOn) => Say.T(
            $"Tanggal tidak boleh sebelum tanggal pendaftaran ({RuleText.Date(registeredOn, "id")}).",
            $"The date cannot be before the registration date ({RuleText.Date(registeredOn, "en")}).");

        private StageEvent Event(Worker w, StageEventKind kind, DateOnly on, string? reason)
        {
            var e = new StageEvent
            {
                Id = Guid.CreateVersion7(),
                WorkerId = w.Id,
                Kind = kind,
                FromStage = w.Stage,
                ToStage = StageMachine.Next(w.Stage, kind)!.Value,
                OccurredOn = on,
                Reason = reason,
                RecordedAt = clock.GetUtcNow(),
                RecordedBy = db.Actor.Name,
            };
            w.Stage = e.ToStage;
            return e;
        }

        private static Outcome<Worker> Blocked(RuleFailure f)
        {
            var error = FieldError.From(f);
            return Outcome<Worker>.Conflict(error.Message, [error]);
        }

        // One stage change: the §9 guard, the action's own checks, the event, the cover snapshot, one save.
        private async Task<Outcome<Worker>> RunAsync(Guid id, StageEventKind kind, Func<Worker, InputReader, DateOnly, Task<StageEvent?>> change)
        {
            var worker = await WorkerQueries.LoadAsync(db, id);
            if (worker is null)
            {
                return Outcome<Worker>.NotFound();
            }

            if (StageMachine.Check(worker.Stage, kind, worker.Payments.Count > 0) is { } blocked)
            {
                return Blocked(blocked);
            }

            var today = clock.Today();
            var reader = new InputReader();
            var stageEvent = await change(worker, reader, today);
            if (stageEvent is null)
            {
                return Outcome<Worker>.Invalid(reader.Errors);
            }

            db.AuditReason = stageEvent.Reason;
            worker.StageEvents.Add(stageEvent);
            WorkerCoverage.Refresh(worker, today);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Outcome<Worker>.Conflict(Say.Stale());
            }

            return Outcome<Worker>.Ok(worker);
        }
    }
}
