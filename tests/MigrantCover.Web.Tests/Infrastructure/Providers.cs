using System.Data.Common;
using Npgsql;

namespace MigrantCover.Web.Tests.Infrastructure;

/// <summary>A fresh SQLite file per test class.</summary>
public class SqliteAppFactory : AppFactory
{
    private readonly string _file;

    public SqliteAppFactory()
        : this(Path.Combine(Path.GetTempPath(), $"mc-test-{Guid.NewGuid():N}.db"))
    {
    }

    private SqliteAppFactory(string file) => _file = file;

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={_file}";

    protected override DbConnection NewConnection() => new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);

    protected override AppFactory NewSibling() => new SqliteAppFactory(_file) { SharesDatabase = true };

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
        : this($"mc_test_{Guid.NewGuid():N}")
    {
    }

    private PostgresAppFactory(string database) => _database = database;

    public override string Provider => "Postgres";

    protected override AppFactory NewSibling() => new PostgresAppFactory(_database) { SharesDatabase = true };

    public override bool Available => !string.IsNullOrWhiteSpace(ServerConnectionString) || Required;

    public static bool Required => Environment.GetEnvironmentVariable("MIGRANTCOVER_REQUIRE_POSTGRES") == "1";

    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString ?? "") { Database = _database, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    protected override DbConnection NewConnection() => new NpgsqlConnection(ConnectionString);

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
public sealed class SqliteAppFactory<TSetup> : SqliteAppFactory
    where TSetup : IAppSetup, new()
{
    public SqliteAppFactory() => AppSetup = Setup;

    public TSetup Setup { get; } = new();
}

/// <summary>A fresh PostgreSQL database per test class, the app set up by <typeparamref name="TSetup"/>.</summary>
public sealed class PostgresAppFactory<TSetup> : PostgresAppFactory
    where TSetup : IAppSetup, new()
{
    public PostgresAppFactory() => AppSetup = Setup;

    public TSetup Setup { get; } = new();
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
