using Microsoft.AspNetCore.Mvc.ModelBinding;
using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Features.Claims;

/// <summary>R-CLM-5: the reporter as typed.</summary>
public sealed record ReporterInput(string? Role = null, string? Name = null, string? Contact = null);

/// <summary>
/// The body of <c>POST /api/v1/claims/assess</c> and <c>POST /api/v1/claims</c> (docs/api.md, "Claims"),
/// and the form of the worker's "report a claim" page. Dates and codes are text, so that a wrong one gets
/// a message on its field.
/// </summary>
public sealed record ClaimRequest
{
    public Guid? WorkerId { get; set; }

    public string? Type { get; set; }

    public string? IncidentOn { get; set; }

    public string? ReportedOn { get; set; }

    /// <summary>A number in the API's body; the page's form types it with thousands dots and reads it itself.</summary>
    [BindNever]
    public long? ClaimedAmount { get; set; }

    public string? Cause { get; set; }

    public string? Trigger { get; set; }

    public ReporterInput? Reporter { get; set; }

    /// <summary>For deaths: the recorded heir the family names as payee (checked at verification, R-HEIR-4).</summary>
    public Guid? PayeeHeirId { get; set; }

    public ClaimReport ToReport() => new(
        Input.Code<ClaimType>(Type),
        Input.Date(IncidentOn),
        Input.Date(ReportedOn),
        ClaimedAmount,
        Input.Code<FailedDepartureCause>(Cause),
        Input.Code<JhtTrigger>(Trigger),
        Reporter is { } r ? new Reporter(Input.Code<ReporterRole>(r.Role), Input.Text(r.Name, 150), Input.Text(r.Contact, 150)) : null);

    public sealed class Validator : AbstractValidator<ClaimRequest>
    {
        public Validator()
        {
            RuleFor(r => r.WorkerId).Required();
            RuleFor(r => r.Type).Code<ClaimRequest, ClaimType>();
            RuleFor(r => r.IncidentOn).IsoDate();
            RuleFor(r => r.ReportedOn).IsoDate();
            RuleFor(r => r.Cause).Code<ClaimRequest, FailedDepartureCause>();
            RuleFor(r => r.Trigger).Code<ClaimRequest, JhtTrigger>();
            RuleFor(r => r.ClaimedAmount).Check((_, v) => v is null or (>= 1 and <= ClaimActions.MaxAmount), "amount.range", (_, _) => [("max", ClaimActions.MaxAmount.ToString(CultureInfo.InvariantCulture))], "R-CLM-10");
            RuleFor(r => r.Reporter).SetValidator(new ReporterValidator()!);
        }
    }
}

public sealed class ReporterValidator : AbstractValidator<ReporterInput>
{
    public ReporterValidator()
    {
        RuleFor(r => r.Role).Code<ReporterInput, ReporterRole>();
        RuleFor(r => r.Name).Text(150);
        RuleFor(r => r.Contact).Text(150);
    }
}

/// <summary>R-CLM-6: the second report.</summary>
public sealed record OutcomeRequest
{
    public string? Outcome { get; set; }

    public string? OutcomeOn { get; set; }
}

/// <summary>R-CLM-8: one checklist item verified (or withdrawn).</summary>
public sealed record DocumentRequest(bool? Verified = null, string? Reference = null);

/// <summary>
/// R-CLM-9 → verified; for deaths the payee (R-HEIR-4/5). <c>certificateRelationships</c> are the heirs on
/// the heir certificate (default: the recorded heirs that have not ended); <c>payeeRelationship</c> names a
/// payee who is not a recorded heir (with <c>notRecordedReason</c>).
/// </summary>
public sealed record VerifyRequest
{
    public Guid? PayeeHeirId { get; set; }

    public string? PayeeRelationship { get; set; }

    public List<string?>? CertificateRelationships { get; set; }

    public string? NotRecordedReason { get; set; }

    public string? GuardianName { get; set; }

    public string? FuneralArrangerName { get; set; }

    public sealed class Validator : AbstractValidator<VerifyRequest>
    {
        public Validator()
        {
            RuleFor(r => r.PayeeRelationship).Code<VerifyRequest, HeirRelationship>();
            RuleForEach(r => r.CertificateRelationships).Check((_, v) => Input.Code<HeirRelationship>(v) is not null, "code.unknown", (_, _) => [("allowed", string.Join(", ", Codes.All<HeirRelationship>()))]);
            RuleFor(r => r.CertificateRelationships).Check((_, v) => v is null || v.Count <= 50, "too-long", (_, _) => [("max", "50")]);
            RuleFor(r => r.NotRecordedReason).Text(500);
            RuleFor(r => r.GuardianName).Text(150);
            RuleFor(r => r.FuneralArrangerName).Text(150);
        }
    }
}

/// <summary>R-CLM-9 → paid: the payment reference (once, R-PAY-2) and the date.</summary>
public sealed record PayRequest
{
    public string? Reference { get; set; }

    public string? PaidOn { get; set; }
}

/// <summary>R-CLM-9 → rejected: a reason and a text.</summary>
public sealed record RejectRequest
{
    public string? Reason { get; set; }

    public string? Text { get; set; }
}

public sealed class OutcomeValidator : AbstractValidator<OutcomeRequest>
{
    public OutcomeValidator()
    {
        RuleFor(r => r.Outcome).Code<OutcomeRequest, ClaimOutcome>();
        RuleFor(r => r.OutcomeOn).IsoDate();
    }
}

public sealed class DocumentValidator : AbstractValidator<DocumentRequest>
{
    public DocumentValidator()
    {
        RuleFor(r => r.Verified).Required();
        RuleFor(r => r.Reference).Text(100);
    }
}

public sealed class PayValidator : AbstractValidator<PayRequest>
{
    public PayValidator()
    {
        RuleFor(r => r.Reference).Text(60);
        RuleFor(r => r.PaidOn).IsoDate();
    }
}

public sealed class RejectValidator : AbstractValidator<RejectRequest>
{
    public RejectValidator()
    {
        RuleFor(r => r.Reason).Code<RejectRequest, RejectionReason>();
        RuleFor(r => r.Text).Text(500);
    }
}
