using Quartz;

namespace MigrantCover.Web.Infrastructure.Jobs;

/// <summary>
/// Starts this instance's scheduler with the app and stops it with the app. At start it stores the daily
/// jobs registered with AddDailyJob and starts firing; with Jobs:Enabled=false it does neither (the
/// instances that run jobs store the daily schedules). An unreachable
/// database does not stop the app from starting (as with the migrations): the scheduler stays down and
/// /health/ready says so until a restart. On stop, running jobs are asked to stop and waited for (within
/// the host's shutdown timeout); one that requests recovery and stops early is handed back for a re-run.
/// </summary>
public sealed class SchedulerHost(
    BackgroundJobs jobs,
    IEnumerable<DailyJob> dailyJobs,
    JobsOptions options,
    IConfiguration configuration,
    ILogger<SchedulerHost> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Enabled)
        {
            // Built on first use (when this instance schedules something), never started.
            logger.LogInformation("Background jobs: Jobs:Enabled is false, this instance schedules jobs but runs none");
            return;
        }

        try
        {
            var scheduler = await jobs.GetSchedulerAsync(cancellationToken);
            foreach (var daily in dailyJobs)
            {
                await jobs.ScheduleDailyAsync(daily.JobType, daily.Name, daily.At, daily.TimeZone, cancellationToken);
            }

            await scheduler.Start(cancellationToken);
            logger.LogInformation("Background jobs: scheduler {Instance} started", scheduler.SchedulerInstanceId);
        }
        catch (Exception ex) when (ex is SchedulerException or System.Data.Common.DbException or TimeoutException)
        {
            logger.LogError("Background jobs: scheduler not started ({Error}); /health/ready answers 503", ex.GetType().Name);
        }
    }

    private readonly Lock _gate = new();
    private Task? _stopping;

    /// <summary>
    /// One shutdown, however often the host is stopped: a second stop (a test server stops the host while
    /// the app's own Run also stops it, then disposes it) waits for the first instead of returning while
    /// the scheduler still waits for its jobs.
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _stopping ??= ShutdownAsync(cancellationToken);
        }
    }

    private async Task ShutdownAsync(CancellationToken cancellationToken)
    {
        if (jobs.Scheduler is not { Status: not (SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown) } scheduler)
        {
            return;
        }

        var started = scheduler.Status != SchedulerStatus.Created;
        await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        if (started && !cancellationToken.IsCancellationRequested && configuration.GetConnectionString(Database.Postgres) is { } postgres
            && string.Equals(configuration["Database:Provider"], Database.Postgres, StringComparison.OrdinalIgnoreCase))
        {
            // Every run finished or was handed back: nothing of this instance is left to recover, and its
            // name is free again for its next start (ClusterInstanceId).
            await ClusterInstanceId.ReleaseAsync(postgres, scheduler.SchedulerInstanceId, cancellationToken);
        }
    }
}
