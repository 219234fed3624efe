namespace MigrantCover.Web.Features.Workers;

/// <summary>A worker as the API answers it (docs/api.md, "Workers").</summary>
public sealed record WorkerView(
    Guid Id,
    string Nik,
    string FamilyCardNumber,
    string FullName,
    Sex Sex,
    DateOnly DateOfBirth,
    string PlaceOfBirth,
    string Address,
    string? Phone,
    string? Email,
    Purpose Purpose,
    Category Category,
    Scheme Scheme,
    string? AgencyName,
    string? AgencyLicence,
    string DestinationCountry,
    string Occupation,
    string? EmployerName,
    int ContractMonths,
    int ExtensionMonths,
    DateOnly? PlacementAgreementSignedOn,
    DateOnly RegisteredOn,
    string? PassportNumber,
    Stage Stage,
    string? MembershipNumber,
    DateOnly? DepartedOn,
    DateOnly? ArrivedOn,
    DateOnly? FailedDepartureOn,
    DateOnly? WithdrawnOn,
    DateOnly? DiedOn,
    DateOnly? ContractEndsOn,
    DateOnly? PlacementCoverEndsOn,
    long Version,
    IReadOnlyList<DocumentView> Documents,
    IReadOnlyList<PaymentView> Payments,
    IReadOnlyList<StageEventView> StageEvents,
    CoverageAnswer Coverage,
    IReadOnlyList<CoverPeriodView> CoverPeriods)
{
    /// <summary>The worker with its records loaded (documents, payments, stage events), as of <paramref name="today"/>.</summary>
    public static WorkerView From(Worker w, DateOnly today)
    {
        var status = WorkerCoverage.On(w, today);
        return new WorkerView(
            w.Id, w.Nik, w.FamilyCardNumber, w.FullName, w.Sex, w.DateOfBirth, w.PlaceOfBirth, w.Address, w.Phone, w.Email,
            w.Purpose, w.Category, w.Scheme, w.AgencyName, w.AgencyLicence, w.DestinationCountry, w.Occupation, w.EmployerName,
            w.ContractMonths, w.ExtensionMonths, w.PlacementAgreementSignedOn, w.RegisteredOn, w.PassportNumber, w.Stage,
            w.MembershipNumber, w.DepartedOn, w.ArrivedOn, w.FailedDepartureOn, w.WithdrawnOn, w.DiedOn,
            status.ContractEndsOn, status.PlacementCoverEndsOn, w.Version,
            [.. w.Documents.OrderBy(d => d.Type).Select(DocumentView.From)],
            [.. w.Payments.OrderBy(p => p.PaidOn).ThenBy(p => p.RecordedAt).Select(PaymentView.From)],
            [.. w.StageEvents.OrderBy(e => e.RecordedAt).Select(StageEventView.From)],
            CoverageAnswer.From(status),
            [.. Domain.Coverage.Periods(WorkerCoverage.HistoryOf(w, w.Payments)).Select(CoverPeriodView.Of)]);
    }
}

/// <summary>One cover period of one programme (§8), inclusive at both ends.</summary>
public sealed record CoverPeriodView(string Programme, string? Phase, DateOnly From, DateOnly Until)
{
    public static CoverPeriodView Of(CoverPeriod p) =>
        new(Codes.Of(p.Programme), p.Phase is { } phase ? Codes.Of(phase) : null, p.From, p.Until);
}

public sealed record DocumentView(DocumentType Type, bool Verified, string? Reference, DateTimeOffset VerifiedAt, string VerifiedBy)
{
    public static DocumentView From(DocumentVerification d) => new(d.Type, d.Verified, d.Reference, d.VerifiedAt, d.VerifiedBy);
}

public record PaymentView(
    Guid Id,
    PaymentKind Kind,
    long Amount,
    DateOnly PaidOn,
    string Reference,
    int? Months,
    long? MonthlyAmount,
    string RuleSet,
    DateTimeOffset RecordedAt,
    string RecordedBy)
{
    public static PaymentView From(Payment p) =>
        new(p.Id, p.Kind, p.Amount, p.PaidOn, p.Reference, p.Months, p.MonthlyAmount, p.RuleSet, p.RecordedAt, p.RecordedBy);
}

/// <summary>A payment as the payments endpoint answers it: the view plus its worker and the membership number after the write (R-KPJ-2).</summary>
public sealed record PaymentAnswer : PaymentView
{
    public PaymentAnswer(Payment payment, Worker worker)
        : base(From(payment))
    {
        WorkerId = worker.Id;
        MembershipNumber = worker.MembershipNumber;
    }

    public Guid WorkerId { get; }

    public string? MembershipNumber { get; }
}

public sealed record StageEventView(
    Guid Id,
    StageEventKind Kind,
    Stage? FromStage,
    Stage ToStage,
    DateOnly OccurredOn,
    string? Reason,
    int? Months,
    Guid? PaymentId,
    DateTimeOffset RecordedAt,
    string RecordedBy)
{
    public static StageEventView From(StageEvent e) =>
        new(e.Id, e.Kind, e.FromStage, e.ToStage, e.OccurredOn, e.Reason, e.Months, e.PaymentId, e.RecordedAt, e.RecordedBy);
}

/// <summary>One line of a worker's history: when, who, what (field, old, new), why, and all that in words in the request's language (<see cref="HistoryText"/>).</summary>
public sealed record HistoryView(DateTimeOffset At, string ActorName, string Action, string? Field, string? OldValue, string? NewValue, string? Reason, string? Description = null);
