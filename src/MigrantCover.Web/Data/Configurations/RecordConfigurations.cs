using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MigrantCover.Web.Data.Configurations;

public sealed class DocumentVerificationConfiguration : IEntityTypeConfiguration<DocumentVerification>
{
    public void Configure(EntityTypeBuilder<DocumentVerification> b)
    {
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Reference).HasMaxLength(100);
        b.Property(d => d.VerifiedBy).HasMaxLength(256);

        // One current record per document type; re-verifying updates it (the audit keeps the history).
        b.HasIndex(d => new { d.WorkerId, d.Type }).IsUnique();
    }
}

public sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Reference).HasMaxLength(60);
        b.Property(p => p.RuleSet).HasMaxLength(30);
        b.Property(p => p.RecordedBy).HasMaxLength(256);

        // R-PAY-2: a payment reference is recorded once.
        b.HasIndex(p => p.Reference).IsUnique();
        b.HasIndex(p => new { p.WorkerId, p.PaidOn });
        // Contributions by month and kind: an index-only scan with the amounts (admin dashboard).
        b.HasIndex(p => new { p.PaidMonth, p.Kind }).IncludeProperties(p => new { p.Amount, p.PaidOn });
    }
}

public sealed class StageEventConfiguration : IEntityTypeConfiguration<StageEvent>
{
    public void Configure(EntityTypeBuilder<StageEvent> b)
    {
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Reason).HasMaxLength(500);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        b.HasIndex(e => new { e.WorkerId, e.OccurredOn });
    }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.ActorId).HasMaxLength(64);
        b.Property(a => a.ActorName).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.Field).HasMaxLength(64);
        b.Property(a => a.OldValue).HasMaxLength(500);
        b.Property(a => a.NewValue).HasMaxLength(500);
        b.Property(a => a.Reason).HasMaxLength(500);
        b.HasIndex(a => new { a.WorkerId, a.At });
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.ActorName, a.At });
    }
}

public sealed class PlacementRestrictionRuleConfiguration : IEntityTypeConfiguration<PlacementRestrictionRule>
{
    // R-DST-2: ships with Kepmenaker 260/2015 (domestic workers to Middle East household employers).
    private static readonly string[] Kepmenaker260Countries =
        ["SA", "DZ", "BH", "IQ", "KW", "LB", "LY", "MA", "MR", "EG", "OM", "PS", "QA", "SD", "SY", "TN", "AE", "YE", "JO"];

    public void Configure(EntityTypeBuilder<PlacementRestrictionRule> b)
    {
        b.Property(r => r.CountryCode).HasMaxLength(2);
        b.Property(r => r.LegalBasis).HasMaxLength(200);
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.HasIndex(r => new { r.CountryCode, r.Category });
        b.HasData(Kepmenaker260Countries.Select((country, i) => new PlacementRestrictionRule
        {
            Id = i + 1,
            CountryCode = country,
            Category = Category.Domestic,
            ValidFrom = new DateOnly(2015, 7, 1),
            ValidTo = null,
            LegalBasis = "Kepmenaker No. 260 Tahun 2015",
            CreatedAt = new DateTimeOffset(2017, 8, 1, 0, 0, 0, TimeSpan.Zero),
            CreatedBy = "system",
        }));
    }
}

public sealed class MembershipCounterConfiguration : IEntityTypeConfiguration<MembershipCounter>
{
    public void Configure(EntityTypeBuilder<MembershipCounter> b)
    {
        b.HasKey(c => c.Year);
        b.Property(c => c.Year).ValueGeneratedNever();
        b.Property(c => c.LastSequence).IsConcurrencyToken();
    }
}

public sealed class CoverageLookupConfiguration : IEntityTypeConfiguration<CoverageLookup>
{
    public void Configure(EntityTypeBuilder<CoverageLookup> b)
    {
        b.Property(l => l.Outcome).HasMaxLength(20);
        b.Property(l => l.Channel).HasMaxLength(10);
        b.Property(l => l.ClientHash).HasMaxLength(64);
        b.HasIndex(l => new { l.WorkerId, l.At });
        b.HasIndex(l => l.At);
    }
}

public sealed class LookupLockConfiguration : IEntityTypeConfiguration<LookupLock>
{
    public void Configure(EntityTypeBuilder<LookupLock> b)
    {
        b.HasKey(l => l.IdentifierHash);
        b.Property(l => l.IdentifierHash).HasMaxLength(64);
    }
}

public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(150);
        b.Property(u => u.OfficeCode).HasMaxLength(20);
    }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.Kind).HasConversion<CodeConverter<MessageKind>>().HasMaxLength(24);
        b.Property(m => m.Channel).HasConversion<CodeConverter<MessageChannel>>().HasMaxLength(10);
        b.Property(m => m.State).HasConversion<CodeConverter<MessageState>>().HasMaxLength(10);
        b.Property(m => m.PeriodKey).HasMaxLength(40);
        b.Property(m => m.Language).HasMaxLength(2);
        b.Property(m => m.LastError).HasMaxLength(300);
        b.Property(m => m.Via).HasMaxLength(10);
        b.Property(m => m.Subject).HasMaxLength(200);
        b.Property(m => m.Body).HasMaxLength(4000);

        // At most once per (worker, kind, cover period, channel): a second scan, a restart or a second
        // instance inserts nothing new.
        b.HasIndex(m => new { m.WorkerId, m.Kind, m.PeriodKey, m.Channel }).IsUnique();

        // The dispatcher's "due now" and the admins' counts.
        b.HasIndex(m => new { m.State, m.NextAttemptAt });
    }
}
