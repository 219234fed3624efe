namespace MigrantCover.Domain.Tests;

public class ClaimWorkflowTests
{
    private static readonly DateOnly Today = D(2025, 7, 1);

    private static readonly HeirRelationship[] Family = [HeirRelationship.Spouse, HeirRelationship.Child, HeirRelationship.Parent];

    private static ClaimReport DeathReport(PayeeFacts? payee = null) => new()
    {
        Type = ClaimType.Death,
        IncidentOn = D(2025, 6, 10),
        ReportedOn = D(2025, 6, 12),
        Reporter = new Reporter(ReporterRole.Family, "Sumiati", "+6281234567001"),
        Payee = payee,
    };

    private static ClaimWorker Deceased() => Worker(Placed2024()) with { RecordedHeirs = Family };

    private static ClaimDocumentCheck[] All(ClaimAssessment a, bool verified = true) =>
        [.. a.Documents.Select(d => new ClaimDocumentCheck(d.Code, d.Required, verified))];

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public void R_CLM_9_TheTransitionsOfTheWorkflow()
    {
        var allowed = new List<string>();
        foreach (var from in Enum.GetValues<ClaimState>())
        {
            foreach (var action in Enum.GetValues<ClaimAction>())
            {
                if (ClaimWorkflow.Next(from, action, twoStage: true) is { } to)
                {
                    allowed.Add($"{Codes.Of(from)} -{Codes.Of(action)}-> {Codes.Of(to)}");
                }
            }
        }

        Assert.Equal(
            [
                "reported -submit-> awaiting-outcome", "reported -reject-> rejected",
                "awaiting-outcome -record-outcome-> submitted", "awaiting-outcome -reject-> rejected",
                "submitted -complete-documents-> documents-complete", "submitted -reject-> rejected",
                "documents-complete -reopen-documents-> submitted", "documents-complete -verify-> verified", "documents-complete -reject-> rejected",
                "verified -approve-> approved", "verified -reject-> rejected",
                "approved -pay-> paid", "approved -reject-> rejected",
            ],
            allowed);
        Assert.Equal(ClaimState.Submitted, ClaimWorkflow.Next(ClaimState.Reported, ClaimAction.Submit, twoStage: false));
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    [Trait("Rule", "R-CLM-6")]
    public void R_CLM_9_ANewClaimMovesOnWhenEligibleAndStaysReportedWhenNot()
    {
        Assert.Equal(ClaimState.Submitted, ClaimWorkflow.AfterReport(Claims.Assess(DeathReport(), Deceased(), Today)));
        Assert.Equal(ClaimState.AwaitingOutcome, ClaimWorkflow.AfterReport(Assess(ClaimType.TreatmentAbroad, D(2025, 2, 10), Placed2024(), claimed: 1_000)));
        Assert.Equal(ClaimState.Reported, ClaimWorkflow.AfterReport(Assess(ClaimType.Death, D(2026, 4, 2), Placed2024())));
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    [Trait("Rule", "R-CLM-4")]
    public void R_CLM_9_AReportedClaimIsSubmittedOnceTheMissingFactIsRecorded()
    {
        var before = Assess(ClaimType.FailedDeparture, D(2024, 4, 15), Candidate(D(2024, 1, 10)), cause: FailedDepartureCause.VisaRefused);
        var stuck = ClaimWorkflow.Submit(ClaimState.Reported, before);
        Assert.Equal(ClaimState.Reported, stuck.State);
        Assert.Equal("R-CLM-4", stuck.Failures.Single().RuleId);

        var after = Assess(ClaimType.FailedDeparture, D(2024, 4, 15), Candidate(D(2024, 1, 10), failedOn: D(2024, 4, 15)), cause: FailedDepartureCause.VisaRefused);
        var moved = ClaimWorkflow.Submit(ClaimState.Reported, after);
        Assert.True(moved.Succeeded);
        Assert.Equal(ClaimState.Submitted, moved.State);
        Assert.Equal("claim.state", ClaimWorkflow.Submit(ClaimState.Submitted, after).Failures.Single().Key);
    }

    [Fact]
    [Trait("Rule", "R-CLM-6")]
    [Trait("Rule", "R-CLM-9")]
    public void R_CLM_6_TheOutcomeSubmitsATwoStageClaim()
    {
        var ok = ClaimWorkflow.RecordOutcome(ClaimState.AwaitingOutcome, ClaimType.TreatmentAbroad, ClaimOutcome.Healed, D(2025, 3, 1), D(2025, 2, 10), Today);
        Assert.Equal((true, ClaimState.Submitted), (ok.Succeeded, ok.State));

        var missing = ClaimWorkflow.RecordOutcome(ClaimState.AwaitingOutcome, ClaimType.TreatmentAbroad, null, null, D(2025, 2, 10), Today);
        Assert.Equal(ClaimState.AwaitingOutcome, missing.State);
        Assert.Equal(["outcome", "outcomeOn"], missing.Failures.Select(f => f.Field));

        Assert.Equal("claim.state", ClaimWorkflow.RecordOutcome(ClaimState.Submitted, ClaimType.TreatmentAbroad, ClaimOutcome.Healed, D(2025, 3, 1), D(2025, 2, 10), Today).Failures.Single().Key);
        Assert.Equal("claim.outcome-not-two-stage", ClaimWorkflow.RecordOutcome(ClaimState.Submitted, ClaimType.FailedDeparture, ClaimOutcome.Healed, D(2025, 3, 1), D(2025, 2, 10), Today).Failures.Single().Key);
    }

    [Fact]
    [Trait("Rule", "R-CLM-8")]
    [Trait("Rule", "R-CLM-9")]
    public void R_CLM_9_DocumentsCompleteWhenEveryRequiredItemIsVerified()
    {
        var a = Claims.Assess(DeathReport(), Deceased(), Today);
        var checklist = All(a, verified: false);
        Assert.Equal(ClaimState.Submitted, ClaimWorkflow.SettleDocuments(ClaimState.Submitted, checklist));
        Assert.Equal(7, ClaimWorkflow.MissingDocuments(checklist).Count);

        // The leave letter is not required: everything else verified completes the list.
        var allButLeave = checklist.Select(c => c with { Verified = c.Required }).ToArray();
        Assert.Equal(ClaimState.DocumentsComplete, ClaimWorkflow.SettleDocuments(ClaimState.Submitted, allButLeave));
        Assert.Empty(ClaimWorkflow.MissingDocuments(allButLeave));

        allButLeave[0] = allButLeave[0] with { Verified = false };
        Assert.Equal(ClaimState.Submitted, ClaimWorkflow.SettleDocuments(ClaimState.DocumentsComplete, allButLeave));
        Assert.Equal(ClaimState.AwaitingOutcome, ClaimWorkflow.SettleDocuments(ClaimState.AwaitingOutcome, All(a)));

        Assert.Null(ClaimWorkflow.CanChangeDocuments(ClaimState.DocumentsComplete));
        Assert.Equal("claim.documents-locked", ClaimWorkflow.CanChangeDocuments(ClaimState.Verified)!.Key);
        Assert.Equal("claim.documents-locked", ClaimWorkflow.CanChangeDocuments(ClaimState.Paid)!.Key);
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    [Trait("Rule", "R-HEIR-4")]
    public void R_CLM_9_VerifyNeedsCompleteDocumentsAFreshEligibleAssessmentAndForADeathThePayee()
    {
        var fresh = Claims.Assess(DeathReport(new PayeeFacts { Relationship = HeirRelationship.Spouse, CertificateHeirs = Family }), Deceased(), Today);
        var ok = ClaimWorkflow.Verify(ClaimState.DocumentsComplete, fresh, All(fresh));
        Assert.Equal((true, ClaimState.Verified), (ok.Succeeded, ok.State));

        Assert.Equal("claim.state", ClaimWorkflow.Verify(ClaimState.Submitted, fresh, All(fresh)).Failures.Single().Key);
        Assert.Equal("claim.documents-incomplete", ClaimWorkflow.Verify(ClaimState.DocumentsComplete, fresh, All(fresh, verified: false)).Failures.Single().Key);

        var noPayee = Claims.Assess(DeathReport(), Deceased(), Today);
        Assert.Equal(("R-HEIR-4", "heir.payee-required"), (ClaimWorkflow.Verify(ClaimState.DocumentsComplete, noPayee, All(noPayee)).Failures.Single().RuleId, ClaimWorkflow.Verify(ClaimState.DocumentsComplete, noPayee, All(noPayee)).Failures.Single().Key));

        var mother = Claims.Assess(DeathReport(new PayeeFacts { Relationship = HeirRelationship.Parent, CertificateHeirs = Family }), Deceased(), Today);
        var refused = ClaimWorkflow.Verify(ClaimState.DocumentsComplete, mother, All(mother));
        Assert.Equal(ClaimState.DocumentsComplete, refused.State);
        Assert.Equal("heir.not-payee-class", refused.Failures.Single().Key);

        // An accident claim has no payee heir.
        var accident = Assess(ClaimType.TreatmentAbroad, D(2025, 2, 10), Placed2024(), claimed: 1_000);
        Assert.True(ClaimWorkflow.Verify(ClaimState.DocumentsComplete, accident, All(accident)).Succeeded);
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    [Trait("Rule", "R-CLM-7")]
    [Trait("Rule", "R-CLM-2")]
    public void R_CLM_9_VerifyRechecksTheRulesOnTheRecordedFacts()
    {
        // Facts changed after the report: the worker's death is now recorded on an earlier day.
        var expired = Assess(ClaimType.MedicalCare, D(2023, 4, 1), PlacedOn(D(2022, 6, 1)), claimed: 1_000, reportedOn: D(2028, 4, 1));
        Assert.Equal("R-CLM-7", ClaimWorkflow.Verify(ClaimState.DocumentsComplete, expired, All(expired)).Failures.Single().RuleId);

        var invalid = Claims.Assess(new ClaimReport { Type = ClaimType.Death, IncidentOn = D(2025, 6, 10), ReportedOn = D(2025, 6, 12) }, Worker(Placed2024(diedOn: D(2025, 6, 1))), Today);
        Assert.Equal("claim.death-date", ClaimWorkflow.Verify(ClaimState.DocumentsComplete, invalid, []).Failures.Single().Key);
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    [Trait("Rule", "R-CLM-10")]
    public void R_CLM_9_ApprovalIsByAnotherStaffMemberAndFreezesTheAmount()
    {
        var fresh = Claims.Assess(DeathReport(new PayeeFacts { Relationship = HeirRelationship.Spouse, CertificateHeirs = Family }), Deceased(), Today);
        var same = ClaimWorkflow.Approve(ClaimState.Verified, "officer-1", "officer-1", fresh, Placed2024());
        Assert.False(same.Succeeded);
        Assert.Equal(ClaimState.Verified, same.State);
        Assert.Equal(("R-CLM-9", "claim.four-eyes"), (same.Failures.Single().RuleId, same.Failures.Single().Key));
        Assert.Null(same.Frozen);
        Assert.Equal("claim.four-eyes", ClaimWorkflow.Approve(ClaimState.Verified, "officer-1", " ", fresh, Placed2024()).Failures.Single().Key);

        var other = ClaimWorkflow.Approve(ClaimState.Verified, "officer-1", "officer-2", fresh, Placed2024());
        Assert.True(other.Succeeded);
        Assert.Equal(ClaimState.Approved, other.State);
        Assert.Equal(new ClaimAmount(85_000_000, AmountBasis.Fixed, "permenaker-4-2023", CoverPhase.Placement), other.Frozen);
        Assert.Equal("claim.state", ClaimWorkflow.Approve(ClaimState.DocumentsComplete, "officer-1", "officer-2", fresh, Placed2024()).Failures.Single().Key);
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public void R_CLM_9_ApprovingADeathRecordsTheStageDeceasedWhenNotRecorded()
    {
        var payee = new PayeeFacts { Relationship = HeirRelationship.Spouse, CertificateHeirs = Family };
        var fresh = Claims.Assess(DeathReport(payee), Deceased(), Today);
        Assert.Equal(D(2025, 6, 10), ClaimWorkflow.Approve(ClaimState.Verified, "a", "b", fresh, Placed2024()).RecordDeceasedOn);

        var recorded = Placed2024(diedOn: D(2025, 6, 10));
        var again = Claims.Assess(DeathReport(payee), Worker(recorded) with { RecordedHeirs = Family }, Today);
        Assert.Null(ClaimWorkflow.Approve(ClaimState.Verified, "a", "b", again, recorded).RecordDeceasedOn);

        var accidentDeath = Claims.Assess(
            new ClaimReport { Type = ClaimType.WorkAccidentDeath, IncidentOn = D(2025, 2, 10), ReportedOn = D(2025, 2, 12), Outcome = ClaimOutcome.Died, OutcomeOn = D(2025, 2, 14), Payee = payee },
            Deceased(),
            Today);
        var approved = ClaimWorkflow.Approve(ClaimState.Verified, "a", "b", accidentDeath, Placed2024());
        Assert.Equal(D(2025, 2, 14), approved.RecordDeceasedOn);
        Assert.Equal(85_000_000, approved.Frozen!.Amount);

        var accident = Assess(ClaimType.TreatmentAbroad, D(2025, 2, 10), Placed2024(), claimed: 1_000);
        Assert.Null(ClaimWorkflow.Approve(ClaimState.Verified, "a", "b", accident, Placed2024()).RecordDeceasedOn);
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    [Trait("Rule", "R-PAY-2")]
    public void R_CLM_9_PaidOnceWithAReferenceAndTheSameReferenceAgainChangesNothing()
    {
        var approvedOn = D(2025, 6, 20);
        var paid = ClaimWorkflow.Pay(ClaimState.Approved, null, "TRF-2025-0001", D(2025, 6, 21), approvedOn, Today);
        Assert.Equal((ClaimPayOutcome.Paid, ClaimState.Paid), (paid.Outcome, paid.State));

        var existing = new ClaimPayment("TRF-2025-0001", D(2025, 6, 21));
        Assert.Equal(ClaimPayOutcome.AlreadyPaid, ClaimWorkflow.Pay(ClaimState.Paid, existing, " trf-2025-0001 ", D(2025, 6, 21), approvedOn, Today).Outcome);
        var conflict = ClaimWorkflow.Pay(ClaimState.Paid, existing, "TRF-2025-0002", D(2025, 6, 21), approvedOn, Today);
        Assert.Equal(ClaimPayOutcome.Conflict, conflict.Outcome);
        Assert.Equal(("R-PAY-2", "claim.already-paid"), (conflict.Failures.Single().RuleId, conflict.Failures.Single().Key));
        Assert.Equal(ClaimPayOutcome.Conflict, ClaimWorkflow.Pay(ClaimState.Paid, existing, "TRF-2025-0001", D(2025, 6, 22), approvedOn, Today).Outcome);

        Assert.Equal(["reference", "paidOn"], ClaimWorkflow.Pay(ClaimState.Approved, null, " ", null, approvedOn, Today).Failures.Select(f => f.Field));
        Assert.Equal("claim.pay-before-approval", ClaimWorkflow.Pay(ClaimState.Approved, null, "X", D(2025, 6, 19), approvedOn, Today).Failures.Single().Key);
        Assert.Equal("claim.pay-future", ClaimWorkflow.Pay(ClaimState.Approved, null, "X", D(2025, 7, 2), approvedOn, Today).Failures.Single().Key);
        var early = ClaimWorkflow.Pay(ClaimState.Verified, null, "X", D(2025, 6, 21), approvedOn, Today);
        Assert.Equal((ClaimPayOutcome.Refused, ClaimState.Verified, "claim.state"), (early.Outcome, early.State, early.Failures.Single().Key));
        Assert.Equal("R-PAY-2", ClaimWorkflow.ReferenceUsed("TRF-1").RuleId);
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public void R_CLM_9_RejectedFromAnyStateBeforePaidWithAReasonAndAText()
    {
        Assert.Equal(
            ["not-covered", "wrong-phase", "not-in-rule-set", "expired", "fault", "not-heir", "duplicate", "other"],
            Codes.All<RejectionReason>());
        foreach (var state in Enum.GetValues<ClaimState>())
        {
            var step = ClaimWorkflow.Reject(state, RejectionReason.NotCovered, "Cover ended on 31 March 2026.");
            Assert.Equal(state is not (ClaimState.Paid or ClaimState.Rejected), step.Succeeded);
            Assert.Equal(step.Succeeded ? ClaimState.Rejected : state, step.State);
        }

        Assert.Equal(["reason", "text"], ClaimWorkflow.Reject(ClaimState.Reported, null, "").Failures.Select(f => f.Field));
    }

    [Theory]
    [Trait("Rule", "R-CLM-9")]
    [InlineData(ClaimReason.NotPaid, RejectionReason.NotCovered)]
    [InlineData(ClaimReason.Lapsed, RejectionReason.NotCovered)]
    [InlineData(ClaimReason.Ended, RejectionReason.NotCovered)]
    [InlineData(ClaimReason.Deceased, RejectionReason.NotCovered)]
    [InlineData(ClaimReason.WrongPhase, RejectionReason.WrongPhase)]
    [InlineData(ClaimReason.NotInRuleSet, RejectionReason.NotInRuleSet)]
    [InlineData(ClaimReason.Expired, RejectionReason.Expired)]
    [InlineData(ClaimReason.Fault, RejectionReason.Fault)]
    [InlineData(ClaimReason.Duplicate, RejectionReason.Duplicate)]
    [InlineData(ClaimReason.NoTrigger, RejectionReason.Other)]
    public void R_CLM_9_EachReasonHasItsRejectionReason(ClaimReason reason, RejectionReason rejection)
    {
        Assert.Equal(rejection, Claims.RejectionFor(reason));
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public void R_CLM_9_EachStateSaysWhatTheClaimWaitsFor()
    {
        foreach (var state in Enum.GetValues<ClaimState>())
        {
            var code = ClaimWorkflow.WaitsFor(state);
            Assert.NotEqual(code, RuleText.Label(code, "id"));
            Assert.NotEqual(RuleText.Label(code, "id"), RuleText.Label(code, "en"));
        }

        Assert.Equal("waits for approval by another staff member", RuleText.Label(ClaimWorkflow.WaitsFor(ClaimState.Verified), "en"));
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    [Trait("Rule", "R-CLM-9")]
    [Trait("Rule", "R-CLM-10")]
    [Trait("Rule", "R-HEIR-4")]
    public void ADeathDuringPlacementFromReportToPayment()
    {
        var worker = Deceased();
        var report = DeathReport();
        var assessment = Claims.Assess(report, worker, D(2025, 6, 12));
        var state = ClaimWorkflow.AfterReport(assessment);
        Assert.Equal(ClaimState.Submitted, state);

        var checklist = All(assessment);
        state = ClaimWorkflow.SettleDocuments(state, checklist);
        Assert.Equal(ClaimState.DocumentsComplete, state);

        var claimId = Guid.NewGuid();
        var recorded = worker with { Claims = [new ExistingClaim(claimId, ClaimType.Death, D(2025, 6, 10), state)] };
        var withPayee = report with { ClaimId = claimId, Payee = new PayeeFacts { Relationship = HeirRelationship.Child, CertificateHeirs = Family, DateOfBirth = D(2016, 2, 2), GuardianName = "Rahmat" } };
        var verify = ClaimWorkflow.Verify(state, Claims.Assess(withPayee, recorded, D(2025, 6, 20)), checklist);
        Assert.True(verify.Succeeded, string.Join("; ", verify.Failures));

        var approval = ClaimWorkflow.Approve(verify.State, "officer-1", "supervisor-2", Claims.Assess(withPayee, recorded, D(2025, 6, 21)), recorded.History);
        Assert.Equal(85_000_000, approval.Frozen!.Amount);
        Assert.Equal(D(2025, 6, 10), approval.RecordDeceasedOn);
        Assert.Equal("Rp85.000.000, jumlah tetap untuk kematian pada masa penempatan menurut Permenaker No. 4 Tahun 2023.", RuleText.Format(approval.Frozen.HowComputed, "id"));

        var paid = ClaimWorkflow.Pay(approval.State, null, "TRF-2025-0001", D(2025, 6, 25), D(2025, 6, 21), D(2025, 6, 25));
        Assert.Equal(ClaimState.Paid, paid.State);
    }
}
