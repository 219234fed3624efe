using System.Collections.Concurrent;

namespace MigrantCover.Web.Data;

/// <summary>
/// Short-lived caches of this instance for rows that every write reads and that rarely change (issue 12):
/// the placement restrictions (R-DST-2) and the staff accounts' active check. AppDbContext evicts what a
/// save changes once the save is done, so a change made on this instance is seen at once; one made on
/// another instance (or around the portal) is seen after <see cref="RowCache{TKey, TValue}.Lifetime"/>
/// (docs/operations.md, <c>Caching:*</c>). Keyed by database, so two databases in one process never mix.
/// </summary>
public static class InstanceCaches
{
    /// <summary>The restriction list, one entry per database (key: none).</summary>
    public static RowCache<bool, IReadOnlyList<PlacementRestriction>> Restrictions { get; } = new(TimeSpan.FromSeconds(30));

    /// <summary>Per staff account id: (disabled, security stamp), or null when the account does not exist.</summary>
    public static RowCache<string, (bool IsDisabled, string? SecurityStamp)?> StaffAccounts { get; } = new(TimeSpan.FromSeconds(10));

    /// <summary>The lifetimes from configuration (0 turns a cache off).</summary>
    public static void Configure(IConfiguration configuration)
    {
        Restrictions.Lifetime = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Caching:RestrictionSeconds", 30.0)));
        StaffAccounts.Lifetime = TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Caching:StaffAccountSeconds", 10.0)));
    }

    internal static string DatabaseOf(DbContext db) => db.Database.GetConnectionString() ?? "";
}

/// <summary>
/// A cache of values by key and database, each kept for <see cref="Lifetime"/>. A value loaded while an
/// eviction happened is not kept, so an eviction is never undone by a load that read the old rows.
/// </summary>
public sealed class RowCache<TKey, TValue>(TimeSpan lifetime)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<(string Database, TKey Key), (long Until, TValue Value)> _entries = new();
    private long _evictions;

    public TimeSpan Lifetime { get; set; } = lifetime;

    public async Task<TValue> GetAsync(DbContext db, TKey key, Func<Task<TValue>> load)
    {
        var slot = (InstanceCaches.DatabaseOf(db), key);
        var now = Environment.TickCount64;
        if (Lifetime > TimeSpan.Zero && _entries.TryGetValue(slot, out var entry) && entry.Until > now)
        {
            return entry.Value;
        }

        var evictions = Interlocked.Read(ref _evictions);
        var value = await load();
        if (Lifetime > TimeSpan.Zero && Interlocked.Read(ref _evictions) == evictions)
        {
            _entries[slot] = (now + (long)Lifetime.TotalMilliseconds, value);
        }

        return value;
    }

    public void Evict(DbContext db, TKey key)
    {
        Interlocked.Increment(ref _evictions);
        _entries.TryRemove((InstanceCaches.DatabaseOf(db), key), out _);
    }
}
