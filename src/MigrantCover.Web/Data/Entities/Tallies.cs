namespace MigrantCover.Web.Data.Entities;

/// <summary>
/// Workers counted per registration month, stage and one breakdown value (docs/decisions/0006-tallies.md).
/// Kept exact by AppDbContext.SaveChanges in the transaction of every worker write; rebuilt by
/// <see cref="Tallies.RebuildAsync"/>. Never written directly by features.
/// </summary>
public sealed class WorkerTally
{
    /// <summary>yyyymm of the registration date (Worker.RegisteredMonth).</summary>
    public int RegisteredMonth { get; set; }

    public Stage Stage { get; set; }

    /// <summary>The name of a <see cref="TallyDimension"/>; "all" counts every worker once.</summary>
    public string Dimension { get; set; } = "";

    /// <summary>The value of the dimension: a country, province code, code of sex or scheme, agency ('' for none), occupation.</summary>
    public string Value { get; set; } = "";

    public long Workers { get; set; }

    /// <summary>Those of <see cref="Workers"/> with a membership number.</summary>
    public long Participants { get; set; }
}

/// <summary>Departed workers per registration month and departure month.</summary>
public sealed class DepartureTally
{
    public int RegisteredMonth { get; set; }

    public int DepartedMonth { get; set; }

    public long Workers { get; set; }
}

/// <summary>
/// Workers per stage and end of their current or last cover (the snapshot columns CoverPhase and
/// CoveredUntil), so that every gap count of the dashboard is a sum over a range of days.
/// </summary>
public sealed class CoverTally
{
    public Stage Stage { get; set; }

    /// <summary>Code of Worker.CoverPhase, '' for none.</summary>
    public string CoverPhase { get; set; } = "";

    /// <summary>Worker.CoveredUntil as yyyymmdd, 0 for none.</summary>
    public int CoveredUntil { get; set; }

    public long Workers { get; set; }
}

/// <summary>Payments and their amount per payment month and kind.</summary>
public sealed class PaymentTally
{
    public int PaidMonth { get; set; }

    public PaymentKind Kind { get; set; }

    public long Payments { get; set; }

    public long Amount { get; set; }
}
