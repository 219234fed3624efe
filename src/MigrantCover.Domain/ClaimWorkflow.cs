namespace MigrantCover.Domain;

/// <summary>The state after a step of the workflow, or the failures that refuse it (state unchanged).</summary>
public sealed record ClaimStep(ClaimState State, IReadOnlyList<RuleFailure> Failures)
{
    public bool Succeeded => Failures.Count == 0;
}

/// <summary>An item of a recorded claim's checklist (R-CLM-8).</summary>
public readonly record struct ClaimDocumentCheck(string Code, bool Required, bool Verified);

/// <summary>R-CLM-9/10: approval, with the amount frozen and the death to record.</summary>
public sealed record ClaimApproval(ClaimState State, IReadOnlyList<RuleFailure> Failures, ClaimAmount? Frozen, DateOnly? RecordDeceasedOn)
{
    public bool Succeeded => Failures.Count == 0;
}

/// <summary>What recording a payment of a claim does (R-CLM-9 with R-PAY-2).</summary>
public enum ClaimPayOutcome
{
    /// <summary>Recorded: the claim is paid now.</summary>
    Paid,

    /// <summary>The same reference and date again: nothing changes (R-PAY-2).</summary>
    AlreadyPaid,

    /// <summary>Refused for the reasons in the failures (400).</summary>
    Refused,

    /// <summary>Paid already with another reference or date (409).</summary>
    Conflict,
}

/// <summary>The payment recorded on a claim.</summary>
public readonly record struct ClaimPayment(string Reference, DateOnly PaidOn);

public sealed record ClaimPayStep(ClaimPayOutcome Outcome, ClaimState State, IReadOnlyList<RuleFailure> Failures);

/// <summary>
/// R-CLM-9 (Pasal 43–45, 57): <c>reported</c> → (<c>awaiting-outcome</c>) → <c>submitted</c> →
/// <c>documents-complete</c> → <c>verified</c> → <c>approved</c> → <c>paid</c>; <c>rejected</c> from any
/// state before <c>paid</c>. Every guard is a pure function of its inputs.
/// </summary>
public static class ClaimWorkflow
{
    /// <summary>The state after the action, or null when the action is not allowed from that state.</summary>
    public static ClaimState? Next(ClaimState from, ClaimAction action, bool twoStage) => (from, action) switch
    {
        (ClaimState.Reported, ClaimAction.Submit) => twoStage ? ClaimState.AwaitingOutcome : ClaimState.Submitted,
        (ClaimState.AwaitingOutcome, ClaimAction.RecordOutcome) => ClaimState.Submitted,
        (ClaimState.Submitted, ClaimAction.CompleteDocuments) => ClaimState.DocumentsComplete,
        (ClaimState.DocumentsComplete, ClaimAction.ReopenDocuments) => ClaimState.Submitted,
        (ClaimState.DocumentsComplete, ClaimAction.Verify) => ClaimState.Verified,
        (ClaimState.Verified, ClaimAction.Approve) => ClaimState.Approved,
        (ClaimState.Approved, ClaimAction.Pay) => ClaimState.Paid,
        (not (ClaimState.Paid or ClaimState.Rejected), ClaimAction.Reject) => ClaimState.Rejected,
        _ => null,
    };

    /// <summary>
    /// The state of a new claim: an eligible claim moves on at once (to <c>awaiting-outcome</c> for
    /// two-stage types, to <c>submitted</c> for the others); a claim that is not eligible stays
    /// <c>reported</c> with its assessment, for the officer to reject with the reason.
    /// </summary>
    public static ClaimState AfterReport(ClaimAssessment assessment) =>
        assessment.Eligible ? (assessment.TwoStage ? ClaimState.AwaitingOutcome : ClaimState.Submitted) : ClaimState.Reported;

    /// <summary>A <c>reported</c> claim moves on when a fresh assessment (facts recorded since) is eligible.</summary>
    public static ClaimStep Submit(ClaimState state, ClaimAssessment fresh)
    {
        if (Refuse(state, ClaimAction.Submit, fresh.TwoStage) is { } refused)
        {
            return refused;
        }

        var failures = EligibilityFailures(fresh);
        return failures.Count > 0 ? new ClaimStep(state, failures) : new ClaimStep(Next(state, ClaimAction.Submit, fresh.TwoStage)!.Value, []);
    }

