using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace MigrantCover.Web.Features.PublicCoverage;

/// <summary>
/// The lookup log (<c>coverage_lookups</c>) written off the request path: a request adds its row to a
/// bounded channel and answers; <see cref="LookupLogWriter"/> writes what has gathered every few
/// milliseconds in one batch (binary COPY on PostgreSQL, one multi-row transaction on SQLite) and drains
/// the channel when the app stops. When the channel is full a request waits for room (nothing is dropped);
/// once the writer has stopped, a row is written by the request itself. The rows that found a worker are
/// also kept in memory until they are written, so that "who looked at my record" can show them without
/// waiting for the writer (<see cref="PendingFound"/>).
/// </summary>
public sealed class LookupLog
{
    private readonly Channel<Item> _channel;
    private readonly IServiceScopeFactory _scopes;
    private readonly ConcurrentDictionary<CoverageLookup, long> _pendingFound = new(ReferenceEqualityComparer.Instance);
    private long _sequence;

    public LookupLog(IOptions<CoverageOptions> options, IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _channel = Channel.CreateBounded<Item>(new BoundedChannelOptions(Math.Max(100, options.Value.LogQueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    internal ChannelReader<Item> Reader => _channel.Reader;

    internal ChannelWriter<Item> Writer => _channel.Writer;

    /// <summary>Queues one row; returns at once unless the queue is full.</summary>
    public void Add(CoverageLookup row)
    {
        if (row.WorkerId is not null && row.Outcome == "found")
        {
            _pendingFound.TryAdd(row, Interlocked.Increment(ref _sequence));
        }

        if (_channel.Writer.TryWrite(new Item(row, null)))
        {
            return;
        }

        _ = AddSlowAsync(row);
    }

    /// <summary>Completes once every row queued before the call is in the database.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            await _channel.Writer.WriteAsync(new Item(null, done), cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return;
        }

        await done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The rows that found <paramref name="workerId"/> and are queued, not yet written (at most a few
    /// milliseconds' worth), newest first. A row leaves this set only after its batch is committed, and it
    /// has its <see cref="CoverageLookup.Id"/> before the commit (0 until the writer takes it): a reader
    /// that sees the row in the table as well can tell it is the same one.
    /// </summary>
    public IReadOnlyList<CoverageLookup> PendingFound(Guid workerId) =>
        [.. _pendingFound.Where(p => p.Key.WorkerId == workerId).OrderByDescending(p => p.Value).Select(p => p.Key)];

    /// <summary>The writer is done with these rows (written, or given up after its retries).</summary>
    internal void Written(IEnumerable<CoverageLookup> rows)
    {
        if (_pendingFound.IsEmpty)
        {
            return;
        }

        foreach (var row in rows)
        {
            _pendingFound.TryRemove(row, out _);
        }
    }

    private async Task AddSlowAsync(CoverageLookup row)
    {
        try
        {
            await _channel.Writer.WriteAsync(new Item(row, null));
        }
        catch (ChannelClosedException)
        {
            // The writer has stopped (the app is shutting down): write the row directly.
            await using var scope = _scopes.CreateAsyncScope();
            try
            {
                await LookupLogWriter.WriteAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), [row], CancellationToken.None);
            }
            finally
            {
                Written([row]);
            }
        }
    }

    internal readonly record struct Item(CoverageLookup? Row, TaskCompletionSource? Flushed);
}

/// <summary>
/// Writes the queued lookup rows in batches, every <see cref="CoverageOptions.LogFlushMilliseconds"/>;
/// when the app stops (after the web server has finished its requests) it writes every row still queued.
/// </summary>
/// <remarks>
/// The host can be stopped by two callers at once: the app's own <c>Run()</c> stops it as soon as the
/// lifetime signals "stopping" and then disposes the services, while whoever asked for the stop (a test
/// host, an orchestrating process) runs its own <c>StopAsync</c>. Each caller reaches
/// <see cref="StoppedAsync"/>, and each must wait for the same drain: the caller that returned at once
/// went on to dispose the services (the data source, the scope factory) under the drain, whose rows were
/// then lost (issue 12, acceptance 3).
/// </remarks>
public sealed class LookupLogWriter(
    LookupLog log,
    IServiceScopeFactory scopes,
    IOptions<CoverageOptions> options,
    ILogger<LookupLogWriter> logger) : IHostedLifecycleService, IDisposable
{
    private const int MaxBatch = 2_000;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Task? _loop;
    private Task? _drain;

    public void Dispose()
    {
        // Never under a running drain (a drain that timed out still holds the token).
        if (_loop is null or { IsCompleted: true })
        {
            _stopping.Dispose();
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// After every hosted service stopped (the web server among them): no more rows come, drain. Every
    /// caller gets the same drain to wait for. Not bounded by the host's stopping token: a shutdown that is
    /// late already must still write what it answered (at most a few batches), or the rows would be lost
    /// with the services disposed under them; bounded by its own <see cref="DrainTimeout"/>.
    /// </summary>
    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _drain ??= DrainAsync();
        }
    }

    private async Task DrainAsync()
    {
        log.Writer.TryComplete();
        if (_loop is not { } loop)
        {
            return;
        }

        // The loop ends when the channel is empty; the delay between batches is skipped.
        await _stopping.CancelAsync();
        try
        {
            await loop.WaitAsync(DrainTimeout, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            logger.LogError("Lookup log: rows still queued after {Seconds} s of draining at shutdown", DrainTimeout.TotalSeconds);
        }
    }

    /// <summary>
    /// Writes the rows and gives each its <see cref="CoverageLookup.Id"/> before the commit (on PostgreSQL
    /// the ids are taken from the table's sequence first, on SQLite they are copied back inside the
    /// transaction), so that <see cref="LookupLog.PendingFound"/> rows can be matched to the table's.
    /// </summary>
    internal static async Task WriteAsync(AppDbContext db, IReadOnlyList<CoverageLookup> rows, CancellationToken cancellationToken)
    {
        if (db is PostgresAppDbContext)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                var connection = (NpgsqlConnection)db.Database.GetDbConnection();
                await using (var ids = new NpgsqlCommand(
                    "SELECT nextval(pg_get_serial_sequence('coverage_lookups', 'id')) FROM generate_series(1, @count)", connection))
                {
                    ids.Parameters.AddWithValue("count", rows.Count);
                    await using var reader = await ids.ExecuteReaderAsync(cancellationToken);
                    for (var i = 0; await reader.ReadAsync(cancellationToken); i++)
                    {
                        rows[i].Id = reader.GetInt64(0);
                    }
                }

                await using var copy = await connection.BeginBinaryImportAsync(
                    "COPY coverage_lookups (id, at, worker_id, outcome, channel, client_hash) FROM STDIN (FORMAT BINARY)", cancellationToken);
                foreach (var row in rows)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(row.Id, NpgsqlDbType.Bigint, cancellationToken);
                    await copy.WriteAsync(row.At, NpgsqlDbType.TimestampTz, cancellationToken);
                    if (row.WorkerId is { } id)
                    {
                        await copy.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    }
                    else
                    {
                        await copy.WriteNullAsync(cancellationToken);
                    }

                    await copy.WriteAsync(row.Outcome, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(row.Channel, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(row.ClientHash, NpgsqlDbType.Varchar, cancellationToken);
                }

                await copy.CompleteAsync(cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            // SQLite: one transaction of inserts (EF batches them), on copies (a row may be retried).
            var copies = rows.Select(r => new CoverageLookup { At = r.At, WorkerId = r.WorkerId, Outcome = r.Outcome, Channel = r.Channel, ClientHash = r.ClientHash }).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.CoverageLookups.AddRange(copies);
            await db.SaveChangesAsync(cancellationToken);
            for (var i = 0; i < rows.Count; i++)
            {
                rows[i].Id = copies[i].Id;
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var interval = TimeSpan.FromMilliseconds(Math.Max(1, options.Value.LogFlushMilliseconds));
        var rows = new List<CoverageLookup>(MaxBatch);
        var flushed = new List<TaskCompletionSource>();
        var reader = log.Reader;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            // Let a batch gather, unless the app is stopping.
            if (!stopping.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, stopping);
                }
                catch (OperationCanceledException)
                {
                }
            }

            while (rows.Count < MaxBatch && reader.TryRead(out var item))
            {
                if (item.Row is not null)
                {
                    rows.Add(item.Row);
                }
                else if (item.Flushed is not null)
                {
                    flushed.Add(item.Flushed);
                    break;
                }
            }

            if (rows.Count > 0)
            {
                await WriteWithRetriesAsync(rows);
                log.Written(rows);
                rows.Clear();
            }

            flushed.ForEach(f => f.TrySetResult());
            flushed.Clear();
        }
    }

    private async Task WriteWithRetriesAsync(List<CoverageLookup> rows)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await WriteAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), rows, CancellationToken.None);
                return;
            }
            catch (Exception ex) when (attempt < 5 && ex is not OutOfMemoryException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Exception type only: a row holds no identifier, but a message could quote a value.
                logger.LogError("Lookup log: a batch of {Count} rows could not be written ({Error})", rows.Count, ex.GetType().Name);
                return;
            }
        }
    }
}
