using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MigrantCover.Web.Data.Configurations;

public sealed class ImportConfiguration : IEntityTypeConfiguration<Import>
{
    public void Configure(EntityTypeBuilder<Import> b)
    {
        b.Property(i => i.FileName).HasMaxLength(200);
        b.Property(i => i.Format).HasMaxLength(4);
        b.Property(i => i.State).HasMaxLength(10);
        b.Property(i => i.FailureKey).HasMaxLength(60);
        b.Property(i => i.CreatedById).HasMaxLength(64);
        b.Property(i => i.CreatedByName).HasMaxLength(256);
        b.HasOne<ImportFile>().WithMany().HasForeignKey(i => i.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => i.CreatedAt);
        b.HasIndex(i => new { i.FileId, i.DryRun, i.State });
    }
}

public sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> b)
    {
        b.Property(f => f.Sha256).HasMaxLength(64);
        b.HasIndex(f => f.Sha256).IsUnique();
    }
}

public sealed class ImportErrorConfiguration : IEntityTypeConfiguration<ImportError>
{
    public void Configure(EntityTypeBuilder<ImportError> b)
    {
        b.Property(e => e.Field).HasMaxLength(64);
        b.Property(e => e.RuleId).HasMaxLength(20);
        b.Property(e => e.MessageId).HasMaxLength(1000);
        b.Property(e => e.MessageEn).HasMaxLength(1000);
        b.HasOne<Import>().WithMany().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.ImportId, e.Line });
    }
}

public sealed class ImportDuplicateConfiguration : IEntityTypeConfiguration<ImportDuplicate>
{
    public void Configure(EntityTypeBuilder<ImportDuplicate> b)
    {
        b.HasOne<Import>().WithMany().HasForeignKey(d => d.ImportId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => new { d.ImportId, d.Line });
    }
}
