namespace MigrantCover.Web.Data.Entities;

/// <summary>One change to a worker: who, when, what (field, old, new). Written by AppDbContext.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public Guid WorkerId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Staff account id, or "system".</summary>
    public string ActorId { get; set; } = "";

    /// <summary>Staff e-mail at the time, or "system".</summary>
    public string ActorName { get; set; } = "";

    /// <summary>registered, updated, payment, document, stage.</summary>
    public string Action { get; set; } = "";

    public string? Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    public string? Reason { get; set; }
}
