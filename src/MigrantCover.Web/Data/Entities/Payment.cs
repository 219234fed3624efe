namespace MigrantCover.Web.Data.Entities;

/// <summary>A contribution (iuran), priced by the rule set in force on its payment date (R-VER-1).</summary>
public sealed class Payment
{
    public Guid Id { get; set; }

    public Guid WorkerId { get; set; }

    public PaymentKind Kind { get; set; }

    /// <summary>Whole rupiah.</summary>
    public long Amount { get; set; }

    public DateOnly PaidOn { get; set; }

    /// <summary>yyyymm of <see cref="PaidOn"/>, for monthly totals.</summary>
    public int PaidMonth { get; set; }

    /// <summary>The bank's or billing reference; recorded once (R-PAY-2).</summary>
    public string Reference { get; set; } = "";

    /// <summary>Months bought, for extension and JHT payments (R-PAY-1).</summary>
    public int? Months { get; set; }

    /// <summary>JHT tier chosen (R-PRG-2).</summary>
    public long? MonthlyAmount { get; set; }

    /// <summary>Id of the rule set that priced it, e.g. permenaker-4-2023 (R-VER-1).</summary>
    public string RuleSet { get; set; } = "";

    public DateTimeOffset RecordedAt { get; set; }

    public string RecordedBy { get; set; } = "";
}
