namespace MigrantCover.Web.Data.Entities;

/// <summary>What a message to a worker is about (docs/coverage.md, "Reminders").</summary>
public enum MessageKind
{
    /// <summary>R-COV-1/2: pre-placement cover lapses within 14 days and the worker has not departed.</summary>
    PreplacementLapsing,

    /// <summary>R-COV-2: pre-placement cover has lapsed before departure (next step: a new payment).</summary>
    PreplacementLapsed,

    /// <summary>R-COV-4/5: placement cover ends within 30 days (extension or return).</summary>
    PlacementEnding,

    /// <summary>R-COV-6: post-placement cover ends within 7 days.</summary>
    PostplacementEnding,

    /// <summary>A payment was recorded: the receipt summary.</summary>
    PaymentReceipt,

    /// <summary>The worker departed: the link to the proof of coverage.</summary>
    DepartureProof,
}

/// <summary>A channel the worker consented to.</summary>
public enum MessageChannel
{
    Email,
    Sms,
    Whatsapp,
}

/// <summary>Where a message is: queued (due at <see cref="OutboxMessage.NextAttemptAt"/>), being sent, sent, failed after the last try, or cancelled (consent withdrawn).</summary>
public enum MessageState
{
    Queued,
    Sending,
    Sent,
    Failed,
    Cancelled,
}

/// <summary>
/// One message to one worker on one channel, written in the same transaction as its cause (a payment, a
/// departure) or by the daily reminder scan. (worker, kind, period, channel) is unique: each message is
/// queued at most once, whatever the restarts or instances. Holds no personal data besides the text sent
/// (kept for the admins' outbox), which is rendered at send time from the worker's record.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public Guid WorkerId { get; set; }

    public MessageKind Kind { get; set; }

    /// <summary>The cover period or event the message is about: the cover's last day, the payment's id or the departure day.</summary>
    public string PeriodKey { get; set; } = "";

    public MessageChannel Channel { get; set; }

    /// <summary>"id" or "en", the worker's language when the message was queued.</summary>
    public string Language { get; set; } = "id";

    public MessageState State { get; set; }

    /// <summary>The day the message is about: the cover's last day, the payment's or the departure's day.</summary>
    public DateOnly About { get; set; }

    public int Tries { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Why the last try failed (an exception type or the gateway's status), never personal data.</summary>
    public string? LastError { get; set; }

    /// <summary>How it went out: smtp, gateway, or local (the development outbox).</summary>
    public string? Via { get; set; }

    /// <summary>The text as sent (set on sending), for the admins' outbox.</summary>
    public string? Subject { get; set; }

    public string? Body { get; set; }
}
