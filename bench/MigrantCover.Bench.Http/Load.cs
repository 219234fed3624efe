using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MigrantCover.Domain;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Bench.Http;

/// <summary>An app the load goes to, with what its requests need (the portal's token and antiforgery pair).</summary>
public sealed class Target(string name, AppProcess app)
{
    public string Name { get; } = name;

    public AppProcess App { get; } = app;

    public string? Token { get; set; }

    public (string Cookie, string Token)? Antiforgery { get; set; }
}

/// <summary>A worker of the filled database, read before the load: what lookups and searches ask for.</summary>
public sealed record SampleWorker(Guid Id, string Nik, string? MembershipNumber, DateOnly DateOfBirth, string NamePrefix);

/// <summary>
/// The requests of every operation. Identifiers come from a sample of the filled database; registrations
/// get unique valid NIKs (Nik.Build) and names; first payments go to workers registered in this run,
/// with the amount of the domain's tariff.
/// </summary>
public sealed class Workload
{
    /// <summary>An operation that had nothing to do (no freshly registered worker left to pay).</summary>
    public const int NoWork = -2;

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly string[] Destinations = ["TW", "HK", "MY", "SG", "KR"];

    private readonly HttpClient _http;
    private readonly SampleWorker[] _sample;
    private readonly SampleWorker[] _withNumber;
    private readonly DateOnly _today;
    private readonly DateOnly _firstBirthDate;
    private readonly string _run;
    private readonly long _prePlacementAmount;
    private readonly ConcurrentQueue<Guid> _fresh = new();
    private readonly ConcurrentQueue<(Guid Worker, byte[] Body)> _paid = new();
    private int _registrations;
    private int _payments;

    public Workload(HttpClient http, SampleWorker[] sample, DateOnly today, DateOnly firstBirthDate)
    {
        _http = http;
        _sample = sample;
        _withNumber = [.. sample.Where(s => s.MembershipNumber is not null)];
        _today = today;
        _firstBirthDate = firstBirthDate;
        _run = Convert.ToHexString(BitConverter.GetBytes(Random.Shared.Next()));
        _prePlacementAmount = Tariff.Expected(PaymentKind.PrePlacement, Scheme.Agency, 24, today, null, null).Amount!.Value;
    }

    public int FreshWorkers => _fresh.Count;

    /// <summary>
    /// A random sample of the filled database (workers with a membership number for the lookups). The
    /// bench's registrations use NIKs with district 99 (the fill never does) and birth dates after any
    /// earlier run's, so a reused database takes them too.
    /// </summary>
    public static async Task<(SampleWorker[] Sample, DateOnly FirstBirthDate)> SampleAsync(Cluster db, int size)
    {
        var rows = await db.RowsAsync($"SELECT id, nik, membership_number, date_of_birth, name_key FROM workers WHERE substring(nik from 5 for 2) <> '99' ORDER BY random() LIMIT {size}");
        var sample = rows.Select(r =>
        {
            // The name prefix an officer types: the first name and three letters of the family name ("SITI SUS").
            var words = ((string)r[4]).Split(' ');
            var prefix = words.Length > 1 ? $"{words[0]} {words[1][..Math.Min(3, words[1].Length)]}" : words[0];
            return new SampleWorker((Guid)r[0], (string)r[1], r[2] as string, (DateOnly)r[3], prefix);
        }).OrderBy(_ => Random.Shared.Next()).ToArray();
        var last = await db.ScalarAsync("SELECT max(date_of_birth) FROM workers WHERE substring(nik from 5 for 2) = '99'");
        return (sample, last is DateOnly d ? d.AddDays(1) : new DateOnly(1990, 1, 1));
    }

    public Task<int> HealthAsync(Target t, CancellationToken ct) => SendAsync(t, HttpMethod.Get, "/health/live", null, ct);

    /// <summary>POST /api/v1/coverage/lookup: 95% a worker of the sample, 5% a valid number nobody has.</summary>
    public Task<int> LookupAsync(Target t, CancellationToken ct) => LookupAsync(t, "/api/v1/coverage/lookup", ct);

    /// <summary>The baseline's worker read alone (no lock row, no log row).</summary>
    public Task<int> LookupReadAsync(Target t, CancellationToken ct) => LookupAsync(t, "/api/v1/coverage/lookup?log=false", ct);

    /// <summary>POST /Coverage (the page's form, with its antiforgery cookie and token): same 95/5 mix.</summary>
    public Task<int> LookupPageAsync(Target t, CancellationToken ct)
    {
        var (number, dob) = LookupKey();
        var (cookie, token) = t.Antiforgery ?? throw new InvalidOperationException("No antiforgery token for the page.");
        var form = $"Input.Identifier={number}&Input.DateOfBirth={dob:yyyy-MM-dd}&__RequestVerificationToken={Uri.EscapeDataString(token)}";
        return SendAsync(t, HttpMethod.Post, "/Coverage", Encoding.UTF8.GetBytes(form), ct, new MediaTypeHeaderValue("application/x-www-form-urlencoded"), cookie);
    }

