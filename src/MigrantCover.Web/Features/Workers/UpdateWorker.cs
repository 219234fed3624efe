using System.Text.Json;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Workers;

/// <summary>Correcting a worker's data with a stated reason; a stale edit is refused, never merged.</summary>
public static class UpdateWorker
{
    /// <summary>The register body plus why it changes and the version the officer started from.</summary>
    public sealed record Request : RegisterWorker.Request
    {
        public string? Reason { get; set; }

        public long? Version { get; set; }

        /// <summary>The worker as the API answers it (<see cref="WorkerView"/>), read back as a correction: the edit form starts from it.</summary>
        public static Request Of(Worker worker, DateOnly today) =>
            JsonSerializer.Deserialize<Request>(JsonSerializer.SerializeToUtf8Bytes(WorkerView.From(worker, today), JsonConventions.Options), JsonConventions.Options)!;
    }

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Reason).Required().Text(500);
            RuleFor(r => r.Version).Required();
            Include(new RegisterWorker.Validator());
        }
    }

    public sealed class Handler(AppDbContext db, IValidator<Request> validator, TimeProvider clock)
    {
        public async Task<Outcome<Worker>> HandleAsync(Guid id, Request request, CancellationToken ct = default)
        {
            var worker = await WorkerQueries.LoadAsync(db, id, ct);
            if (worker is null)
            {
                return Outcome<Worker>.NotFound();
            }

            if (Input.IsBlank(request.RegisteredOn))
            {
                request.RegisteredOn = Input.Iso(worker.RegisteredOn);
            }

            var today = clock.Today();
            var facts = request.ToFacts();
            var failures = await RegisterWorker.CheckAsync(db, validator.Check(request), facts, today, ct);
            if (failures.Count > 0)
            {
                return Outcome<Worker>.Invalid(failures);
            }

            // R-NIK-4: a corrected NIK may not be another worker's.
            if (await RegisterWorker.NikTakenAsync(db, facts.Nik!.Trim(), id, ct) is { } taken)
            {
                return taken;
            }

            RegisterWorker.Apply(facts, worker, today);
            WorkerCoverage.Refresh(worker, today);

            // Optimistic concurrency: the update only applies to the version the officer saw.
            db.Entry(worker).Property(w => w.Version).OriginalValue = request.Version!.Value;
            db.AuditReason = Input.Text(request.Reason);
            return await WorkerSaves.SaveAsync<DbUpdateConcurrencyException>(db, worker, ct, "version");
        }
    }
}
