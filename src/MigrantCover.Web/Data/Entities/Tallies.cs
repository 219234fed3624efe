namespace MigrantCover.Web.Data.Entities;

/// <summary>
/// Workers counted per registration month (yyyymm, Worker.RegisteredMonth), stage and one breakdown value
/// (docs/decisions/0006-tallies.md): <paramref name="Dimension"/> is the name of a <see cref="TallyDimension"/>
/// ("all" counts every worker once), <paramref name="Value"/> its value ('' for none); of them
/// <paramref name="Participants"/> have a membership number. Kept exact by AppDbContext.SaveChanges in
/// the transaction of every worker write; rebuilt by <see cref="Tallies.RebuildAsync"/>. Never written
/// directly by features. Read from the view <c>worker_tally_totals</c>, the sum of the table's shards
/// (<see cref="WorkerTallyShard"/>, decision 0012); the other three tallies likewise.
/// </summary>
public sealed record WorkerTally(int RegisteredMonth, Stage Stage, string Dimension, string Value, long Workers, long Participants);

/// <summary>Departed workers per registration month and departure month.</summary>
public sealed record DepartureTally(int RegisteredMonth, int DepartedMonth, long Workers);

/// <summary>
/// Workers per stage and end of their current or last cover (the snapshot columns CoverPhase, its code or
/// '' for none, and CoveredUntil as yyyymmdd, 0 for none), so that every gap count of the dashboard is a
/// sum over a range of days.
/// </summary>
public sealed record CoverTally(Stage Stage, string CoverPhase, int CoveredUntil, long Workers);

/// <summary>Payments and their amount per payment month and kind.</summary>
public sealed record PaymentTally(int PaidMonth, PaymentKind Kind, long Payments, long Amount);

/// <summary>
/// A row of the table <c>worker_tallies</c>: one shard's part of a <see cref="WorkerTally"/> (decision 0012).
/// The tables are written only by Tallies (upserts, rebuild); everything else reads the totals.
/// </summary>
public sealed record WorkerTallyShard(int RegisteredMonth, Stage Stage, string Dimension, string Value, int Shard, long Workers, long Participants);

/// <summary>A row of <c>departure_tallies</c>: one shard's part of a <see cref="DepartureTally"/>.</summary>
public sealed record DepartureTallyShard(int RegisteredMonth, int DepartedMonth, int Shard, long Workers);

/// <summary>A row of <c>cover_tallies</c>: one shard's part of a <see cref="CoverTally"/>.</summary>
public sealed record CoverTallyShard(Stage Stage, string CoverPhase, int CoveredUntil, int Shard, long Workers);

/// <summary>A row of <c>payment_tallies</c>: one shard's part of a <see cref="PaymentTally"/>.</summary>
public sealed record PaymentTallyShard(int PaidMonth, PaymentKind Kind, int Shard, long Payments, long Amount);