    /// <summary>R-CLM-6: the second report of a two-stage type (see <see cref="Claims.CheckOutcome"/>).</summary>
    public static ClaimStep RecordOutcome(ClaimState state, ClaimType type, ClaimOutcome? outcome, DateOnly? outcomeOn, DateOnly incidentOn, DateOnly today, DateOnly? diedOn = null)
    {
        var twoStage = ClaimCatalog.Of(type).TwoStage;
        if (!twoStage)
        {
            return new ClaimStep(state, Claims.CheckOutcome(type, outcome, outcomeOn, incidentOn, today, diedOn));
        }

        if (Refuse(state, ClaimAction.RecordOutcome, twoStage) is { } refused)
        {
            return refused;
        }

        var failures = Claims.CheckOutcome(type, outcome, outcomeOn, incidentOn, today, diedOn);
        return failures.Count > 0 ? new ClaimStep(state, failures) : new ClaimStep(ClaimState.Submitted, []);
    }

    /// <summary>R-CLM-8: documents are verified (or withdrawn) only before the claim is verified.</summary>
    public static RuleFailure? CanChangeDocuments(ClaimState state) =>
        state is ClaimState.Reported or ClaimState.AwaitingOutcome or ClaimState.Submitted or ClaimState.DocumentsComplete
            ? null
            : RuleFailure.Of("R-CLM-9", "claim.documents-locked", "documents", ("state", ClaimArg.Label(state)));

    /// <summary>
    /// R-CLM-9: after any change to the checklist (or the outcome), <c>submitted</c> becomes
    /// <c>documents-complete</c> when every required item is verified, and back when one is withdrawn.
    /// Other states are unchanged.
    /// </summary>
    public static ClaimState SettleDocuments(ClaimState state, IEnumerable<ClaimDocumentCheck> checklist)
    {
        var complete = checklist.All(d => !d.Required || d.Verified);
        return (state, complete) switch
        {
            (ClaimState.Submitted, true) => ClaimState.DocumentsComplete,
            (ClaimState.DocumentsComplete, false) => ClaimState.Submitted,
            _ => state,
        };
    }

    /// <summary>The required items not verified yet (what the claim waits for).</summary>
    public static IReadOnlyList<string> MissingDocuments(IEnumerable<ClaimDocumentCheck> checklist) =>
        [.. checklist.Where(d => d.Required && !d.Verified).Select(d => d.Code)];

    /// <summary>
    /// R-CLM-9 → <c>verified</c>: documents complete; R-CLM-2, -3, -4, -7 hold on a fresh assessment of
    /// the recorded facts; for a death (and JHT on death) the payee heir (R-HEIR-4/5).
    /// </summary>
    public static ClaimStep Verify(ClaimState state, ClaimAssessment fresh, IEnumerable<ClaimDocumentCheck> checklist)
    {
        if (Refuse(state, ClaimAction.Verify, fresh.TwoStage) is { } refused)
        {
            return refused;
        }

        var failures = new List<RuleFailure>(EligibilityFailures(fresh));
        var missing = MissingDocuments(checklist);
        if (missing.Count > 0)
        {
            failures.Add(RuleFailure.Of("R-CLM-8", "claim.documents-incomplete", "documents", ("count", Arg.Int(missing.Count)), ("document", ClaimArg.Document(missing[0]))));
        }

        failures.AddRange(PayeeFailures(fresh));
        return failures.Count > 0 ? new ClaimStep(state, failures) : new ClaimStep(ClaimState.Verified, []);
    }

    /// <summary>
    /// R-CLM-9 → <c>approved</c>: by a staff member other than the verifier (four eyes); the amount is
    /// frozen with its rule set and basis (R-CLM-10); a death claim records the stage <c>deceased</c> on
    /// the date of death when none is recorded.
    /// </summary>
    public static ClaimApproval Approve(ClaimState state, string? verifiedBy, string? approvedBy, ClaimAssessment fresh, CoverageHistory history)
    {
        if (Next(state, ClaimAction.Approve, fresh.TwoStage) is null)
        {
            return new ClaimApproval(state, [StateFailure(state, ClaimAction.Approve)], null, null);
        }

        var failures = new List<RuleFailure>();
        if (string.IsNullOrWhiteSpace(approvedBy) || string.Equals(approvedBy.Trim(), verifiedBy?.Trim(), StringComparison.Ordinal))
        {
            failures.Add(RuleFailure.Of("R-CLM-9", "claim.four-eyes", "approvedBy"));
        }

        failures.AddRange(EligibilityFailures(fresh));
        failures.AddRange(PayeeFailures(fresh));
        if (failures.Count > 0 || fresh.Amount is null)
        {
            return new ClaimApproval(state, failures, null, null);
        }

        var recordDeath = history.DiedOn is null ? fresh.DeathOn : null;
        return new ClaimApproval(ClaimState.Approved, [], fresh.Amount, recordDeath);
    }

