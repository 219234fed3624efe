using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace MigrantCover.Resilience.Tests;

/// <summary>
/// The real portal in-process (as the web tests' AppFactory runs it: real middleware, real database), on a
/// database of its own in the tests' throwaway cluster, with the clock of the web tests and an officer
/// account. One per test class; the cluster is the class's too, so a test may restart it.
/// </summary>
public sealed class ResilienceApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OfficerEmail = "petugas@resilience.test";
    public const string OfficerPassword = "Petugas#2026-uji";

    private static int _serial;

    public PostgresCluster Cluster { get; private set; } = null!;

    public string Database { get; } = "mc_resilience";

    /// <summary>Every warning and error the app logged (with its exception), for the assertions' messages.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> LogLines { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero));

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Cluster.ServerConnectionString)
    {
        Database = Database,
        Pooling = true,
        MaxPoolSize = 40,
        Timeout = 5,
    }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        Cluster = await PostgresCluster.StartAsync();
        await using (var conn = await Cluster.OpenAsync())
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Database}", conn);
            await create.ExecuteNonQueryAsync();
        }

        // Starting the host applies the migrations.
        _ = Services;
        await using var scope = Services.CreateAsyncScope();
        await StaffAccounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var errors = await StaffAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), Clock, OfficerEmail, "Petugas Uji", OfficerPassword, Roles.Officer);
        Assert.Empty(errors);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = ConnectionString,
            ["Database:MigrationAttempts"] = "1",
            ["Https:Redirect"] = "false",
            ["Jobs:Enabled"] = "false",
        })
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(new CaptureLoggerProvider(LogLines)));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A client with an officer's bearer token.</summary>
    public async Task<HttpClient> OfficerAsync()
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = OfficerEmail, password = OfficerPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Registered candidates (the sample worker with a NIK of their own each), saved through AppDbContext.</summary>
    public async Task<List<Guid>> WorkersAsync(int count)
    {
        var workers = Enumerable.Range(0, count).Select(_ =>
        {
            var serial = Interlocked.Increment(ref _serial);
            var facts = SampleWorker.Facts with { Nik = $"330222490795{serial:0000}", Email = $"siti{serial}@example.id" };
            var worker = new Worker { Id = Guid.CreateVersion7(), Stage = Stage.Candidate };
            RegisterWorker.Apply(facts, worker, facts.RegisteredOn!.Value);
            return worker;
        }).ToList();
        await WithDbAsync(async db =>
        {
            db.Workers.AddRange(workers);
            await db.SaveChangesAsync();
        });
        return [.. workers.Select(w => w.Id)];
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    /// <summary>The placement contribution of the sample worker (R-TAR: 24 months, paid in January 2026), with a reference of its own.</summary>
    public static object Placement(string reference) => new { kind = "placement", amount = 332_500, paidOn = "2026-01-20", reference };

    private sealed class CaptureLoggerProvider(System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CaptureLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class CaptureLogger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}" + (exception is null ? "" : " | " + exception.GetType().Name + ": " + exception.Message));
            }
        }
    }
}
