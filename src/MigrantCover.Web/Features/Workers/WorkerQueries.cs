namespace MigrantCover.Web.Features.Workers;

/// <summary>The reads both the pages and the API make.</summary>
public static class WorkerQueries
{
    public static Task<Worker?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct = default) =>
        db.Workers
            .Include(w => w.Documents)
            .Include(w => w.Payments)
            .Include(w => w.StageEvents)
            .AsSplitQuery()
            .SingleOrDefaultAsync(w => w.Id == id, ct);

    public static async Task<IReadOnlyList<HistoryView>> HistoryAsync(AppDbContext db, Guid id, CancellationToken ct = default) =>
        await db.AuditEntries
            .Where(a => a.WorkerId == id)
            .OrderBy(a => a.Id)
            .Select(a => new HistoryView(a.At, a.ActorName, a.Action, a.Field, a.OldValue, a.NewValue, a.Reason, null))
            .ToListAsync(ct);

    /// <summary>
    /// What the history names its entries by: the current name of each heir and the number of each claim of
    /// these workers, by their audit field (<c>heir:&lt;id&gt;</c>, <c>claim:&lt;id&gt;</c>).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> HistoryNamesAsync(AppDbContext db, IReadOnlyCollection<Guid> workers, CancellationToken ct = default)
    {
        var names = (await db.Heirs.AsNoTracking().Where(h => workers.Contains(h.WorkerId)).Select(h => new { h.Id, h.FullName }).ToListAsync(ct))
            .ToDictionary(h => AppDbContext.HeirField(h.Id, null), h => h.FullName, StringComparer.Ordinal);
        foreach (var c in await db.Claims.AsNoTracking().Where(c => workers.Contains(c.WorkerId)).Select(c => new { c.Id, c.Number }).ToListAsync(ct))
        {
            names[AppDbContext.ClaimField(c.Id, null)] = c.Number;
        }

        return names;
    }

    /// <summary>The office of the signed-in account (<see cref="AppDbContext.Actor"/>), or none.</summary>
    public static async Task<string?> OfficeOfAsync(AppDbContext db, CancellationToken ct = default)
    {
        // Read once per context: a request registers one worker, an import's batch hundreds (issue 14).
        var id = db.Actor.Id;
        if (db.ActorOffice is { } known && known.ActorId == id)
        {
            return known.Office;
        }

        var office = await db.Users.Where(u => u.Id == id).Select(u => u.OfficeCode).FirstOrDefaultAsync(ct);
        db.ActorOffice = (id, office);
        return office;
    }

    /// <summary>The placement restrictions (R-DST-2), from this instance's short-lived cache (InstanceCaches; a change saved here evicts it).</summary>
    public static Task<IReadOnlyList<PlacementRestriction>> RestrictionsAsync(AppDbContext db, CancellationToken ct = default) =>
        InstanceCaches.Restrictions.GetAsync(db, true, async () => (IReadOnlyList<PlacementRestriction>)await db.PlacementRestrictions
            .AsNoTracking()
            .Select(r => new PlacementRestriction(r.CountryCode, r.Category, r.ValidFrom, r.ValidTo, r.LegalBasis))
            .ToListAsync(ct));
}
