namespace MigrantCover.Web.Features.PublicCoverage;

/// <summary>
/// One lookup of an identifier at a time in this instance (decision 0009, "the first wave"): a lookup reads
/// the lock only after the one before it on the same identifier has counted its failure, so no guess
/// beyond <see cref="CoverageOptions.FailuresBeforeLock"/> is evaluated, however many arrive together from
/// however many addresses. Keyed by the identifier's keyed hash; an entry lives while a lookup holds or
/// waits for it. A worker's own lookups are never concurrent, so they do not wait; a burst on one number
/// queues, and a lookup that waited <see cref="CoverageOptions.SameIdentifierWaitMilliseconds"/> is
/// answered as locked for that long (no guess evaluated). Each instance gates its own lookups: with N
/// instances at most N guesses on one identifier are evaluated at the same moment.
/// </summary>
public sealed class LookupGate
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Identifiers that have a lookup holding or waiting (the tests check none is left behind).</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The turn of <paramref name="key"/>, or null when it did not come within <paramref name="wait"/>.</summary>
    public async Task<Turn?> EnterAsync(string key, TimeSpan wait, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries[key] = entry;
            }

            entry.Users++;
        }

        var entered = false;
        try
        {
            entered = await entry.Semaphore.WaitAsync(wait, cancellationToken);
        }
        finally
        {
            if (!entered)
            {
                Leave(key, entry, release: false);
            }
        }

        return entered ? new Turn(this, key, entry) : null;
    }

    private void Leave(string key, Entry entry, bool release)
    {
        if (release)
        {
            entry.Semaphore.Release();
        }

        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
            }
        }
    }

    /// <summary>Held while one lookup reads and counts; disposing it lets the next one in.</summary>
    public sealed class Turn : IDisposable
    {
        private LookupGate? _gate;
        private readonly string _key;
        private readonly Entry _entry;

        internal Turn(LookupGate gate, string key, Entry entry) => (_gate, _key, _entry) = (gate, key, entry);

        public void Dispose()
        {
            Interlocked.Exchange(ref _gate, null)?.Leave(_key, _entry, release: true);
        }
    }

    internal sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
