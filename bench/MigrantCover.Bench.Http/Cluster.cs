using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace MigrantCover.Bench.Http;

/// <summary>
/// The database of a run: a throwaway PostgreSQL cluster owned by the postgres user (the server refuses
/// root), on a free loopback port, with fsync off and pg_stat_statements preloaded; or a given server.
/// Disposing stops and removes a cluster this run started.
/// </summary>
public sealed class Cluster : IAsyncDisposable
{
    public const string Database = "mc_bench_http";

    private readonly string? _dir;
    private readonly string? _bin;

    private Cluster(string connectionString, string? dir, string? bin)
    {
        ConnectionString = connectionString;
        _dir = dir;
        _bin = bin;
    }

    public string ConnectionString { get; }

    /// <summary>The server's log (only for a cluster this run started).</summary>
    public string? LogPath => _dir is null ? null : Path.Combine(_dir, "server.log");

    public static Cluster Given(string connectionString) => new(connectionString, null, null);

    public static async Task<Cluster> StartAsync(int maxConnections, bool logStatements = false)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderBy(b => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : new Version(0, 0)).LastOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin (install the postgresql package, as .ci/run does), or pass --postgres \"<connection string>\".");
        }

        var dir = Directory.CreateTempSubdirectory("mc-bench-http-pg.").FullName;
        var cluster = new Cluster("", dir, bin);
        try
        {
            await RunAsync("chown", ["postgres", dir]);
            await RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, "initdb"), "-D", Path.Combine(dir, "data"), "-U", "postgres", "--auth=trust"]);
            var port = FreePort();
            string[] settings =
            [
                $"-p {port}", $"-k {dir}", "-c listen_addresses=127.0.0.1", $"-c max_connections={maxConnections}",
                "-c fsync=off", "-c synchronous_commit=off", "-c shared_buffers=512MB",
                "-c shared_preload_libraries=pg_stat_statements", "-c pg_stat_statements.track_planning=on",
                logStatements ? "-c log_statement=all" : "-c log_statement=none",
            ];
            await RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(dir, "data"), "-w", "-l", Path.Combine(dir, "server.log"), "-o", string.Join(' ', settings), "start"]);
            var cs = $"Host=127.0.0.1;Port={port};Username=postgres;Database={Database}";
            Console.WriteLine($"PostgreSQL {Path.GetFileName(Path.GetDirectoryName(bin))} started on 127.0.0.1:{port} (throwaway cluster, fsync off, max_connections {maxConnections})");
            return new Cluster(cs, dir, bin);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dir is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(Path.Combine(_dir, "data", "base")))
        {
            await RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin!, "pg_ctl"), "-D", Path.Combine(_dir, "data"), "-m", "immediate", "stop"], check: false);
        }

        Directory.Delete(_dir, recursive: true);
        Console.WriteLine("PostgreSQL cluster stopped and removed");
    }

    /// <summary>Creates pg_stat_statements in the bench database; false when the server has not preloaded it.</summary>
    public async Task<bool> EnableStatementStatsAsync()
    {
        try
        {
            await ExecAsync("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            await ExecAsync("SELECT pg_stat_statements_reset()");
            return true;
        }
        catch (PostgresException)
        {
            return false;
        }
    }

    /// <summary>
    /// The postmaster's process id, when the server runs on this machine and /proc shows it (the parent
    /// of a backend): CPU is then the postmaster and all its children, backends and background workers.
    /// </summary>
    public async Task<int?> PostmasterPidAsync()
    {
        var backend = Convert.ToInt32(await ScalarAsync("SELECT pg_backend_pid()"), System.Globalization.CultureInfo.InvariantCulture);
        return ProcStat.Read(backend) is { } stat && ProcStat.Read(stat.ParentPid) is not null ? stat.ParentPid : null;
    }

    public async Task ExecAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        return await cmd.ExecuteScalarAsync();
    }

    public async Task<List<object[]>> RowsAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<object[]>();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string file, string[] args, bool check = true)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (check && p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {await output}{await error}");
        }
    }
}

