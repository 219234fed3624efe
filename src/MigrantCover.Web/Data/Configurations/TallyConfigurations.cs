using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MigrantCover.Web.Data.Sql;

namespace MigrantCover.Web.Data.Configurations;

// The tables: their primary keys are the upsert targets of Tallies (ON CONFLICT over the dimensions and
// the shard, decision 0012): no nullable column. The shard defaults to 0 (the rebuild and back-fills).
public sealed class WorkerTallyShardConfiguration : IEntityTypeConfiguration<WorkerTallyShard>
{
    public void Configure(EntityTypeBuilder<WorkerTallyShard> b)
    {
        b.ToTable("worker_tallies");
        b.HasKey(t => new { t.RegisteredMonth, t.Stage, t.Dimension, t.Value, t.Shard });
        b.Property(t => t.Dimension).HasMaxLength(12);
        b.Property(t => t.Value).HasMaxLength(150);
        b.Property(t => t.Shard).HasDefaultValue(0);
    }
}

public sealed class DepartureTallyShardConfiguration : IEntityTypeConfiguration<DepartureTallyShard>
{
    public void Configure(EntityTypeBuilder<DepartureTallyShard> b)
    {
        b.ToTable("departure_tallies");
        b.HasKey(t => new { t.RegisteredMonth, t.DepartedMonth, t.Shard });
        b.Property(t => t.Shard).HasDefaultValue(0);
    }
}

public sealed class CoverTallyShardConfiguration : IEntityTypeConfiguration<CoverTallyShard>
{
    public void Configure(EntityTypeBuilder<CoverTallyShard> b)
    {
        b.ToTable("cover_tallies");
        b.HasKey(t => new { t.Stage, t.CoverPhase, t.CoveredUntil, t.Shard });
        b.Property(t => t.CoverPhase).HasMaxLength(15);
        b.Property(t => t.Shard).HasDefaultValue(0);
    }
}

public sealed class PaymentTallyShardConfiguration : IEntityTypeConfiguration<PaymentTallyShard>
{
    public void Configure(EntityTypeBuilder<PaymentTallyShard> b)
    {
        b.ToTable("payment_tallies");
        b.HasKey(t => new { t.PaidMonth, t.Kind, t.Shard });
        b.Property(t => t.Shard).HasDefaultValue(0);
    }
}

// The totals every reader uses: views summing the shards (Data/Sql/TallyViews.cs).
public sealed class WorkerTallyConfiguration : IEntityTypeConfiguration<WorkerTally>
{
    public void Configure(EntityTypeBuilder<WorkerTally> b)
    {
        b.ToView(TallyViews.Workers);
        b.HasKey(t => new { t.RegisteredMonth, t.Stage, t.Dimension, t.Value });
        b.Property(t => t.Dimension).HasMaxLength(12);
        b.Property(t => t.Value).HasMaxLength(150);
    }
}

public sealed class DepartureTallyConfiguration : IEntityTypeConfiguration<DepartureTally>
{
    public void Configure(EntityTypeBuilder<DepartureTally> b)
    {
        b.ToView(TallyViews.Departures);
        b.HasKey(t => new { t.RegisteredMonth, t.DepartedMonth });
    }
}

public sealed class CoverTallyConfiguration : IEntityTypeConfiguration<CoverTally>
{
    public void Configure(EntityTypeBuilder<CoverTally> b)
    {
        b.ToView(TallyViews.Covers);
        b.HasKey(t => new { t.Stage, t.CoverPhase, t.CoveredUntil });
        b.Property(t => t.CoverPhase).HasMaxLength(15);
    }
}

public sealed class PaymentTallyConfiguration : IEntityTypeConfiguration<PaymentTally>
{
    public void Configure(EntityTypeBuilder<PaymentTally> b)
    {
        b.ToView(TallyViews.Payments);
        b.HasKey(t => new { t.PaidMonth, t.Kind });
    }
}
