namespace MigrantCover.Domain;

// Enumerations of heirs (§13) and claims (§14). Their wire and storage form is lowercase with hyphens
// (see Codes), except HeirClass, whose codes are "A", "B1" … (see Heirs.ClassCode).

/// <summary>R-HEIR-3: how an heir is related to the worker.</summary>
public enum HeirRelationship
{
    Spouse,
    Child,
    Parent,
    Grandchild,
    Grandparent,
    Sibling,
    ParentInLaw,
    WillDesignee,
}

/// <summary>R-HEIR-1 (Permenaker 4/2023 Pasal 57 ayat 4): classes in strict order, A first.</summary>
public enum HeirClass
{
    A,
    B1,
    B2,
    B3,
    B4,
}

/// <summary>R-CLM-1: the claim types and their benefits.</summary>
public enum ClaimType
{
    Death,
    WorkAccidentDeath,
    FailedDeparture,
    TreatmentAbroad,
    HomeCare,
    Rape,
    PlacedAgainstAgreement,
    JourneyHomeLoss,
    UnilateralTermination,
    TotalPermanentDisability,
    MedicalCare,
    JhtWithdrawal,
}

/// <summary>R-CLM-10: how an amount is found.</summary>
public enum AmountBasis
{
    /// <summary>Paid as it stands.</summary>
    Fixed,

    /// <summary><c>min(claimed, cap)</c>.</summary>
    Cap,

    /// <summary>The proven cost, no cap in the rule set.</summary>
    Claimed,

    /// <summary>The JHT balance (R-CLM-11, R-PRG-2).</summary>
    Balance,
}

/// <summary>
/// Why a claim is not eligible: R-CLM-2's reasons (those of R-COV-7 and <see cref="WrongPhase"/>),
/// <see cref="NotInRuleSet"/> (R-CLM-1), <see cref="Expired"/> (R-CLM-7), <see cref="Fault"/> (R-CLM-4),
/// and the ones the rule book implies without naming (see docs/claims.md).
/// </summary>
public enum ClaimReason
{
    NotPaid,
    Lapsed,
    AwaitingDeparturePayment,
    Ended,
    FailedDeparture,
    Deceased,

    /// <summary>JHT: no JHT contribution, so no balance (R-COV-7's JHT reason).</summary>
    NotEnrolled,
    WrongPhase,
    NotInRuleSet,
    Expired,
    Fault,

    /// <summary>R-CLM-4 / R-CLM-11: the stage the claim needs (failed departure, death) is not recorded on the incident date.</summary>
    StageNotRecorded,

    /// <summary>R-CLM-11: none of the JHT withdrawal triggers holds on the incident date.</summary>
    NoTrigger,

    /// <summary>R-CLM-9: the same worker, type and incident date; or a second death claim (R-CLM-2).</summary>
    Duplicate,
}

/// <summary>R-CLM-4 (Pasal 27 ayat 3): the cause of a failed departure as the officer records it.</summary>
public enum FailedDepartureCause
{
    EmployerWithdrew,
    VisaRefused,
    MedicalAfterPayment,
    Other,
    CandidateFault,
    AgencyFault,
    GovernmentPolicy,
}

/// <summary>R-CLM-5 (Pasal 43 ayat 2): who reports. <see cref="Mission"/> and <see cref="Employer"/> only during placement.</summary>
public enum ReporterRole
{
    PlacementAgency,
    Candidate,
    Worker,
    Family,
    HealthFacility,
    DirectorGeneral,
    Bp2mi,
    ProvincialOffice,
    DistrictOffice,
    Mission,
    Employer,
}

/// <summary>R-CLM-6: what the second report of a work accident states.</summary>
public enum ClaimOutcome
{
    Healed,
    Disabled,
    Died,
}

/// <summary>R-CLM-9: the claim's states (MigrantCover's names).</summary>
public enum ClaimState
{
    Reported,
    AwaitingOutcome,
    Submitted,
    DocumentsComplete,
    Verified,
    Approved,
    Paid,
    Rejected,
}

/// <summary>R-CLM-9: what moves a claim from one state to the next.</summary>
public enum ClaimAction
{
    /// <summary>From <see cref="ClaimState.Reported"/> once the assessment is eligible.</summary>
    Submit,
    RecordOutcome,
    CompleteDocuments,

    /// <summary>A verified item withdrawn: back from documents-complete to submitted.</summary>
    ReopenDocuments,
    Verify,
    Approve,
    Pay,
    Reject,
}

/// <summary>R-CLM-9: the reasons an officer rejects a claim with.</summary>
public enum RejectionReason
{
    NotCovered,
    WrongPhase,
    NotInRuleSet,
    Expired,
    Fault,
    NotHeir,
    Duplicate,
    Other,
}

/// <summary>R-CLM-11 (Pasal 60 ayat 2): the JHT withdrawal triggers MigrantCover allows.</summary>
public enum JhtTrigger
{
    Death,
    TotalPermanentDisability,

    /// <summary>Reaching age 56.</summary>
    RetirementAge,
    FailedDeparture,
}
