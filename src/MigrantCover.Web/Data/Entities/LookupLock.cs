namespace MigrantCover.Web.Data.Entities;

/// <summary>Failed-lookup counter per identifier (keyed hash), shared by every instance.</summary>
public sealed class LookupLock
{
    public string IdentifierHash { get; set; } = "";

    public int Failures { get; set; }

    public DateTimeOffset WindowStartedAt { get; set; }

    public DateTimeOffset? LockedUntil { get; set; }
}
