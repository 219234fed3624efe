using MigrantCover.Web.Infrastructure;
using MigrantCover.Web.Infrastructure.Jobs;
using Quartz;

namespace MigrantCover.Web.Features.Messaging;

/// <summary>
/// One reminder of the daily scan: the workers of a stage and cover phase whose cover (the stored snapshot
/// the coverage code computes on every write, WorkerCoverage.Refresh) ends between <see cref="FirstDay"/>
/// and <see cref="LastDay"/> days from today. The period key is the cover's last day, so a worker gets
/// each reminder once per cover period; a new payment (a new period) brings a new one.
/// </summary>
public sealed record ReminderRule(MessageKind Kind, Stage Stage, CoverPhase Phase, int FirstDay, int LastDay);

public static class ReminderRules
{
    public static readonly IReadOnlyList<ReminderRule> All =
    [
        // R-COV-1/2: pre-placement cover lapses within 14 days and the candidate has not departed.
        new(MessageKind.PreplacementLapsing, Stage.Candidate, CoverPhase.PrePlacement, 0, 14),

        // R-COV-2: it has lapsed (within the last 30 days: older lapses are the officers' gap list, not a message).
        new(MessageKind.PreplacementLapsed, Stage.Candidate, CoverPhase.PrePlacement, -30, -1),

        // R-COV-4/5: placement cover ends within 30 days (extension or return).
        new(MessageKind.PlacementEnding, Stage.Placed, CoverPhase.Placement, 0, 30),

        // R-COV-6: post-placement cover ends within 7 days.
        new(MessageKind.PostplacementEnding, Stage.Returned, CoverPhase.PostPlacement, 0, 7),
    ];
}

/// <summary>
/// The daily scan (decision 0022): queues the reminders due today, once per (worker, kind, cover period,
/// channel) whatever the number of runs or instances (the outbox's unique key decides a race).
/// </summary>
public sealed class ReminderScan(AppDbContext db, TimeProvider clock, ILogger<ReminderScan> logger)
{
    private const int Chunk = 500;

    /// <summary>Queues what is due and answers how many messages it added.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var rule in ReminderRules.All)
        {
            var (stage, phase, kind) = (rule.Stage, rule.Phase, rule.Kind);
            var first = today.AddDays(rule.FirstDay);
            var last = today.AddDays(rule.LastDay);
            var workers = await db.Workers.AsNoTracking()
                .Where(w => w.RemindersConsent && w.Stage == stage && w.CoverPhase == phase && w.CoveredUntil >= first && w.CoveredUntil <= last)
                .OrderBy(w => w.Id)
                .ToListAsync(cancellationToken);
            foreach (var chunk in workers.Chunk(Chunk))
            {
                var ids = chunk.Select(w => w.Id).ToList();
                var queued = (await db.OutboxMessages.AsNoTracking()
                        .Where(m => ids.Contains(m.WorkerId) && m.Kind == kind)
                        .Select(m => new { m.WorkerId, m.PeriodKey, m.Channel })
                        .ToListAsync(cancellationToken))
                    .Select(m => (m.WorkerId, m.PeriodKey, m.Channel))
                    .ToHashSet();
                var rows = chunk
                    .SelectMany(w => Outbox.For(w, kind, Outbox.PeriodKeyOf(w.CoveredUntil!.Value), w.CoveredUntil.Value, now))
                    .Where(m => !queued.Contains((m.WorkerId, m.PeriodKey, m.Channel)))
                    .ToList();
                added += await InsertAsync(rows, cancellationToken);
            }
        }

        logger.LogInformation("Reminder scan: {Added} messages queued", added);
        return added;
    }

    // All at once; when another instance queued some of them meanwhile, one by one (the unique key refuses theirs).
    private async Task<int> InsertAsync(List<OutboxMessage> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return 0;
        }

        db.OutboxMessages.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return rows.Count;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        var added = 0;
        foreach (var row in rows)
        {
            row.Id = 0;
            db.OutboxMessages.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                added++;
            }
            catch (DbUpdateException)
            {
                // Queued by another instance a moment ago.
            }

            db.ChangeTracker.Clear();
        }

        return added;
    }
}

/// <summary>The daily reminder scan, 08:00 WIB (and "run now" on /Admin/Messages).</summary>
[DisallowConcurrentExecution]
[RequestsRecovery]
public sealed class ReminderScanJob(ReminderScan scan) : IJob
{
    public const string Name = "reminder-scan";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await scan.RunAsync(cancellationToken);
}
