using MigrantCover.Web.Infrastructure;
using MigrantCover.Web.Infrastructure.Jobs;
using Quartz;

namespace MigrantCover.Web.Features.Messaging;

/// <summary>
/// Sends the due messages of the outbox (decision 0022). A message is claimed (queued to sending) by one
/// conditional update, so of two instances exactly one sends it; one that stays "sending" after a crash is
/// never sent again by itself (at most once), an admin can retry it. A failed try waits
/// <see cref="MessagingOptions.RetryDelay"/>, doubled after every further one, and after
/// <see cref="MessagingOptions.MaxTries"/> tries the message ends as failed with the reason. A worker who
/// withdrew consent meanwhile gets nothing: the message is cancelled.
/// </summary>
public sealed class MessageDispatcher(
    AppDbContext db,
    MessageTexts texts,
    IEmailTransport email,
    IMessageGateway gateway,
    MessagingOptions options,
    TimeProvider clock,
    ILogger<MessageDispatcher> logger)
{
    /// <summary>Sends what is due now and answers how many messages it handled (sent, failed or put back).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.State == MessageState.Queued && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(Math.Max(1, options.BatchSize))
            .ToListAsync(cancellationToken);
        var handled = 0;
        foreach (var id in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.State == MessageState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MessageState.Sending), cancellationToken);
            if (claimed == 1)
            {
                await SendAsync(id, cancellationToken);
                handled++;
            }
        }

        return handled;
    }

    /// <summary>Puts a failed (or stuck) message back in the queue, due now, with its tries reset.</summary>
    public async Task<bool> RetryAsync(long id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        return await db.OutboxMessages
            .Where(m => m.Id == id && (m.State == MessageState.Failed || m.State == MessageState.Sending))
            .ExecuteUpdateAsync(
                s => s.SetProperty(m => m.State, MessageState.Queued).SetProperty(m => m.Tries, 0).SetProperty(m => m.NextAttemptAt, now),
                cancellationToken) == 1;
    }

    /// <summary>The wait after the <paramref name="tries"/>-th failed try.</summary>
    public static TimeSpan Backoff(MessagingOptions options, int tries)
    {
        var factor = Math.Pow(2, Math.Clamp(tries - 1, 0, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(options.RetryDelay.Ticks * factor, options.MaxRetryDelay.Ticks));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private async Task SendAsync(long id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var m = await db.OutboxMessages.SingleAsync(x => x.Id == id, cancellationToken);
        var worker = await db.Workers.AsNoTracking().FirstOrDefaultAsync(w => w.Id == m.WorkerId, cancellationToken);
        if (worker is null || !Outbox.ChannelsOf(worker).Contains(m.Channel))
        {
            // UU 27/2022: consent withdrawn (or the address removed) since the message was queued.
            m.State = MessageState.Cancelled;
            m.LastError = "no consent";
            await db.SaveChangesAsync(cancellationToken);
            PortalMetrics.Message(m.State, m.Channel);
            return;
        }

        var payment = m.Kind == MessageKind.PaymentReceipt && Guid.TryParseExact(m.PeriodKey, "N", out var paymentId)
            ? await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, cancellationToken)
            : null;
        var rendered = texts.Render(m, worker, payment);
        m.Tries++;
        try
        {
            if (m.Channel == MessageChannel.Email)
            {
                await email.SendAsync(worker.Email!, rendered.Subject, rendered.Body, cancellationToken);
                m.Via = email.Via;
            }
            else
            {
                await gateway.SendAsync(m.Channel, worker.Phone!, rendered.Body, $"migrantcover-{m.Id}", cancellationToken);
                m.Via = gateway.Via;
            }

            m.State = MessageState.Sent;
            m.SentAt = clock.GetUtcNow();
            m.Subject = m.Channel == MessageChannel.Email ? Cut(rendered.Subject, 200) : null;
            m.Body = Cut(rendered.Body, 4000);
            m.LastError = null;
        }
        catch (DeliveryException ex)
        {
            m.LastError = Cut(ex.Message, 300);
            if (m.Tries >= Math.Max(1, options.MaxTries))
            {
                m.State = MessageState.Failed;
                logger.LogWarning("Message {MessageId} ({Kind}, {Channel}) failed after {Tries} tries: {Reason}", m.Id, m.Kind, m.Channel, m.Tries, ex.Message);
            }
            else
            {
                m.State = MessageState.Queued;
                m.NextAttemptAt = clock.GetUtcNow().Add(Backoff(options, m.Tries));
                logger.LogInformation("Message {MessageId} ({Kind}, {Channel}) try {Tries} failed: {Reason}", m.Id, m.Kind, m.Channel, m.Tries, ex.Message);
            }
        }

        // Not the caller's token: a send that happened is recorded even when the app is stopping.
        await db.SaveChangesAsync(CancellationToken.None);
        PortalMetrics.Message(m.State, m.Channel);
    }

    private static string Cut(string value, int max) => value.Length <= max ? value : value[..max];
}

/// <summary>The dispatcher, every Messaging:DispatchInterval on one instance at a time.</summary>
[DisallowConcurrentExecution]
public sealed class DispatchMessagesJob(MessageDispatcher dispatcher) : IJob
{
    public const string Name = "messages-dispatch";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await dispatcher.RunAsync(cancellationToken);
}

/// <summary>Schedules the dispatcher's repeating trigger at start (instances that run jobs; idempotent).</summary>
public sealed class DispatchSchedule(BackgroundJobs jobs, JobsOptions jobsOptions, MessagingOptions options, ILogger<DispatchSchedule> logger) : IHostedService
{
    public const string Group = "messaging";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!jobsOptions.Enabled)
        {
            return;
        }

        try
        {
            var scheduler = await jobs.GetSchedulerAsync(cancellationToken);
            var interval = options.DispatchInterval < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : options.DispatchInterval;
            var triggerKey = new TriggerKey(DispatchMessagesJob.Name, Group);
            if (await scheduler.GetTrigger(triggerKey, cancellationToken) is ISimpleTrigger existing && existing.RepeatInterval == interval)
            {
                return;
            }

            var jobKey = new JobKey(DispatchMessagesJob.Name, Group);
            var job = JobBuilder.Create<DispatchMessagesJob>().WithIdentity(jobKey).StoreDurably().Build();
            var trigger = TriggerBuilder.Create()
                .WithIdentity(triggerKey)
                .ForJob(jobKey)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever())
                .Build();
            await scheduler.ScheduleJob(job, trigger, ScheduleJobOptions.Replacing, cancellationToken);
        }
        catch (Exception ex) when (ex is SchedulerException or System.Data.Common.DbException)
        {
            logger.LogError("Messages: dispatcher not scheduled ({Error})", ex.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
