namespace MigrantCover.Domain;

// Enumerations of the rule book. Their wire and storage form is lowercase with hyphens
// (see Codes), as the API (docs/api.md) requires: "pre-placement", "failed-departure", ...

/// <summary>Sex as printed on the KTP; drives the day offset of the NIK (R-NIK-3).</summary>
public enum Sex
{
    Male,
    Female,
}

/// <summary>Purpose of going abroad. Only <see cref="Work"/> may be registered (R-CAT-2).</summary>
public enum Purpose
{
    Work,
    OfficialDuty,
    Study,
    Refugee,
    Investor,
    MissionStaff,
    StateFunded,
    OwnBusiness,
}

/// <summary>R-CAT-1 (UU 18/2017 Pasal 4 ayat 1).</summary>
public enum Category
{
    Formal,
    Domestic,
    Seafarer,
    Fisher,
}

/// <summary>R-SCH-1 (UU 18/2017 Pasal 49, 63).</summary>
public enum Scheme
{
    Government,
    Agency,
    Company,
    Individual,
}

/// <summary>Stages of §9.</summary>
public enum Stage
{
    Candidate,
    Placed,
    Returned,
    FailedDeparture,
    Withdrawn,
    Deceased,
}

/// <summary>R-PAY-1.</summary>
public enum PaymentKind
{
    PrePlacement,
    Placement,
    Extension,
    Jht,
}

/// <summary>R-DOC-1 (UU 18/2017 Pasal 13).</summary>
public enum DocumentType
{
    MaritalStatus,
    FamilyPermission,
    Competence,
    Health,
    Passport,
    WorkVisa,
    PlacementAgreement,
    WorkAgreement,
}

/// <summary>§9: what a stage event records.</summary>
public enum StageEventKind
{
    Registration,
    Departure,
    Extension,
    Return,
    FailedDeparture,
    Withdrawal,
    Death,
}

/// <summary>R-PRG-1/2.</summary>
public enum Programme
{
    Jkk,
    Jkm,
    Jht,
}

/// <summary>R-COV-7 phases.</summary>
public enum CoverPhase
{
    PrePlacement,
    Placement,
    PostPlacement,
}

/// <summary>R-COV-7 reasons a programme is inactive on a date.</summary>
public enum InactiveReason
{
    NotPaid,
    Lapsed,
    AwaitingDeparturePayment,
    Ended,
    FailedDeparture,
    Deceased,
    NotEnrolled,
}
