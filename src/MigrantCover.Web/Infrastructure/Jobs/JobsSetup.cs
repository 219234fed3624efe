using Microsoft.Extensions.Diagnostics.HealthChecks;
using MigrantCover.Web.Data.Sql;
using Quartz;

namespace MigrantCover.Web.Infrastructure.Jobs;

/// <summary>
/// Background work on Quartz.NET with its ADO.NET job store in the app's own database (decision 0008):
/// clustered on PostgreSQL, so that several instances share the jobs, exactly one runs each firing and the
/// jobs of an instance that died are taken over; a single instance on SQLite. Features schedule through
/// <see cref="BackgroundJobs"/>.
/// </summary>
public static class JobsSetup
{
    public const string SchedulerName = "MigrantCover";

    public static IServiceCollection AddMigrantCoverJobs(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddSingleton(options);

        // The same database as EF Core (Database.AddMigrantCoverDatabase has already refused a bad provider).
        var postgres = string.Equals(configuration["Database:Provider"], Database.Postgres, StringComparison.OrdinalIgnoreCase);
        var connectionString = postgres
            ? configuration.GetConnectionString(Database.Postgres) ?? ""
            : configuration.GetConnectionString(Database.Sqlite) ?? Database.DefaultSqlite(environment);

        // A named scheduler: its parts are keyed services of their own, so that its clock stays the real one
        // whatever TimeProvider the app is given (the rules' "today"; tests pin it, and a pinned clock must
        // not freeze the scheduler).
        services.AddQuartz(SchedulerName, q =>
        {
            q.UseTimeProvider(TimeProvider.System);
            q.ConfigureScheduler(s =>
            {
                s.IdleWaitTime = options.IdleWaitTime;
                s.MaxBatchSize = options.MaxBatchSize;
                s.BatchTriggerAcquisitionFireAheadTimeWindow = options.BatchTriggerAcquisitionFireAheadTimeWindow;

                // On shutdown, running jobs are asked to stop (their cancellation token) and waited for; one that
                // requests recovery and stops by throwing is handed back and runs again (see below).
                s.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
            });
            q.UseDefaultThreadPool(Math.Max(1, options.MaxConcurrency));
            q.UsePersistentStore(store =>
            {
                store.ConfigureStore(s =>
                {
                    s.TablePrefix = QuartzSchema.TablePrefix;
                    s.MisfireThreshold = options.MisfireThreshold;
                    s.RecoverFiringsCancelledByShutdown = true;

                    // The tables come from the migrations (Data/Sql/QuartzSchema.cs); the store only checks them.
                    s.SchemaProvisioning = SchemaProvisioning.Validate;
                });
                if (postgres)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = options.CheckinInterval;
                        c.CheckinMisfireThreshold = options.CheckinMisfireThreshold;
                    });
                }
                else
                {
                    // One process per SQLite file, not clustered. On SQLite the store picks its own lock handler,
                    // one gate for every store operation, so the scheduler never competes with itself for
                    // SQLite's single writer; EF Core's writes wait their turn (busy timeout, WAL).
                    store.UseSqlite(connectionString);
                }
            });
            if (postgres)
            {
                q.UseInstanceIdGenerator<ClusterInstanceId>();
            }
        });

        services.AddSingleton<BackgroundJobs>();
        // Starts the scheduler with the app (after the migrations) and stops it with the app.
        services.AddHostedService<SchedulerHost>();
        if (options.Enabled)
        {
            services.AddHealthChecks().AddCheck<SchedulerReadyCheck>("scheduler", tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        }

        return services;
    }
}

/// <summary>Ready when this instance's scheduler is running (started, not in standby). Reads its state only.</summary>
public sealed class SchedulerReadyCheck(BackgroundJobs jobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var scheduler = await jobs.GetSchedulerAsync(cancellationToken);
            return scheduler.Status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"scheduler {scheduler.Status}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("scheduler unavailable");
        }
    }
}
