namespace MigrantCover.Web.Infrastructure.Jobs;

/// <summary>
/// The <c>Jobs:</c> configuration section (docs/operations.md, "Background jobs"). The defaults suit a
/// 2-core node; tests shorten the intervals.
/// </summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Whether this instance runs jobs. When false it still schedules them (into the database), and another
    /// instance, or this one after a restart with the setting on, runs them.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// This instance's name in the PostgreSQL cluster: unique per instance, and the same after a restart so
    /// that the instance recovers its own interrupted jobs at once. Default: the host name (one instance per
    /// container or machine). Set it when several instances share a host.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>How many jobs run at once on this instance (Quartz's thread pool).</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How long the scheduler sleeps when nothing is due; jobs scheduled on another instance wait at most this long. At least one second.</summary>
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How late a trigger may fire before it counts as misfired (and its misfire instruction applies).</summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an instance records in the database that it is alive (PostgreSQL cluster).</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long after a missed check-in the other instances take over an instance's jobs.</summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Triggers acquired per round; 0 lets Quartz choose (the thread pool's size on a database).</summary>
    public int MaxBatchSize { get; set; }

    /// <summary>How far ahead of its time a trigger may be taken into a batch (and fire early).</summary>
    public TimeSpan BatchTriggerAcquisitionFireAheadTimeWindow { get; set; } = TimeSpan.Zero;
}
