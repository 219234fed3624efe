using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MigrantCover.Domain;
using MigrantCover.Web.Data;
using MigrantCover.Web.Data.Entities;
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
    }

    public sealed class Handler(AppDbContext db, IValidator<RegisterWorker.Request> validator, TimeProvider clock)
    {
        public async Task<Outcome<Worker>> HandleAsync(Guid id, Request request, CancellationToken ct = default)
        {
            var worker = await WorkerQueries.LoadAsync(db, id, ct);
            if (worker is null)
            {
                return Outcome<Worker>.NotFound();
            }

            if (string.IsNullOrWhiteSpace(request.RegisteredOn))
            {
                request.RegisteredOn = worker.RegisteredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }

            var reader = new InputReader();
            var reason = reader.Text(request.Reason, "reason", 500, required: true);
            if (request.Version is null)
            {
                reader.Add("version", Say.Required("version"));
            }

            var validation = await validator.ValidateAsync(request, ct);
            var errors = reader.Errors.Concat(RegisterWorker.ToErrors(validation)).ToList();
            if (errors.Count > 0)
            {
                return Outcome<Worker>.Invalid(errors);
            }

            var today = clock.Today();
            var facts = RegisterWorker.Read(request, new InputReader());
            var nik = facts.Nik!.Trim();

            // R-NIK-4: a corrected NIK may not be another worker's.
            var other = await db.Workers.Where(w => w.Nik == nik && w.Id != id).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct);
            if (other is not null)
            {
                return Outcome<Worker>.Conflict(
                    RegisterWorker.NikTaken(),
                    [new FieldError("nik", RegisterWorker.NikTaken(), "R-NIK-4")],
                    new Dictionary<string, object?> { ["id"] = other.Value });
            }

            RegisterWorker.Apply(facts, worker, today);
            WorkerCoverage.Refresh(worker, today);

            // Optimistic concurrency: the update only applies to the version the officer saw.
            db.Entry(worker).Property(w => w.Version).OriginalValue = request.Version!.Value;
            db.AuditReason = reason;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Outcome<Worker>.Conflict(Say.Stale(), [new FieldError("version", Say.Stale())]);
            }

            return Outcome<Worker>.Ok(worker);
        }
    }
}
