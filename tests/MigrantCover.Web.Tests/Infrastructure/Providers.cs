using Npgsql;

namespace MigrantCover.Web.Tests.Infrastructure;

/// <summary>A fresh SQLite file per test class.</summary>
public class SqliteAppFactory : AppFactory
{
    private readonly string _file;

    public SqliteAppFactory()
        : this(NewFile(), null)
    {
    }

    protected SqliteAppFactory(IAppSetup setup)
        : this(NewFile(), setup)
    {
    }

    private SqliteAppFactory(string file, IAppSetup? setup)
        : base(setup) => _file = file;

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={_file}";

    protected override AppFactory NewSibling() => new SqliteAppFactory(_file, null) { SharesDatabase = true };

    private static string NewFile() => Path.Combine(Path.GetTempPath(), $"mc-test-{Guid.NewGuid():N}.db");

    protected override Task DropDatabaseAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(f);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A fresh PostgreSQL database per test class, on the server named by MIGRANTCOVER_TEST_POSTGRES.
/// Without that variable the tests of the class are skipped, unless MIGRANTCOVER_REQUIRE_POSTGRES=1
/// (as in CI), where a missing server fails them.
/// </summary>
public class PostgresAppFactory : AppFactory
{
    public static readonly string? ServerConnectionString = Environment.GetEnvironmentVariable("MIGRANTCOVER_TEST_POSTGRES");

    private readonly string _database;

    public PostgresAppFactory()
        : this(NewName(), null)
    {
    }

    protected PostgresAppFactory(IAppSetup setup)
        : this(NewName(), setup)
    {
    }

    private PostgresAppFactory(string database, IAppSetup? setup)
        : base(setup) => _database = database;

    public override string Provider => "Postgres";

    protected override AppFactory NewSibling() => new PostgresAppFactory(_database, null) { SharesDatabase = true };

    public override bool Available => !string.IsNullOrWhiteSpace(ServerConnectionString) || Required;

    public static bool Required => Environment.GetEnvironmentVariable("MIGRANTCOVER_REQUIRE_POSTGRES") == "1";

    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString ?? "") { Database = _database, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    protected override async Task PrepareDatabaseAsync()
    {
        if (string.IsNullOrWhiteSpace(ServerConnectionString))
        {
            throw new InvalidOperationException("MIGRANTCOVER_REQUIRE_POSTGRES=1 but MIGRANTCOVER_TEST_POSTGRES is not set: the PostgreSQL suite cannot run.");
        }

        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string NewName() => $"mc_test_{Guid.NewGuid():N}";

    protected override async Task DropDatabaseAsync()
    {
        if (string.IsNullOrWhiteSpace(ServerConnectionString))
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>A fresh SQLite file per test class, the app set up by <typeparamref name="TSetup"/>.</summary>
public sealed class SqliteAppFactory<TSetup>() : SqliteAppFactory(new TSetup())
    where TSetup : IAppSetup, new()
{
    public TSetup Setup => (TSetup)AppSetup!;
}

/// <summary>A fresh PostgreSQL database per test class, the app set up by <typeparamref name="TSetup"/>.</summary>
public sealed class PostgresAppFactory<TSetup>() : PostgresAppFactory(new TSetup())
    where TSetup : IAppSetup, new()
{
    public TSetup Setup => (TSetup)AppSetup!;
}

/// <summary>Base of every test class that runs on both providers: skips when the provider is absent.</summary>
public abstract class ProviderTests
{
    protected ProviderTests(AppFactory factory)
    {
        Factory = factory;
        if (!factory.Available)
        {
            Assert.Skip("PostgreSQL suite: set MIGRANTCOVER_TEST_POSTGRES to a connection string to run it.");
        }
    }

    protected AppFactory Factory { get; }
}
