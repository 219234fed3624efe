namespace MigrantCover.Web.Data.Entities;

/// <summary>A stage change of §9 with who, when and why. Never deleted.</summary>
public sealed class StageEvent
{
    public Guid Id { get; set; }

    public Guid WorkerId { get; set; }

    public StageEventKind Kind { get; set; }

    public Stage? FromStage { get; set; }

    public Stage ToStage { get; set; }

    /// <summary>The date it happened (departure, arrival, ...), as opposed to when it was recorded.</summary>
    public DateOnly OccurredOn { get; set; }

    public string? Reason { get; set; }

    /// <summary>Months added, for an extension.</summary>
    public int? Months { get; set; }

    public Guid? PaymentId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";

    /// <summary>The event of <paramref name="kind"/> moving <paramref name="worker"/> from its stage to <paramref name="to"/>, recorded now by someone.</summary>
    public static StageEvent Of(Worker worker, StageEventKind kind, Stage? from, Stage to, DateOnly occurredOn, DateTimeOffset recordedAt, string recordedBy) => new()
    {
        Id = Guid.CreateVersion7(),
        WorkerId = worker.Id,
        Kind = kind,
        FromStage = from,
        ToStage = to,
        OccurredOn = occurredOn,
        RecordedAt = recordedAt,
        RecordedBy = recordedBy,
    };
}
