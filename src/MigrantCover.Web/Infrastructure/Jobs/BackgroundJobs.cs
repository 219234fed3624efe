using Quartz;

namespace MigrantCover.Web.Infrastructure.Jobs;

/// <summary>
/// What features call to run work in the background. A job is a Quartz <see cref="IJob"/> (or
/// <see cref="IJob{TInput}"/> with a JSON-serialisable input) built in a DI scope of its own for every run,
/// so it takes an AppDbContext and other scoped services in its constructor. Mark a job class
/// <see cref="RequestsRecoveryAttribute"/> when a run cut short by a crash or a shutdown must run again
/// (it then has to be safe to repeat), and <see cref="DisallowConcurrentExecutionAttribute"/> when two runs
/// of the same job must never overlap (per job key: two one-off runs under different keys may overlap).
/// The scheduler does not retry a failed run: a job catches its own failures, records them where the
/// feature keeps its state and logs them by exception type (Quartz logs an escaping exception with its
/// message). Inputs and keys carry ids, never personal data.
/// </summary>
public sealed class BackgroundJobs([FromKeyedServices(JobsSetup.SchedulerName)] ISchedulerFactory schedulers)
{
    /// <summary>The job group of the daily jobs; a one-off job's group is its class name.</summary>
    public const string DailyGroup = "daily";

    /// <summary>
    /// Runs <typeparamref name="TJob"/> once, as soon as an instance is free, with <paramref name="input"/>.
    /// <paramref name="key"/> names the run (for example <c>import-42</c>): while a run under that key is
    /// waiting or running, scheduling it again does nothing and answers false. The decision is taken under
    /// the job store's lock, so of two concurrent calls on any instances exactly one schedules.
    /// </summary>
    public async Task<bool> EnqueueAsync<TJob, TInput>(string key, TInput input, CancellationToken cancellationToken = default)
        where TJob : IJob<TInput>
        where TInput : notnull
    {
        var jobKey = OneOffKey<TJob>(key);
        var job = JobBuilder.Create<TJob>().WithIdentity(jobKey).RequestRecovery(RequestsRecovery(typeof(TJob))).Build();
        var trigger = TriggerBuilder.Create<TJob>().WithIdentity(jobKey.Name, jobKey.Group).ForJob(jobKey).StartNow().UsingInput(input).Build();
        var scheduler = await GetSchedulerAsync(cancellationToken);
        try
        {
            await scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false;
        }
    }

    /// <summary>Whether a run of <typeparamref name="TJob"/> under <paramref name="key"/> is waiting or running.</summary>
    public async Task<bool> IsPendingAsync<TJob>(string key, CancellationToken cancellationToken = default)
        where TJob : IJob
    {
        var scheduler = await GetSchedulerAsync(cancellationToken);
        return await scheduler.Exists(OneOffKey<TJob>(key), cancellationToken);
    }

    /// <summary>
    /// Runs <typeparamref name="TJob"/> every day at <paramref name="at"/> in <paramref name="timeZone"/>
    /// (reminders: 08:00 in <see cref="Wib"/>), under the job key <c>daily.{name}</c>. Idempotent: a schedule
    /// already stored with the same time is kept as it is (its history too), a changed time replaces it. A
    /// run missed while no instance was up runs once as soon as one is.
    /// </summary>
    public Task ScheduleDailyAsync<TJob>(string name, TimeOnly at, TimeZoneInfo timeZone, CancellationToken cancellationToken = default)
        where TJob : IJob =>
        ScheduleDailyAsync(typeof(TJob), name, at, timeZone, cancellationToken);

    /// <summary>Runs the daily job <paramref name="name"/> now, besides its schedule (an admin's "run now").</summary>
    public async Task TriggerNowAsync(string name, CancellationToken cancellationToken = default)
    {
        var scheduler = await GetSchedulerAsync(cancellationToken);
        await scheduler.TriggerJob(new JobKey(name, DailyGroup), cancellationToken: cancellationToken);
    }

    /// <summary>When the daily job <paramref name="name"/> runs next, or null when it is not scheduled.</summary>
    public async Task<DateTimeOffset?> NextRunAsync(string name, CancellationToken cancellationToken = default)
    {
        var scheduler = await GetSchedulerAsync(cancellationToken);
        var trigger = await scheduler.GetTrigger(new TriggerKey(name, DailyGroup), cancellationToken);
        return trigger?.NextFireTimeUtc;
    }

    /// <summary>This instance's Quartz scheduler, for what the methods above do not cover (operations, tests).</summary>
    public async ValueTask<IScheduler> GetSchedulerAsync(CancellationToken cancellationToken = default) =>
        Scheduler = await schedulers.GetScheduler(cancellationToken);

    /// <summary>The scheduler once something has asked for it (it is built on first use), else null.</summary>
    internal IScheduler? Scheduler { get; private set; }

    /// <summary>Western Indonesian Time, the offices' zone (UTC+7, no daylight saving).</summary>
    public static TimeZoneInfo Wib { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    /// <summary>The cron expression of "every day at <paramref name="at"/>" (seconds precision dropped).</summary>
    public static string DailyCron(TimeOnly at) => $"0 {at.Minute} {at.Hour} ? * *";

    internal async Task ScheduleDailyAsync(Type jobType, string name, TimeOnly at, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        var scheduler = await GetSchedulerAsync(cancellationToken);
        var cron = DailyCron(at);
        var triggerKey = new TriggerKey(name, DailyGroup);
        if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ICronTrigger existing
            && existing.CronExpressionString == cron && existing.TimeZone.Id == timeZone.Id)
        {
            return;
        }

        var jobKey = new JobKey(name, DailyGroup);
        var job = JobBuilder.Create().OfType(jobType).WithIdentity(jobKey).StoreDurably().RequestRecovery(RequestsRecovery(jobType)).Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(jobKey)
            .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(timeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
    }

    private static JobKey OneOffKey<TJob>(string key) => new(key, typeof(TJob).Name);

    private static bool RequestsRecovery(Type jobType) => jobType.IsDefined(typeof(RequestsRecoveryAttribute), inherit: true);
}

/// <summary>
/// A job whose run, cut short by a crash or a shutdown, runs again (on another instance, or on this one
/// when it is back); the job then sees <c>context.Recovering</c>. Its work must be safe to repeat.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequestsRecoveryAttribute : Attribute;

/// <summary>A daily job registered at start-up with <see cref="DailyJobs.AddDailyJob{TJob}"/>.</summary>
public sealed record DailyJob(Type JobType, string Name, TimeOnly At, TimeZoneInfo TimeZone);

public static class DailyJobs
{
    /// <summary>
    /// Schedules <typeparamref name="TJob"/> every day at <paramref name="at"/> in <paramref name="timeZone"/>
    /// (default WIB) when the app starts (on every instance; they agree, the store keeps one schedule).
    /// </summary>
    public static IServiceCollection AddDailyJob<TJob>(this IServiceCollection services, string name, TimeOnly at, TimeZoneInfo? timeZone = null)
        where TJob : IJob =>
        services.AddSingleton(new DailyJob(typeof(TJob), name, at, timeZone ?? BackgroundJobs.Wib));
}
