namespace MigrantCover.Web.Data.Entities;

/// <summary>
/// One change to a worker (<paramref name="WorkerId"/>), or an admin action on accounts, restrictions or
/// offices (no worker; <paramref name="Action"/> account, restriction, office): who (<paramref name="ActorId"/>: staff account id or "system";
/// <paramref name="ActorName"/>: their e-mail at the time), when, what (<paramref name="Action"/>:
/// registered, updated, consent, payment, document, stage, heir, heir-ended, claim, claim-document, account, restriction, office; the field, its old and new value) and why. Written by
/// AppDbContext only.
/// </summary>
public sealed record AuditEntry(
    Guid? WorkerId,
    DateTimeOffset At,
    string ActorId,
    string ActorName,
    string Action,
    string? Field,
    string? OldValue,
    string? NewValue,
    string? Reason)
{
    public long Id { get; init; }
}
