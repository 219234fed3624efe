using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MigrantCover.Web.Data.Configurations;

public sealed class WorkerConfiguration : IEntityTypeConfiguration<Worker>
{
    public void Configure(EntityTypeBuilder<Worker> b)
    {
        b.HasKey(w => w.Id);
        b.Property(w => w.Id).ValueGeneratedNever();
        b.Property(w => w.Nik).HasMaxLength(16).IsFixedLength(false);
        b.Property(w => w.FamilyCardNumber).HasMaxLength(16);
        b.Property(w => w.FullName).HasMaxLength(150);
        b.Property(w => w.NameKey).HasMaxLength(150);
        b.Property(w => w.PlaceOfBirth).HasMaxLength(100);
        b.Property(w => w.Address).HasMaxLength(300);
        b.Property(w => w.Phone).HasMaxLength(20);
        b.Property(w => w.Email).HasMaxLength(254);
        b.Property(w => w.ReminderChannels).HasMaxLength(40);
        b.Property(w => w.PreferredLanguage).HasMaxLength(2).HasDefaultValue("id");
        b.Property(w => w.AgencyName).HasMaxLength(150);
        b.Property(w => w.AgencyLicence).HasMaxLength(60);
        b.Property(w => w.DestinationCountry).HasMaxLength(2);
        b.Property(w => w.Occupation).HasMaxLength(100);
        b.Property(w => w.EmployerName).HasMaxLength(150);
        b.Property(w => w.PassportNumber).HasMaxLength(10);
        b.Property(w => w.MembershipNumber).HasMaxLength(11);
        b.Property(w => w.ProvinceCode).HasMaxLength(2);
        b.Property(w => w.RegencyCode).HasMaxLength(4);
        b.Property(w => w.OfficeCode).HasMaxLength(20);
        b.Property(w => w.Version).IsConcurrencyToken();

        // R-NIK-4: one NIK, one worker. R-KPJ-1: one membership number, one worker.
        b.HasIndex(w => w.Nik).IsUnique();
        b.HasIndex(w => w.MembershipNumber).IsUnique();
        b.HasIndex(w => w.PassportNumber);
        b.HasIndex(w => w.NameKey);

        // The officer's list (newest first) and its filters; the admin's breakdowns and gaps.
        b.HasIndex(w => new { w.RegisteredOn, w.Id });
        b.HasIndex(w => new { w.Stage, w.RegisteredOn });
        b.HasIndex(w => new { w.DestinationCountry, w.Stage });
        b.HasIndex(w => new { w.ProvinceCode, w.Stage });
        b.HasIndex(w => new { w.Scheme, w.Stage });
        b.HasIndex(w => new { w.Stage, w.CoveredUntil });
        b.HasIndex(w => new { w.RegisteredMonth, w.Stage });
        b.HasIndex(w => w.DepartedMonth);

        // The office's worklist (docs/officers.md): its candidates and placed workers by last day of cover.
        b.HasIndex(w => new { w.OfficeCode, w.Stage, w.CoveredUntil });

        b.HasMany(w => w.Documents).WithOne().HasForeignKey(d => d.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(w => w.Payments).WithOne().HasForeignKey(p => p.WorkerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(w => w.StageEvents).WithOne().HasForeignKey(e => e.WorkerId).OnDelete(DeleteBehavior.Restrict);
    }
}
