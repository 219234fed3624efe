namespace MigrantCover.Web.Data.Entities;

/// <summary>
/// A claim (§14) from the first report to payment or rejection (R-CLM-9). The assessment at report is
/// kept as it was; the amount is frozen at approval with its rule set and basis (R-CLM-10).
/// </summary>
public sealed class BenefitClaim
{
    public Guid Id { get; set; }

    /// <summary>The number the family quotes: KLM-yyyy-xxxxxxxx.</summary>
    public string Number { get; set; } = "";

    public Guid WorkerId { get; set; }

    public ClaimType Type { get; set; }

    /// <summary>The incident date <c>t</c> (R-CLM-2).</summary>
    public DateOnly IncidentOn { get; set; }

    /// <summary>The first report (R-CLM-7 counts from it).</summary>
    public DateOnly ReportedOn { get; set; }

    /// <summary>yyyymm of <see cref="ReportedOn"/>, for monthly totals.</summary>
    public int ReportedMonth { get; set; }

    public ClaimState State { get; set; }

    public long? ClaimedAmount { get; set; }

    public FailedDepartureCause? Cause { get; set; }

    public JhtTrigger? Trigger { get; set; }

    public ReporterRole? ReporterRole { get; set; }

    public string? ReporterName { get; set; }

    public string? ReporterContact { get; set; }

    // The assessment at report (what the officer and the family were told).
    public bool Eligible { get; set; }

    public ClaimReason? Reason { get; set; }

    public Programme Programme { get; set; }

    public CoverPhase? Phase { get; set; }

    public string? RuleSet { get; set; }

    /// <summary>The amount the assessment expects (frozen at approval into <see cref="Amount"/>).</summary>
    public long? EstimatedAmount { get; set; }

    public DateOnly? LastReportOn { get; set; }

    public bool TwoStage { get; set; }

    // R-CLM-6: the second report.
    public ClaimOutcome? Outcome { get; set; }

    public DateOnly? OutcomeOn { get; set; }

    // R-HEIR-4/5: the payee, at verification.
    public Guid? PayeeHeirId { get; set; }

    public HeirRelationship? PayeeRelationship { get; set; }

    /// <summary>The relationships on the heir certificate, comma-separated codes.</summary>
    public string? CertificateHeirs { get; set; }

    public string? NotRecordedReason { get; set; }

    public string? GuardianName { get; set; }

    public string? FuneralArrangerName { get; set; }

    /// <summary>R-HEIR-6: the heirs as they were when the claim was reported (JSON, for deaths).</summary>
    public string? HeirSnapshot { get; set; }

    public string? VerifiedBy { get; set; }

    public string? VerifiedByName { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public string? ApprovedByName { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public DateOnly? ApprovedOn { get; set; }

    // R-CLM-10: frozen at approval.
    public long? Amount { get; set; }

    public AmountBasis? AmountBasis { get; set; }

    public string? AmountRuleSet { get; set; }

    public CoverPhase? AmountPhase { get; set; }

    public long? AmountCap { get; set; }

    public long? AmountClaimed { get; set; }

    public long? AmountContributions { get; set; }

    public long? AmountWithdrawn { get; set; }

    public bool FuneralOnly { get; set; }

    /// <summary>R-CLM-9 with R-PAY-2: recorded once.</summary>
    public string? PaymentReference { get; set; }

    public DateOnly? PaidOn { get; set; }

    public int? PaidMonth { get; set; }

    public RejectionReason? RejectionReason { get; set; }

    public string? RejectionText { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, incremented on every change.</summary>
    public long Version { get; set; }

    public List<ClaimDocumentItem> Documents { get; set; } = [];

    /// <summary>The amount frozen at approval, as the domain explains it (R-CLM-10).</summary>
    public ClaimAmount? FrozenAmount => Amount is { } a && AmountBasis is { } b && AmountRuleSet is { } rs
        ? new ClaimAmount(a, b, rs, AmountPhase, AmountCap, AmountClaimed, AmountContributions, AmountWithdrawn, FuneralOnly)
        : null;

    /// <summary>A copy of the claim and of its checklist's items, ids included (the demo keeps a claim as reported while it carries it on).</summary>
    public BenefitClaim Copy()
    {
        var copy = (BenefitClaim)MemberwiseClone();
        copy.Documents = [.. Documents.Select(d => d.Copy())];
        return copy;
    }
}

/// <summary>One item of a claim's checklist (R-CLM-8): who verified it and when (as R-DOC-1).</summary>
public sealed class ClaimDocumentItem
{
    public Guid Id { get; set; }

    public Guid ClaimId { get; set; }

    public string Code { get; set; } = "";

    /// <summary>1: with the first report; 2: with the second (R-CLM-6).</summary>
    public int Report { get; set; } = 1;

    public bool Required { get; set; } = true;

    public bool Verified { get; set; }

    public string? Reference { get; set; }

    public string? VerifiedBy { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public ClaimDocumentItem Copy() => (ClaimDocumentItem)MemberwiseClone();
}
