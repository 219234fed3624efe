using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantCover.Bench.Scale;
using MigrantCover.Web.Data;
using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Infrastructure;
using Npgsql;

namespace MigrantCover.Bench.Http;

/// <summary>
/// HTTP benchmark of the portal against a raw Npgsql baseline in the same run (bench/README.md):
///   [--quick] [--postgres CS] [--workers N] [--skip-fill] [--only op,op] [--write-readme] [--readme-label L]
///   mixed [--clients 200] [--seconds 60] (and the same database options)
///   sql [--workers 2000]: the statements portal and baseline send per operation, from the server's log
/// </summary>
public static class HttpBench
{
    public static readonly string[] Operations = ["health", "lookup", "lookup-page", "search-nik", "search-name", "get-worker", "register", "payment"];

    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "baseline")
        {
            return await Baseline.RunAsync(int.Parse(Option(args, "--port")!, CultureInfo.InvariantCulture), Option(args, "--postgres")!, AppProcess.HashKey);
        }

        var o = BenchOptions.Parse(args);
        if (o.Error is not null)
        {
            Console.Error.WriteLine(o.Error);
            Console.Error.WriteLine("Usage: [mixed|sql|import] [--quick] [--postgres \"<connection string>\"] [--workers N] [--skip-fill] [--only op1,op2] [--write-readme] [--readme-label L] [--clients N] [--seconds N]");
            Console.Error.WriteLine($"Operations: {string.Join(", ", Operations)}");
            return 2;
        }

        // Ctrl-C and SIGTERM end the run through the finally blocks: apps stopped, cluster removed.
        using var cts = new CancellationTokenSource();
        void Stop(PosixSignalContext c)
        {
            c.Cancel = true;
            Console.Error.WriteLine("Stopping after the current step (a fill runs to its end): apps and cluster are then stopped and removed.");
            cts.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);

        var logs = Directory.CreateTempSubdirectory("mc-bench-http-logs.").FullName;
        try
        {
            return o.Import ? await ImportBench.RunAsync(o, logs, cts.Token) : await RunAsync(o, logs, cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted: apps stopped, cluster removed.");
            return 130;
        }
        finally
        {
            Directory.Delete(logs, recursive: true);
        }
    }

    private static async Task<int> RunAsync(BenchOptions o, string logs, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var today = TimeProvider.System.Today();
        var run = new RunInfo(DateTimeOffset.UtcNow, o, ProcStat.LoadAverage());
        await using var cluster = o.Postgres is null ? await Cluster.StartAsync(maxConnections: 400, logStatements: o.Sql) : Cluster.Given(o.Postgres);
        if (!o.SkipFill)
        {
            await Fill.RunAsync(cluster.ConnectionString, o.Workers, today);
        }

        ct.ThrowIfCancellationRequested();
        var probe = new Probe(cluster, await cluster.EnableStatementStatsAsync());
        var postmaster = await cluster.PostmasterPidAsync();
        run.Workers = Convert.ToInt64(await cluster.ScalarAsync("SELECT count(*) FROM workers"), CultureInfo.InvariantCulture);
        run.PostgresVersion = (string)(await cluster.ScalarAsync("SHOW server_version"))!;
        Console.WriteLine($"{run.Workers:N0} workers; pg_stat_statements {(probe.Statements ? "on" : "not available")}; PostgreSQL CPU {(postmaster is null ? "not measurable (server not on this machine)" : $"from postmaster {postmaster} and its children")}");

        var email = $"bench-{Guid.NewGuid():N}@bench.migrantcover.id";
        await AppProcess.CreateAdminAsync(cluster.ConnectionString, email, Credentials.Password);
        await using var portal = await AppProcess.StartPortalAsync("portal", cluster.ConnectionString, logs);
        await using var baseline = o.Mixed ? null : await AppProcess.StartBaselineAsync(cluster.ConnectionString, logs);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        { Timeout = TimeSpan.FromSeconds(60) };
        var portalTarget = new Target("portal", portal)
        {
            Token = await Credentials.TokenAsync(http, portal.Address, email),
            Antiforgery = await Credentials.AntiforgeryAsync(http, portal.Address),
        };
        var (sample, firstBirthDate) = await Workload.SampleAsync(cluster, o.Quick ? 20_000 : 50_000);
        var workload = new Workload(http, sample, today, firstBirthDate);
        run.IdleRssMb = ProcStat.Memory(portal.Pid).Rss;
        var load = new Load(postmaster);
        using var rss = RssSampler.Start(portal.Pid);
        Console.WriteLine($"Portal idle RSS {run.IdleRssMb:0} MB; start-up done in {started.Elapsed.TotalSeconds:0} s");

        string report;
        if (o.Sql)
        {
            await SqlAsync(cluster, workload, portalTarget, new Target("raw", baseline!), ct);
            return 0;
        }

        if (o.Mixed)
        {
            report = await MixedAsync(o, run, load, workload, portalTarget, rss, started, cluster.ConnectionString, ct);
        }
        else
        {
            var rawTarget = new Target("raw", baseline!);
            var plan = new Plan(o);
            var results = await StandardAsync(plan, load, probe, workload, portalTarget, rawTarget, rss, ct);
            results.Logging = await LoggingAsync(plan, load, workload, portalTarget, cluster.ConnectionString, logs, ct);
            run.PeakRssMb = Math.Max(rss.PeakMb, ProcStat.Memory(portal.Pid).Peak);
            run.AfterRssMb = ProcStat.Memory(portal.Pid).Rss;
            run.LoadAverages = rss.LoadAverages;
            run.Seconds = started.Elapsed.TotalSeconds;
            await CheckTalliesAsync(cluster.ConnectionString);
            report = Report.Standard(run, plan, results, portal.LoggedErrors(results.LogStart));
        }

        Console.WriteLine();
        Console.WriteLine(report);
        if (o.WriteReadme)
        {
            Report.WriteReadme(o.Mixed ? "mixed" : o.Quick ? "quick" : "full", o.ReadmeLabel, report);
        }

        Console.WriteLine($"Total {started.Elapsed.TotalMinutes:0.0} min");
        if (!o.Mixed)
        {
            Console.WriteLine(Report.RatioLines);
        }

        return 0;
    }

    /// <summary>
    /// Closed loop per operation, concurrency and round, portal and baseline passes alternating (the
    /// order flips every round); then the open loop of the lookup at fixed rates.
    /// </summary>
    private static async Task<RunResults> StandardAsync(Plan plan, Load load, Probe probe, Workload w, Target portal, Target raw, RssSampler rss, CancellationToken ct)
    {
        var portalApi = "portal";
        var variants = new Dictionary<string, (string Who, Target Target, Func<Target, CancellationToken, Task<int>> Send)[]>
        {
            ["health"] = [(portalApi, portal, w.HealthAsync), ("raw", raw, w.HealthAsync)],
            ["lookup"] = [(portalApi, portal, w.LookupAsync), ("raw", raw, w.LookupAsync), ("raw read only", raw, w.LookupReadAsync)],
            ["lookup-page"] = [("portal page", portal, w.LookupPageAsync)],
            ["search-nik"] = [(portalApi, portal, w.SearchNikAsync), ("raw", raw, w.SearchNikAsync)],
            ["search-name"] = [(portalApi, portal, w.SearchNameAsync), ("raw", raw, w.SearchNameAsync)],
            ["get-worker"] = [(portalApi, portal, w.GetWorkerAsync), ("raw", raw, w.GetWorkerAsync)],
            ["register"] = [(portalApi, portal, w.RegisterAsync), ("raw", raw, w.RegisterAsync)],
            ["payment"] = [(portalApi, portal, w.PayAsync), ("raw", raw, w.PayAsync)],
        };
        var results = new RunResults();

        // A fresh process runs far slower until its JIT has compiled the hot paths again (tiered
        // compilation; about half a minute of load on this machine): warm every app on every
        // operation, in turn, before measuring anything.
        var warmup = Stopwatch.StartNew();
        for (var cycle = 0; cycle < plan.WarmupCycles; cycle++)
        {
            foreach (var op in plan.Operations)
            {
                foreach (var (_, target, send) in variants[op])
                {
                    if (op == "payment")
                    {
                        await TopUpAsync(load, w, raw, (int)(plan.Warmup.TotalSeconds * 600), ct);
                    }

                    await load.ClosedAsync(op, target, send, 16, plan.Warmup, ct);
                }
            }
        }

        Console.WriteLine($"Warm-up: {warmup.Elapsed.TotalSeconds:0} s");
        results.LogStart = portal.App.LogBytes;
        var paymentRate = new Dictionary<string, double>();
        foreach (var op in plan.Operations)
        {
            foreach (var c in plan.Concurrency.Prepend(op is "register" or "payment" ? 1 : 0).Where(c => c > 0))
            {
                for (var round = 0; round < (c == 1 ? 1 : plan.Rounds); round++)
                {
                    foreach (var (who, target, send) in round % 2 == 0 ? variants[op] : variants[op].Reverse())
                    {
                        var duration = c == 1 ? plan.Warmup : plan.PassTime;
                        if (op == "payment")
                        {
                            await TopUpAsync(load, w, raw, (int)(paymentRate.GetValueOrDefault(who, 600) * duration.TotalSeconds * 1.3), ct);
                        }

                        await probe.StartAsync();
                        var pass = await load.ClosedAsync(op, target, send, c, duration, ct) with { Target = who };
                        var stats = await probe.StopAsync(pass);
                        if (op == "payment")
                        {
                            paymentRate[who] = Math.Max(paymentRate.GetValueOrDefault(who), pass.PerSecond);
                        }

                        results.Closed.Add((pass, stats));
                        Console.WriteLine(Report.Line(pass, stats));
                    }
                }
            }
        }

        results.ClosedPeakRssMb = rss.PeakMb;
        if (plan.Operations.Contains("lookup"))
        {
            for (var i = 0; i < plan.Rates.Length; i++)
            {
                var rate = plan.Rates[i];
                foreach (var (who, target) in i % 2 == 0 ? new[] { ("portal", portal), ("raw", raw) } : [("raw", raw), ("portal", portal)])
                {
                    var pass = await load.OpenAsync("lookup", target, w.LookupAsync, rate, plan.OpenTime, ct) with { Target = who };
                    results.Open.Add(pass);
                    Console.WriteLine(Report.Line(pass, null));
                }
            }
        }

        return results;
    }

    /// <summary>
    /// The lookup on the portal as configured by default and on a second portal started with
    /// Serilog__MinimumLevel__Default=Warning, alternating.
    /// </summary>
    private static async Task<List<Pass>> LoggingAsync(Plan plan, Load load, Workload w, Target portal, string connectionString, string logs, CancellationToken ct)
    {
        var passes = new List<Pass>();
        if (!plan.Operations.Contains("lookup"))
        {
            return passes;
        }

        await using var quiet = await AppProcess.StartPortalAsync("portal-warning", connectionString, logs, new Dictionary<string, string> { ["Serilog__MinimumLevel__Default"] = "Warning" });
        var quietTarget = new Target("portal-warning", quiet);

        // A fresh process: long enough a warm-up for its JIT to reach the code the first portal runs.
        await load.ClosedAsync("lookup", quietTarget, w.LookupAsync, 16, plan.QuietWarmup, ct);
        for (var round = 0; round < plan.Rounds; round++)
        {
            foreach (var (who, target) in round % 2 == 0 ? new[] { ("portal", portal), ("portal, Serilog Warning", quietTarget) } : [("portal, Serilog Warning", quietTarget), ("portal", portal)])
            {
                var pass = await load.ClosedAsync("lookup", target, w.LookupAsync, 16, plan.PassTime, ct) with { Target = who };
                passes.Add(pass);
                Console.WriteLine(Report.Line(pass, null));
            }
        }

        return passes;
    }

    /// <summary>
    /// `mixed`: many clients on the portal alone, a mix of what a day brings: mostly public lookups, some
    /// officers' searches and worker pages, registrations, first payments and identical re-sends.
    /// </summary>
    private static async Task<string> MixedAsync(BenchOptions o, RunInfo run, Load load, Workload w, Target portal, RssSampler rss, Stopwatch started, string connectionString, CancellationToken ct)
    {
        (string, int, Func<Target, CancellationToken, Task<int>>)[] mix =
        [
            ("lookup", 62, w.LookupAsync),
            ("lookup-page", 5, w.LookupPageAsync),
            ("search-nik", 8, w.SearchNikAsync),
            ("search-name", 4, w.SearchNameAsync),
            ("get-worker", 8, w.GetWorkerAsync),
            ("register", 7, w.RegisterAsync),
            ("payment", 4, w.PayAsync),
            ("payment-resend", 1, w.ResendAsync),
            ("payment-twin", 1, w.TwinAsync),
        ];

        // Workers to pay from the first second (registered through the portal, not measured), then the
        // same mix with few clients, so that the portal's JIT has compiled its hot paths (not measured).
        await TopUpAsync(load, w, portal, 2500, ct);
        await Load.MixedAsync(portal, mix, 16, TimeSpan.FromSeconds(o.Quick ? 15 : 30), ct);
        Console.WriteLine($"mixed: {o.Clients} clients for {o.Seconds} s");
        var logStart = portal.App.LogBytes;
        var load1 = ProcStat.LoadAverage();
        var clock = Stopwatch.StartNew();
        var byOp = await Load.MixedAsync(portal, mix, o.Clients, TimeSpan.FromSeconds(o.Seconds), ct);
        run.PeakRssMb = Math.Max(rss.PeakMb, ProcStat.Memory(portal.App.Pid).Peak);
        run.AfterRssMb = ProcStat.Memory(portal.App.Pid).Rss;
        run.LoadAverages = rss.LoadAverages;
        run.Seconds = started.Elapsed.TotalSeconds;
        await CheckTalliesAsync(connectionString);
        return Report.Mixed(run, byOp, clock.Elapsed.TotalSeconds, load1, ProcStat.LoadAverage(), portal.App.LoggedErrors(logStart));
    }

    /// <summary>
    /// `sql`: one request of each operation to the portal and to the baseline (after one unlogged, so that
    /// caches are warm as under load), and the statements PostgreSQL logged for it (log_statement=all).
    /// </summary>
    private static async Task SqlAsync(Cluster cluster, Workload w, Target portal, Target raw, CancellationToken ct)
    {
        (string Name, Func<Target, CancellationToken, Task<int>> Send)[] ops =
        [
            ("lookup, found", (t, c) => w.LookupOneAsync(t, found: true, c)), ("lookup, miss", (t, c) => w.LookupOneAsync(t, found: false, c)),
            ("lookup-page", w.LookupPageAsync), ("search-nik", w.SearchNikAsync), ("search-name", w.SearchNameAsync),
            ("get-worker", w.GetWorkerAsync), ("register", w.RegisterAsync), ("payment", w.PayAsync),
        ];

        // Markers in the log from a connection that sends no DISCARD ALL of its own.
        await using var markers = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { NoResetOnClose = true }.ConnectionString);
        await markers.OpenAsync(ct);
        async Task Mark(string text)
        {
            await using var cmd = new NpgsqlCommand($"SELECT '{text}'", markers);
            await cmd.ExecuteNonQueryAsync(ct);
        }

        foreach (var (name, send) in ops)
        {
            foreach (var target in name == "lookup-page" ? [portal] : new[] { portal, raw })
            {
                if (name == "payment")
                {
                    await w.RegisterAsync(raw, ct);
                    await w.RegisterAsync(raw, ct);
                }

                await send(target, ct);
                await Mark($"bench-sql {name} / {target.Name}");
                var status = await send(target, ct);
                await Mark("bench-sql end");
                Console.WriteLine($"-- {name} / {target.Name} ({status})");
                foreach (var statement in LoggedBetween(cluster.LogPath!, $"bench-sql {name} / {target.Name}"))
                {
                    Console.WriteLine(statement);
                }

                Console.WriteLine();
            }
        }
    }

    // The statements logged between a marker and the next "end" marker, one line each, without parameters.
    private static IEnumerable<string> LoggedBetween(string log, string marker)
    {
        var entries = new List<string>();
        foreach (var line in File.ReadLines(log))
        {
            if (line.StartsWith('\t') && entries.Count > 0)
            {
                entries[^1] += " " + line.Trim();
            }
            else if (line.Contains(" LOG:  ", StringComparison.Ordinal))
            {
                entries.Add(line[(line.IndexOf(" LOG:  ", StringComparison.Ordinal) + 7)..]);
            }
        }

        var columns = string.Join(", ", RawHandlers.WorkerColumns.Split(", ").Select(c => "w." + c));
        return entries.SkipWhile(e => !e.Contains(marker, StringComparison.Ordinal)).Skip(1).TakeWhile(e => !e.Contains("'bench-sql end'", StringComparison.Ordinal))
            .Where(e => e.StartsWith("statement: ", StringComparison.Ordinal) || e.StartsWith("execute ", StringComparison.Ordinal))
            .Select(e => e[(e.IndexOf(": ", StringComparison.Ordinal) + 2)..].Replace(columns, "w.<41 worker columns>", StringComparison.Ordinal).Replace(columns.Replace("w.", "w0.", StringComparison.Ordinal), "w0.<41 worker columns>", StringComparison.Ordinal));
    }

    // Registrations (not measured) until there are enough fresh workers for the next payment pass; at most a minute.
    private static async Task TopUpAsync(Load load, Workload w, Target through, int needed, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        while (w.FreshWorkers < needed && started.Elapsed < TimeSpan.FromMinutes(1))
        {
            await load.ClosedAsync("top-up", through, w.RegisterAsync, 16, TimeSpan.FromSeconds(1), ct);
        }
    }

    /// <summary>The dashboard's figures (from the tallies) against plain SQL over the rows, as the scale bench checks them.</summary>
    internal static async Task CheckTalliesAsync(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseMigrantCoverPostgres(connectionString));
        services.AddScoped<EnrollmentStats>();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<EnrollmentStats>().GetAsync(null, null);
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await Dashboard.CheckAsync(conn, report);
    }

    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

