using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace MigrantCover.Bench.Http;

/// <summary>The tables of a run (Markdown), the RATIO lines, and the marked section of bench/README.md.</summary>
public static class Report
{
    // What each operation is compared with, and the answers that are not errors.
    private static readonly (string Ratio, string Op, string Baseline, string BaselineOp, int[] Expected)[] Comparisons =
    [
        ("health", "health", "raw", "health", [200]),
        ("lookup", "lookup", "raw", "lookup", [200, 404]),
        ("lookup-vs-read", "lookup", "raw read only", "lookup", [200, 404]),
        ("lookup-page", "lookup-page", "portal", "lookup", [200]),
        ("search-nik", "search-nik", "raw", "search-nik", [200]),
        ("search-name", "search-name", "raw", "search-name", [200]),
        ("get-worker", "get-worker", "raw", "get-worker", [200]),
        ("register", "register", "raw", "register", [201]),
        ("payment", "payment", "raw", "payment", [201]),
    ];

    public static string RatioLines { get; private set; } = "";

    /// <summary>One progress line per pass.</summary>
    public static string Line(Pass p, ProbeResult? s) =>
        F($"  {p.Operation,-12} {p.Target,-24} {(p.Rate is { } r ? $"rate {r,5:0}" : $"c{p.Concurrency,-3}"),-10} {p.PerSecond,8:0} req/s  p50 {p.P(0.5),7:0.00}  p99 {p.P(0.99),8:0.00} ms  app {p.AppCpuMs:0.000} + pg {p.PostgresCpuMs:0.000} ms/req  [{Load.Codes(p.Codes)}]")
        + (s is { StatementsPerRequest: > 0 } ? F($"  {s.StatementsPerRequest:0.0} stmts/req") : "");

