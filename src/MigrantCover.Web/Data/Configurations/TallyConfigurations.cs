using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MigrantCover.Web.Data.Configurations;

// The primary keys are the upsert targets of Tallies (ON CONFLICT over the dimensions): no nullable column.
public sealed class WorkerTallyConfiguration : IEntityTypeConfiguration<WorkerTally>
{
    public void Configure(EntityTypeBuilder<WorkerTally> b)
    {
        b.HasKey(t => new { t.RegisteredMonth, t.Stage, t.Dimension, t.Value });
        b.Property(t => t.Dimension).HasMaxLength(12);
        b.Property(t => t.Value).HasMaxLength(150);
    }
}

public sealed class DepartureTallyConfiguration : IEntityTypeConfiguration<DepartureTally>
{
    public void Configure(EntityTypeBuilder<DepartureTally> b) =>
        b.HasKey(t => new { t.RegisteredMonth, t.DepartedMonth });
}

public sealed class CoverTallyConfiguration : IEntityTypeConfiguration<CoverTally>
{
    public void Configure(EntityTypeBuilder<CoverTally> b)
    {
        b.HasKey(t => new { t.Stage, t.CoverPhase, t.CoveredUntil });
        b.Property(t => t.CoverPhase).HasMaxLength(15);
    }
}

public sealed class PaymentTallyConfiguration : IEntityTypeConfiguration<PaymentTally>
{
    public void Configure(EntityTypeBuilder<PaymentTally> b) =>
        b.HasKey(t => new { t.PaidMonth, t.Kind });
}
