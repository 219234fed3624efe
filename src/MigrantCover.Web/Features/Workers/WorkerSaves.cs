using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Features.Workers;

/// <summary>The last step of a write to a worker: one save, and a conflict (never a merge) when someone saved it first.</summary>
public static class WorkerSaves
{
    /// <summary>
    /// Saves the changes and answers the worker, or 409 "someone else changed it" (on <paramref name="staleField"/>)
    /// when the save fails with <typeparamref name="TConflict"/>; nothing of the change is kept.
    /// </summary>
    public static async Task<Outcome<Worker>> SaveAsync<TConflict>(AppDbContext db, Worker worker, CancellationToken ct, string? staleField = null)
        where TConflict : DbUpdateException
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (TConflict)
        {
            db.ChangeTracker.Clear();
            return Outcome<Worker>.Stale(staleField);
        }

        return Outcome<Worker>.Ok(worker);
    }
}
