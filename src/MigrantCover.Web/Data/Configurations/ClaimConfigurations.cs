using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MigrantCover.Web.Data.Configurations;

public sealed class HeirConfiguration : IEntityTypeConfiguration<Heir>
{
    public void Configure(EntityTypeBuilder<Heir> b)
    {
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.FullName).HasMaxLength(150);
        b.Property(h => h.Nik).HasMaxLength(16);
        b.Property(h => h.LiveNik).HasMaxLength(16);
        b.Property(h => h.Phone).HasMaxLength(20);
        b.Property(h => h.EndReason).HasMaxLength(500);
        b.Property(h => h.CreatedBy).HasMaxLength(256);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.Ignore(h => h.Class);
        b.HasOne<Worker>().WithMany().HasForeignKey(h => h.WorkerId).OnDelete(DeleteBehavior.Restrict);
        // R-HEIR-3: one live heir per NIK per worker (NULLs are distinct: no NIK, or ended). It also serves
        // the worker's list of heirs.
        b.HasIndex(h => new { h.WorkerId, h.LiveNik }).IsUnique();
    }
}

public sealed class BenefitClaimConfiguration : IEntityTypeConfiguration<BenefitClaim>
{
    public void Configure(EntityTypeBuilder<BenefitClaim> b)
    {
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Number).HasMaxLength(20);
        b.Property(c => c.ReporterName).HasMaxLength(150);
        b.Property(c => c.ReporterContact).HasMaxLength(150);
        b.Property(c => c.RuleSet).HasMaxLength(30);
        b.Property(c => c.AmountRuleSet).HasMaxLength(30);
        b.Property(c => c.CertificateHeirs).HasMaxLength(300);
        b.Property(c => c.NotRecordedReason).HasMaxLength(500);
        b.Property(c => c.GuardianName).HasMaxLength(150);
        b.Property(c => c.FuneralArrangerName).HasMaxLength(150);
        b.Property(c => c.HeirSnapshot).HasMaxLength(8000);
        b.Property(c => c.VerifiedBy).HasMaxLength(64);
        b.Property(c => c.VerifiedByName).HasMaxLength(256);
        b.Property(c => c.ApprovedBy).HasMaxLength(64);
        b.Property(c => c.ApprovedByName).HasMaxLength(256);
        b.Property(c => c.PaymentReference).HasMaxLength(60);
        b.Property(c => c.RejectionText).HasMaxLength(500);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.FrozenAmount);
        b.HasOne<Worker>().WithMany().HasForeignKey(c => c.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.ClaimId).OnDelete(DeleteBehavior.Cascade);

        b.HasIndex(c => c.Number).IsUnique();

        // R-CLM-9: one claim per worker, type and incident date (the race of two reports ends here).
        b.HasIndex(c => new { c.WorkerId, c.Type, c.IncidentOn }).IsUnique();

        // R-CLM-9 with R-PAY-2: a payment reference is recorded once.
        b.HasIndex(c => c.PaymentReference).IsUnique();

        // The list's filters and the dashboard's figures (state, type, month) as index scans with the amounts.
        b.HasIndex(c => new { c.State, c.Type }).IncludeProperties(c => new { c.ReportedMonth, c.Amount, c.EstimatedAmount });
        b.HasIndex(c => new { c.ReportedMonth, c.Type }).IncludeProperties(c => new { c.State, c.Amount, c.EstimatedAmount });
        b.HasIndex(c => c.ReportedOn);
    }
}

public sealed class ClaimDocumentItemConfiguration : IEntityTypeConfiguration<ClaimDocumentItem>
{
    public void Configure(EntityTypeBuilder<ClaimDocumentItem> b)
    {
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Code).HasMaxLength(40);
        b.Property(d => d.Reference).HasMaxLength(100);
        b.Property(d => d.VerifiedBy).HasMaxLength(256);
        b.HasIndex(d => new { d.ClaimId, d.Code }).IsUnique();
    }
}