    public Task<int> SearchNikAsync(Target t, CancellationToken ct) =>
        SendAsync(t, HttpMethod.Get, $"/api/v1/workers?search={Pick().Nik}", null, ct);

    public Task<int> SearchNameAsync(Target t, CancellationToken ct) =>
        SendAsync(t, HttpMethod.Get, $"/api/v1/workers?search={Uri.EscapeDataString(Pick().NamePrefix)}", null, ct);

    public Task<int> GetWorkerAsync(Target t, CancellationToken ct) =>
        SendAsync(t, HttpMethod.Get, $"/api/v1/workers/{Pick().Id}", null, ct);

    /// <summary>POST /api/v1/workers: a new candidate with a unique valid NIK (R-NIK-1..3) and name.</summary>
    public async Task<int> RegisterAsync(Target t, CancellationToken ct)
    {
        var i = Interlocked.Increment(ref _registrations) - 1;
        var dob = _firstBirthDate.AddDays(i / (9999 * 98));
        var nik = Nik.Build("33", $"{(i / 9999 % 98) + 1:00}", "99", dob, Sex.Female, (i % 9999) + 1);
        var name = new StringBuilder("Siti Bench ");
        for (var n = i; name.Length < 17; n /= 26)
        {
            name.Append((char)((name.Length == 11 ? 'A' : 'a') + (n % 26)));
        }

        var body = $$"""
            {"nik":"{{nik}}","familyCardNumber":"{{nik[..6]}}1205950001","fullName":"{{name}}","sex":"female","dateOfBirth":"{{dob:yyyy-MM-dd}}",
            "placeOfBirth":"Semarang","address":"Jl. Pemuda {{i % 200}}, Semarang","phone":"+6281234567890","purpose":"work","category":"domestic",
            "scheme":"agency","agencyName":"PT Mitra Karya Nusantara 001","agencyLicence":"KEP.1/2024","destinationCountry":"{{Destinations[i % Destinations.Length]}}",
            "occupation":"caregiver","contractMonths":24,"placementAgreementSignedOn":"{{_today:yyyy-MM-dd}}"}
            """;
        var (status, answer) = await SendForAnswerAsync(t, HttpMethod.Post, "/api/v1/workers", Encoding.UTF8.GetBytes(body), ct);
        if (status == 201)
        {
            _fresh.Enqueue(IdOf(answer));
        }

        return status;
    }

    /// <summary>POST /api/v1/workers/{id}/payments: the pre-placement contribution of a worker registered in this run.</summary>
    public async Task<int> PayAsync(Target t, CancellationToken ct)
    {
        if (!_fresh.TryDequeue(out var worker))
        {
            return NoWork;
        }

        var body = PaymentBody();
        var status = await SendAsync(t, HttpMethod.Post, $"/api/v1/workers/{worker}/payments", body, ct);
        if (status == 201)
        {
            _paid.Enqueue((worker, body));
            while (_paid.Count > 10_000 && _paid.TryDequeue(out _))
            {
            }
        }

        return status;
    }

    /// <summary>The same payment sent again later (R-PAY-2: the answer is the recorded one, 200).</summary>
    public async Task<int> ResendAsync(Target t, CancellationToken ct)
    {
        if (!_paid.TryDequeue(out var earlier))
        {
            return NoWork;
        }

        // Back to the end of the queue: the next re-send is of another payment.
        _paid.Enqueue(earlier);
        return await SendAsync(t, HttpMethod.Post, $"/api/v1/workers/{earlier.Worker}/payments", earlier.Body, ct);
    }

    /// <summary>
    /// The same first payment sent twice at the same moment (a double click, a retry after a timeout):
    /// both answers as one code, first * 1000 + second (201 and 200 expected).
    /// </summary>
    public async Task<int> TwinAsync(Target t, CancellationToken ct)
    {
        if (!_fresh.TryDequeue(out var worker))
        {
            return NoWork;
        }

        var body = PaymentBody();
        var both = await Task.WhenAll(
            SendAsync(t, HttpMethod.Post, $"/api/v1/workers/{worker}/payments", body, ct),
            SendAsync(t, HttpMethod.Post, $"/api/v1/workers/{worker}/payments", body, ct));
        return (Math.Max(0, both[0]) * 1000) + Math.Max(0, both[1]);
    }

    private byte[] PaymentBody() => Encoding.UTF8.GetBytes(
        $$"""{"kind":"pre-placement","amount":{{_prePlacementAmount}},"paidOn":"{{_today:yyyy-MM-dd}}","reference":"BENCH-{{_run}}-{{Interlocked.Increment(ref _payments)}}"}""");