    public static string Standard(RunInfo run, Plan plan, RunResults results, IReadOnlyList<(int Count, string What)> loggedErrors)
    {
        var closed = results.Closed.Where(x => x.Pass.Concurrency > 1).GroupBy(x => (x.Pass.Operation, x.Pass.Target, x.Pass.Concurrency))
            .ToDictionary(g => g.Key, g => Merge([.. g.Select(x => x.Pass)]));
        var sb = new StringBuilder();
        Header(sb, run);
        sb.AppendLine(F($"Portal RSS at the peak of the closed-loop passes (c ≤ {plan.Concurrency[^1]}): {results.ClosedPeakRssMb:0} MB; the open loop above its capacity (up to 2,000 requests in flight) takes it to the overall peak."));
        sb.AppendLine();
        sb.AppendLine(F($"Closed loop: {plan.PassTime.TotalSeconds:0} s passes, {plan.Rounds} round(s) per concurrency, portal and baseline alternating (the order flips each round), after a warm-up of every app on every operation ({plan.WarmupCycles} × {plan.Warmup.TotalSeconds:0} s each, at c16); figures summed over the rounds. CPU per request: utime + stime from /proc of the app's process and of PostgreSQL (postmaster and all its children), divided by the requests of the pass."));
        sb.AppendLine();
        sb.AppendLine("| Operation | c | Portal req/s | p50 ms | p99 ms | Baseline | Baseline req/s | p50 ms | p99 ms | Ratio | Portal CPU ms/req (app + PG) | Baseline CPU ms/req (app + PG) |");
        sb.AppendLine("|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|");
        var ratios = new StringBuilder();
        var errors = new List<string>();
        foreach (var (ratio, op, baseline, baselineOp, expected) in Comparisons)
        {
            foreach (var c in plan.Concurrency)
            {
                var who = op == "lookup-page" ? "portal page" : "portal";
                if (!closed.TryGetValue((op, who, c), out var p) || !closed.TryGetValue((baselineOp, baseline, c), out var b))
                {
                    continue;
                }

                var name = op == baselineOp ? op : $"{op} (vs the portal's lookup API)";
                sb.AppendLine(F($"| {name} | {c} | {p.PerSecond:0} | {p.P(0.5):0.0} | {p.P(0.99):0.0} | {baseline} | {b.PerSecond:0} | {b.P(0.5):0.0} | {b.P(0.99):0.0} | {p.PerSecond / b.PerSecond:0.00} | {p.AppCpuMs:0.00} + {p.PostgresCpuMs:0.00} | {b.AppCpuMs:0.00} + {b.PostgresCpuMs:0.00} |"));
                if (c == 16 || (c == plan.Concurrency[^1] && !plan.Concurrency.Contains(16)))
                {
                    ratios.AppendLine(F($"RATIO {ratio} {p.PerSecond / b.PerSecond:0.000}"));
                }
            }
        }

        foreach (var ((op, who, c), p) in closed.OrderBy(x => x.Key.Operation).ThenBy(x => x.Key.Target).ThenBy(x => x.Key.Concurrency))
        {
            var expected = Comparisons.First(x => x.Op == op).Expected;
            if (p.Errors(expected) > 0)
            {
                errors.Add(F($"{op} {who} c{c}: {Load.Codes(p.Codes)}"));
            }
        }

        sb.AppendLine();
        if (results.Open.Count > 0)
        {
            sb.AppendLine("Open loop, lookup API (95% found, 5% misses), requests sent at a fixed rate whatever the answers do; latency from the time each request was due (no coordinated omission), at most 2,000 in flight:");
            sb.AppendLine();
            sb.AppendLine("| Rate req/s | Target | Achieved req/s | p50 ms | p99 ms | max ms | Other than 200/404 | CPU ms/req (app + PG) |");
            sb.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
            foreach (var p in results.Open)
            {
                sb.AppendLine(F($"| {p.Rate:0} | {p.Target} | {p.PerSecond:0} | {p.P(0.5):0.0} | {p.P(0.99):0.0} | {p.P(1):0} | {p.Errors(200, 404)} | {p.AppCpuMs:0.00} + {p.PostgresCpuMs:0.00} |"));
            }

            sb.AppendLine();
        }

        var firstC16 = results.Closed.Where(x => x.Pass.Concurrency == 16 && x.Stats.StatementsPerRequest > 0).GroupBy(x => (x.Pass.Operation, x.Pass.Target)).Select(g => g.First()).ToList();
        if (firstC16.Count > 0)
        {
            sb.AppendLine("Where the time goes in PostgreSQL (pg_stat_statements over one c16 pass, per request; planning is tracked):");
            sb.AppendLine();
            sb.AppendLine("| Operation | Target | Statements/req | of which DISCARD ALL | Planning ms/req | Execution ms/req |");
            sb.AppendLine("|---|---|---:|---:|---:|---:|");
            foreach (var (p, s) in firstC16.Where(x => x.Stats.StatementsPerRequest >= 0.5))
            {
                sb.AppendLine(F($"| {p.Operation} | {p.Target} | {s.StatementsPerRequest:0.0} | {s.DiscardsPerRequest:0.0} | {s.PlanMsPerRequest:0.000} | {s.ExecMsPerRequest:0.000} |"));
            }

            sb.AppendLine();
        }

        var writes = results.Closed.Where(x => x.Pass.Operation is "register" or "payment").ToList();
        if (writes.Count > 0)
        {
            sb.AppendLine("Registration and first payment: the tally upserts (`INSERT ... ON CONFLICT` on `*_tallies`) from pg_stat_statements, and lock waits per request from `pg_stat_activity` sampled every 20 ms (mean number of backends waiting on a lock ÷ requests per second), one pass per row (the first round). c1 is the same statements without contention:");
            sb.AppendLine();
            sb.AppendLine("| Operation | Target | c | req/s | Tally upserts/req | Mean ms per tally upsert | Lock wait ms/req, all | on tally rows | on the membership counter |");
            sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (p, s) in writes.OrderBy(x => x.Pass.Operation).ThenBy(x => x.Pass.Target).ThenBy(x => x.Pass.Concurrency).GroupBy(x => (x.Pass.Operation, x.Pass.Target, x.Pass.Concurrency)).Select(g => g.First()))
            {
                sb.AppendLine(F($"| {p.Operation} | {p.Target} | {p.Concurrency} | {p.PerSecond:0} | {s.TallyUpsertsPerRequest:0.0} | {s.TallyUpsertMeanMs:0.000} | {s.LockWaitMsPerRequest:0.00} | {s.TallyLockWaitMsPerRequest:0.00} | {s.CounterLockWaitMsPerRequest:0.00} |"));
            }

            sb.AppendLine();
        }

        if (results.Logging.Count > 0)
        {
            sb.AppendLine("Logging: the lookup API at c16 on the portal as configured by default and on a second portal started with `Serilog__MinimumLevel__Default=Warning`, alternating:");
            sb.AppendLine();
            sb.AppendLine("| Portal | req/s | p50 ms | p99 ms | CPU ms/req (app + PG) | Log bytes/req |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var g in results.Logging.GroupBy(p => p.Target))
            {
                var p = Merge([.. g]);
                sb.AppendLine(F($"| {g.Key} | {p.PerSecond:0} | {p.P(0.5):0.0} | {p.P(0.99):0.0} | {p.AppCpuMs:0.00} + {p.PostgresCpuMs:0.00} | {p.LogBytesPerRequest:0} |"));
            }

            sb.AppendLine();
        }

        sb.AppendLine(errors.Count == 0 ? "No unexpected status codes." : "Unexpected status codes (0 = no answer or timeout): " + string.Join("; ", errors) + ".");
        sb.AppendLine();
        LoggedErrors(sb, loggedErrors);
        sb.AppendLine("Tallies checked against plain SQL after the run: equal.");
        sb.AppendLine();
        sb.AppendLine("```");
        sb.Append(ratios);
        sb.AppendLine("```");
        RatioLines = ratios.ToString().TrimEnd();
        return sb.ToString();
    }

