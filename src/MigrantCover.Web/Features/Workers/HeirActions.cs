using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Workers;

/// <summary>An heir as the API lists it (R-HEIR-6: the NIK masked but for the last four digits).</summary>
public sealed record HeirView(
    Guid Id,
    string FullName,
    HeirRelationship Relationship,
    string Class,
    Sex Sex,
    DateOnly DateOfBirth,
    string? Nik,
    string? Phone,
    DateOnly? EndedOn,
    string? EndReason)
{
    public static HeirView From(Heir h) =>
        new(h.Id, h.FullName, h.Relationship, Heirs.ClassCode(h.Class), h.Sex, h.DateOfBirth, Heirs.MaskNik(h.Nik), h.Phone, h.EndedOn, h.EndReason);
}

/// <summary>R-HEIR-3/6: adding, correcting and ending an heir on the worker's record; every change audited.</summary>
public static class HeirActions
{
    public sealed record EndRequest(string? Reason = null, string? EndedOn = null);

    public sealed class EndValidator : AbstractValidator<EndRequest>
    {
        public EndValidator()
        {
            RuleFor(r => r.Reason).Text(500);
            RuleFor(r => r.EndedOn).IsoDate();
        }
    }

    /// <summary>The heirs of a worker, ended ones last; null when the worker does not exist.</summary>
    public static async Task<IReadOnlyList<Heir>?> ListAsync(AppDbContext db, Guid workerId, CancellationToken ct = default)
    {
        if (!await db.Workers.AnyAsync(w => w.Id == workerId, ct))
        {
            return null;
        }

        var heirs = await db.Heirs.AsNoTracking().Where(h => h.WorkerId == workerId).ToListAsync(ct);
        return [.. heirs.OrderBy(h => h.EndedOn is null ? 0 : 1).ThenBy(h => h.Class).ThenBy(h => Heirs.RankInClass(h.Relationship)).ThenBy(h => h.CreatedAt)];
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock, IValidator<HeirInput> validator, IValidator<EndRequest> endValidator)
    {
        public async Task<Outcome<Heir>> AddAsync(Guid workerId, HeirInput request, CancellationToken ct = default)
        {
            var nik = await db.Workers.Where(w => w.Id == workerId).Select(w => w.Nik).SingleOrDefaultAsync(ct);
            if (nik is null)
            {
                return Outcome<Heir>.NotFound();
            }

            var failures = RuleBook.After(HeirInput.Check(request, nik, clock.Today(), validator), await NikRecordedAsync(workerId, null, request.Nik, ct));
            if (failures.Count > 0)
            {
                return Outcome<Heir>.Invalid(failures);
            }

            var heir = HeirInput.NewHeir(request, workerId, clock.GetUtcNow(), db.Actor.Name);
            db.Heirs.Add(heir);
            return await SaveAsync(heir, request.Nik, Outcome<Heir>.Created, ct);
        }

        /// <summary>R-HEIR-6: a correction says why; an ended heir is not corrected.</summary>
        public Task<Outcome<Heir>> CorrectAsync(Guid workerId, Guid heirId, HeirInput request, CancellationToken ct = default) =>
            ChangeAsync(workerId, heirId, request.Nik, async (workerNik, today) =>
            {
                var failures = HeirInput.Check(request, workerNik, today, validator);
                failures = RuleBook.After(failures, Heirs.CheckChange(request.Reason, today));
                return RuleBook.After(failures, await NikRecordedAsync(workerId, heirId, request.Nik, ct));
            }, (heir, _) =>
            {
                HeirInput.Apply(request.ToFacts(), heir);
                db.AuditReason = Input.Text(request.Reason);
            }, ct);

        /// <summary>R-HEIR-6: the end of an heir, with a reason and a date (today unless stated); nothing is deleted.</summary>
        public Task<Outcome<Heir>> EndAsync(Guid workerId, Guid heirId, EndRequest request, CancellationToken ct = default)
        {
            var endedOn = Input.Date(request.EndedOn);
            return ChangeAsync(workerId, heirId, null, (_, today) => Task.FromResult(RuleBook.After(endValidator.Check(request), Heirs.CheckChange(request.Reason, today, endedOn))), (heir, today) =>
            {
                heir.EndedOn = endedOn ?? today;
                heir.EndReason = Input.Text(request.Reason);
                db.AuditReason = heir.EndReason;
            }, ct);
        }

        // A change to a recorded heir: one of this worker's (404), not ended (409), its input checked against
        // the worker's NIK and today (400), then made and saved; nik is the NIK the change records, if any.
        private async Task<Outcome<Heir>> ChangeAsync(Guid workerId, Guid heirId, string? nik, Func<string?, DateOnly, Task<List<Failure>>> check, Action<Heir, DateOnly> change, CancellationToken ct)
        {
            var (heir, workerNik) = await FindAsync(workerId, heirId, ct);
            if (heir is null)
            {
                return Outcome<Heir>.NotFound();
            }

            var today = clock.Today();
            var failures = await check(workerNik, today);
            if (heir.EndedOn is { } ended)
            {
                return Outcome<Heir>.Conflict(Failure.Input("", "heir.ended", ("endedOn", Input.Iso(ended))));
            }

            if (failures.Count > 0)
            {
                return Outcome<Heir>.Invalid(failures);
            }

            change(heir, today);
            return await SaveAsync(heir, nik, Outcome<Heir>.Ok, ct);
        }

        // R-HEIR-3: the NIK against the worker's other heirs who have not ended (only when one is given).
        private async Task<IReadOnlyList<RuleFailure>> NikRecordedAsync(Guid workerId, Guid? heirId, string? nik, CancellationToken ct)
        {
            if (string.IsNullOrWhiteSpace(nik))
            {
                return [];
            }

            var others = await db.Heirs.AsNoTracking().Where(h => h.WorkerId == workerId && h.Id != heirId && h.EndedOn == null && h.Nik != null)
                .Select(h => h.Nik).ToListAsync(ct);
            return Heirs.CheckNikRecorded(nik, others);
        }

        private async Task<(Heir? Heir, string? WorkerNik)> FindAsync(Guid workerId, Guid heirId, CancellationToken ct)
        {
            var heir = await db.Heirs.SingleOrDefaultAsync(h => h.Id == heirId && h.WorkerId == workerId, ct);
            var nik = heir is null ? null : await db.Workers.Where(w => w.Id == workerId).Select(w => w.Nik).SingleAsync(ct);
            return (heir, nik);
        }

        // nik: the NIK the save records (null when it records none, as an ending). Two officers recording
        // one NIK at the same moment both pass the check; the unique live NIK (R-HEIR-3) lets one through,
        // and the other is answered as the check would have answered it a moment later.
        private async Task<Outcome<Heir>> SaveAsync(Heir heir, string? nik, Func<Heir, Outcome<Heir>> saved, CancellationToken ct)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Outcome<Heir>.Conflict(Failure.Input("", "heir.stale"));
            }
            catch (DbUpdateException ex) when (!DatabaseFailures.IsUnavailable(ex))
            {
                db.ChangeTracker.Clear();
                var raced = await NikRecordedAsync(heir.WorkerId, heir.Id, nik, ct);
                if (raced.Count == 0)
                {
                    throw;
                }

                return Outcome<Heir>.Invalid([.. raced.Select(Failure.Of)]);
            }

            return saved(heir);
        }
    }
}
