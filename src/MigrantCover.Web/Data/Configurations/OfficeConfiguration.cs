using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MigrantCover.Web.Data.Configurations;

public sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> b)
    {
        b.HasKey(o => o.Code);
        b.Property(o => o.Code).HasMaxLength(20);
        b.Property(o => o.Name).HasMaxLength(150);
        b.Property(o => o.Kind).HasMaxLength(12);
        b.Property(o => o.ProvinceCode).HasMaxLength(2);
        b.Property(o => o.RegencyCode).HasMaxLength(4);
        b.HasIndex(o => o.ProvinceCode);
    }
}
