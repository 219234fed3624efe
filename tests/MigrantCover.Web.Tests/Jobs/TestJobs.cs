using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using MigrantCover.Web.Data;
using MigrantCover.Web.Infrastructure.Jobs;
using Quartz;

namespace MigrantCover.Web.Tests.Jobs;

/// <summary>What a test job is told to do: record a run under <paramref name="Key"/>, after working <paramref name="WorkMs"/>.</summary>
public sealed record Mark(string Key, int WorkMs = 0);

/// <summary>One row per run of a test job, in a table of the tests' own (job_runs), written through the app's AppDbContext.</summary>
public sealed record JobRun(string Key, string Instance, bool Recovering);

public static class JobRuns
{
    public static async Task EnsureTableAsync(AppDbContext db) =>
        await db.Database.ExecuteSqlRawAsync(
            "CREATE TABLE IF NOT EXISTS test_job_runs (job_key varchar(100) NOT NULL, instance_id varchar(200) NOT NULL, recovering integer NOT NULL)");

    public static async Task RecordAsync(AppDbContext db, IJobExecutionContext context, string key, CancellationToken cancellationToken)
    {
        var instance = context.Scheduler.SchedulerInstanceId;
        var recovering = context.Recovering ? 1 : 0;
        await db.Database.ExecuteSqlAsync($"INSERT INTO test_job_runs (job_key, instance_id, recovering) VALUES ({key}, {instance}, {recovering})", cancellationToken);
    }

    public static async Task<List<JobRun>> ReadAsync(AppDbContext db, string keyPrefix)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT job_key, instance_id, recovering FROM test_job_runs WHERE job_key LIKE @prefix";
            var prefix = command.CreateParameter();
            prefix.ParameterName = "@prefix";
            prefix.Value = keyPrefix + "%";
            command.Parameters.Add(prefix);
            var runs = new List<JobRun>();
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                runs.Add(new JobRun(reader.GetString(0), reader.GetString(1), Convert.ToInt32(reader.GetValue(2)) == 1));
            }

            return runs;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Records its run; the AppDbContext comes from the run's own DI scope.</summary>
public sealed class RecordRunJob(AppDbContext db) : IJob<Mark>
{
    public async ValueTask Execute(IJobExecutionContext context, Mark input, CancellationToken cancellationToken = default)
    {
        if (input.WorkMs > 0)
        {
            await Task.Delay(input.WorkMs, cancellationToken);
        }

        await JobRuns.RecordAsync(db, context, input.Key, cancellationToken);
    }
}

/// <summary>
/// Runs until the gate of its key opens (or until it is asked to stop), then records its run. Scheduling
/// the same key while it runs is what the idempotency test needs.
/// </summary>
public sealed class GatedJob(AppDbContext db) : IJob<Mark>
{
    public static readonly ConcurrentDictionary<string, TaskCompletionSource> Started = new();
    public static readonly ConcurrentDictionary<string, TaskCompletionSource> Gates = new();

    public async ValueTask Execute(IJobExecutionContext context, Mark input, CancellationToken cancellationToken = default)
    {
        Started.GetOrAdd(input.Key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        await Gates.GetOrAdd(input.Key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        await JobRuns.RecordAsync(db, context, input.Key, cancellationToken);
    }
}

/// <summary>
/// Requests recovery. Its first run works until it is stopped (a shutdown asks it to stop; a crash never
/// lets it finish); the run that recovers it records the run.
/// </summary>
[RequestsRecovery]
public sealed class InterruptedJob(AppDbContext db) : IJob<Mark>
{
    public static readonly ConcurrentDictionary<string, TaskCompletionSource<string>> Started = new();

    public async ValueTask Execute(IJobExecutionContext context, Mark input, CancellationToken cancellationToken = default)
    {
        if (!context.Recovering)
        {
            Started.GetOrAdd(input.Key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(context.Scheduler.SchedulerInstanceId);
            await Task.Delay(TimeSpan.FromSeconds(60), cancellationToken);
            return;
        }

        await JobRuns.RecordAsync(db, context, input.Key, cancellationToken);
    }
}

/// <summary>A daily job that never overlaps itself and records each run under its job key.</summary>
[DisallowConcurrentExecution]
public sealed class DailyTestJob(AppDbContext db) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await JobRuns.RecordAsync(db, context, "daily:" + context.JobDetail.Key.Name, cancellationToken);
}
