namespace MigrantCover.Web.Tests.Coverage;

/// <summary>
/// The lookup log is written off the request path (issue 12, acceptance 3): rows queued when the app stops
/// are written before it ends. The batches here wait ten minutes, so every row is still queued when the
/// host stops, and the count is taken after the host has stopped, before the database is dropped.
/// A test host is stopped twice at once (by the factory, and by the app's own <c>Run()</c> once the
/// lifetime says "stopping", which then disposes the services): both must wait for the same drain. The
/// second test holds the log table's write lock while the host stops, so the drain is slow and a stop that
/// did not wait for it would be seen.
/// </summary>
public abstract class LookupLogDrainTests
{
    private const int Lookups = 25;

    protected abstract IDrainFactory NewFactory();

    [Fact]
    public async Task StoppingTheHostWritesEveryQueuedLookupRow()
    {
        var factory = await StartedAsync();
        await QueueLookupsAsync(factory);

        await factory.App.DisposeAsync();
        Assert.Equal(Lookups, factory.RowsAfterStop);
        AssertNoLogError(factory);
    }

    [Fact]
    public async Task StoppingTheHostWaitsForASlowDrain()
    {
        var factory = await StartedAsync();
        await QueueLookupsAsync(factory);

        var tableLock = await CoverageArrange.LockLogTableAsync(factory.App);
        Task stopping;
        try
        {
            stopping = factory.App.DisposeAsync().AsTask();

            // Not a timing assertion: the lock is held a moment while the host stops, then released.
            await Task.WhenAny(stopping, Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken));
            Assert.False(stopping.IsCompleted, "the host finished stopping while its lookup log rows could not be written yet");
        }
        finally
        {
            await tableLock.DisposeAsync();
        }

        await stopping;
        Assert.Equal(Lookups, factory.RowsAfterStop);
        AssertNoLogError(factory);
    }

    private async Task<IDrainFactory> StartedAsync()
    {
        var factory = NewFactory();
        if (!factory.App.Available)
        {
            Assert.Skip("PostgreSQL suite: set MIGRANTCOVER_TEST_POSTGRES to a connection string to run it.");
        }

        await factory.App.InitializeAsync();
        return factory;
    }

    private static async Task QueueLookupsAsync(IDrainFactory factory)
    {
        var worker = await CoverageArrange.WorkerAsync(factory.App, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        var clients = Enumerable.Range(0, Lookups).Select(_ => CoverageArrange.Client(factory.App)).ToList();
        var answers = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));

        // Answered, and not yet written: the batch is still gathering.
        Assert.Equal(0, await factory.App.WithDbAsync(db => db.CoverageLookups.CountAsync()));
        clients.ForEach(c => c.Dispose());
    }

    private static void AssertNoLogError(IDrainFactory factory) =>
        Assert.DoesNotContain(factory.App.LogLines, l => l.Contains("Lookup log:", StringComparison.Ordinal));

    /// <summary>A factory of the provider with the <see cref="DrainHost"/> setup, a new one per test (each test stops its host).</summary>
    protected sealed record Drain(AppFactory App, DrainHost Setup) : IDrainFactory
    {
        public int RowsAfterStop => Setup.RowsAfterStop;
    }
}

public interface IDrainFactory
{
    AppFactory App { get; }

    int RowsAfterStop { get; }
}

/// <summary>
/// The drain tests' app: the coverage settings with batches that wait ten minutes, and the lookup log rows
/// counted once the host has stopped, before its database is dropped.
/// </summary>
public sealed class DrainHost : IAppSetup
{
    public int RowsAfterStop { get; private set; } = -1;

    public void Configure(AppFactory factory) => CoverageArrange.Configure(factory).With("Coverage:LogFlushMilliseconds", "600000");

    public async Task StoppedAsync(AppFactory factory)
    {
        await using var connection = await factory.OpenConnectionAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM coverage_lookups";
        RowsAfterStop = Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

public sealed class LookupLogDrainTestsOnSqlite : LookupLogDrainTests
{
    protected override IDrainFactory NewFactory()
    {
        var factory = new SqliteAppFactory<DrainHost>();
        return new Drain(factory, factory.Setup);
    }
}

public sealed class LookupLogDrainTestsOnPostgres : LookupLogDrainTests
{
    protected override IDrainFactory NewFactory()
    {
        var factory = new PostgresAppFactory<DrainHost>();
        return new Drain(factory, factory.Setup);
    }
}