    /// <summary>One lookup that finds its worker, or one that does not.</summary>
    public Task<int> LookupOneAsync(Target t, bool found, CancellationToken ct)
    {
        var (number, dob) = found ? (_withNumber[0].MembershipNumber!, _withNumber[0].DateOfBirth) : (MembershipNumber.Issue(2019, Random.Shared.Next(1, 99_999_999)), new DateOnly(1990, 1, 1));
        return SendAsync(t, HttpMethod.Post, "/api/v1/coverage/lookup", Encoding.UTF8.GetBytes($$"""{"membershipNumber":"{{number}}","dateOfBirth":"{{dob:yyyy-MM-dd}}"}"""), ct);
    }

    private Task<int> LookupAsync(Target t, string path, CancellationToken ct)
    {
        var (number, dob) = LookupKey();
        return SendAsync(t, HttpMethod.Post, path, Encoding.UTF8.GetBytes($$"""{"membershipNumber":"{{number}}","dateOfBirth":"{{dob:yyyy-MM-dd}}"}"""), ct);
    }

    // 5% misses: a valid membership number of a year nobody was issued one in (each miss a new identifier, so none locks).
    private (string Number, DateOnly DateOfBirth) LookupKey()
    {
        if (Random.Shared.Next(100) < 5)
        {
            return (MembershipNumber.Issue(2019, Random.Shared.Next(1, 99_999_999)), new DateOnly(1990, 1, 1));
        }

        var w = _withNumber[Random.Shared.Next(_withNumber.Length)];
        return (w.MembershipNumber!, w.DateOfBirth);
    }

    private SampleWorker Pick() => _sample[Random.Shared.Next(_sample.Length)];

    private static Guid IdOf(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                return reader.GetGuid();
            }
        }

        throw new InvalidOperationException("The registration's answer has no id.");
    }

    private async Task<int> SendAsync(Target t, HttpMethod method, string path, byte[]? body, CancellationToken ct, MediaTypeHeaderValue? type = null, string? cookie = null)
    {
        using var request = Request(t, method, path, body, type, cookie);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return (int)response.StatusCode;
    }

    private async Task<(int Status, byte[] Body)> SendForAnswerAsync(Target t, HttpMethod method, string path, byte[] body, CancellationToken ct)
    {
        using var request = Request(t, method, path, body, null, null);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(ct));
    }

    private static HttpRequestMessage Request(Target t, HttpMethod method, string path, byte[]? body, MediaTypeHeaderValue? type, string? cookie)
    {
        var request = new HttpRequestMessage(method, new Uri(t.App.Address, path));
        if (t.Token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t.Token);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = type ?? Json;
        }

        return request;
    }
}

/// <summary>One measured pass: requests, latencies, status codes, and the CPU the processes spent on them.</summary>
public sealed record Pass(string Operation, string Target, int Concurrency, double? Rate, double Seconds, double[] LatenciesMs, IReadOnlyDictionary<int, long> Codes, double AppCpuMs, double PostgresCpuMs, double ClientCpuMs, double LogBytesPerRequest)
{
    public long Requests => LatenciesMs.Length;

    public double PerSecond => Requests / Seconds;

    public double P(double p) => Load.Percentile(LatenciesMs, p);

    public long Errors(params int[] expected) => Codes.Where(c => !expected.Contains(c.Key)).Sum(c => c.Value);
}

