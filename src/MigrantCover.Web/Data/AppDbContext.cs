using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace MigrantCover.Web.Data;

/// <summary>
/// The one EF Core context. Two one-line subclasses pick the provider and its migration set
/// (SqliteAppDbContext, PostgresAppDbContext). Writes to workers are audited here, so that no
/// code path can change a worker without leaving a trace.
/// </summary>
public abstract class AppDbContext : IdentityDbContext<StaffUser>, IDataProtectionKeyContext
{
    /// <summary>An heir's bookkeeping: not audited (every other field's change is, R-HEIR-6).</summary>
    public static readonly IReadOnlySet<string> UnauditedHeirFields = new HashSet<string>
    {
        nameof(Heir.Version), nameof(Heir.CreatedAt), nameof(Heir.CreatedBy), nameof(Heir.LiveNik),
    };

    /// <summary>The worker's bookkeeping, derived on every save, not facts about the worker: not audited (every other field's change is).</summary>
    public static readonly IReadOnlySet<string> UnauditedWorkerFields = new HashSet<string>
    {
        nameof(Worker.Version), nameof(Worker.UpdatedAt), nameof(Worker.CreatedAt), nameof(Worker.NameKey),
        nameof(Worker.RegisteredMonth), nameof(Worker.DepartedMonth), nameof(Worker.ProvinceCode),
        nameof(Worker.RegencyCode), nameof(Worker.CoverPhase), nameof(Worker.CoveredFrom), nameof(Worker.CoveredUntil),
    };

    // Claim fields that are bookkeeping (the audit of a claim is its history, R-CLM-9).
    private static readonly HashSet<string> UnauditedClaimFields =
    [
        nameof(BenefitClaim.Version), nameof(BenefitClaim.UpdatedAt), nameof(BenefitClaim.CreatedAt),
        nameof(BenefitClaim.ReportedMonth), nameof(BenefitClaim.PaidMonth), nameof(BenefitClaim.HeirSnapshot),
    ];

    private readonly IAuditActor _actor;
    private readonly TimeProvider _clock;

    // The tally shard every save of this context writes its deltas to (Tallies.Shards, decision 0012):
    // one per context, so that the saves of one transaction lock their tally rows in one order.
    private readonly int _tallyShard = Tallies.PickShard();

    // The rows added with the audit of the saves that made them (AddClaim, AddMade), until the next save
    // writes them.
    private readonly List<(object Row, List<AuditEntry> History)> _histories = [];
    private readonly HashSet<object> _carried = new(ReferenceEqualityComparer.Instance);

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

    public DbSet<Heir> Heirs => Set<Heir>();

    public DbSet<BenefitClaim> Claims => Set<BenefitClaim>();

    public DbSet<ClaimDocumentItem> ClaimDocuments => Set<ClaimDocumentItem>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<WorkerTally> WorkerTallies => Set<WorkerTally>();

    public DbSet<DepartureTally> DepartureTallies => Set<DepartureTally>();

    public DbSet<CoverTally> CoverTallies => Set<CoverTally>();

    public DbSet<PaymentTally> PaymentTallies => Set<PaymentTally>();

    public DbSet<Import> Imports => Set<Import>();

    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();

    public DbSet<ImportError> ImportErrors => Set<ImportError>();

    public DbSet<ImportDuplicate> ImportDuplicates => Set<ImportDuplicate>();

    /// <summary>A reason for the changes about to be saved, copied into their audit entries.</summary>
    public string? AuditReason { get; set; }

    public IAuditActor Actor => _actor;

