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

    // The tally shard every save of this context writes its deltas to (Tallies.Shards, decision 0012):
    // one per context, so that the saves of one transaction lock their tally rows in one order.
    private readonly int _tallyShard = Tallies.PickShard();

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
    // upserts. The tracker accepts the changes only once both are done, so a failed save can be retried:
    // our own transaction runs as one unit of the execution strategy (on PostgreSQL it is run again when
    // the server went away, docs/decisions/0011-database-retries-and-503.md).
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var cached = CachedChanges();
        var count = Save(acceptAllChangesOnSuccess);
        Evict(cached);
        return count;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var cached = CachedChanges();
        var count = await SaveAsync(acceptAllChangesOnSuccess, cancellationToken);
        Evict(cached);
        return count;
    }

    private int Save(bool acceptAllChangesOnSuccess)
    {
        Stamp();
        var deltas = Tallies.Collect(ChangeTracker);
        if (deltas.IsEmpty)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        int count;
        if (Database.CurrentTransaction is not null)
        {
            count = base.SaveChanges(acceptAllChangesOnSuccess: false);
            Tallies.Apply(this, deltas, _tallyShard);
        }
        else
        {
            count = Database.CreateExecutionStrategy().Execute(() =>
            {
                using var own = Database.BeginTransaction();
                var n = base.SaveChanges(acceptAllChangesOnSuccess: false);
                Tallies.Apply(this, deltas, _tallyShard);
                own.Commit();
                return n;
            });
        }

        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return count;
    }

    private async Task<int> SaveAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        Stamp();
        var deltas = Tallies.Collect(ChangeTracker);
        if (deltas.IsEmpty)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        int count;
        if (Database.CurrentTransaction is not null)
        {
            count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await Tallies.ApplyAsync(this, deltas, _tallyShard, cancellationToken);
        }
        else
        {
            count = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                await using var own = await Database.BeginTransactionAsync(ct);
                var n = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                await Tallies.ApplyAsync(this, deltas, _tallyShard, ct);
                await own.CommitAsync(ct);
                return n;
            }, cancellationToken);
        }

        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return count;
    }

    // What the instance caches (InstanceCaches) hold of the rows about to be saved: evicted once saved.
    private (bool Restrictions, List<string> StaffIds) CachedChanges()
    {
        var restrictions = false;
        var staff = new List<string>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                restrictions |= entry.Entity is PlacementRestrictionRule;
                if (entry.Entity is StaffUser user)
                {
                    staff.Add(user.Id);
                }
            }
        }

        return (restrictions, staff);
    }

    private void Evict((bool Restrictions, List<string> StaffIds) cached)
    {
        if (cached.Restrictions)
        {
            InstanceCaches.Restrictions.Evict(this, true);
        }

        foreach (var id in cached.StaffIds)
        {
            InstanceCaches.StaffAccounts.Evict(this, id);
        }
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
