using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MigrantCover.Web.Infrastructure.Jobs;
using MigrantCover.Web.Tests.Infrastructure;
using MigrantCover.Web.Tests.Workers;
using Quartz;

namespace MigrantCover.Web.Tests.Jobs;

/// <summary>
/// Background jobs on the real job store in the app's database. The class fixture owns the database and,
/// like every test host, runs no jobs (Jobs:Enabled=false, as a request-only instance); each test starts
/// the instances that run jobs as siblings on the same database, with Quartz's intervals shortened.
/// </summary>
public abstract class BackgroundJobsTests : ProviderTests
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected BackgroundJobsTests(AppFactory owner)
        : base(owner)
    {
        Factory.WithDbAsync(JobRuns.EnsureTableAsync).GetAwaiter().GetResult();
    }

    /// <summary>An instance of the app that runs jobs, on the fixture's database.</summary>
    protected AppFactory Node(string? instanceId = null) =>
        Factory.Sibling()
            .With("Jobs:Enabled", "true")
            .With("Jobs:InstanceId", instanceId)
            .With("Jobs:IdleWaitTime", "00:00:01")
            .With("Jobs:CheckinInterval", "00:00:01")
            .With("Jobs:CheckinMisfireThreshold", "00:00:02");

    protected static BackgroundJobs Jobs(AppFactory factory) => factory.Services.GetRequiredService<BackgroundJobs>();

    protected static string NewKey(string what) => $"{what}-{Guid.NewGuid():N}";

    protected Task<List<JobRun>> RunsAsync(string keyPrefix) => Factory.WithDbAsync(db => JobRuns.ReadAsync(db, keyPrefix));

    /// <summary>Polls until <paramref name="done"/> holds, failing after <see cref="Patience"/>.</summary>
    protected static async Task EventuallyAsync(Func<Task<bool>> done, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < Patience, $"not within {Patience.TotalSeconds} s: {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>Polls until no trigger of <paramref name="group"/> is left: every run of it has ended.</summary>
    protected static Task NothingLeftAsync(AppFactory node, string group) =>
        EventuallyAsync(
            async () =>
            {
                var scheduler = await Jobs(node).GetSchedulerAsync();
                var left = await scheduler.QueryTriggers(new TriggerQuery { Group = GroupMatcher<TriggerKey>.GroupEquals(group) });
                return left.Items.Count == 0;
            },
            $"the triggers of {group} to finish");

    [Fact]
    public async Task AJobScheduledThroughTheApiRunsOnceWithItsInputAndItsEffectIsVisible()
    {
        await using var node = Node();
        var key = NewKey("once");

        Assert.True(await Jobs(node).EnqueueAsync<RecordRunJob, Mark>(key, new Mark(key)));

        await EventuallyAsync(async () => (await RunsAsync(key)).Count > 0, "the job's row");
        await NothingLeftAsync(node, nameof(RecordRunJob));
        var run = Assert.Single(await RunsAsync(key));
        Assert.False(run.Recovering);
        Assert.False(await Jobs(node).IsPendingAsync<RecordRunJob>(key));
    }

    [Fact]
    public async Task SchedulingTheSameKeyAgainWhileTheJobWaitsOrRunsSchedulesNothing()
    {
        // Scheduled on the instance that runs no jobs, so it surely waits; then four more tries at once.
        var key = NewKey("same");
        Assert.True(await Jobs(Factory).EnqueueAsync<GatedJob, Mark>(key, new Mark(key)));
        var again = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Jobs(Factory).EnqueueAsync<GatedJob, Mark>(key, new Mark(key))));
        Assert.All(again, Assert.False);

        // Now it runs, held at its gate: still nothing new.
        await using var node = Node();
        _ = node.Services;
        await GatedJob.Started.GetOrAdd(key, _ => new()).Task.WaitAsync(Patience);
        Assert.False(await Jobs(node).EnqueueAsync<GatedJob, Mark>(key, new Mark(key)));
        Assert.True(await Jobs(node).IsPendingAsync<GatedJob>(key));

        GatedJob.Gates.GetOrAdd(key, _ => new()).TrySetResult();
        await NothingLeftAsync(node, nameof(GatedJob));
        Assert.Single(await RunsAsync(key));
    }

    [Fact]
    public async Task AJobScheduledWhileNoInstanceRunsJobsRunsWhenOneStarts()
    {
        var key = NewKey("parked");
        Assert.True(await Jobs(Factory).EnqueueAsync<RecordRunJob, Mark>(key, new Mark(key)));
        Assert.True(await Jobs(Factory).IsPendingAsync<RecordRunJob>(key));
        Assert.Empty(await RunsAsync(key));

        await using var node = Node();
        _ = node.Services;
        await EventuallyAsync(async () => (await RunsAsync(key)).Count > 0, "the parked job's row");
        await NothingLeftAsync(node, nameof(RecordRunJob));
        Assert.Single(await RunsAsync(key));
    }

    [Fact]
    public async Task AJobThatRequestsRecoveryAndIsInFlightWhenItsInstanceStopsRunsAgainOnTheNextInstance()
    {
        var key = NewKey("resume");
        await using (var first = Node())
        {
            Assert.True(await Jobs(first).EnqueueAsync<InterruptedJob, Mark>(key, new Mark(key)));
            await InterruptedJob.Started.GetOrAdd(key, _ => new()).Task.WaitAsync(Patience);
        }

        // Stopped mid-run: the job was asked to stop and handed back, nothing recorded yet.
        Assert.Empty(await RunsAsync(key));

        await using var second = Node();
        _ = second.Services;
        await EventuallyAsync(async () => (await RunsAsync(key)).Count > 0, "the recovered run's row");
        await NothingLeftAsync(second, nameof(InterruptedJob));
        var run = Assert.Single(await RunsAsync(key));
        Assert.True(run.Recovering);
    }

    [Fact]
    public async Task TheDailyJobFiresAt0800WibByQuartzsOwnCalculationAndRunsOnDemand()
    {
        var name = NewKey("daily");
        await Jobs(Factory).ScheduleDailyAsync<DailyTestJob>(name, new TimeOnly(8, 0), BackgroundJobs.Wib);

        // Read back from the store: a cron trigger in Asia/Jakarta. Quartz computes its fire times: 08:00 WIB
        // is 01:00 UTC, on known dates, across a month and a year end.
        var scheduler = await Jobs(Factory).GetSchedulerAsync();
        var trigger = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey(name, BackgroundJobs.DailyGroup)));
        Assert.Equal("Asia/Jakarta", trigger.TimeZone.Id);
        var cron = new CronExpression(trigger.CronExpressionString!, trigger.TimeZone);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero), cron.GetNextValidTimeAfter(new DateTimeOffset(2026, 2, 28, 18, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), cron.GetNextValidTimeAfter(new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 8, 0, 0, TimeSpan.FromHours(7)), cron.GetNextValidTimeAfter(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(7))));
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(cron.GetNextValidTimeAfter(now), trigger.GetFireTimeAfter(now));
        var next = await Jobs(Factory).NextRunAsync(name);
        Assert.NotNull(next);
        Assert.Equal(new TimeSpan(8, 0, 0), TimeZoneInfo.ConvertTime(next.Value, BackgroundJobs.Wib).TimeOfDay);

        // The same schedule again is kept as it is; another time replaces it.
        await Jobs(Factory).ScheduleDailyAsync<DailyTestJob>(name, new TimeOnly(8, 0), BackgroundJobs.Wib);
        Assert.Equal(next, await Jobs(Factory).NextRunAsync(name));
        await Jobs(Factory).ScheduleDailyAsync<DailyTestJob>(name, new TimeOnly(9, 30), BackgroundJobs.Wib);
        Assert.Equal(new TimeSpan(9, 30, 0), TimeZoneInfo.ConvertTime((await Jobs(Factory).NextRunAsync(name))!.Value, BackgroundJobs.Wib).TimeOfDay);

        // On demand: one run now, and the schedule stays.
        await using var node = Node();
        await Jobs(node).TriggerNowAsync(name);
        await EventuallyAsync(async () => (await RunsAsync("daily:" + name)).Count > 0, "the on-demand run's row");
        Assert.Single(await RunsAsync("daily:" + name));
        Assert.NotNull(await Jobs(node).NextRunAsync(name));
    }

    [Fact]
    public async Task JobsWritingWhileRequestsWriteNeverFailOnALockedDatabase()
    {
        await using var node = Node();
        _ = node.Services;
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var (ownerLines, nodeLines) = (Factory.LogLines.Count, node.LogLines.Count);
        var prefix = NewKey("busy");
        var keys = Enumerable.Range(0, 40).Select(i => $"{prefix}-{i:00}").ToList();

        // Forty jobs, each one write, while forty registrations (each a transaction of several writes) go
        // through the other instance on the same database.
        var scheduling = Task.WhenAll(keys.Select(k => Jobs(node).EnqueueAsync<RecordRunJob, Mark>(k, new Mark(k))));
        var registering = Task.WhenAll(Enumerable.Range(0, 40).Select(_ => api.RegisterAsync()));
        Assert.All(await scheduling, Assert.True);
        await registering;

        await NothingLeftAsync(node, nameof(RecordRunJob));
        var runs = await RunsAsync(prefix);
        Assert.Equal(keys, runs.Select(r => r.Key).Order());
        var logs = Factory.LogLines.Skip(ownerLines).Concat(node.LogLines.Skip(nodeLines)).ToList();
        Assert.DoesNotContain(logs, l => l.Contains("database is locked", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(logs, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadinessReportsAStoppedSchedulerAs503()
    {
        await using var node = Node();
        var client = node.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        var scheduler = await Jobs(node).GetSchedulerAsync();
        await scheduler.Standby();
        var response = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        await scheduler.Start();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}

public sealed class BackgroundJobsTestsOnSqlite(SqliteAppFactory f) : BackgroundJobsTests(f), IClassFixture<SqliteAppFactory>;

public sealed class BackgroundJobsTestsOnPostgres(PostgresAppFactory f) : BackgroundJobsTests(f), IClassFixture<PostgresAppFactory>
{
    [Fact]
    public async Task TwoClusteredInstancesRunFiftyJobsBetweenThemEachExactlyOnce()
    {
        await using var a = Node("node-a");
        await using var b = Node("node-b");
        var prefix = NewKey("cluster");
        var keys = Enumerable.Range(0, 50).Select(i => $"{prefix}-{i:00}").ToList();

        // Half scheduled through each instance, all at once; each run takes a little while.
        var scheduled = await Task.WhenAll(keys.Select((k, i) => Jobs(i % 2 == 0 ? a : b).EnqueueAsync<RecordRunJob, Mark>(k, new Mark(k, WorkMs: 40))));
        Assert.All(scheduled, Assert.True);

        await NothingLeftAsync(a, nameof(RecordRunJob));
        var runs = await RunsAsync(prefix);
        Assert.Equal(keys, runs.Select(r => r.Key).Order());
        Assert.Equal(["node-a", "node-b"], runs.Select(r => r.Instance).Distinct().Order());
    }

    [Fact]
    public async Task OfTwoInstancesSchedulingTheSameKeyAtOnceExactlyOneSchedules()
    {
        await using var a = Node("node-a");
        await using var b = Node("node-b");
        var key = NewKey("race");

        // The job holds at its gate, so every call finds it waiting or running.
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Jobs(i % 2 == 0 ? a : b).EnqueueAsync<GatedJob, Mark>(key, new Mark(key))));
        Assert.Single(answers, x => x);

        GatedJob.Gates.GetOrAdd(key, _ => new()).TrySetResult();
        await NothingLeftAsync(a, nameof(GatedJob));
        Assert.Single(await RunsAsync(key));
    }

    [Fact]
    public async Task TheJobOfAnInstanceThatDiesMidRunIsRecoveredByTheOther()
    {
        await using var a = Node("node-a");
        var key = NewKey("failover");
        Assert.True(await Jobs(a).EnqueueAsync<InterruptedJob, Mark>(key, new Mark(key)));
        Assert.Equal("node-a", await InterruptedJob.Started.GetOrAdd(key, _ => new()).Task.WaitAsync(Patience));

        // Node A stops dead: its scheduler goes without finishing the run or checking in again.
        var schedulerA = await Jobs(a).GetSchedulerAsync();
        await schedulerA.Shutdown(waitForJobsToComplete: false);

        await using var b = Node("node-b");
        _ = b.Services;
        await EventuallyAsync(async () => (await RunsAsync(key)).Count > 0, "node B's recovery of the run");
        var run = Assert.Single(await RunsAsync(key));
        Assert.Equal("node-b", run.Instance);
        Assert.True(run.Recovering);
    }
}
