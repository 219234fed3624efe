using MigrantCover.Web.Commands;

namespace MigrantCover.Web.Tests;

/// <summary>Operations: readiness without a database, concurrent start-ups, the create-admin command.</summary>
public class ReadinessWithoutDatabaseTests : IAsyncLifetime
{
    private readonly UnreachableFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task ReadyAnswers503AndLiveAnswers200WhenTheDatabaseIsUnreachable()
    {
        var client = _factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
    }

    /// <summary>PostgreSQL configured on a port where nothing listens.</summary>
    private sealed class UnreachableFactory : AppFactory
    {
        public override string Provider => "Postgres";

        public override string ConnectionString => "Host=127.0.0.1;Port=9;Database=nothing;Username=nobody;Timeout=2";
    }
}

public abstract class ConcurrentStartTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    public async Task TwoInstancesStartingAtOnceOnAnEmptyDatabaseMigrateItOnce()
    {
        await using var first = Twin();
        await using var second = Twin();
        await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

        Assert.Equal(HttpStatusCode.OK, (await first.CreateClient().GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.CreateClient().GetAsync("/health/ready")).StatusCode);
        var applied = await first.WithDbAsync(async db => (await db.Database.GetAppliedMigrationsAsync()).ToList());
        Assert.Equal(applied.Distinct(), applied);
        Assert.Equal((await first.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().ToList()))).Count, applied.Count);
    }

    [Fact]
    public async Task CreateAdminMakesAnAccountThatCanSignIn()
    {
        var email = $"first-admin-{Guid.NewGuid():N}@bpjs.example.id";
        Environment.SetEnvironmentVariable("MIGRANTCOVER_ADMIN_PASSWORD", "FirstAdmin#2026");
        try
        {
            Assert.Equal(0, await CreateAdminCommand.RunAsync(Factory.Services, ["--email", email, "--name", "Admin Pertama"]));
        }
        finally
        {
            Environment.SetEnvironmentVariable("MIGRANTCOVER_ADMIN_PASSWORD", null);
        }

        var client = Factory.CreateBrowserClient();
        await client.SignInAsync(email, "FirstAdmin#2026");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin")).StatusCode);
    }

    /// <summary>A new instance on a fresh, empty database of the same provider.</summary>
    protected abstract AppFactory Twin();
}

public sealed class ConcurrentStartTestsOnSqlite(SqliteAppFactory f) : ConcurrentStartTests(f), IClassFixture<SqliteAppFactory>
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"mc-twin-{Guid.NewGuid():N}.db");

    protected override AppFactory Twin() => new FixedSqlite($"Data Source={_file}");

    private sealed class FixedSqlite(string cs) : SqliteAppFactory
    {
        public override string ConnectionString => cs;
    }
}

public sealed class ConcurrentStartTestsOnPostgres(PostgresAppFactory f) : ConcurrentStartTests(f), IClassFixture<PostgresAppFactory>
{
    private readonly string _database = $"mc_twin_{Guid.NewGuid():N}";
    private bool _created;

    protected override AppFactory Twin()
    {
        if (!_created)
        {
            using var conn = new Npgsql.NpgsqlConnection(PostgresAppFactory.ServerConnectionString);
            conn.Open();
            using var cmd = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn);
            cmd.ExecuteNonQuery();
            _created = true;
        }

        var cs = new Npgsql.NpgsqlConnectionStringBuilder(PostgresAppFactory.ServerConnectionString) { Database = _database }.ConnectionString;
        return new FixedPostgres(cs);
    }

    private sealed class FixedPostgres(string cs) : PostgresAppFactory
    {
        public override string ConnectionString => cs;

        protected override Task PrepareDatabaseAsync() => Task.CompletedTask;
    }
}
