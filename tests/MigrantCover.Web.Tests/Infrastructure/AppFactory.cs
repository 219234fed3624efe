using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace MigrantCover.Web.Tests.Infrastructure;

/// <summary>
/// The real app over real HTTP middleware, on a real database of its own (one per test class),
/// schema from the migrations, with a fixed clock and every log line captured.
/// </summary>
public abstract class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>"Today" for the app under test, unless a test moves the clock.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 1, 3, 0, 0, TimeSpan.Zero);

    public const string OfficerEmail = DemoAccounts.OfficerEmail;
    public const string OfficerPassword = DemoAccounts.OfficerPassword;
    public const string AdminEmail = DemoAccounts.AdminEmail;
    public const string AdminPassword = DemoAccounts.AdminPassword;

    /// <summary>The test officer's office (the sample worker's regency, Banyumas); the admin has none.</summary>
    public const string OfficerOffice = "LTSA-BANYUMAS";

    private readonly Dictionary<string, string?> _settings = [];
    private readonly IAppSetup? _setup;

    public FakeTimeProvider Clock { get; } = new(DefaultNow);

    public ConcurrentQueue<string> LogLines { get; } = new();

    public abstract string Provider { get; }

    /// <summary>What the test classes add to the app (settings, services), set as the factory is built: its settings come before the test's own.</summary>
    protected IAppSetup? AppSetup
    {
        get => _setup;
        init
        {
            _setup = value;
            value?.Configure(this);
        }
    }

    /// <summary>False when the provider's server is not configured (the tests of the class then skip).</summary>
    public virtual bool Available => true;

    public abstract string ConnectionString { get; }

    /// <summary>
    /// True for a second instance of the app on another factory's database (<see cref="Sibling"/>): it
    /// neither creates, seeds nor drops that database, which stays the first factory's.
    /// </summary>
    public bool SharesDatabase { get; protected init; }

    /// <summary>Another instance of the app on this factory's database, as a second portal node would be.</summary>
    public AppFactory Sibling()
    {
        var sibling = NewSibling();
        AppSetup?.ConfigureSibling(sibling);
        return sibling;
    }

    /// <summary>Extra configuration, set before the first client is created.</summary>
    public AppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public virtual async ValueTask InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        if (SharesDatabase)
        {
            _ = Services;
            return;
        }

        await PrepareDatabaseAsync();

        // Starting the host applies the migrations.
        _ = Services;
        await using var scope = Services.CreateAsyncScope();
        await StaffAccounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        await OfficeCatalog.SeedAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), Clock);
        await StaffAccounts.CreateAsync(users, Clock, OfficerEmail, "Petugas Uji", OfficerPassword, Roles.Officer, OfficerOffice);
        await StaffAccounts.CreateAsync(users, Clock, AdminEmail, "Admin Uji", AdminPassword, Roles.Admin);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!SharesDatabase)
        {
            if (AppSetup is { } setup)
            {
                await setup.StoppedAsync(this);
            }

            await DropDatabaseAsync();
        }

        (AppSetup as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>An open connection to this factory's database with the provider's own client, outside the app's DbContext.</summary>
    public async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = NewConnection();
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection of the provider's own client to this factory's database, not yet open.</summary>
    protected virtual DbConnection NewConnection() => throw new NotSupportedException($"{GetType().Name} opens no connections of its own.");

    /// <summary>A factory of the same provider on this factory's database (<see cref="SharesDatabase"/>), without the setup.</summary>
    protected virtual AppFactory NewSibling() => throw new NotSupportedException($"{GetType().Name} has no siblings.");

    protected virtual Task PrepareDatabaseAsync() => Task.CompletedTask;

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            [$"ConnectionStrings:{Provider}"] = ConnectionString,
            ["Database:MigrationAttempts"] = "1",
            ["Https:Redirect"] = "false",

            // Every test client signs in from the same (unknown) address: the sign-in limit per address is
            // tested by classes that choose their addresses (Surface/StaffSignInTests).
            ["Auth:PerClientPerMinute"] = "100000",

            // No scheduler running in every test host: the background-job tests start instances that run
            // jobs (With("Jobs:Enabled", "true")); the others only schedule, as a request-only instance does.
            ["Jobs:Enabled"] = "false",
        };
        foreach (var (k, v) in _settings)
        {
            settings[k] = v;
        }

        // UseSetting, not ConfigureAppConfiguration: Program reads these while registering services.
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CaptureLoggerProvider(LogLines)));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
        AppSetup?.ConfigureHost(builder);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see them.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs work against the app's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Saves new records (workers, payments, ...) through AppDbContext, audit and tallies included.</summary>
    public Task AddAsync(params object[] records) =>
        WithDbAsync(async db =>
        {
            db.AddRange(records);
            await db.SaveChangesAsync();
        });

    public Task WithDbAsync(Func<AppDbContext, Task> work) =>
        WithDbAsync(async db =>
        {
            await work(db);
            return true;
        });

    private sealed class CaptureLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CaptureLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class CaptureLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The rendered message and every structured property, so nothing slips through.
            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            if (state is IEnumerable<KeyValuePair<string, object?>> props)
            {
                line += " | " + string.Join("; ", props.Select(p => $"{p.Key}={p.Value}"));
            }

            lines.Enqueue(line + (exception is null ? "" : " | " + exception));
        }
    }
}
