using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MigrantCover.Bench.Http;

/// <summary>
/// An app under test in its own process (so that its CPU is its own): the portal (the built
/// MigrantCover.Web.dll, Production, PostgreSQL) or the raw baseline (this program, `baseline`).
/// Output goes to a log file, as a container runtime would keep it. Disposing stops the process.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    /// <summary>The portal's settings for the bench (bench/README.md explains each).</summary>
    public static readonly IReadOnlyDictionary<string, string> PortalSettings = new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "Postgres",
        ["Https__Redirect"] = "false",
        ["Coverage__HashKey"] = HashKey,

        // Every bench request comes from 127.0.0.1: the per-address lookup limit (10 a minute) is raised
        // so that the bench measures the lookup, not the limiter. The per-identifier lock stays as it is.
        ["Coverage__PerClientPerMinute"] = "1000000000",
    };

    public const string HashKey = "YmVuY2gtbWlncmFudGNvdmVyLWh0dHAtaGFzaC1rZXktMzItYnl0ZXM=";

    private readonly Process _process;

    private AppProcess(string name, Process process, Uri address, string logPath)
    {
        Name = name;
        _process = process;
        Address = address;
        LogPath = logPath;
    }

    public string Name { get; }

    public Uri Address { get; }

    public int Pid => _process.Id;

    public string LogPath { get; }

    public long LogBytes => File.Exists(LogPath) ? new FileInfo(LogPath).Length : 0;

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MigrantCover.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Run the benchmark from inside the repository (MigrantCover.sln not found).");
    }

    /// <summary>The portal's build output of the bench's own configuration (Release with `dotnet run -c Release`).</summary>
    public static string PortalFolder()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var folder = Path.Combine(RepositoryRoot(), "src", "MigrantCover.Web", "bin", configuration, "net10.0");
        return File.Exists(Path.Combine(folder, "MigrantCover.Web.dll"))
            ? folder
            : throw new FileNotFoundException($"MigrantCover.Web.dll not found in {folder}: build the solution in {configuration}.");
    }

    public static Task<AppProcess> StartPortalAsync(string name, string connectionString, string logDir, IReadOnlyDictionary<string, string>? extra = null)
    {
        var env = new Dictionary<string, string>(PortalSettings) { ["ConnectionStrings__Postgres"] = connectionString };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>())
        {
            env[k] = v;
        }

        var port = Cluster.FreePort();
        env["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var folder = PortalFolder();
        return StartAsync(name, [Path.Combine(folder, "MigrantCover.Web.dll")], folder, env, port, Path.Combine(logDir, $"{name}.log"));
    }

    public static Task<AppProcess> StartBaselineAsync(string connectionString, string logDir)
    {
        var port = Cluster.FreePort();
        return StartAsync(
            "baseline",
            [typeof(AppProcess).Assembly.Location, "baseline", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--postgres", connectionString],
            AppContext.BaseDirectory,
            new Dictionary<string, string>(),
            port,
            Path.Combine(logDir, "baseline.log"));
    }

    /// <summary>The portal's own `create-admin` command: an admin passes every officer policy.</summary>
    public static async Task CreateAdminAsync(string connectionString, string email, string password)
    {
        var folder = PortalFolder();
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(folder, "MigrantCover.Web.dll"), "create-admin", "--email", email, "--name", "Bench Officer" })
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in PortalSettings)
        {
            psi.Environment[k] = v;
        }

        psi.Environment["ConnectionStrings__Postgres"] = connectionString;
        psi.Environment["MIGRANTCOVER_ADMIN_PASSWORD"] = password;
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"create-admin failed ({p.ExitCode}): {await error} {await output}");
        }
    }

    private static async Task<AppProcess> StartAsync(string name, string[] args, string workingDirectory, Dictionary<string, string> env, int port, string logPath)
    {
        // exec: the shell becomes the app, so the process id is the app's and its output goes to the file.
        var psi = new ProcessStartInfo("/bin/sh") { WorkingDirectory = workingDirectory };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("exec \"$0\" \"$@\" >\"$MC_BENCH_LOG\" 2>&1");
        psi.ArgumentList.Add("dotnet");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env)
        {
            psi.Environment[k] = v;
        }

        psi.Environment["MC_BENCH_LOG"] = logPath;
        var app = new AppProcess(name, Process.Start(psi)!, new Uri($"http://127.0.0.1:{port}"), logPath);
        using var http = new HttpClient { BaseAddress = app.Address, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (app._process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited ({app._process.ExitCode}) while starting: {Tail(logPath)}");
            }

            try
            {
                using var response = await http.GetAsync("/health/live");
                if (response.IsSuccessStatusCode)
                {
                    Console.WriteLine($"{name} started in {started.Elapsed.TotalSeconds:0.0} s on {app.Address} (pid {app.Pid})");
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (started.Elapsed > TimeSpan.FromSeconds(120))
            {
                await app.DisposeAsync();
                throw new TimeoutException($"{name} did not answer /health/live within 120 s: {Tail(logPath)}");
            }

            await Task.Delay(200);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first: the app shuts down as in a deployment; killed if it takes too long.
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    /// <summary>
    /// The errors the app logged after <paramref name="fromByte"/> of its log (Serilog's compact JSON lines
    /// at Error or Fatal), by exception (first line and innermost cause) or message, most frequent first.
    /// </summary>
    public IReadOnlyList<(int Count, string What)> LoggedErrors(long fromByte)
    {
        if (!File.Exists(LogPath))
        {
            return [];
        }

        var errors = new Dictionary<string, int>();
        using var stream = File.OpenRead(LogPath);
        stream.Seek(Math.Min(fromByte, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (!line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) && !line.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(line);
                string what;
                if (json.RootElement.TryGetProperty("@x", out var x))
                {
                    var lines = x.GetString()!.Split('\n');
                    var cause = lines.LastOrDefault(l => l.Contains("---> ", StringComparison.Ordinal));
                    what = lines[0].Trim() + (cause is null ? "" : " ← " + cause[(cause.IndexOf("---> ", StringComparison.Ordinal) + 5)..].Trim());
                }
                else
                {
                    what = json.RootElement.TryGetProperty("@m", out var m) ? m.GetString()! : "?";
                }

                // One line; ids and durations out, so that the same error counts as one.
                what = Regex.Replace(string.Join(' ', what.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)), "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
                what = Regex.Replace(what, "\"[0-9,.]+\"ms", "\"…\"ms");
                what = what.Length > 240 ? what[..237] + "..." : what;
                errors[what] = errors.GetValueOrDefault(what) + 1;
            }
            catch (JsonException)
            {
            }
        }

        return [.. errors.OrderByDescending(e => e.Value).Select(e => (e.Value, e.Key))];
    }

    private static string Tail(string path) => File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(15)) : "(no output)";
}

/// <summary>What a client of the portal needs: a bearer token (officer API) and an antiforgery pair (lookup page).</summary>
public static partial class Credentials
{
    public const string Password = "Bench#Officer2026";

    public static async Task<string> TokenAsync(HttpClient http, Uri portal, string email)
    {
        using var response = await http.PostAsJsonAsync(new Uri(portal, "/api/v1/auth/token"), new { email, password = Password });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>GET /Coverage: the antiforgery cookie ("name=value") and the form's hidden token.</summary>
    public static async Task<(string Cookie, string Token)> AntiforgeryAsync(HttpClient http, Uri portal)
    {
        using var response = await http.GetAsync(new Uri(portal, "/Coverage"));
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).First(v => v.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal))
            : throw new InvalidOperationException("GET /Coverage set no antiforgery cookie.");
        var token = TokenPattern().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value;
        return (cookie, WebUtility.HtmlDecode(token));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
