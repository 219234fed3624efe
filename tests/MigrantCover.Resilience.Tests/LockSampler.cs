using Npgsql;

namespace MigrantCover.Resilience.Tests;

/// <summary>
/// Samples the server every 20 ms while a burst runs: the longest time any backend of the database has
/// been waiting for a lock not yet granted (<c>pg_locks.waitstart</c>), and what it waited in.
/// </summary>
public sealed class LockSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<(int Samples, TimeSpan Longest, string Waiting)> _run;

    public LockSampler(PostgresCluster cluster, string database) => _run = RunAsync(cluster, database, _stop.Token);

    public async Task<(int Samples, TimeSpan Longest, string Waiting)> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    private static async Task<(int, TimeSpan, string)> RunAsync(PostgresCluster cluster, string database, CancellationToken stop)
    {
        await using var conn = await cluster.OpenAsync(database);
        await using var cmd = new NpgsqlCommand(
            """
            SELECT COALESCE(EXTRACT(EPOCH FROM max(clock_timestamp() - l.waitstart)), 0)::float8,
                   COALESCE(string_agg(DISTINCT l.locktype || ' ' || left(a.query, 60), ' | '), '')
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE NOT l.granted AND a.datname = current_database()
            """, conn);
        var (samples, longest, waiting) = (0, TimeSpan.Zero, "");
        while (!stop.IsCancellationRequested)
        {
            await using (var reader = await cmd.ExecuteReaderAsync(CancellationToken.None))
            {
                await reader.ReadAsync(CancellationToken.None);
                var wait = TimeSpan.FromSeconds(reader.GetDouble(0));
                if (wait > longest)
                {
                    (longest, waiting) = (wait, reader.GetString(1));
                }
            }

            samples++;
            try
            {
                await Task.Delay(20, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (samples, longest, waiting);
    }
}