/// <summary>The command line.</summary>
public sealed record BenchOptions(bool Mixed, bool Sql, bool Quick, string? Postgres, int Workers, bool SkipFill, string[]? Only, bool WriteReadme, string ReadmeLabel, int Clients, int Seconds, string? Error)
{
    /// <summary>`import`: the bulk registration bench (ImportBench).</summary>
    public bool Import { get; init; }

    /// <summary>Rows of the import bench's file: 100,000, 20,000 with --quick.</summary>
    public int Rows { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var known = new[] { "mixed", "sql", "import", "--quick", "--skip-fill", "--write-readme" };
        var valued = new[] { "--postgres", "--workers", "--only", "--readme-label", "--clients", "--seconds", "--rows" };
        string? error = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (valued.Contains(args[i]))
            {
                i++;
            }
            else if (!known.Contains(args[i]))
            {
                error = $"Unknown argument '{args[i]}'.";
            }
        }

        int Int(string name, int fallback) => HttpBench.Option(args, name) is { } v ? int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1 : fallback;
        var quick = args.Contains("--quick");
        var only = HttpBench.Option(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var o = new BenchOptions(
            args.Contains("mixed"),
            args.Contains("sql"),
            quick,
            HttpBench.Option(args, "--postgres"),
            Int("--workers", args.Contains("sql") ? 2_000 : quick ? 200_000 : 1_000_000),
            args.Contains("--skip-fill"),
            only,
            args.Contains("--write-readme"),
            HttpBench.Option(args, "--readme-label") ?? "latest",
            Int("--clients", 200),
            Int("--seconds", 60),
            error)
        {
            Import = args.Contains("import"),
            Rows = Int("--rows", quick ? 20_000 : 100_000),
        };
        if (o.Error is null && o.SkipFill && o.Postgres is null)
        {
            o = o with { Error = "--skip-fill needs --postgres: the throwaway cluster starts empty." };
        }

        if (o.Error is null && o.Sql && o.Postgres is not null)
        {
            o = o with { Error = "sql reads the log of its own throwaway cluster: no --postgres." };
        }

        if (o.Error is null && (o.Workers < 0 || o.Clients < 0 || o.Seconds < 0 || o.Rows < 0))
        {
            o = o with { Error = "--workers, --clients, --seconds and --rows take a positive number." };
        }

        if (o.Error is null && o.Import && o.Rows % 1000 != 0)
        {
            o = o with { Error = "--rows takes a multiple of 1,000 (the file's mix of rows is per 1,000)." };
        }

        if (o.Error is null && only?.FirstOrDefault(x => !HttpBench.Operations.Contains(x)) is { } unknown)
        {
            o = o with { Error = $"Unknown operation '{unknown}'." };
        }

        return o;
    }
}

