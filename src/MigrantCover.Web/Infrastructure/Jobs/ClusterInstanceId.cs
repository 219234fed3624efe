using System.Security.Cryptography;
using MigrantCover.Web.Data.Sql;
using Npgsql;
using Quartz.Extensibility;

namespace MigrantCover.Web.Infrastructure.Jobs;

/// <summary>
/// Names this instance in the PostgreSQL cluster: Jobs:InstanceId, else the host name. The name is stable,
/// so an instance that comes back after a crash recovers its own interrupted jobs at once. Two live
/// instances must never share a name (each would take the other's running jobs for its own): when another
/// instance checked in under this name within the take-over window, this one adds a random suffix and
/// says so in the log. So that a clean restart keeps its name, an instance that stopped cleanly (every
/// run finished or handed back) removes its check-in row (<see cref="ReleaseAsync"/>).
/// </summary>
public sealed class ClusterInstanceId(JobsOptions options, IConfiguration configuration, ILogger<ClusterInstanceId> logger) : IInstanceIdGenerator
{
    public async ValueTask<string> GenerateInstanceId(CancellationToken cancellationToken = default)
    {
        var wanted = string.IsNullOrWhiteSpace(options.InstanceId) ? Environment.MachineName : options.InstanceId.Trim();
        if (!await HeldByLiveInstanceAsync(wanted, cancellationToken))
        {
            return wanted;
        }

        var instead = $"{wanted}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
        logger.LogWarning(
            "Background jobs: instance id {Wanted} is in use by a live instance; this one runs as {Instead}. Give each instance its own Jobs:InstanceId.",
            wanted,
            instead);
        return instead;
    }

    /// <summary>Removes the check-in row of an instance whose scheduler has shut down cleanly.</summary>
    public static Task ReleaseAsync(string connectionString, string instanceId, CancellationToken cancellationToken) =>
        OnCheckinRowAsync(connectionString, instanceId, $"DELETE FROM {CheckinRow}", (command, ct) => command.ExecuteNonQueryAsync(ct), cancellationToken);

    private Task<bool> HeldByLiveInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var window = options.CheckinInterval + options.CheckinMisfireThreshold;
        var since = DateTimeOffset.UtcNow.Subtract(window).UtcTicks;
        return OnCheckinRowAsync(
            configuration.GetConnectionString(Database.Postgres),
            instanceId,
            $"SELECT EXISTS (SELECT 1 FROM {CheckinRow} AND last_checkin_time >= @since)",
            async (command, ct) =>
            {
                command.Parameters.AddWithValue("since", since);
                return await command.ExecuteScalarAsync(ct) is true;
            },
            cancellationToken);
    }

    // This scheduler's check-in row of an instance (@instance) in Quartz's table.
    private const string CheckinRow = $"{QuartzSchema.TablePrefix}scheduler_state WHERE sched_name = @scheduler AND instance_name = @instance";

    /// <summary>Runs a command on <see cref="CheckinRow"/> of <paramref name="instanceId"/>, on a connection of its own.</summary>
    private static async Task<T> OnCheckinRowAsync<T>(string? connectionString, string instanceId, string sql, Func<NpgsqlCommand, CancellationToken, Task<T>> run, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("scheduler", JobsSetup.SchedulerName);
        command.Parameters.AddWithValue("instance", instanceId);
        return await run(command, cancellationToken);
    }
}