/// <summary>Closed and open loops, with CPU of the app (its process), PostgreSQL (postmaster and children) and the client.</summary>
public sealed class Load(int? postmaster)
{
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }

    /// <summary><paramref name="concurrency"/> clients, each sending its next request when the last is answered, for <paramref name="duration"/>.</summary>
    public async Task<Pass> ClosedAsync(string operation, Target target, Func<Target, CancellationToken, Task<int>> send, int concurrency, TimeSpan duration, CancellationToken ct)
    {
        var before = Snapshot(target);
        var clock = Stopwatch.StartNew();
        var clients = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(
            async () =>
            {
                var latencies = new List<double>(4096);
                var codes = new Dictionary<int, long>();
                while (clock.Elapsed < duration && !ct.IsCancellationRequested)
                {
                    var start = clock.Elapsed;
                    var code = await Safe(send, target, ct);
                    if (code == Workload.NoWork)
                    {
                        break;
                    }

                    latencies.Add((clock.Elapsed - start).TotalMilliseconds);
                    codes[code] = codes.GetValueOrDefault(code) + 1;
                }

                return (latencies, codes);
            },
            ct)));
        return Finish(operation, target, concurrency, null, clock.Elapsed.TotalSeconds, clients.SelectMany(c => c.latencies), clients.Select(c => c.codes), before);
    }

    /// <summary>
    /// Requests sent at a fixed rate whatever the answers do; each latency counts from the time the request
    /// was due, so a slow answer delays no measurement (no coordinated omission). At most 2,000 in flight.
    /// </summary>
    public async Task<Pass> OpenAsync(string operation, Target target, Func<Target, CancellationToken, Task<int>> send, double rate, TimeSpan duration, CancellationToken ct)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var latencies = new double[count];
        var codes = new int[count];
        var inFlight = new SemaphoreSlim(2000);
        var tasks = new List<Task>(count);
        var before = Snapshot(target);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < count && !ct.IsCancellationRequested; i++)
        {
            var due = start + (long)(i * Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);
            }

            await inFlight.WaitAsync(ct);
            var n = i;
            tasks.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        codes[n] = await Safe(send, target, ct);
                    }
                    finally
                    {
                        latencies[n] = Math.Max(0, Stopwatch.GetElapsedTime(due).TotalMilliseconds);
                        inFlight.Release();
                    }
                },
                ct));
        }

        await Task.WhenAll(tasks);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var byCode = codes.Take(tasks.Count).GroupBy(c => c).ToDictionary(g => g.Key, g => (long)g.Count());
        return Finish(operation, target, 0, rate, seconds, latencies.Take(tasks.Count), [byCode], before);
    }

    /// <summary>
    /// Many clients on a mix of operations (weights per operation) for a while: per operation its own
    /// latencies and status codes.
    /// </summary>
    public static async Task<Dictionary<string, (List<double> Ms, Dictionary<int, long> Codes)>> MixedAsync(
        Target target, IReadOnlyList<(string Name, int Weight, Func<Target, CancellationToken, Task<int>> Send)> mix, int clients, TimeSpan duration, CancellationToken ct)
    {
        var total = mix.Sum(m => m.Weight);
        var clock = Stopwatch.StartNew();
        var perClient = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(
            async () =>
            {
                var mine = mix.ToDictionary(m => m.Name, _ => (Ms: new List<double>(), Codes: new Dictionary<int, long>()));
                while (clock.Elapsed < duration && !ct.IsCancellationRequested)
                {
                    var roll = Random.Shared.Next(total);
                    var op = mix.First(m => (roll -= m.Weight) < 0);
                    var start = clock.Elapsed;
                    var code = await Safe(op.Send, target, ct);
                    if (code == Workload.NoWork)
                    {
                        continue;
                    }

                    var (ms, codes) = mine[op.Name];
                    ms.Add((clock.Elapsed - start).TotalMilliseconds);
                    codes[code] = codes.GetValueOrDefault(code) + 1;
                }

                return mine;
            },
            ct)));
        return mix.ToDictionary(
            m => m.Name,
            m => (perClient.SelectMany(c => c[m.Name].Ms).Order().ToList(),
                perClient.SelectMany(c => c[m.Name].Codes).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Value))));
    }

    // A transport failure or a timeout is an answer too (code 0), never the end of the run.
    private static async Task<int> Safe(Func<Target, CancellationToken, Task<int>> send, Target target, CancellationToken ct)
    {
        try
        {
            return await send(target, ct);
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return 0;
        }
    }

    private (long App, long Postgres, TimeSpan Client, long Log) Snapshot(Target target) =>
        (ProcStat.Read(target.App.Pid)?.CpuTicks ?? 0, postmaster is { } pm ? ProcStat.TreeTicks(pm) : 0, Process.GetCurrentProcess().TotalProcessorTime, target.App.LogBytes);

    private Pass Finish(string operation, Target target, int concurrency, double? rate, double seconds, IEnumerable<double> latencies, IEnumerable<Dictionary<int, long>> codes, (long App, long Postgres, TimeSpan Client, long Log) before)
    {
        var after = Snapshot(target);
        var sorted = latencies.Order().ToArray();
        var byCode = codes.SelectMany(c => c).GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(x => x.Value));
        var n = Math.Max(1, sorted.Length);
        return new Pass(
            operation,
            target.Name,
            concurrency,
            rate,
            seconds,
            sorted,
            byCode,
            (after.App - before.App) / ProcStat.TicksPerMs / n,
            postmaster is null ? double.NaN : (after.Postgres - before.Postgres) / ProcStat.TicksPerMs / n,
            (after.Client - before.Client).TotalMilliseconds / n,
            (after.Log - before.Log) / (double)n);
    }

    public static string Codes(IReadOnlyDictionary<int, long> codes) =>
        string.Join(" ", codes.OrderBy(c => c.Key).Select(c => $"{(c.Key >= 1000 ? $"{c.Key / 1000}+{c.Key % 1000}" : c.Key.ToString(CultureInfo.InvariantCulture))}×{c.Value}"));
}
