using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using MigrantCover.Bench.Scale;
using MigrantCover.Domain;
using MigrantCover.Web.Data.Entities;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace MigrantCover.Bench.Http;

/// <summary>
/// `import`: bulk registration end to end through the portal's API (upload, validate, persist, error
/// report) against a raw binary COPY of the same valid rows into the same indexed tables, in the same
/// run (bench/README.md, "Import"). Checks every count against the file's construction and plain SQL,
/// and the tallies against the rows; any difference fails the run.
/// </summary>
public static class ImportBench
{
    /// <summary>Lookups per second of the open loop on the public lookup, idle and during the import.</summary>
    public const double LookupRate = 100;

    public static async Task<int> RunAsync(BenchOptions o, string logs, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var today = TimeProvider.System.Today();
        var run = new RunInfo(DateTimeOffset.UtcNow, o, ProcStat.LoadAverage());
        await using var cluster = o.Postgres is null ? await Cluster.StartAsync(maxConnections: 400) : Cluster.Given(o.Postgres);
        if (!o.SkipFill)
        {
            await Fill.RunAsync(cluster.ConnectionString, o.Workers, today);
        }

        ct.ThrowIfCancellationRequested();
        var postmaster = await cluster.PostmasterPidAsync();
        run.Workers = Convert.ToInt64(await cluster.ScalarAsync("SELECT count(*) FROM workers"), CultureInfo.InvariantCulture);
        run.PostgresVersion = (string)(await cluster.ScalarAsync("SHOW server_version"))!;

        var email = $"bench-{Guid.NewGuid():N}@bench.migrantcover.id";
        await AppProcess.CreateAdminAsync(cluster.ConnectionString, email, Credentials.Password);
        await using var portal = await AppProcess.StartPortalAsync("portal", cluster.ConnectionString, logs);
        using var http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })
        { Timeout = TimeSpan.FromMinutes(5) };
        var target = new Target("portal", portal) { Token = await Credentials.TokenAsync(http, portal.Address, email) };
        var (sample, firstBirthDate) = await Workload.SampleAsync(cluster, 20_000);
        var workload = new Workload(http, sample, today, firstBirthDate);
        var load = new Load(postmaster);
        using var rss = RssSampler.Start(portal.Pid);
        run.IdleRssMb = ProcStat.Memory(portal.Pid).Rss;

        // People on file for the rows that name one: already registered, the same NIK with other data, a
        // possible duplicate. Those of the warm-up file and of the measured file are not the same people.
        var people = (await cluster.RowsAsync($"SELECT nik, full_name, date_of_birth, sex FROM workers WHERE substring(nik from 5 for 2) <> '99' AND date_of_birth <= '{today.AddYears(-19):yyyy-MM-dd}' ORDER BY random() LIMIT {(ImportFileSpec.PeoplePer(o.Rows) + ImportFileSpec.PeoplePer(WarmupRows)) + 10}"))
            .Select(r => new OnFile((string)r[0], (string)r[1], (DateOnly)r[2], (string)r[3] == "male" ? Sex.Male : Sex.Female)).ToArray();
        var warmupFile = ImportFileSpec.Build(WarmupRows, firstBirthDate.AddDays(1), today, people[..ImportFileSpec.PeoplePer(WarmupRows)], "35");
        var file = ImportFileSpec.Build(o.Rows, firstBirthDate, today, people[ImportFileSpec.PeoplePer(WarmupRows)..], "36");
        Console.WriteLine($"Import file: {file.Rows:N0} rows, {file.Csv.Length / 1024.0 / 1024:0.0} MB; expected {file.Valid:N0} valid ({file.PossibleDuplicates:N0} possible duplicates), {file.AlreadyRegistered:N0} already registered, {file.Invalid:N0} refused");

        // Warm-up (not measured): the portal's JIT on the lookup and on a small import of every kind of row.
        await load.ClosedAsync("lookup", target, workload.LookupAsync, 16, TimeSpan.FromSeconds(o.Quick ? 5 : 15), ct);
        var warm = await ImportAsync(http, target, warmupFile, ct);
        Check(warm.Status, warmupFile, "warm-up import");
        Console.WriteLine($"Warm-up import: {WarmupRows:N0} rows in {warm.Seconds:0.0} s");

        // The raw COPY of the file's valid rows, rolled back (the NIKs stay free for the import).
        var copyBefore = await RawCopyAsync(cluster.ConnectionString, file, today, ct);
        Console.WriteLine($"raw COPY of {file.Valid:N0} valid rows: {copyBefore:0.00} s");

        // The lookup, idle.
        var idle = await load.OpenAsync("lookup", target, workload.LookupAsync, LookupRate, TimeSpan.FromSeconds(o.Quick ? 10 : 20), ct) with { Target = "idle" };
        Console.WriteLine(Report.Line(idle, null));

        // The import, with the lookup's open loop running alongside.
        var workersBefore = Convert.ToInt64(await cluster.ScalarAsync("SELECT count(*) FROM workers"), CultureInfo.InvariantCulture);
        var rssBefore = ProcStat.Memory(portal.Pid).Rss;
        using var importRss = RssSampler.Start(portal.Pid);
        var loadsDuring = new List<double>();
        using var stopLookups = new CancellationTokenSource();
        var during = new List<Pass>();
        var lookups = Task.Run(
            async () =>
            {
                while (!stopLookups.IsCancellationRequested)
                {
                    during.Add(await load.OpenAsync("lookup", target, workload.LookupAsync, LookupRate, TimeSpan.FromSeconds(3), ct));
                    loadsDuring.Add(ProcStat.LoadAverage());
                }
            },
            ct);
        var result = await ImportAsync(http, target, file, ct);
        await stopLookups.CancelAsync();
        await lookups;
        var peakDuring = Math.Max(importRss.PeakMb, ProcStat.Memory(portal.Pid).Rss);
        Console.WriteLine($"Import: {file.Rows:N0} rows in {result.Seconds:0.0} s ({file.Rows / result.Seconds:0} rows/s); upload answered in {result.UploadSeconds:0.00} s, errors file in {result.ErrorsSeconds:0.00} s");

        var copyAfter = await RawCopyAsync(cluster.ConnectionString, file.WithOtherNiks(), today, ct);
        Console.WriteLine($"raw COPY of {file.Valid:N0} valid rows (other NIKs): {copyAfter:0.00} s");

        // Everything checked: the counts the file was built with, plain SQL over the rows, the tallies.
        Check(result.Status, file, "import");
        await CheckRowsAsync(cluster, result, file, workersBefore);
        await HttpBench.CheckTalliesAsync(cluster.ConnectionString);

        run.PeakRssMb = Math.Max(rss.PeakMb, ProcStat.Memory(portal.Pid).Peak);
        run.AfterRssMb = ProcStat.Memory(portal.Pid).Rss;
        run.LoadAverages = rss.LoadAverages;
        run.Seconds = started.Elapsed.TotalSeconds;
        var duringLookups = Merge(during);
        var m = new Measured(file, result, copyBefore, copyAfter, idle, duringLookups, rssBefore, peakDuring, loadsDuring);
        var report = Text(run, m, portal.LoggedErrors(0));
        Console.WriteLine();
        Console.WriteLine(report);
        if (o.WriteReadme)
        {
            Report.WriteReadme(o.Quick ? "quick" : "full", o.ReadmeLabel, report, "bench-import");
        }

        Console.WriteLine($"Total {started.Elapsed.TotalMinutes:0.0} min");
        Console.WriteLine(m.RatioLines);
        return 0;
    }

    private const int WarmupRows = 1_000;

    /// <summary>POST the file, follow the import until it ends, then fetch its errors file: the end-to-end time.</summary>
    private static async Task<ImportResult> ImportAsync(HttpClient http, Target t, ImportFileSpec file, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file.Csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "candidates.csv");
        form.Add(new StringContent("false"), "dryRun");
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(t.App.Address, "/api/v1/imports")) { Content = form };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t.Token);
        using var posted = await http.SendAsync(post, ct);
        if (posted.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/v1/imports answered {(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync(ct)}");
        }

        var upload = clock.Elapsed.TotalSeconds;
        var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync(ct)).RootElement.GetProperty("id").GetInt64();
        JsonElement status;
        while (true)
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(t.App.Address, $"/api/v1/imports/{id}"));
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t.Token);
            using var answer = await http.SendAsync(get, ct);
            status = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(ct)).RootElement.Clone();
            var state = status.GetProperty("state").GetString();
            if (state is "done" or "failed")
            {
                break;
            }

            await Task.Delay(200, ct);
        }

        var beforeErrors = clock.Elapsed.TotalSeconds;
        using var errors = new HttpRequestMessage(HttpMethod.Get, new Uri(t.App.Address, $"/api/v1/imports/{id}/errors"));
        errors.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t.Token);
        errors.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        using var report = await http.SendAsync(errors, ct);
        var csv = await report.Content.ReadAsStringAsync(ct);
        var seconds = clock.Elapsed.TotalSeconds;
        return new ImportResult(id, status, csv, seconds, upload, seconds - beforeErrors);
    }

    private static void Check(JsonElement status, ImportFileSpec file, string what)
    {
        int N(string name) => status.GetProperty(name).GetInt32();
        var found = (State: status.GetProperty("state").GetString(), Processed: N("processedRows"), Valid: N("valid"), Created: N("created"), Already: N("alreadyRegistered"), Invalid: N("invalid"), Duplicates: N("possibleDuplicates"));
        var expected = (State: (string?)"done", Processed: file.Rows, file.Valid, Created: file.Valid, Already: file.AlreadyRegistered, file.Invalid, Duplicates: file.PossibleDuplicates);
        if (found != expected)
        {
            throw new InvalidOperationException($"The {what} counted {found}, the file was built for {expected}.");
        }
    }

    /// <summary>Plain SQL over the rows against the import's answers and the errors file.</summary>
    private static async Task CheckRowsAsync(Cluster cluster, ImportResult r, ImportFileSpec file, long workersBefore)
    {
        async Task<long> Count(string sql) => Convert.ToInt64(await cluster.ScalarAsync(sql), CultureInfo.InvariantCulture);
        var created = await Count("SELECT count(*) FROM workers") - workersBefore;
        var audited = await Count($"SELECT count(*) FROM audit_entries WHERE reason LIKE 'registered by import {r.Id}, line %'");
        var errorRows = await Count($"SELECT count(*) FROM import_errors WHERE import_id = {r.Id}");
        var refusedLines = (await cluster.RowsAsync($"SELECT DISTINCT line FROM import_errors WHERE import_id = {r.Id} ORDER BY line")).Select(x => Convert.ToInt32(x[0], CultureInfo.InvariantCulture)).ToList();
        var csvLines = r.ErrorsCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var csvRefused = csvLines.Select(l => int.Parse(l.TrimStart('\uFEFF').Split(',')[0], CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        var problems = new List<string>();
        if (created != file.Valid)
        {
            problems.Add($"{created} workers more on file, {file.Valid} valid rows");
        }

        if (audited != file.Valid)
        {
            problems.Add($"{audited} audit entries 'registered by import {r.Id}', {file.Valid} valid rows");
        }

        if (!refusedLines.SequenceEqual(file.InvalidLines))
        {
            problems.Add($"refused lines in import_errors ({refusedLines.Count}) are not the file's invalid lines ({file.InvalidLines.Count})");
        }

        if (csvLines.Count != errorRows || !csvRefused.SequenceEqual(file.InvalidLines))
        {
            problems.Add($"the errors file has {csvLines.Count} lines for {errorRows} rows of import_errors, {csvRefused.Count} refused lines for {file.InvalidLines.Count}");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Import check failed: " + string.Join("; ", problems));
        }

        Console.WriteLine($"Checked against plain SQL: {created:N0} workers created and audited, {refusedLines.Count:N0} refused lines, {errorRows:N0} errors (the errors file the same)");
    }

    /// <summary>
    /// The floor: the valid rows as the portal would store them (the same derived columns), written with
    /// binary COPY into workers, stage_events and audit_entries with every index in place, in one
    /// transaction, rolled back. Returns the seconds from building the rows to the end of the COPYs.
    /// </summary>
    private static async Task<double> RawCopyAsync(string connectionString, ImportFileSpec file, DateOnly today, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var workers = new List<Worker>(file.Valid);
        foreach (var request in file.ValidRequests)
        {
            var w = new Worker { Id = Guid.CreateVersion7(), Stage = Stage.Candidate, CreatedAt = now, UpdatedAt = now, Version = 1 };
            RegisterWorker.Apply(request.ToFacts(), w, today);
            w.NameKey = Worker.NameKeyOf(w.FullName);
            w.RegisteredMonth = (w.RegisteredOn.Year * 100) + w.RegisteredOn.Month;
            w.ProvinceCode = w.Nik[..2];
            w.RegencyCode = w.Nik[..4];
            WorkerCoverage.Refresh(w, today);
            workers.Add(w);
        }

        await using (var copy = await conn.BeginBinaryImportAsync($"COPY workers ({RawHandlers.WorkerColumns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var w in workers)
            {
                await copy.StartRowAsync(ct);
                foreach (var v in RawHandlers.WorkerValues(w))
                {
                    await WriteAsync(copy, v, ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await conn.BeginBinaryImportAsync("COPY stage_events (id, from_stage, kind, months, occurred_on, payment_id, reason, recorded_at, recorded_by, to_stage, worker_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var w in workers)
            {
                await copy.StartRowAsync(ct);
                foreach (var v in new object[] { Guid.CreateVersion7(), DBNull.Value, Codes.Of(StageEventKind.Registration), DBNull.Value, w.RegisteredOn, DBNull.Value, DBNull.Value, now, "Bench Officer", Codes.Of(Stage.Candidate), w.Id })
                {
                    await WriteAsync(copy, v, ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        await using (var copy = await conn.BeginBinaryImportAsync("COPY audit_entries (action, actor_id, actor_name, at, field, new_value, old_value, reason, worker_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            var line = 1;
            foreach (var w in workers)
            {
                await copy.StartRowAsync(ct);
                foreach (var v in new object[] { "registered", "bench", "Bench Officer", now, DBNull.Value, DBNull.Value, DBNull.Value, $"registered by raw copy, line {++line}", w.Id })
                {
                    await WriteAsync(copy, v, ct);
                }
            }

            await copy.CompleteAsync(ct);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await tx.RollbackAsync(ct);
        return seconds;
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, object value, CancellationToken ct) => value switch
    {
        DBNull => copy.WriteNullAsync(ct),
        string s => copy.WriteAsync(s, NpgsqlDbType.Varchar, ct),
        Guid g => copy.WriteAsync(g, NpgsqlDbType.Uuid, ct),
        DateOnly d => copy.WriteAsync(d, NpgsqlDbType.Date, ct),
        DateTimeOffset t => copy.WriteAsync(t, NpgsqlDbType.TimestampTz, ct),
        int i => copy.WriteAsync(i, NpgsqlDbType.Integer, ct),
        long l => copy.WriteAsync(l, NpgsqlDbType.Bigint, ct),
        _ => throw new NotSupportedException(value.GetType().Name),
    };

    private static Pass Merge(List<Pass> passes) =>
        passes.Count == 0
            ? new Pass("lookup", "during", 0, LookupRate, 0, [], new Dictionary<int, long>(), 0, 0, 0, 0)
            : passes[0] with
            {
                Target = "during",
                Seconds = passes.Sum(p => p.Seconds),
                LatenciesMs = [.. passes.SelectMany(p => p.LatenciesMs).Order()],
                Codes = passes.SelectMany(p => p.Codes).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Value)),
            };

    private static string Text(RunInfo run, Measured m, IReadOnlyList<(int Count, string What)> errors)
    {
        var sb = new StringBuilder();
        var loads = run.LoadAverages.DefaultIfEmpty(ProcStat.LoadAverage()).ToList();
        var during = m.LoadsDuring.DefaultIfEmpty(ProcStat.LoadAverage()).ToList();
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var f = m.File;
        var copy = (m.CopyBefore + m.CopyAfter) / 2;
        sb.AppendLine(F($"Run of {run.At:yyyy-MM-dd HH:mm} UTC, {run.Seconds / 60:0.0} min: `import{(run.Options.Quick ? " --quick" : "")}`; {run.Workers:N0} workers on file, a CSV of {f.Rows:N0} rows ({f.Csv.Length / 1024.0 / 1024:0.0} MB). Machine: {cpu}, {Environment.ProcessorCount} cores shared with other engineers' builds and tests; {RuntimeInformation.FrameworkDescription}; PostgreSQL {run.PostgresVersion} ({(run.Options.Postgres is null ? "throwaway cluster, fsync off" : "given server")})."));
        sb.AppendLine();
        sb.AppendLine(F($"Load average (1 min): {run.LoadAtStart:0.0} at the start, {during.Min():0.0} to {during.Max():0.0} during the import (mean {during.Average():0.0}), {loads.Min():0.0} to {loads.Max():0.0} over the whole run."));
        sb.AppendLine();
        sb.AppendLine(F($"The file: {f.Valid:N0} valid rows ({f.PossibleDuplicates:N0} of them possible duplicates of a worker on file), {f.AlreadyRegistered:N0} already registered, {f.Invalid:N0} refused ({string.Join(", ", f.InvalidKinds.Select(k => $"{k.Value:N0} {k.Key}"))})."));
        sb.AppendLine();
        sb.AppendLine("| Measurement | Portal import | Raw COPY of the valid rows | Ratio (COPY time ÷ import time) |");
        sb.AppendLine("|---|---:|---:|---:|");
        sb.AppendLine(F($"| End to end, s (upload → done → errors file) | {m.Import.Seconds:0.0} | {m.CopyBefore:0.00} before, {m.CopyAfter:0.00} after (mean {copy:0.00}) | {copy / m.Import.Seconds:0.000} |"));
        sb.AppendLine(F($"| Rows per second (file rows ÷ time; COPY: valid rows ÷ time) | {f.Rows / m.Import.Seconds:0} | {f.Valid / copy:0} | |"));
        sb.AppendLine(F($"| of which: upload answered (202), s | {m.Import.UploadSeconds:0.00} | | |"));
        sb.AppendLine(F($"| of which: errors file ({m.Import.ErrorsCsv.Length / 1024.0:0} KB), s | {m.Import.ErrorsSeconds:0.00} | | |"));
        sb.AppendLine();
        sb.AppendLine(F($"Portal RSS: {m.RssBefore:0} MB before the import, {m.PeakDuring:0} MB at the peak during it: **{m.PeakDuring - m.RssBefore:0} MB extra** (sampled every 250 ms)."));
        sb.AppendLine();
        sb.AppendLine(F($"Public lookup (`POST /api/v1/coverage/lookup`, 95% found) in an open loop at {LookupRate:0} req/s, latency from the time each request was due:"));
        sb.AppendLine();
        sb.AppendLine("| When | Requests | p50 ms | p99 ms | max ms | Other than 200/404 |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var p in new[] { m.Idle, m.During })
        {
            sb.AppendLine(F($"| {(p == m.Idle ? "idle" : "during the import")} | {p.Requests:N0} | {p.P(0.5):0.0} | {p.P(0.99):0.0} | {(p.LatenciesMs.Length > 0 ? p.LatenciesMs[^1] : double.NaN):0} | {p.Errors(200, 404)} |"));
        }

        sb.AppendLine();
        sb.AppendLine(F($"p99 during the import ÷ idle: {m.During.P(0.99) / m.Idle.P(0.99):0.00}."));
        sb.AppendLine();
        sb.AppendLine("Counts checked against the file's construction and plain SQL (workers created, their audit entries, the refused lines in `import_errors` and in the errors file), and the dashboard's tallies against the rows: equal.");
        sb.AppendLine();
        sb.AppendLine(errors.Count == 0 ? "The portal logged no errors." : "Errors the portal logged: " + string.Join("; ", errors.Take(5).Select(e => F($"{e.Count} × {e.What}"))));
        sb.AppendLine();
        sb.AppendLine("```");
        sb.AppendLine(m.RatioLines);
        sb.AppendLine("```");
        return sb.ToString();
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed record ImportResult(long Id, JsonElement Status, string ErrorsCsv, double Seconds, double UploadSeconds, double ErrorsSeconds);

    private sealed record Measured(ImportFileSpec File, ImportResult Import, double CopyBefore, double CopyAfter, Pass Idle, Pass During, double RssBefore, double PeakDuring, List<double> LoadsDuring)
    {
        public string RatioLines => string.Create(
            CultureInfo.InvariantCulture,
            $"RATIO import-vs-copy {(CopyBefore + CopyAfter) / 2 / Import.Seconds:0.000}\nRATIO import-vs-copy-before {CopyBefore / Import.Seconds:0.000}\nRATIO import-vs-copy-after {CopyAfter / Import.Seconds:0.000}\nRATIO lookup-p99-import-vs-idle {During.P(0.99) / Idle.P(0.99):0.00}\nMEMORY import-extra-rss-mb {PeakDuring - RssBefore:0}");
    }
}

/// <summary>A worker on file that rows of the file name.</summary>
public sealed record OnFile(string Nik, string FullName, DateOnly DateOfBirth, Sex Sex);

/// <summary>
/// The bench's import file, built row by row with a known outcome: per 1,000 rows 790 new candidates,
/// 5 possible duplicates (the name and date of birth of a worker on file, another NIK), 5 already
/// registered (a worker on file, as on file), and 200 refused: 25 each of a NIK of 15 digits (R-NIK-1),
/// under 18 (R-AGE-1), a purpose other than work (R-CAT-2), the agency scheme without the agency's name
/// (R-SCH-1), Indonesia as destination (R-DST-1), a contract length in words, the NIK of a worker on file
/// with another name (R-NIK-4), 24 rows in 12 pairs with the same NIK (R-NIK-4 within the file) and one
/// registration date in the future (R-REG-1). The rows are shuffled with a fixed seed.
/// </summary>
public sealed class ImportFileSpec
{
    private static readonly string[] Destinations = ["TW", "HK", "MY", "SG", "KR"];

    private const string Header = "nik,familyCardNumber,fullName,sex,dateOfBirth,placeOfBirth,address,purpose,category,scheme,agencyName,agencyLicence,destinationCountry,occupation,contractMonths,placementAgreementSignedOn,registeredOn";

    private ImportFileSpec()
    {
    }

    public int Rows { get; private set; }

    public byte[] Csv { get; private set; } = [];

    public int Valid { get; private set; }

    public int PossibleDuplicates { get; private set; }

    public int AlreadyRegistered { get; private set; }

    public int Invalid => InvalidLines.Count;

    public List<int> InvalidLines { get; } = [];

    public SortedDictionary<string, int> InvalidKinds { get; } = new(StringComparer.Ordinal);

    /// <summary>The valid rows as register bodies (what the raw COPY writes).</summary>
    public List<RegisterWorker.Request> ValidRequests { get; } = [];

    /// <summary>People on file the rows of a file of <paramref name="rows"/> rows need.</summary>
    public static int PeoplePer(int rows) => ((rows + 999) / 1000) * 35;

    /// <summary>The same valid rows with NIKs of another district, for a COPY after the import has taken the first ones.</summary>
    public ImportFileSpec WithOtherNiks()
    {
        var other = new ImportFileSpec { Rows = Rows, Csv = Csv, Valid = Valid, PossibleDuplicates = PossibleDuplicates, AlreadyRegistered = AlreadyRegistered };
        other.ValidRequests.AddRange(ValidRequests.Select(r => r with { Nik = r.Nik![..4] + "97" + r.Nik[6..] }));
        return other;
    }

    public static ImportFileSpec Build(int rows, DateOnly dob, DateOnly today, OnFile[] people, string duplicateProvince)
    {
        var kinds = new List<string>(rows);
        for (var i = 0; i < rows; i++)
        {
            var j = i % 1000;
            kinds.Add(j switch
            {
                < 790 => "new",
                < 795 => "possible-duplicate",
                < 800 => "already-registered",
                < 825 => "R-NIK-1 (15 digits)",
                < 850 => "R-AGE-1 (under 18)",
                < 875 => "R-CAT-2 (purpose)",
                < 900 => "R-SCH-1 (no agency name)",
                < 925 => "R-DST-1 (Indonesia)",
                < 950 => "contract months in words",
                < 975 => "R-NIK-4 (NIK on file, other name)",
                < 999 => "R-NIK-4 (twice in the file)",
                _ => "R-REG-1 (registered tomorrow)",
            });
        }

        var random = new Random(20_26);
        random.Shuffle(CollectionsMarshal.AsSpan(kinds));
        var spec = new ImportFileSpec { Rows = rows };
        var csv = new StringBuilder(rows * 190);
        csv.Append(Header).Append('\n');
        int fresh = 0, person = 0, duplicateSerial = 0;
        string? pendingTwin = null;
        for (var i = 0; i < rows; i++)
        {
            var kind = kinds[i];
            var line = i + 2;
            var n = fresh++;
            var nik = Nik.Build("33", $"{(n / 9999 % 98) + 1:00}", "99", dob, Sex.Female, (n % 9999) + 1);
            var r = new RegisterWorker.Request
            {
                Nik = nik,
                FamilyCardNumber = nik[..6] + "1205950001",
                FullName = "Siti Import " + Letters(n),
                Sex = "female",
                DateOfBirth = Iso(dob),
                PlaceOfBirth = "Semarang",
                Address = $"Jl. Pemuda {n % 200} Semarang",
                Purpose = "work",
                Category = "domestic",
                Scheme = "agency",
                AgencyName = "PT Mitra Karya 01",
                AgencyLicence = "KEP.1/2024",
                DestinationCountry = Destinations[n % Destinations.Length],
                Occupation = "caregiver",
                ContractMonths = 24,
                PlacementAgreementSignedOn = Iso(today),
            };
            var months = "24";
            string? registeredOn = null;
            switch (kind)
            {
                case "possible-duplicate":
                    {
                        var p = people[person++];
                        var d = duplicateSerial++;
                        var other = Nik.Build(duplicateProvince, $"{(d / 9999 % 98) + 1:00}", "99", p.DateOfBirth, p.Sex, (d % 9999) + 1);
                        r = r with { Nik = other, FamilyCardNumber = other[..6] + "1205950001", FullName = p.FullName, Sex = Codes.Of(p.Sex), DateOfBirth = Iso(p.DateOfBirth) };
                        break;
                    }

                case "already-registered":
                    {
                        var p = people[person++];
                        r = r with { Nik = p.Nik, FamilyCardNumber = p.Nik[..6] + "1205950001", FullName = p.FullName, Sex = Codes.Of(p.Sex), DateOfBirth = Iso(p.DateOfBirth) };
                        break;
                    }

                case "R-NIK-1 (15 digits)":
                    r = r with { Nik = nik[..15] };
                    break;
                case "R-AGE-1 (under 18)":
                    {
                        var young = today.AddYears(-10);
                        var youngNik = Nik.Build("33", $"{(n / 9999 % 98) + 1:00}", "99", young, Sex.Female, (n % 9999) + 1);
                        r = r with { Nik = youngNik, DateOfBirth = Iso(young) };
                        break;
                    }

                case "R-CAT-2 (purpose)":
                    r = r with { Purpose = "study" };
                    break;
                case "R-SCH-1 (no agency name)":
                    r = r with { AgencyName = null };
                    break;
                case "R-DST-1 (Indonesia)":
                    r = r with { DestinationCountry = "ID" };
                    break;
                case "contract months in words":
                    months = "dua puluh empat";
                    break;
                case "R-NIK-4 (NIK on file, other name)":
                    {
                        var p = people[person++];
                        r = r with { Nik = p.Nik, FamilyCardNumber = p.Nik[..6] + "1205950001", FullName = "Budi Lain " + Letters(n), Sex = Codes.Of(p.Sex), DateOfBirth = Iso(p.DateOfBirth) };
                        break;
                    }

                case "R-NIK-4 (twice in the file)":
                    // Pairs in file order: the second row of a pair takes the first one's NIK.
                    if (pendingTwin is null)
                    {
                        pendingTwin = nik;
                    }
                    else
                    {
                        r = r with { Nik = pendingTwin, FamilyCardNumber = pendingTwin[..6] + "1205950001" };
                        pendingTwin = null;
                    }

                    break;
                case "R-REG-1 (registered tomorrow)":
                    registeredOn = Iso(today.AddDays(1));
                    break;
            }

            csv.Append(r.Nik).Append(',').Append(r.FamilyCardNumber).Append(',').Append(r.FullName).Append(',').Append(r.Sex).Append(',')
                .Append(r.DateOfBirth).Append(',').Append(r.PlaceOfBirth).Append(',').Append(r.Address).Append(',').Append(r.Purpose).Append(',')
                .Append(r.Category).Append(',').Append(r.Scheme).Append(',').Append(r.AgencyName).Append(',').Append(r.AgencyLicence).Append(',')
                .Append(r.DestinationCountry).Append(',').Append(r.Occupation).Append(',').Append(months).Append(',').Append(r.PlacementAgreementSignedOn).Append(',').Append(registeredOn).Append('\n');
            switch (kind)
            {
                case "new":
                    spec.Valid++;
                    spec.ValidRequests.Add(r);
                    break;
                case "possible-duplicate":
                    spec.Valid++;
                    spec.PossibleDuplicates++;
                    spec.ValidRequests.Add(r);
                    break;
                case "already-registered":
                    spec.AlreadyRegistered++;
                    break;
                default:
                    spec.InvalidLines.Add(line);
                    spec.InvalidKinds[kind] = spec.InvalidKinds.GetValueOrDefault(kind) + 1;
                    break;
            }
        }

        if (pendingTwin is not null)
        {
            throw new InvalidOperationException("A NIK meant to be twice in the file is there once.");
        }

        spec.Csv = Encoding.UTF8.GetBytes(csv.ToString());
        return spec;
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // A unique name part per row: letters only, as names are.
    private static string Letters(int n)
    {
        var s = new StringBuilder("Aaaaaa");
        for (var k = 5; k >= 1; k--)
        {
            s[k] = (char)('a' + (n % 26));
            n /= 26;
        }

        s[0] = (char)('A' + (n % 26));
        return s.ToString();
    }
}
