namespace MigrantCover.Web.Data.Entities;

/// <summary>A public coverage lookup: when, outcome, and a hash of the client address. No identifiers.</summary>
public sealed class CoverageLookup
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Set when the lookup matched a worker.</summary>
    public Guid? WorkerId { get; set; }

    /// <summary>found, not-found, locked, invalid, rate-limited.</summary>
    public string Outcome { get; set; } = "";

    /// <summary>page, api, proof.</summary>
    public string Channel { get; set; } = "";

    /// <summary>Keyed hash of the client address.</summary>
    public string ClientHash { get; set; } = "";
}