    /// <summary>The actor's office once read through this context (WorkerQueries.OfficeOfAsync): one query per context, not per registration of a batch.</summary>
    internal (string ActorId, string? Office)? ActorOffice { get; set; }

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
        configurationBuilder.Properties<HeirRelationship>().HaveConversion<CodeConverter<HeirRelationship>>().HaveMaxLength(20);
        configurationBuilder.Properties<ClaimType>().HaveConversion<CodeConverter<ClaimType>>().HaveMaxLength(30);
        configurationBuilder.Properties<ClaimState>().HaveConversion<CodeConverter<ClaimState>>().HaveMaxLength(20);
        configurationBuilder.Properties<ClaimReason>().HaveConversion<CodeConverter<ClaimReason>>().HaveMaxLength(30);
        configurationBuilder.Properties<FailedDepartureCause>().HaveConversion<CodeConverter<FailedDepartureCause>>().HaveMaxLength(30);
        configurationBuilder.Properties<JhtTrigger>().HaveConversion<CodeConverter<JhtTrigger>>().HaveMaxLength(30);
        configurationBuilder.Properties<ReporterRole>().HaveConversion<CodeConverter<ReporterRole>>().HaveMaxLength(20);
        configurationBuilder.Properties<ClaimOutcome>().HaveConversion<CodeConverter<ClaimOutcome>>().HaveMaxLength(10);
        configurationBuilder.Properties<AmountBasis>().HaveConversion<CodeConverter<AmountBasis>>().HaveMaxLength(10);
        configurationBuilder.Properties<RejectionReason>().HaveConversion<CodeConverter<RejectionReason>>().HaveMaxLength(20);
        configurationBuilder.Properties<Programme>().HaveConversion<CodeConverter<Programme>>().HaveMaxLength(5);
    }

    // The tallies (Tallies, docs/decisions/0006-tallies.md) change in the same transaction as the rows
    // they count: the caller's transaction if one is open, else one of our own around the save and the
    // upserts. The tracker accepts the changes only once both are done, so a failed save can be retried:
    // our own transaction runs as one unit of the execution strategy (on PostgreSQL it is run again when
    // the server went away, docs/decisions/0011-database-retries-and-503.md).
    //
    // The synchronous save is the same path, waited for: nothing of ours calls it, and a second copy of
    // the path (tallies, commit check) would drift from this one.
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var cached = CachedChanges();
        var count = await SaveAsync(acceptAllChangesOnSuccess, cancellationToken);
        _carried.Clear();
        Evict(cached);
        return count;
    }

    private async Task<int> SaveAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        Stamp();
        var deltas = Tallies.Collect(ChangeTracker);

        // On PostgreSQL every save runs as a unit of our own (below), so that a retry after a lost
        // COMMIT answer is checked first, tallies or not (decision 0011).
        if (deltas.IsEmpty && (!Database.IsNpgsql() || Database.CurrentTransaction is not null || !ChangeTracker.HasChanges()))
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
            // A COMMIT whose answer was lost is checked before the unit runs again (CommitCheck): run
            // again, it would insert its rows a second time and meet its own first try's unique keys.
            var commit = new CommitCheck();
            var saved = 0;
            count = await Database.CreateExecutionStrategy().ExecuteAsync(
                0,
                async (_, _, ct) =>
                {
                    commit.Reset();
                    await using var own = await Database.BeginTransactionAsync(ct);
                    saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                    await Tallies.ApplyAsync(this, deltas, _tallyShard, ct);
                    await commit.BeforeCommitAsync(this, ct);
                    await own.CommitAsync(ct);
                    return saved;
                },
                async (_, _, ct) => new ExecutionResult<int>(await commit.CommittedAsync(this, ct), saved),
                cancellationToken);
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

    // Bookkeeping and the audit trail for every tracked change to a worker and its records, by the
    // context's actor, now. A row added with its history (AddClaim, AddMade) was audited already: the
    // histories follow the entries of this save, in the order of their times (a worker's history, kept
    // in the order it is saved in, reads as it went).
    private void Stamp()
    {
        var made = new Made(_actor, _clock.GetUtcNow(), AuditReason);
        var entries = new List<AuditEntry>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State != EntityState.Added || !_carried.Contains(entry.Entity))
            {
                Stamp(entry, made, entries);
            }
        }

        AuditEntries.AddRange(entries);
        if (_histories.Count > 0)
        {
            // Written once: a save that fails and is tried again finds them tracked already, and the rows
            // they audit stay carried (not audited again by this context's actor) until a save succeeds.
            AuditEntries.AddRange(_histories.Where(h => Entry(h.Row).State == EntityState.Added).SelectMany(h => h.History).OrderBy(a => a.At));
            _histories.Clear();
        }
    }

    // One tracked change: its bookkeeping and its audit entries, as made by made.By at made.At.
    private void Stamp(EntityEntry entry, Made made, List<AuditEntry> entries)
    {
        var now = made.At;
        switch (entry.Entity)
        {
            case Worker w when entry.State == EntityState.Added:
                w.CreatedAt = w.UpdatedAt = now;
                w.Version = 1;
                DeriveWorkerKeys(w);
                entries.Add(Audit(w.Id, made, "registered", null, null, null));
                if (w.RemindersConsent)
                {
                    // The consent history starts with the registration (UU 27/2022).
                    entries.Add(Audit(w.Id, made, "consent", "reminderChannels", null, $"{w.ReminderChannels} {Show(w.ConsentOn)} {w.PreferredLanguage}"));
                }

                break;
            case Worker w when entry.State == EntityState.Modified:
                DeriveWorkerKeys(w);
                foreach (var p in entry.Properties)
                {
                    if (p.IsModified && !UnauditedWorkerFields.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
                    {
                        entries.Add(Audit(w.Id, made, "updated", Camel(p.Metadata.Name), Show(p.OriginalValue), Show(p.CurrentValue)));
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
                entries.Add(Audit(p.WorkerId, made, "payment", "payments", null, $"{Codes.Of(p.Kind)} {p.Amount.ToString(CultureInfo.InvariantCulture)} {p.PaidOn:yyyy-MM-dd} {p.Reference}"));
                QueueFor(p.WorkerId, MessageKind.PaymentReceipt, p.Id.ToString("N"), p.PaidOn, now);
                break;
            case DocumentVerification d when entry.State is EntityState.Added or EntityState.Modified:
                var old = entry.State == EntityState.Modified ? Show(entry.Property(nameof(DocumentVerification.Verified)).OriginalValue) : null;
                entries.Add(Audit(d.WorkerId, made, "document", "documents." + Codes.Of(d.Type), old, Show(d.Verified) + (d.Reference is null ? "" : " " + d.Reference)));
                break;
            case Heir h when entry.State == EntityState.Added:
                // R-HEIR-6: every addition, change or ending of an heir, like a change to the worker.
                h.Version = 1;
                h.LiveNik = LiveNik(h);
                entries.Add(Audit(h.WorkerId, made, "heir", HeirField(h.Id, null), null, $"{Codes.Of(h.Relationship)} {h.FullName}"));
                break;
            case Heir h when entry.State == EntityState.Modified:
                AuditModified(entry, entries, made, h.WorkerId, HeirField(h.Id, null) + ".", UnauditedHeirFields, entry.Property(nameof(Heir.EndedOn)).IsModified ? "heir-ended" : "heir");
                h.LiveNik = LiveNik(h);
                h.Version++;
                break;
            case BenefitClaim c when entry.State == EntityState.Added:
                c.CreatedAt = c.UpdatedAt = now;
                c.Version = 1;
                c.ReportedMonth = DateKeys.Month(c.ReportedOn);
                c.PaidMonth = DateKeys.Month(c.PaidOn);
                entries.Add(Audit(c.WorkerId, made, "claim", ClaimField(c.Id, null), null, $"{c.Number} {Codes.Of(c.Type)} {c.IncidentOn:yyyy-MM-dd} {Codes.Of(c.State)}"));
                break;
            case BenefitClaim c when entry.State == EntityState.Modified:
                c.ReportedMonth = DateKeys.Month(c.ReportedOn);
                c.PaidMonth = DateKeys.Month(c.PaidOn);
                AuditModified(entry, entries, made, c.WorkerId, ClaimField(c.Id, null) + ".", UnauditedClaimFields, "claim");
                c.UpdatedAt = now;
                c.Version++;
                break;
            case ClaimDocumentItem d when entry.State == EntityState.Modified:
                var claimWorker = ChangeTracker.Entries<BenefitClaim>().FirstOrDefault(e => e.Entity.Id == d.ClaimId)?.Entity.WorkerId;
                if (claimWorker is { } cw)
                {
                    entries.Add(Audit(cw, made, "claim-document", ClaimField(d.ClaimId, "doc." + d.Code), Show(entry.Property(nameof(ClaimDocumentItem.Verified)).OriginalValue), Show(d.Verified) + (d.Reference is null ? "" : " " + d.Reference)));
                }

                break;
            case StageEvent s when entry.State == EntityState.Added && s.Kind != StageEventKind.Registration:
                entries.Add(Audit(s.WorkerId, made, "stage", "stageEvents", s.FromStage is null ? null : Codes.Of(s.FromStage.Value), $"{Codes.Of(s.Kind)} {s.OccurredOn:yyyy-MM-dd}"));
                if (s.Kind == StageEventKind.Departure)
                {
                    QueueFor(s.WorkerId, MessageKind.DepartureProof, Outbox.PeriodKeyOf(s.OccurredOn), s.OccurredOn, now);
                }

                break;
        }
    }

    /// <summary>
    /// Adds a claim together with the way it already went (the demo seed, R-CLM-9): <paramref name="claim"/>
    /// as the first step reported it, then each later step's change in turn. Each step is audited by the
    /// code that audits every save, as that step's own save would have been: by its actor, at its time,
    /// with its reason, and with the claim's version and timestamps moving as they would. The claim is
    /// saved as its last step leaves it, with its history, by the next save.
    /// </summary>
    public void AddClaim(BenefitClaim claim, IReadOnlyList<ClaimHistoryStep> history)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count == 0 || history[0].Change is not null || history.Skip(1).Any(s => s.Change is null))
        {
            throw new ArgumentException("A claim's history is its report (no change), then steps that change it.", nameof(history));
        }

        // Only this claim's rows are compared, step by step: not the whole tracker at every step.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            List<EntityEntry> rows = [Claims.Add(claim), .. claim.Documents.Select(d => Entry(d))];
            var audit = new List<AuditEntry>();
            foreach (var step in history)
            {
                if (step.Change is { } change)
                {
                    // The rows as the step before saved them, attached unchanged: this step's change is
                    // compared with them. (Setting a modified row unchanged would undo its change instead.)
                    foreach (var row in rows)
                    {
                        row.State = EntityState.Detached;
                    }

                    Claims.Attach(claim);
                    rows = [Entry(claim), .. claim.Documents.Select(d => Entry(d))];
                    change(claim);
                    foreach (var row in rows)
                    {
                        row.DetectChanges();
                    }
                }

                var made = new Made(step.By, step.At, step.Reason);
                foreach (var row in rows)
                {
                    Stamp(row, made, audit);
                }
            }

            foreach (var row in rows)
            {
                row.State = EntityState.Added;
                _carried.Add(row.Entity);
            }

            _histories.Add((claim, audit));
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Adds one row made earlier (the demo seed): <paramref name="row"/> alone, not the rows it refers to,
    /// stamped and audited by the code that audits every save, as its own save would have been: by
    /// <paramref name="by"/> at <paramref name="at"/>. Saved with its audit entries by the next save.
    /// </summary>
    public void AddMade(object row, IAuditActor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(by);

        // Only this row: not the whole tracker (nor the rows it refers to) at every row.
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var entry = Entry(row);
            entry.State = EntityState.Added;
            var audit = new List<AuditEntry>();
            Stamp(entry, new Made(by, at, null), audit);
            _carried.Add(row);
            _histories.Add((row, audit));
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>The audit field of an heir (<c>heir:&lt;id&gt;</c>, then <c>.field</c>).</summary>
    public static string HeirField(Guid heirId, string? field) => "heir:" + heirId.ToString("N") + (field is null ? "" : "." + field);

    /// <summary>The audit field of a claim (<c>claim:&lt;id&gt;</c>, then <c>.field</c>): its history is every entry with this prefix.</summary>
    public static string ClaimField(Guid claimId, string? field) => "claim:" + claimId.ToString("N") + (field is null ? "" : "." + field);

    private static void AuditModified(EntityEntry entry, List<AuditEntry> entries, Made made, Guid workerId, string prefix, IReadOnlyCollection<string> skip, string action)
    {
        foreach (var p in entry.Properties)
        {
            if (p.IsModified && !skip.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
            {
                entries.Add(Audit(workerId, made, action, prefix + Camel(p.Metadata.Name), Clip(Show(p.OriginalValue)), Clip(Show(p.CurrentValue))));
            }
        }
    }

    private static string? Clip(string? value) => value is { Length: > 500 } v ? v[..500] : value;

    // A payment or a departure queues its message in the same save (decision 0022), for a worker who
    // consented; the worker is the tracked one the change was made on.
    private void QueueFor(Guid workerId, MessageKind kind, string periodKey, DateOnly about, DateTimeOffset now)
    {
        var worker = ChangeTracker.Entries<Worker>().Select(e => e.Entity).FirstOrDefault(w => w.Id == workerId);
        if (worker is null)
        {
            return;
        }

        // A save retried after a failure must not queue the same message twice.
        var queued = ChangeTracker.Entries<OutboxMessage>().Select(e => e.Entity)
            .Where(m => m.WorkerId == workerId && m.Kind == kind && m.PeriodKey == periodKey)
            .Select(m => m.Channel)
            .ToHashSet();
        OutboxMessages.AddRange(Outbox.For(worker, kind, periodKey, about, now).Where(m => !queued.Contains(m.Channel)));
    }
    /// <summary>
    /// Audits an admin action that is not a change to a worker (an account, a restriction, an office),
    /// saved with the next save: <paramref name="action"/> is account, restriction or office,
    /// <paramref name="field"/> what was done (created, disabled, ...), the values what it was done to.
    /// </summary>
    public void AuditAdmin(string action, string field, string? oldValue, string? newValue) =>
        AuditEntries.Add(new AuditEntry(null, _clock.GetUtcNow(), _actor.Id, _actor.Name, action, field, Clip(oldValue), Clip(newValue), AuditReason));

    private static AuditEntry Audit(Guid workerId, Made made, string action, string? field, string? oldValue, string? newValue) =>
        new(workerId, made.At, made.By.Id, made.By.Name, action, field, oldValue, newValue, made.Reason);

    // Who made a change, when, and why (AuditReason, or a claim step's reason).
    private readonly record struct Made(IAuditActor By, DateTimeOffset At, string? Reason);

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

    // R-HEIR-3's guard (the unique index on worker and live NIK): the NIK of an heir who has not ended.
    private static string? LiveNik(Heir h) => h.EndedOn is null ? h.Nik : null;

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static string? Show(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // A moment (a claim's verifiedAt, approvedAt) in ISO 8601 UTC, like the API, never the culture's "12/04/2026 ...".
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
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
