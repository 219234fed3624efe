using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Claims;

/// <summary>A checklist item of the assessment (R-CLM-8): code and label in the request's language.</summary>
public sealed record AssessedDocument(string Code, string Label, int Report, bool Required);

/// <summary>One reason a claim is not eligible: its code, rule and plain-words text.</summary>
public sealed record FindingView(ClaimReason Reason, string RuleId, string Message);

/// <summary>
/// The pre-assessment as the API answers it (docs/api.md, "Claims"): <see cref="ClaimAssessment"/> one to
/// one, plus the texts (reason, how the amount was computed) and the payee class among the recorded heirs.
/// </summary>
public sealed record AssessmentView(
    bool Eligible,
    ClaimReason? Reason,
    string? ReasonText,
    IReadOnlyList<string> RuleIds,
    Programme? Programme,
    CoverPhase? Phase,
    string? RuleSet,
    string? RuleSetTitle,
    long? Amount,
    AmountBasis? AmountBasis,
    string? HowComputed,
    DateOnly? LastReportOn,
    bool Expired,
    bool TwoStage,
    IReadOnlyList<AssessedDocument> Documents,
    bool NeedsPayeeHeir,
    string? PayeeClass,
    IReadOnlyList<HeirRelationship> PayeeRelationships,
    IReadOnlyList<FindingView> Findings)
{
    public static AssessmentView From(ClaimAssessment a)
    {
        var lang = Localization.Language;
        return new AssessmentView(
            a.Eligible,
            a.Reason,
            a.ReasonText is { } r ? RuleText.Format(r, lang) : null,
            a.RuleIds,
            a.Programme,
            a.Phase,
            a.RuleSet?.Id,
            a.RuleSet?.Title,
            a.Amount?.Amount,
            a.Amount?.Basis ?? a.Benefit?.Basis,
            a.Amount is { } amount ? RuleText.Format(amount.HowComputed, lang) : null,
            a.LastReportOn,
            a.Expired,
            a.TwoStage,
            [.. a.Documents.Select(d => new AssessedDocument(d.Code, RuleText.ClaimDocumentLabel(d.Code, lang), d.Report, d.Required))],
            a.NeedsPayeeHeir,
            a.PayeeClass is { } c ? Heirs.ClassCode(c) : null,
            a.PayeeRelationships,
            [.. a.Findings.Select(f => new FindingView(f.Reason, f.Failure.RuleId, RuleText.Format(f.Failure, lang)))]);
    }
}

public sealed record ReporterView(ReporterRole? Role, string? Name, string? Contact);

public sealed record ClaimDocumentView(string Code, string Label, int Report, bool Required, bool Verified, string? Reference, string? VerifiedBy, DateTimeOffset? VerifiedAt);

/// <summary>R-CLM-10: the amount frozen at approval and how it was computed (the same sentence years later).</summary>
public sealed record FrozenAmountView(long Amount, AmountBasis AmountBasis, string RuleSet, string HowComputed);

/// <summary>One line of a claim's history.</summary>
public sealed record ClaimHistoryView(DateTimeOffset At, string ActorName, string Action, string? Field, string? OldValue, string? NewValue, string? Reason);

/// <summary>A claim as the API answers it (docs/api.md, "Claims").</summary>
public sealed record ClaimView(
    Guid Id,
    string Number,
    Guid WorkerId,
    ClaimType Type,
    DateOnly IncidentOn,
    DateOnly ReportedOn,
    ClaimState State,
    string WaitsFor,
    long? ClaimedAmount,
    FailedDepartureCause? Cause,
    JhtTrigger? Trigger,
    ReporterView Reporter,
    ClaimOutcome? Outcome,
    DateOnly? OutcomeOn,
    Guid? PayeeHeirId,
    HeirRelationship? PayeeRelationship,
    AssessmentView Assessment,
    FrozenAmountView? ApprovedAmount,
    string? VerifiedBy,
    DateTimeOffset? VerifiedAt,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    string? PaymentReference,
    DateOnly? PaidOn,
    RejectionReason? RejectionReason,
    string? RejectionText,
    long Version,
    IReadOnlyList<ClaimDocumentView> Documents,
    IReadOnlyList<ClaimHistoryView> History)
{
    public static ClaimView From(ClaimActions.Loaded l, DateOnly today, IReadOnlyList<ClaimHistoryView> history)
    {
        var c = l.Claim;
        var lang = Localization.Language;
        var frozen = c.FrozenAmount;
        return new ClaimView(
            c.Id, c.Number, c.WorkerId, c.Type, c.IncidentOn, c.ReportedOn, c.State, WaitsForText(c, lang), c.ClaimedAmount, c.Cause, c.Trigger,
            new ReporterView(c.ReporterRole, c.ReporterName, c.ReporterContact), c.Outcome, c.OutcomeOn, c.PayeeHeirId, c.PayeeRelationship,
            AssessmentView.From(ClaimActions.Reassess(l, today)),
            frozen is null ? null : new FrozenAmountView(frozen.Amount, frozen.Basis, frozen.RuleSetId, RuleText.Format(frozen.HowComputed, lang)),
            c.VerifiedByName, c.VerifiedAt, c.ApprovedByName, c.ApprovedAt, c.PaymentReference, c.PaidOn, c.RejectionReason, c.RejectionText, c.Version,
            [.. c.Documents.OrderBy(d => d.Report).ThenBy(d => ClaimDocumentsOrder(d.Code)).Select(d => new ClaimDocumentView(d.Code, RuleText.ClaimDocumentLabel(d.Code, lang), d.Report, d.Required, d.Verified, d.Reference, d.VerifiedBy, d.VerifiedAt))],
            history);
    }

    /// <summary>What the claim waits for, in words: the state's label and, while documents are missing, how many.</summary>
    /// <param name="missing">Required checklist items not verified yet (default: counted from the loaded checklist).</param>
    public static string WaitsForText(BenefitClaim c, string lang, int? missing = null)
    {
        var text = RuleText.Label(ClaimWorkflow.WaitsFor(c.State), lang);
        var open = missing ?? c.Documents.Count(d => d.Required && !d.Verified);
        return c.State == ClaimState.Submitted && open > 0
            ? text + " (" + string.Format(CultureInfo.InvariantCulture, RuleText.Label("claim-waits:missing", lang), open) + ")"
            : text;
    }

    private static int ClaimDocumentsOrder(string code)
    {
        var i = ClaimDocuments.AllCodes.ToList().IndexOf(code);
        return i < 0 ? int.MaxValue : i;
    }
}

/// <summary>A claim in a list (no documents, no history).</summary>
public sealed record ClaimListItem(
    Guid Id,
    string Number,
    Guid WorkerId,
    string WorkerName,
    ClaimType Type,
    DateOnly IncidentOn,
    DateOnly ReportedOn,
    ClaimState State,
    string WaitsFor,
    bool Eligible,
    ClaimReason? Reason,
    long? EstimatedAmount,
    long? Amount);
