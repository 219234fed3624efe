using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace MigrantCover.Browser.Tests;

/// <summary>
/// Issue 15: the published build (`dotnet publish -c Release`, with its precompressed brotli and gzip
/// assets) run as it is deployed: its own process, Production, SQLite in a temporary folder, plain HTTP on
/// a loopback port. One test, because publishing takes a while.
/// </summary>
public sealed class PublishedBuildTests
{
    // What Chromium sends over HTTPS (on plain HTTP it leaves out br and zstd): the deployed portal is behind TLS.
    private const string BrowserAcceptEncoding = "gzip, deflate, br, zstd";

    public PublishedBuildTests()
    {
        if (!BrowserApp.Available)
        {
            if (BrowserApp.Required)
            {
                throw new InvalidOperationException($"MIGRANTCOVER_REQUIRE_BROWSER=1 but {BrowserApp.ChromiumPath} is missing: install Debian's chromium package.");
            }

            Assert.Skip($"The published-build test needs Chromium at {BrowserApp.ChromiumPath} (apt-get install chromium).");
        }
    }

    /// <summary>
    /// The first visit of /Coverage on a phone, served by the published build, transfers under 60 KB
    /// (headers and compressed bodies of every response), and its CSS and scripts come compressed.
    /// </summary>
    [Fact]
    public async Task FirstVisitOfTheCoveragePageInAPublishedBuildTransfersUnder60Kilobytes()
    {
        await using var portal = await PublishedPortal.StartAsync(TestContext.Current.CancellationToken);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserApp.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = portal.BaseUrl,
            Locale = "id-ID",
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            DeviceScaleFactor = 2,
            IsMobile = true,
            HasTouch = true,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Encoding"] = BrowserAcceptEncoding },
        });
        var page = await context.NewPageAsync();

        var visit = await FirstVisit.MeasureAsync(page, "/Coverage");
        TestContext.Current.TestOutputHelper?.WriteLine($"First visit of /Coverage (published build): {visit}");
        Directory.CreateDirectory(BrowserApp.ScreenshotFolder);
        File.WriteAllText(Path.Combine(BrowserApp.ScreenshotFolder, "coverage-first-visit-published.txt"), visit.ToString());

        Assert.Contains(visit.Responses, r => r.Path.StartsWith("/Coverage", StringComparison.Ordinal));
        var assets = visit.Responses.Where(r => IsStaticAsset(r.Path)).ToList();
        Assert.Contains(assets, r => r.Path.Contains("bootstrap", StringComparison.Ordinal));
        var uncompressed = assets.Where(r => r.ContentEncoding is not ("br" or "gzip")).ToList();
        Assert.True(uncompressed.Count == 0, $"Static assets served without br or gzip: {string.Join(", ", uncompressed.Select(r => r.Path))}\n{visit}");
        Assert.True(visit.TotalBytes < 60 * 1024, $"The first visit of the published build transfers {visit}");
    }

    private static bool IsStaticAsset(string path)
    {
        var file = path.Split('?')[0];
        return file.EndsWith(".css", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".js", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The portal published into a temporary folder and started from there with `dotnet MigrantCover.Web.dll`.
    /// Disposing kills the process and deletes the folder (the publish output and the SQLite database).
    /// </summary>
    private sealed class PublishedPortal : IAsyncDisposable
    {
        private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(5);
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

        private readonly string _root = Path.Combine(Path.GetTempPath(), $"mc-published-{Guid.NewGuid():N}");
        private readonly StringBuilder _log = new();
        private Process? _process;

        public string BaseUrl { get; private set; } = "";

        public static async Task<PublishedPortal> StartAsync(CancellationToken cancellationToken)
        {
            var portal = new PublishedPortal();
            try
            {
                await portal.PublishAndStartAsync(cancellationToken);
                return portal;
            }
            catch
            {
                await portal.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_process is not null)
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }

                _process.Dispose();
            }

            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }

        private async Task PublishAndStartAsync(CancellationToken cancellationToken)
        {
            var app = Path.Combine(_root, "app");
            var data = Path.Combine(_root, "data");
            Directory.CreateDirectory(data);
            var repository = BrowserApp.RepositoryRoot();

            // The solution is restored (this test project references the portal), so the publish only builds.
            var publish = new ProcessStartInfo("dotnet") { WorkingDirectory = repository };
            foreach (var a in new[] { "publish", Path.Combine("src", "MigrantCover.Web"), "-c", "Release", "-o", app, "--no-restore", "-nologo" })
            {
                publish.ArgumentList.Add(a);
            }

            var (exitCode, output) = await RunAsync(publish, PublishTimeout, cancellationToken);
            if (exitCode != 0 || !File.Exists(Path.Combine(app, "MigrantCover.Web.dll")))
            {
                throw new InvalidOperationException($"dotnet publish src/MigrantCover.Web -c Release failed ({(exitCode is { } c ? $"exit code {c}" : $"no exit within {PublishTimeout.TotalMinutes} minutes")}):\n{output}");
            }

            var port = FreeLoopbackPort();
            BaseUrl = $"http://127.0.0.1:{port}";
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = app, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(app, "MigrantCover.Web.dll"));
            WithoutBuildEnvironment(start);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["DOTNET_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = BaseUrl;
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(data, "migrantcover.db")}";
            start.Environment["Https__Redirect"] = "false";
            start.Environment["Coverage__HashKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            _process = new Process { StartInfo = start };
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();

            using var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(5) };
            var waited = Stopwatch.StartNew();
            while (true)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException($"The published portal exited with code {_process.ExitCode} before /health/live answered:\n{Log()}");
                }

                try
                {
                    using var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative), cancellationToken);
                    if (live.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // That request timed out; try again.
                }

                if (waited.Elapsed > StartTimeout)
                {
                    throw new InvalidOperationException($"The published portal did not answer /health/live at {BaseUrl} within {StartTimeout.TotalSeconds} s:\n{Log()}");
                }

                await Task.Delay(250, cancellationToken);
            }
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_log)
            {
                _log.AppendLine(line);
            }
        }

        private string Log()
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }

        /// <summary>Runs a command to its end, or kills it after <paramref name="timeout"/> (exit code null); returns its output and errors.</summary>
        private static async Task<(int? ExitCode, string Output)> RunAsync(ProcessStartInfo psi, TimeSpan timeout, CancellationToken cancellationToken)
        {
            psi.RedirectStandardOutput = true;
            psi.RedirectStandardError = true;
            WithoutBuildEnvironment(psi);
            using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {psi.FileName}.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(timer.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                return (null, await output + await error);
            }

            return (process.ExitCode, await output + await error);
        }

        /// <summary>The test host runs under `dotnet test`: its MSBuild variables must not leak into the child's build or run.</summary>
        private static void WithoutBuildEnvironment(ProcessStartInfo psi)
        {
            foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                psi.Environment.Remove(key);
            }
        }

        private static int FreeLoopbackPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
