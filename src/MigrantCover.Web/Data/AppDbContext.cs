using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace MigrantCover.Web.Data;

/// <summary>
/// The one EF Core context. Two one-line subclasses pick the provider and its migration set
/// (SqliteAppDbContext, PostgresAppDbContext). Writes to workers are audited here, so that no
/// code path can change a worker without leaving a trace.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<StaffUser>, IDataProtectionKeyContext
{
    // Fields whose changes are bookkeeping, not facts about the worker.
    private static readonly HashSet<string> UnauditedWorkerFields =
    [
        nameof(Worker.Version), nameof(Worker.UpdatedAt), nameof(Worker.CreatedAt), nameof(Worker.NameKey),
        nameof(Worker.RegisteredMonth), nameof(Worker.DepartedMonth), nameof(Worker.ProvinceCode),
        nameof(Worker.RegencyCode), nameof(Worker.CoverPhase), nameof(Worker.CoveredFrom), nameof(Worker.CoveredUntil),
    ];

    private readonly IAuditActor _actor;
    private readonly TimeProvider _clock;

    protected AppDbContext(DbContextOptions options, IAuditActor? actor, TimeProvider? clock)
        : base(options)
    {
        _actor = actor ?? SystemActor.Instance;
        _clock = clock ?? TimeProvider.System;
    }

    public DbSet<Worker> Workers => Set<Worker>();

    public DbSet<DocumentVerification> DocumentVerifications => Set<DocumentVerification>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<StageEvent> StageEvents => Set<StageEvent>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Office> Offices => Set<Office>();

    public DbSet<PlacementRestrictionRule> PlacementRestrictions => Set<PlacementRestrictionRule>();

    public DbSet<MembershipCounter> MembershipCounters => Set<MembershipCounter>();

    public DbSet<CoverageLookup> CoverageLookups => Set<CoverageLookup>();

    public DbSet<LookupLock> LookupLocks => Set<LookupLock>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<WorkerTally> WorkerTallies => Set<WorkerTally>();

    public DbSet<DepartureTally> DepartureTallies => Set<DepartureTally>();

    public DbSet<CoverTally> CoverTallies => Set<CoverTally>();

    public DbSet<PaymentTally> PaymentTallies => Set<PaymentTally>();

    /// <summary>A reason for the changes about to be saved, copied into their audit entries.</summary>
    public string? AuditReason { get; set; }

    public IAuditActor Actor => _actor;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly, t => t.Namespace == typeof(AppDbContext).Namespace + ".Configurations");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enumerations are stored as the rule book's codes ("pre-placement"), readable in SQL.
        configurationBuilder.Properties<Sex>().HaveConversion<CodeConverter<Sex>>().HaveMaxLength(6);
        configurationBuilder.Properties<Purpose>().HaveConversion<CodeConverter<Purpose>>().HaveMaxLength(20);
        configurationBuilder.Properties<Category>().HaveConversion<CodeConverter<Category>>().HaveMaxLength(10);
        configurationBuilder.Properties<Scheme>().HaveConversion<CodeConverter<Scheme>>().HaveMaxLength(12);
        configurationBuilder.Properties<Stage>().HaveConversion<CodeConverter<Stage>>().HaveMaxLength(20);
        configurationBuilder.Properties<PaymentKind>().HaveConversion<CodeConverter<PaymentKind>>().HaveMaxLength(14);
        configurationBuilder.Properties<DocumentType>().HaveConversion<CodeConverter<DocumentType>>().HaveMaxLength(20);
        configurationBuilder.Properties<StageEventKind>().HaveConversion<CodeConverter<StageEventKind>>().HaveMaxLength(20);
        configurationBuilder.Properties<CoverPhase>().HaveConversion<CodeConverter<CoverPhase>>().HaveMaxLength(15);
    }

    // The tallies (Tallies, docs/decisions/0006-tallies.md) change in the same transaction as the rows
    // they count: the caller's transaction if one is open, else one of our own around the save and the
    // upserts. The tracker accepts the changes only once both are done, so a failed save can be retried.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Stamp();
        var deltas = Tallies.Collect(ChangeTracker);
        if (deltas.IsEmpty)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var count = base.SaveChanges(acceptAllChangesOnSuccess: false);
        Tallies.Apply(this, deltas);
        own?.Commit();
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return count;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Stamp();
        var deltas = Tallies.Collect(ChangeTracker);
        if (deltas.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        await Tallies.ApplyAsync(this, deltas, cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return count;
    }

    // Bookkeeping and the audit trail for every tracked change to a worker and its records.
    private void Stamp()
    {
        var now = _clock.GetUtcNow();
        var entries = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            switch (entry.Entity)
            {
                case Worker w when entry.State == EntityState.Added:
                    w.CreatedAt = w.UpdatedAt = now;
                    w.Version = 1;
                    DeriveWorkerKeys(w);
                    entries.Add(Audit(w.Id, now, "registered", null, null, null));
                    break;
                case Worker w when entry.State == EntityState.Modified:
                    DeriveWorkerKeys(w);
                    foreach (var p in entry.Properties)
                    {
                        if (p.IsModified && !UnauditedWorkerFields.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
                        {
                            entries.Add(Audit(w.Id, now, "updated", Camel(p.Metadata.Name), Show(p.OriginalValue), Show(p.CurrentValue)));
                        }
                    }

                    if (entries.Count > 0 || entry.Properties.Any(p => p.IsModified))
                    {
                        w.UpdatedAt = now;
                        w.Version++;
                    }

                    break;
                case Payment p when entry.State == EntityState.Modified:
                    p.PaidMonth = DateKeys.Month(p.PaidOn);
                    break;
                case Payment p when entry.State == EntityState.Added:
                    p.PaidMonth = DateKeys.Month(p.PaidOn);
                    entries.Add(Audit(p.WorkerId, now, "payment", "payments", null, $"{Codes.Of(p.Kind)} {p.Amount.ToString(CultureInfo.InvariantCulture)} {p.PaidOn:yyyy-MM-dd} {p.Reference}"));
                    break;
                case DocumentVerification d when entry.State is EntityState.Added or EntityState.Modified:
                    var old = entry.State == EntityState.Modified ? Show(entry.Property(nameof(DocumentVerification.Verified)).OriginalValue) : null;
                    entries.Add(Audit(d.WorkerId, now, "document", "documents." + Codes.Of(d.Type), old, Show(d.Verified) + (d.Reference is null ? "" : " " + d.Reference)));
                    break;
                case StageEvent s when entry.State == EntityState.Added && s.Kind != StageEventKind.Registration:
                    entries.Add(Audit(s.WorkerId, now, "stage", "stageEvents", s.FromStage is null ? null : Codes.Of(s.FromStage.Value), $"{Codes.Of(s.Kind)} {s.OccurredOn:yyyy-MM-dd}"));
                    break;
            }
        }

        AuditEntries.AddRange(entries);
    }

    /// <summary>
    /// Audits an admin action that is not a change to a worker (an account, a restriction, an office),
    /// saved with the next save: <paramref name="action"/> is account, restriction or office,
    /// <paramref name="field"/> what was done (created, disabled, ...), the values what it was done to.
    /// </summary>
    public void AuditAdmin(string action, string field, string? oldValue, string? newValue) =>
        AuditEntries.Add(new AuditEntry(null, _clock.GetUtcNow(), _actor.Id, _actor.Name, action, field, Cut(oldValue), Cut(newValue), AuditReason));

    private static string? Cut(string? value) => value is { Length: > 500 } ? value[..500] : value;

    private AuditEntry Audit(Guid workerId, DateTimeOffset at, string action, string? field, string? oldValue, string? newValue) =>
        new(workerId, at, _actor.Id, _actor.Name, action, field, oldValue, newValue, AuditReason);

    private static void DeriveWorkerKeys(Worker w)
    {
        w.NameKey = Worker.NameKeyOf(w.FullName);
        w.RegisteredMonth = DateKeys.Month(w.RegisteredOn);
        w.DepartedMonth = DateKeys.Month(w.DepartedOn);
        if (w.Nik.Length >= 4)
        {
            w.ProvinceCode = w.Nik[..2];
            w.RegencyCode = w.Nik[..4];
        }
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string? Show(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(e.ToString()),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>Stores an enumeration as its rule-book code.</summary>
public sealed class CodeConverter<T>() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string>(
    v => Codes.Of(v),
    s => Parse(s))
    where T : struct, Enum
{
    private static T Parse(string s) => Codes.TryParse<T>(s, out var v) ? v : throw new InvalidOperationException($"Unknown {typeof(T).Name} code in the database.");
}