    public static string Mixed(RunInfo run, Dictionary<string, (List<double> Ms, Dictionary<int, long> Codes)> byOp, double seconds, double loadBefore, double loadAfter, IReadOnlyList<(int Count, string What)> errors)
    {
        var sb = new StringBuilder();
        Header(sb, run);
        var total = byOp.Sum(o => o.Value.Ms.Count);
        sb.AppendLine(F($"{run.Options.Clients} concurrent clients on the portal alone for {seconds:0} s (closed loop, no think time), load average {loadBefore:0.0} before and {loadAfter:0.0} after; {total:N0} requests, {total / seconds:0} req/s in all. `payment-twin` sends one first payment twice at the same moment (codes shown as first+second); `payment-resend` sends an earlier payment again (200 expected)."));
        sb.AppendLine();
        sb.AppendLine("| Operation | Requests | Status codes | p50 ms | p95 ms | p99 ms |");
        sb.AppendLine("|---|---:|---|---:|---:|---:|");
        foreach (var (op, (ms, codes)) in byOp)
        {
            var sorted = ms.ToArray();
            sb.AppendLine(F($"| {op} | {ms.Count:N0} | {Load.Codes(codes)} | {Load.Percentile(sorted, 0.5):0} | {Load.Percentile(sorted, 0.95):0} | {Load.Percentile(sorted, 0.99):0} |"));
        }

        sb.AppendLine();
        LoggedErrors(sb, errors);
        sb.AppendLine("Tallies checked against plain SQL after the run: equal.");
        return sb.ToString();
    }

    /// <summary>Replaces (or appends) the section between the markers of this mode and label in bench/README.md.</summary>
    public static void WriteReadme(string mode, string label, string report, string marker = "bench-http")
    {
        var path = Path.Combine(AppProcess.RepositoryRoot(), "bench", "README.md");
        var begin = $"<!-- {marker}:{label}:{mode} -->";
        var end = $"<!-- /{marker}:{label}:{mode} -->";
        var text = File.ReadAllText(path);
        var section = $"{begin}\n{report.TrimEnd()}\n{end}";
        var i = text.IndexOf(begin, StringComparison.Ordinal);
        var j = text.IndexOf(end, StringComparison.Ordinal);
        text = i >= 0 && j > i
            ? text[..i] + section + text[(j + end.Length)..]
            : text.TrimEnd() + $"\n\n#### {(marker == "bench-http" ? "HTTP bench" : "Import bench")}, {mode} run ({label})\n\n{section}\n";
        File.WriteAllText(path, text);
        Console.WriteLine($"bench/README.md: section {label}:{mode} written");
    }

    private static void LoggedErrors(StringBuilder sb, IReadOnlyList<(int Count, string What)> errors)
    {
        if (errors.Count == 0)
        {
            sb.AppendLine("The portal logged no errors while measured.");
        }
        else
        {
            sb.AppendLine("Errors the portal logged while measured (exception and innermost cause, or message):");
            sb.AppendLine();
            foreach (var (count, what) in errors.Take(8))
            {
                sb.AppendLine(F($"- {count} × `{what.Replace("`", "'", StringComparison.Ordinal)}`"));
            }
        }

        sb.AppendLine();
    }

    private static void Header(StringBuilder sb, RunInfo run)
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memory = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var loads = run.LoadAverages.DefaultIfEmpty(ProcStat.LoadAverage()).ToList();
        var o = run.Options;
        sb.AppendLine(F($"Run of {run.At:yyyy-MM-dd HH:mm} UTC, {run.Seconds / 60:0.0} min: `{(o.Mixed ? $"mixed --clients {o.Clients} --seconds {o.Seconds}" : o.Quick ? "--quick" : "full")}`; {run.Workers:N0} workers. Machine: {cpu}, {Environment.ProcessorCount} cores shared with other engineers' builds and tests, {long.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024.0:0} GB; {RuntimeInformation.FrameworkDescription}; PostgreSQL {run.PostgresVersion} ({(o.Postgres is null ? "throwaway cluster, fsync off" : "given server")})."));
        sb.AppendLine();
        sb.AppendLine(F($"Load average (1 min): {run.LoadAtStart:0.0} at the start, {loads.Min():0.0} to {loads.Max():0.0} from start-up to the end (mean {loads.Average():0.0}, sampled every 5 s). Portal RSS: {run.IdleRssMb:0} MB idle after start, {run.PeakRssMb:0} MB at the peak under load, {run.AfterRssMb:0} MB after the load."));
        sb.AppendLine();
    }

    private static Pass Merge(IReadOnlyList<Pass> passes)
    {
        var n = Math.Max(1, passes.Sum(p => p.Requests));
        double Weighted(Func<Pass, double> f) => passes.Sum(p => f(p) * p.Requests) / n;
        var codes = passes.SelectMany(p => p.Codes).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Value));
        return passes[0] with
        {
            Seconds = passes.Sum(p => p.Seconds),
            LatenciesMs = [.. passes.SelectMany(p => p.LatenciesMs).Order()],
            Codes = codes,
            AppCpuMs = Weighted(p => p.AppCpuMs),
            PostgresCpuMs = Weighted(p => p.PostgresCpuMs),
            ClientCpuMs = Weighted(p => p.ClientCpuMs),
            LogBytesPerRequest = Weighted(p => p.LogBytesPerRequest),
        };
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