    /// <summary>
    /// R-CLM-9 → <c>paid</c>: a payment reference (recorded once, as R-PAY-2) and the date (not before the
    /// approval, not in the future). The same reference and date again change nothing.
    /// </summary>
    public static ClaimPayStep Pay(ClaimState state, ClaimPayment? existing, string? reference, DateOnly? paidOn, DateOnly approvedOn, DateOnly today)
    {
        if (state == ClaimState.Paid && existing is { } paid)
        {
            var same = reference is not null
                && PaymentDeduplication.NormalizeReference(paid.Reference) == PaymentDeduplication.NormalizeReference(reference)
                && paidOn == paid.PaidOn;
            return same
                ? new ClaimPayStep(ClaimPayOutcome.AlreadyPaid, state, [])
                : new ClaimPayStep(ClaimPayOutcome.Conflict, state, [RuleFailure.Of("R-PAY-2", "claim.already-paid", "reference", ("reference", paid.Reference), ("paidOn", Arg.Date(paid.PaidOn)))]);
        }

        if (Next(state, ClaimAction.Pay, false) is null)
        {
            return new ClaimPayStep(ClaimPayOutcome.Refused, state, [StateFailure(state, ClaimAction.Pay)]);
        }

        var failures = new List<RuleFailure>();
        if (string.IsNullOrWhiteSpace(reference))
        {
            failures.Add(RuleFailure.Of("R-CLM-9", "claim.pay-reference-required", "reference"));
        }

        if (paidOn is not { } on)
        {
            failures.Add(RuleFailure.Of("R-CLM-9", "claim.pay-date-required", "paidOn"));
        }
        else if (on > today)
        {
            failures.Add(RuleFailure.Of("R-CLM-9", "claim.pay-future", "paidOn", ("today", Arg.Date(today))));
        }
        else if (on < approvedOn)
        {
            failures.Add(RuleFailure.Of("R-CLM-9", "claim.pay-before-approval", "paidOn", ("approvedOn", Arg.Date(approvedOn))));
        }

        return failures.Count > 0
            ? new ClaimPayStep(ClaimPayOutcome.Refused, state, failures)
            : new ClaimPayStep(ClaimPayOutcome.Paid, ClaimState.Paid, []);
    }

    /// <summary>R-PAY-2: the reference is already used by another claim's payment (409).</summary>
    public static RuleFailure ReferenceUsed(string reference) =>
        RuleFailure.Of("R-PAY-2", "claim.reference-used", "reference", ("reference", reference));

    /// <summary>R-CLM-9 → <c>rejected</c>: from any state before <c>paid</c>, with a reason and a text.</summary>
    public static ClaimStep Reject(ClaimState state, RejectionReason? reason, string? text)
    {
        if (Refuse(state, ClaimAction.Reject, false) is { } refused)
        {
            return refused;
        }

        var failures = new List<RuleFailure>();
        if (reason is null)
        {
            failures.Add(RuleFailure.Of("R-CLM-9", "claim.reject-reason-required", "reason"));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            failures.Add(RuleFailure.Of("R-CLM-9", "claim.reject-text-required", "text"));
        }

        return failures.Count > 0 ? new ClaimStep(state, failures) : new ClaimStep(ClaimState.Rejected, []);
    }

    /// <summary>What a claim in <paramref name="state"/> waits for, as a label code (<c>claim-waits:…</c>) for lists.</summary>
    public static string WaitsFor(ClaimState state) => "claim-waits:" + Codes.Of(state);

    // R-HEIR-4/5: a death benefit needs the payee, checked against the certificate.
    private static List<RuleFailure> PayeeFailures(ClaimAssessment fresh)
    {
        if (!fresh.NeedsPayeeHeir || !fresh.IsValid)
        {
            return [];
        }

        if (!fresh.PayeeChecked)
        {
            return [RuleFailure.Of("R-HEIR-4", "heir.payee-required", "payeeHeirId")];
        }

        return [.. fresh.PayeeFailures];
    }

    private static List<RuleFailure> EligibilityFailures(ClaimAssessment fresh)
    {
        if (!fresh.IsValid)
        {
            return [.. fresh.Failures];
        }

        return fresh.Eligible ? [] : [fresh.ReasonText!];
    }

    private static ClaimStep? Refuse(ClaimState state, ClaimAction action, bool twoStage) =>
        Next(state, action, twoStage) is null ? new ClaimStep(state, [StateFailure(state, action)]) : null;

    private static RuleFailure StateFailure(ClaimState state, ClaimAction action) =>
        RuleFailure.Of("R-CLM-9", "claim.state", "state", ("state", ClaimArg.Label(state)), ("action", ClaimArg.Label(action)));
}
