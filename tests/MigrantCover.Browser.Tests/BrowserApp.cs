using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using MigrantCover.Web.Data.Entities;
using MigrantCover.Web.Demo;

namespace MigrantCover.Browser.Tests;

/// <summary>
/// The real portal on a loopback port with a fresh SQLite database, and Debian's Chromium driven by
/// Playwright. Without Chromium the journeys are skipped, unless MIGRANTCOVER_REQUIRE_BROWSER=1 (CI).
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string _database = Path.Combine(Path.GetTempPath(), $"mc-browser-{Guid.NewGuid():N}.db");
    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public static bool Available => File.Exists(ChromiumPath);

    /// <summary>Today in Indonesia's western time (UTC+7) by the app's clock, as the date fields take it.</summary>
    public string Today => DateOnly.FromDateTime(Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(7)).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static bool Required => Environment.GetEnvironmentVariable("MIGRANTCOVER_REQUIRE_BROWSER") == "1";

    /// <summary>Where the steps' screenshots go (and, with MIGRANTCOVER_UPDATE_SCREENSHOTS=1, the chosen ones into docs/screenshots).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!Available)
        {
            if (Required)
            {
                throw new InvalidOperationException($"MIGRANTCOVER_REQUIRE_BROWSER=1 but {ChromiumPath} is missing: install Debian's chromium package.");
            }

            return;
        }

        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);

        await using (var scope = Services.CreateAsyncScope())
        {
            await StaffAccounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await OfficeCatalog.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock);
            await StaffAccounts.CreateAsync(users, clock, DemoAccounts.OfficerEmail, "Petugas Demo", DemoAccounts.OfficerPassword, Roles.Officer, OfficeCatalog.DemoOfficerOffice);
            await StaffAccounts.CreateAsync(users, clock, DemoAccounts.AdminEmail, "Admin Demo", DemoAccounts.AdminPassword, Roles.Admin);
        }

        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-dev-shm-usage"],
        });
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_database}");
        builder.UseSetting("Https:Redirect", "false");
    }

    /// <summary>A fresh browser context: desktop by default, or a phone-sized one.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, string locale = "id-ID")
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            DeviceScaleFactor = phone ? 2 : 1,
            IsMobile = phone,
            HasTouch = phone,
            BypassCSP = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page screenshot of the step; with MIGRANTCOVER_UPDATE_SCREENSHOTS=1 also into docs/screenshots.</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool forDocs = false)
    {
        var file = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        if (forDocs && Environment.GetEnvironmentVariable("MIGRANTCOVER_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(RepositoryRoot(), "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(file, Path.Combine(docs, name + ".png"), overwrite: true);
        }
    }

    /// <summary>Runs axe-core on the page and returns the serious and critical violations as text.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js") });
        var json = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))");
        return [.. json.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()} at {string.Join(", ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))}")];
    }

    /// <summary>The checkout's root: the folder above the test output that holds MigrantCover.sln.</summary>
    internal static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MigrantCover.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MigrantCover.sln not found above the test output.");
    }
}

/// <summary>Base of the journeys: skips when Chromium is absent (outside CI).</summary>
public abstract class JourneyTests
{
    protected JourneyTests(BrowserApp app)
    {
        App = app;
        if (app.Browser is null)
        {
            Assert.Skip($"Browser journeys need Chromium at {BrowserApp.ChromiumPath} (apt-get install chromium).");
        }
    }

    protected BrowserApp App { get; }
}