/// <summary>CPU time and parent of a process from /proc/&lt;pid&gt;/stat; memory from /proc/&lt;pid&gt;/status.</summary>
public readonly record struct ProcStat(int Pid, int ParentPid, long CpuTicks, long ReapedChildrenTicks)
{
    // USER_HZ: 100 on every Linux the bench targets (sysconf(_SC_CLK_TCK)).
    public const double TicksPerMs = 0.1;

    public static ProcStat? Read(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");

            // "pid (comm) state ppid ... utime stime ...": comm may hold spaces, so split after the last ')'.
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int i) => long.Parse(fields[i], System.Globalization.CultureInfo.InvariantCulture);
            return new ProcStat(pid, (int)Field(1), Field(11) + Field(12), Field(13) + Field(14));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// CPU ticks of a process and its children (PostgreSQL: postmaster, backends, background workers):
    /// the root's own and those of the children it has reaped (cutime + cstime: backends and autovacuum
    /// workers that ended), plus those of the children alive now. The sum never goes down.
    /// </summary>
    public static long TreeTicks(int root)
    {
        var total = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Read(pid) is { } s)
            {
                total += s.Pid == root ? s.CpuTicks + s.ReapedChildrenTicks : s.ParentPid == root ? s.CpuTicks : 0;
            }
        }

        return total;
    }

    /// <summary>Resident set size and its peak (VmRSS, VmHWM) in MB.</summary>
    public static (double Rss, double Peak) Memory(int pid)
    {
        double Field(string[] lines, string name) =>
            lines.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) is { } l
                ? double.Parse(l[name.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024
                : 0;
        try
        {
            var lines = File.ReadAllLines($"/proc/{pid}/status");
            return (Field(lines, "VmRSS:"), Field(lines, "VmHWM:"));
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }

    /// <summary>The 1-minute load average.</summary>
    public static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Per-pass figures from PostgreSQL: statements per request (pg_stat_statements) and lock waits (pg_stat_activity).</summary>
public sealed class Probe(Cluster db, bool statements)
{
    // The bench's own reads of these views are not the app's work.
    private const string AppStatements = "dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '%pg_stat_%' AND query NOT LIKE 'SELECT pg_backend_pid()%'";

    private CancellationTokenSource? _sampling;
    private Task<(int Samples, long Waiting, long OnTallies, long OnCounter)>? _sampler;

    public bool Statements => statements;

    /// <summary>Resets pg_stat_statements and starts sampling lock waits every 20 ms.</summary>
    public async Task StartAsync()
    {
        if (statements)
        {
            await db.ExecAsync("SELECT pg_stat_statements_reset()");
        }

        _sampling = new CancellationTokenSource();
        var token = _sampling.Token;
        _sampler = Task.Run(async () =>
        {
            await using var conn = new Npgsql.NpgsqlConnection(db.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new Npgsql.NpgsqlCommand(
                """
                SELECT count(*) FILTER (WHERE wait_event_type = 'Lock'),
                       count(*) FILTER (WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO %tallies%'),
                       count(*) FILTER (WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO membership_counters%')
                FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
                """,
                conn);
            var (samples, waiting, tallies, counter) = (0, 0L, 0L, 0L);
            while (!token.IsCancellationRequested)
            {
                await using (var r = await cmd.ExecuteReaderAsync(CancellationToken.None))
                {
                    await r.ReadAsync(CancellationToken.None);
                    (samples, waiting, tallies, counter) = (samples + 1, waiting + r.GetInt64(0), tallies + r.GetInt64(1), counter + r.GetInt64(2));
                }

                try
                {
                    await Task.Delay(20, token);
                }
                catch (OperationCanceledException)
                {
                }
            }

            return (samples, waiting, tallies, counter);
        });
    }

    /// <summary>
    /// Stops sampling and reads the pass's statements. Lock wait per request by Little's law: the mean
    /// number of backends waiting on a lock divided by the requests per second.
    /// </summary>
    public async Task<ProbeResult> StopAsync(Pass pass)
    {
        await _sampling!.CancelAsync();
        var (samples, waiting, tallies, counter) = await _sampler!;
        double PerRequest(long sum) => samples == 0 || pass.PerSecond == 0 ? double.NaN : sum / (double)samples / pass.PerSecond * 1000;
        if (!statements)
        {
            return new ProbeResult(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, PerRequest(waiting), PerRequest(tallies), PerRequest(counter), []);
        }

        var rows = await db.RowsAsync($"SELECT calls, total_plan_time, total_exec_time, query FROM pg_stat_statements WHERE {AppStatements} ORDER BY total_plan_time + total_exec_time DESC");
        var n = Math.Max(1, pass.Requests);
        double Sum(Func<object[], double> f, Func<string, bool>? where = null) => rows.Where(r => where?.Invoke((string)r[3]) ?? true).Sum(f);
        static bool IsTally(string q) => q.StartsWith("INSERT INTO", StringComparison.Ordinal) && q.Contains("_tallies", StringComparison.Ordinal);
        var tallyCalls = Sum(r => Convert.ToDouble(r[0], System.Globalization.CultureInfo.InvariantCulture), IsTally);
        return new ProbeResult(
            Sum(r => Convert.ToDouble(r[0], System.Globalization.CultureInfo.InvariantCulture)) / n,
            Sum(r => Convert.ToDouble(r[0], System.Globalization.CultureInfo.InvariantCulture), q => q.StartsWith("DISCARD ALL", StringComparison.Ordinal)) / n,
            Sum(r => (double)r[1]) / n,
            Sum(r => (double)r[2]) / n,
            tallyCalls / n,
            tallyCalls == 0 ? double.NaN : Sum(r => (double)r[2], IsTally) / tallyCalls,
            PerRequest(waiting),
            PerRequest(tallies),
            PerRequest(counter),
            [.. rows.Take(8).Select(r => (Convert.ToDouble(r[0], System.Globalization.CultureInfo.InvariantCulture) / n, (double)r[1] / Math.Max(1, Convert.ToDouble(r[0], System.Globalization.CultureInfo.InvariantCulture)), (double)r[2] / Math.Max(1, Convert.ToDouble(r[0], System.Globalization.CultureInfo.InvariantCulture)), Shorten((string)r[3])))]);
    }

    private static string Shorten(string sql)
    {
        var one = string.Join(' ', sql.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return one.Length <= 90 ? one : one[..87] + "...";
    }
}

/// <summary>
/// Statements, DISCARD ALLs, planning and execution per request; the tally upserts (per request, mean
/// execution ms each); lock waits per request (all, on tally rows, on the membership counter).
/// </summary>
public sealed record ProbeResult(
    double StatementsPerRequest,
    double DiscardsPerRequest,
    double PlanMsPerRequest,
    double ExecMsPerRequest,
    double TallyUpsertsPerRequest,
    double TallyUpsertMeanMs,
    double LockWaitMsPerRequest,
    double TallyLockWaitMsPerRequest,
    double CounterLockWaitMsPerRequest,
    IReadOnlyList<(double PerRequest, double PlanMs, double ExecMs, string Sql)> Top);