/// <summary>How long and how often: the quick mode fits in five minutes with the fill.</summary>
public sealed class Plan(BenchOptions o)
{
    public string[] Operations { get; } = o.Only is { } only ? [.. HttpBench.Operations.Where(only.Contains)] : HttpBench.Operations;

    public int[] Concurrency { get; } = o.Quick ? [16] : [8, 16, 32];

    public int Rounds { get; } = o.Quick ? 1 : 2;

    public TimeSpan PassTime { get; } = TimeSpan.FromSeconds(o.Quick ? 4 : 8);

    /// <summary>Warm-up per operation and app, in <see cref="WarmupCycles"/> rounds over all of them.</summary>
    public TimeSpan Warmup { get; } = TimeSpan.FromSeconds(o.Quick ? 3 : 5);

    public int WarmupCycles { get; } = o.Quick ? 1 : 2;

    /// <summary>Warm-up of the second portal (Serilog at Warning), on the lookup alone.</summary>
    public TimeSpan QuietWarmup { get; } = TimeSpan.FromSeconds(o.Quick ? 15 : 40);

    public double[] Rates { get; } = o.Quick ? [500, 1000] : [250, 500, 1000];

    public TimeSpan OpenTime { get; } = TimeSpan.FromSeconds(o.Quick ? 3 : 10);
}

