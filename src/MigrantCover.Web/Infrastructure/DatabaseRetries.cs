using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace MigrantCover.Web.Infrastructure;

/// <summary>
/// PostgreSQL's retrying execution strategy (docs/decisions/0011-database-retries-and-503.md): a query or
/// save that fails because the server went away or restarted is run again on a fresh connection, after
/// the dead pooled connections are cleared. Writes are retried as whole units
/// (<c>Database.CreateExecutionStrategy().ExecuteAsync</c>, see AppDbContext.SaveChangesAsync and
/// RecordPayment) and stay exactly-once by their natural keys (payment reference, NIK, ids). Work inside a
/// transaction the caller opened outside the strategy (tests, the demo seeder, the rebuild) is not retried
/// (the caller owns the transaction), instead of being refused as the stock strategy does.
/// </summary>
public sealed class DatabaseRetryStrategy(ExecutionStrategyDependencies dependencies, int maxRetryCount, TimeSpan maxRetryDelay)
    : NpgsqlRetryingExecutionStrategy(dependencies, maxRetryCount, maxRetryDelay, errorCodesToAdd: null)
{
    public override TResult Execute<TState, TResult>(
        TState state, Func<DbContext, TState, TResult> operation, Func<DbContext, TState, ExecutionResult<TResult>>? verifySucceeded) =>
        InCallersTransaction
            ? operation(Dependencies.CurrentContext.Context, state)
            : base.Execute(state, operation, verifySucceeded);

    public override Task<TResult> ExecuteAsync<TState, TResult>(
        TState state,
        Func<DbContext, TState, CancellationToken, Task<TResult>> operation,
        Func<DbContext, TState, CancellationToken, Task<ExecutionResult<TResult>>>? verifySucceeded,
        CancellationToken cancellationToken = default) =>
        InCallersTransaction
            ? operation(Dependencies.CurrentContext.Context, state, cancellationToken)
            : base.ExecuteAsync(state, operation, verifySucceeded, cancellationToken);

    // Not nested in one of our own executions, and a transaction is open: one the caller began.
    private bool InCallersTransaction => Current is null && Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    protected override bool ShouldRetryOn(Exception? exception) =>
        DatabaseFailures.IsUnavailable(exception) || base.ShouldRetryOn(exception);

    protected override void OnRetry()
    {
        // Every idle connection of the pool died with the server: drop them all at once, so that the retry
        // (and every other request) opens a new one instead of failing once more per dead connection.
        DatabaseFailures.ClearPool(Dependencies.CurrentContext.Context);
        PortalMetrics.DatabaseRetries.Add(1);
        base.OnRetry();
    }
}

/// <summary>Which failures mean "the database cannot be reached right now" (a 503 with Retry-After, never a 500).</summary>
public static class DatabaseFailures
{
    /// <summary>Seconds a client is told to wait (Retry-After) when the database is unreachable.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>
    /// True for a server that is down, restarting, refusing connections or out of connection slots, a
    /// connection lost mid-command, a pool checkout that timed out, and the strategy giving up on those.
    /// A PostgreSQL answer about the data (a unique violation, a syntax error) is not.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException:
                    return true;
                case PostgresException pg:
                    return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || pg.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow;
                case NpgsqlException npgsql:
                    return npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException;
                case SocketException:
                    return true;
                case InvalidOperationException when IsDeadTransaction(e):
                    return true;
            }
        }

        return false;
    }

    // Npgsql marks the transaction of a connection that broke (the server ended the session, the socket
    // died) as completed: the next command of the unit meets "Transaction is already completed" instead
    // of a socket error. The unit's transaction is gone, so the unit is run again like any other
    // interrupted one (decision 0011).
    private static bool IsDeadTransaction(Exception e) =>
        e.Source == "Npgsql" && e.Message.StartsWith("Transaction is already completed", StringComparison.Ordinal);

    /// <summary>Clears the pool of the context's PostgreSQL connections (its data source's, when it has one).</summary>
    public static void ClearPool(DbContext context)
    {
        if (context.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            return;
        }

        // The app's data source when it registers one, else the pool of the connection string.
        var options = context.GetService<IDbContextOptions>();
        options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<NpgsqlDataSource>()?.Clear();
        NpgsqlConnection.ClearPool(connection);
    }

    /// <summary>The retrying strategy with the configured limits (Database:MaxRetryCount, Database:MaxRetryDelaySeconds).</summary>
    public static void UseRetries(this NpgsqlDbContextOptionsBuilder npgsql, IConfiguration configuration)
    {
        var count = Math.Max(0, configuration.GetValue("Database:MaxRetryCount", 5));
        var delay = TimeSpan.FromSeconds(Math.Max(0.1, configuration.GetValue("Database:MaxRetryDelaySeconds", 2.0)));
        npgsql.ExecutionStrategy(d => new DatabaseRetryStrategy(d, count, delay));
    }
}

