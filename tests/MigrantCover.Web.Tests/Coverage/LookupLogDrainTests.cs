using Npgsql;

namespace MigrantCover.Web.Tests.Coverage;

/// <summary>
/// The lookup log is written off the request path (issue 12, acceptance 3): rows queued when the app stops
/// are written before it ends. The batches here wait ten minutes, so every row is still queued when the
/// host stops, and the count is taken after the host has stopped, before the database is dropped.
/// </summary>
public abstract class LookupLogDrainTests
{
    protected abstract IDrainFactory NewFactory();

    [Fact]
    public async Task StoppingTheHostWritesEveryQueuedLookupRow()
    {
        var factory = NewFactory();
        if (!factory.App.Available)
        {
            Assert.Skip("PostgreSQL suite: set MIGRANTCOVER_TEST_POSTGRES to a connection string to run it.");
        }

        await factory.App.InitializeAsync();
        var worker = await CoverageArrange.WorkerAsync(factory.App, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        var clients = Enumerable.Range(0, 25).Select(_ => CoverageArrange.Client(factory.App)).ToList();
        var answers = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        // Answered, and not yet written: the batch is still gathering.
        Assert.Equal(0, await factory.App.WithDbAsync(db => db.CoverageLookups.CountAsync()));
        clients.ForEach(c => c.Dispose());

        await factory.App.DisposeAsync();
        Assert.Equal(25, factory.RowsAfterStop);
    }
}

public interface IDrainFactory
{
    AppFactory App { get; }

    int RowsAfterStop { get; }
}

public sealed class LookupLogDrainTestsOnSqlite : LookupLogDrainTests
{
    protected override IDrainFactory NewFactory() => new Factory();

    private sealed class Factory : SqliteAppFactory, IDrainFactory
    {
        public Factory() => CoverageArrange.Configure(this).With("Coverage:LogFlushMilliseconds", "600000");

        public AppFactory App => this;

        public int RowsAfterStop { get; private set; } = -1;

        protected override async Task DropDatabaseAsync()
        {
            await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString))
            {
                await connection.OpenAsync();
                await using var count = connection.CreateCommand();
                count.CommandText = "SELECT count(*) FROM coverage_lookups";
                RowsAfterStop = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
            }

            await base.DropDatabaseAsync();
        }
    }
}

public sealed class LookupLogDrainTestsOnPostgres : LookupLogDrainTests
{
    protected override IDrainFactory NewFactory() => new Factory();

    private sealed class Factory : PostgresAppFactory, IDrainFactory
    {
        public Factory() => CoverageArrange.Configure(this).With("Coverage:LogFlushMilliseconds", "600000");

        public AppFactory App => this;

        public int RowsAfterStop { get; private set; } = -1;

        protected override async Task DropDatabaseAsync()
        {
            await using (var connection = new NpgsqlConnection(ConnectionString))
            {
                await connection.OpenAsync();
                await using var count = new NpgsqlCommand("SELECT count(*)::int FROM coverage_lookups", connection);
                RowsAfterStop = (int)(await count.ExecuteScalarAsync())!;
            }

            await base.DropDatabaseAsync();
        }
    }
}