/// <summary>What the report says about the run and the machine.</summary>
public sealed class RunInfo(DateTimeOffset at, BenchOptions options, double loadAtStart)
{
    public DateTimeOffset At { get; } = at;

    public BenchOptions Options { get; } = options;

    public double LoadAtStart { get; } = loadAtStart;

    public long Workers { get; set; }

    public string PostgresVersion { get; set; } = "";

    public double IdleRssMb { get; set; }

    public double PeakRssMb { get; set; }

    public double AfterRssMb { get; set; }

    public double Seconds { get; set; }

    /// <summary>The 1-minute load average every 5 s from start-up to the end.</summary>
    public IReadOnlyList<double> LoadAverages { get; set; } = [];
}

/// <summary>The passes of a run.</summary>
public sealed class RunResults
{
    public List<(Pass Pass, ProbeResult Stats)> Closed { get; } = [];

    public List<Pass> Open { get; } = [];

    public List<Pass> Logging { get; set; } = [];

    /// <summary>Where the portal's log was when the measured passes began (after the warm-up).</summary>
    public long LogStart { get; set; }

    /// <summary>The portal's peak RSS over the closed-loop passes (before the open loop overloads it).</summary>
    public double ClosedPeakRssMb { get; set; }
}

/// <summary>The portal's RSS sampled every 250 ms and the load average every 5 s, from start-up to the end.</summary>
public sealed class RssSampler : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<double> _loads = new();

    private RssSampler(int pid) =>
        _ = Task.Run(async () =>
        {
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                PeakMb = Math.Max(PeakMb, ProcStat.Memory(pid).Rss);
                if (i % 20 == 0)
                {
                    _loads.Enqueue(ProcStat.LoadAverage());
                }

                await Task.Delay(250);
            }
        });

    public double PeakMb { get; private set; }

    public IReadOnlyList<double> LoadAverages => [.. _loads];

    public static RssSampler Start(int pid) => new(pid);

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }
}
