namespace MigrantCover.Domain.Tests;

public class ClaimTests
{
    [Theory]
    [Trait("Rule", "R-CLM-1")]
    [Trait("Rule", "R-VER-1")]
    [InlineData("permenaker-4-2023", ClaimType.Death, AmountBasis.Fixed, 85_000_000L, 42_000_000L)]
    [InlineData("permenaker-18-2018", ClaimType.Death, AmountBasis.Fixed, 85_000_000L, 24_000_000L)]
    [InlineData("permenaker-7-2017", ClaimType.Death, AmountBasis.Fixed, 85_000_000L, 24_000_000L)]
    [InlineData("permenaker-4-2023", ClaimType.WorkAccidentDeath, AmountBasis.Fixed, 85_000_000L, null)]
    [InlineData("permenaker-7-2017", ClaimType.WorkAccidentDeath, AmountBasis.Fixed, 85_000_000L, null)]
    [InlineData("permenaker-4-2023", ClaimType.FailedDeparture, AmountBasis.Fixed, 10_000_000L, null)]
    [InlineData("permenaker-18-2018", ClaimType.FailedDeparture, AmountBasis.Fixed, 7_500_000L, null)]
    [InlineData("permenaker-7-2017", ClaimType.FailedDeparture, AmountBasis.Fixed, 7_500_000L, null)]
    [InlineData("permenaker-4-2023", ClaimType.TreatmentAbroad, AmountBasis.Cap, 50_000_000L, null)]
    [InlineData("permenaker-4-2023", ClaimType.HomeCare, AmountBasis.Cap, 20_000_000L, null)]
    [InlineData("permenaker-4-2023", ClaimType.Rape, AmountBasis.Fixed, 50_000_000L, null)]
    [InlineData("permenaker-4-2023", ClaimType.PlacedAgainstAgreement, AmountBasis.Fixed, 25_000_000L, null)]
    [InlineData("permenaker-4-2023", ClaimType.JourneyHomeLoss, AmountBasis.Cap, 10_000_000L, null)]
    [InlineData("permenaker-18-2018", ClaimType.JourneyHomeLoss, AmountBasis.Cap, 10_000_000L, null)]
    [InlineData("permenaker-7-2017", ClaimType.JourneyHomeLoss, AmountBasis.Cap, 10_000_000L, null)]
    [InlineData("permenaker-4-2023", ClaimType.UnilateralTermination, AmountBasis.Fixed, 1_500_000L, null)]
    [InlineData("permenaker-4-2023", ClaimType.TotalPermanentDisability, AmountBasis.Cap, 100_000_000L, null)]
    [InlineData("permenaker-18-2018", ClaimType.TotalPermanentDisability, AmountBasis.Cap, 100_000_000L, null)]
    [InlineData("permenaker-4-2023", ClaimType.MedicalCare, AmountBasis.Claimed, null, null)]
    [InlineData("permenaker-7-2017", ClaimType.MedicalCare, AmountBasis.Claimed, null, null)]
    [InlineData("permenaker-4-2023", ClaimType.JhtWithdrawal, AmountBasis.Balance, null, null)]
    [InlineData("permenaker-18-2018", ClaimType.JhtWithdrawal, AmountBasis.Balance, null, null)]
    public void R_CLM_1_ClaimsTableOfEachRuleSet(string ruleSetId, ClaimType type, AmountBasis basis, long? amount, long? outside)
    {
        var row = RuleSets.ById(ruleSetId)!.BenefitFor(type);
        Assert.Equal(type, row.Type);
        Assert.Equal(basis, row.Basis);
        Assert.Equal(amount, row.Amount);
        Assert.Equal(outside, row.AmountOutsidePlacement);
        Assert.True(row.InRuleSet);
    }

    [Theory]
    [Trait("Rule", "R-CLM-1")]
    [InlineData(ClaimType.TreatmentAbroad)]
    [InlineData(ClaimType.HomeCare)]
    [InlineData(ClaimType.Rape)]
    [InlineData(ClaimType.PlacedAgainstAgreement)]
    [InlineData(ClaimType.UnilateralTermination)]
    public void R_CLM_1_BenefitsNewIn4Of2023AreNotInTheEarlierRuleSets(ClaimType type)
    {
        Assert.False(RuleSets.Permenaker18Of2018.BenefitFor(type).InRuleSet);
        Assert.False(RuleSets.Permenaker7Of2017.BenefitFor(type).InRuleSet);
        Assert.True(RuleSets.Permenaker4Of2023.BenefitFor(type).InRuleSet);

        var a = Assess(type, D(2021, 6, 1), PlacedOn(D(2020, 6, 1)), claimed: 1_000_000);
        Assert.Equal(ClaimReason.NotInRuleSet, a.Reason);
        Assert.Equal("R-CLM-1", a.ReasonText!.RuleId);
    }

    [Fact]
    [Trait("Rule", "R-CLM-1")]
    [Trait("Rule", "R-HEIR-5")]
    public void R_CLM_1_EveryRuleSetListsEveryTypeWithItsFuneralComponentAndExpiry()
    {
        foreach (var set in RuleSets.All)
        {
            Assert.Equal(Enum.GetValues<ClaimType>(), set.ClaimBenefits.Select(b => b.Type));
        }

        Assert.Equal(10_000_000, RuleSets.Permenaker4Of2023.FuneralComponent);
        Assert.Equal(3_000_000, RuleSets.Permenaker18Of2018.FuneralComponent);
        Assert.Equal(3_000_000, RuleSets.Permenaker7Of2017.FuneralComponent);
        Assert.Equal(5, RuleSets.Permenaker4Of2023.JkkClaimExpiryYears);
        Assert.Equal(2, RuleSets.Permenaker18Of2018.JkkClaimExpiryYears);
        Assert.Equal(2, RuleSets.Permenaker7Of2017.JkkClaimExpiryYears);
    }

    [Theory]
    [Trait("Rule", "R-CLM-1")]
    [Trait("Rule", "R-CLM-6")]
    [InlineData(ClaimType.Death, Programme.Jkm, "pre-placement,placement,post-placement", false)]
    [InlineData(ClaimType.WorkAccidentDeath, Programme.Jkk, "pre-placement,placement,post-placement", true)]
    [InlineData(ClaimType.FailedDeparture, Programme.Jkk, "pre-placement", false)]
    [InlineData(ClaimType.TreatmentAbroad, Programme.Jkk, "placement", true)]
    [InlineData(ClaimType.HomeCare, Programme.Jkk, "placement", true)]
    [InlineData(ClaimType.Rape, Programme.Jkk, "pre-placement,placement,post-placement", true)]
    [InlineData(ClaimType.PlacedAgainstAgreement, Programme.Jkk, "placement", true)]
    [InlineData(ClaimType.JourneyHomeLoss, Programme.Jkk, "post-placement", false)]
    [InlineData(ClaimType.UnilateralTermination, Programme.Jkk, "placement", true)]
    [InlineData(ClaimType.TotalPermanentDisability, Programme.Jkk, "pre-placement,placement,post-placement", true)]
    [InlineData(ClaimType.MedicalCare, Programme.Jkk, "pre-placement,placement,post-placement", true)]
    [InlineData(ClaimType.JhtWithdrawal, Programme.Jht, "", false)]
    public void R_CLM_1_TypesWithProgrammePhasesAndStages(ClaimType type, Programme programme, string phases, bool twoStage)
    {
        var info = ClaimCatalog.Of(type);
        Assert.Equal(programme, info.Programme);
        Assert.Equal(phases, string.Join(",", info.Phases.Select(Codes.Of)));
        Assert.Equal(twoStage, info.TwoStage);
        Assert.Equal(twoStage, Assess(type, D(2025, 1, 10), Placed2024(), claimed: 1, trigger: JhtTrigger.TotalPermanentDisability).TwoStage);
    }

    [Fact]
    [Trait("Rule", "R-CLM-1")]
    public void R_CLM_1_TypeCodesAreTheRuleBooksSpelling()
    {
        Assert.Equal(
            ["death", "work-accident-death", "failed-departure", "treatment-abroad", "home-care", "rape", "placed-against-agreement", "journey-home-loss", "unilateral-termination", "total-permanent-disability", "medical-care", "jht-withdrawal"],
            Codes.All<ClaimType>());
        Assert.True(Codes.TryParse<ClaimType>("work-accident-death", out var t));
        Assert.Equal(ClaimType.WorkAccidentDeath, t);
        Assert.Equal(["fixed", "cap", "claimed", "balance"], Codes.All<AmountBasis>());
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    public void R_CLM_2_EligibilityComesFromTheCoverageStatusOnTheIncidentDate()
    {
        var h = Placed2024();
        foreach (var day in new[] { D(2024, 1, 9), D(2024, 1, 10), D(2024, 2, 29), D(2024, 3, 1), D(2026, 3, 31), D(2026, 4, 1) })
        {
            var status = Coverage.On(h, day).Jkm;
            var a = Assess(ClaimType.Death, day, Worker(h, registeredOn: D(2023, 12, 1)));
            Assert.Equal(status.Active, a.Eligible);
            Assert.Equal(status.Active ? status.Phase : null, a.Phase);
            Assert.Equal(status, a.Status);
        }
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    public void R_CLM_2_ReasonsAreTheCoverageReasons()
    {
        Assert.Equal(ClaimReason.NotPaid, Assess(ClaimType.Death, D(2024, 1, 9), Worker(Candidate(D(2024, 1, 10)), registeredOn: D(2024, 1, 1))).Reason);
        Assert.Equal(ClaimReason.Lapsed, Assess(ClaimType.Death, D(2024, 6, 10), Candidate(D(2024, 1, 10))).Reason);
        Assert.Equal(ClaimReason.Ended, Assess(ClaimType.Death, D(2025, 9, 4), Placed2024(arrivedOn: D(2025, 8, 5))).Reason);
        Assert.Equal(ClaimReason.FailedDeparture, Assess(ClaimType.Death, D(2024, 4, 16), Candidate(D(2024, 1, 10), failedOn: D(2024, 4, 15))).Reason);
        Assert.Equal(ClaimReason.Deceased, Assess(ClaimType.MedicalCare, D(2025, 1, 2), Placed2024(diedOn: D(2025, 1, 1)), claimed: 1_000).Reason);

        var departedUnpaid = History(Scheme.Agency, 24, [Pay(PaymentKind.PrePlacement, D(2024, 1, 10))], departedOn: D(2024, 3, 1));
        var a = Assess(ClaimType.Death, D(2024, 5, 1), departedUnpaid);
        Assert.Equal(ClaimReason.AwaitingDeparturePayment, a.Reason);
        Assert.Equal("claim.reason.departed-without-placement-payment", a.ReasonText!.Key);
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    public void R_CLM_2_ActiveInAPhaseTheTypeDoesNotCoverIsWrongPhase()
    {
        var placed = Assess(ClaimType.JourneyHomeLoss, D(2025, 1, 10), Placed2024(), claimed: 1_000_000);
        Assert.Equal(ClaimReason.WrongPhase, placed.Reason);
        Assert.Equal(CoverPhase.Placement, placed.Phase);
        Assert.Contains("post-placement", RuleText.Format(placed.ReasonText!, "en"), StringComparison.Ordinal);

        Assert.Equal(ClaimReason.WrongPhase, Assess(ClaimType.TreatmentAbroad, D(2024, 2, 1), Placed2024(), claimed: 1_000_000).Reason);
        Assert.Equal(ClaimReason.WrongPhase, Assess(ClaimType.FailedDeparture, D(2025, 1, 10), Placed2024(), cause: FailedDepartureCause.VisaRefused).Reason);
        Assert.True(Assess(ClaimType.JourneyHomeLoss, D(2025, 8, 10), Placed2024(arrivedOn: D(2025, 8, 5)), claimed: 1_000_000).Eligible);
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    public void R_CLM_2_AnIncidentBeforeRegistrationIsNotPaid()
    {
        var h = Placed2024();
        var a = Assess(ClaimType.Death, D(2024, 3, 5), Worker(h, registeredOn: D(2024, 3, 6)));
        Assert.False(a.Eligible);
        Assert.Equal(ClaimReason.NotPaid, a.Reason);
        Assert.Equal("claim.reason.before-registration", a.ReasonText!.Key);
        Assert.True(Coverage.On(h, D(2024, 3, 5)).Jkm.Active);
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    public void R_CLM_2_DeathAndWorkAccidentDeathExcludeEachOtherUnlessTheOtherWasRejected()
    {
        var h = Placed2024();
        var other = new ExistingClaim(Guid.NewGuid(), ClaimType.WorkAccidentDeath, D(2025, 6, 10), ClaimState.Submitted);
        var a = Assess(ClaimType.Death, D(2025, 6, 10), Worker(h) with { Claims = [other] });
        Assert.False(a.Eligible);
        Assert.Equal(ClaimReason.Duplicate, a.Reason);
        Assert.Equal("claim.reason.other-death-claim", a.ReasonText!.Key);
        Assert.Null(a.DuplicateOf);

        var reverse = Assess(ClaimType.WorkAccidentDeath, D(2025, 6, 10), Worker(h) with { Claims = [other with { Type = ClaimType.Death }] });
        Assert.Equal(ClaimReason.Duplicate, reverse.Reason);

        var rejected = Assess(ClaimType.Death, D(2025, 6, 10), Worker(h) with { Claims = [other with { State = ClaimState.Rejected }] });
        Assert.True(rejected.Eligible);
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    public void R_CLM_2_TheIncidentDateOfADeathClaimIsTheRecordedDeath()
    {
        var h = Placed2024(diedOn: D(2025, 6, 10));
        var wrong = Claims.Assess(new ClaimReport { Type = ClaimType.Death, IncidentOn = D(2025, 6, 1), ReportedOn = D(2025, 7, 1) }, Worker(h), D(2025, 7, 1));
        var f = Assert.Single(wrong.Failures);
        Assert.Equal(("R-CLM-2", "claim.death-date", "incidentOn"), (f.RuleId, f.Key, f.Field));
        Assert.True(Assess(ClaimType.Death, D(2025, 6, 10), h).Eligible);
    }

    [Fact]
    [Trait("Rule", "R-CLM-3")]
    [Trait("Rule", "R-VER-1")]
    public void R_CLM_3_PricedByTheRuleSetOfTheIncidentDateNotOfThePayment()
    {
        // Paid and departed under 18/2018, died under 4/2023 after returning: 42.000.000, not 24.000.000.
        var h = History(Scheme.Agency, 36, [Pay(PaymentKind.Placement, D(2020, 1, 10))], departedOn: D(2020, 2, 1), arrivedOn: D(2023, 3, 1));
        var a = Assess(ClaimType.Death, D(2023, 3, 10), h);
        Assert.Same(RuleSets.Permenaker4Of2023, a.RuleSet);
        Assert.Equal(42_000_000, a.Amount!.Amount);

        var before = Assess(ClaimType.Death, D(2023, 2, 21), h);
        Assert.Same(RuleSets.Permenaker18Of2018, before.RuleSet);
        Assert.Equal(85_000_000, before.Amount!.Amount);
    }

    [Fact]
    [Trait("Rule", "R-CLM-3")]
    public void R_CLM_3_BeforeTheFirstRuleSetNothingCanBeClaimed()
    {
        var h = History(Scheme.Agency, 24, [Pay(PaymentKind.PrePlacement, D(2017, 6, 1))]);
        var a = Assess(ClaimType.Death, D(2017, 7, 1), Worker(h, registeredOn: D(2017, 5, 1)), reportedOn: D(2017, 7, 10));
        Assert.Equal(ClaimReason.NotInRuleSet, a.Reason);
        Assert.Equal("R-CLM-3", a.ReasonText!.RuleId);
        Assert.Null(a.RuleSet);
    }

    [Theory]
    [Trait("Rule", "R-CLM-4")]
    [InlineData(FailedDepartureCause.EmployerWithdrew, true)]
    [InlineData(FailedDepartureCause.VisaRefused, true)]
    [InlineData(FailedDepartureCause.MedicalAfterPayment, true)]
    [InlineData(FailedDepartureCause.Other, true)]
    [InlineData(FailedDepartureCause.CandidateFault, false)]
    [InlineData(FailedDepartureCause.AgencyFault, false)]
    [InlineData(FailedDepartureCause.GovernmentPolicy, false)]
    public void R_CLM_4_OnlyCausesThatAreNoFaultArePaid(FailedDepartureCause cause, bool paid)
    {
        var a = Assess(ClaimType.FailedDeparture, D(2024, 4, 15), Candidate(D(2024, 1, 10), failedOn: D(2024, 4, 15)), cause: cause);
        Assert.Equal(paid, a.Eligible);
        Assert.Equal(paid ? null : ClaimReason.Fault, a.Reason);
    }

    [Fact]
    [Trait("Rule", "R-CLM-4")]
    public void R_CLM_4_TheFailedDepartureMustBeRecordedOnTheIncidentDate()
    {
        var notRecorded = Assess(ClaimType.FailedDeparture, D(2024, 4, 15), Candidate(D(2024, 1, 10)), cause: FailedDepartureCause.VisaRefused);
        Assert.Equal(ClaimReason.StageNotRecorded, notRecorded.Reason);
        Assert.Equal("R-CLM-4", notRecorded.ReasonText!.RuleId);

        var later = Assess(ClaimType.FailedDeparture, D(2024, 4, 15), Candidate(D(2024, 1, 10), failedOn: D(2024, 4, 20)), cause: FailedDepartureCause.VisaRefused);
        Assert.Equal("claim.reason.failed-departure-other-date", later.ReasonText!.Key);

        var earlier = Assess(ClaimType.FailedDeparture, D(2024, 4, 15), Candidate(D(2024, 1, 10), failedOn: D(2024, 4, 1)), cause: FailedDepartureCause.VisaRefused);
        Assert.Equal(ClaimReason.FailedDeparture, earlier.Reason);

        var missingCause = Claims.Assess(new ClaimReport { Type = ClaimType.FailedDeparture, IncidentOn = D(2024, 4, 15), ReportedOn = D(2024, 4, 20) }, Worker(Candidate(D(2024, 1, 10), failedOn: D(2024, 4, 15))), D(2024, 4, 20));
        Assert.Equal(("R-CLM-4", "cause"), (missingCause.Failures[0].RuleId, missingCause.Failures[0].Field));
    }

    [Fact]
    [Trait("Rule", "R-CLM-4")]
    [Trait("Rule", "R-COV-3")]
    public void R_CLM_4_AnIndividualSchemeCandidateHasNoJkkSoNoFailedDepartureBenefit()
    {
        var h = History(Scheme.Individual, 24, [Pay(PaymentKind.Placement, D(2025, 5, 1))], failedOn: D(2025, 5, 15));
        var a = Assess(ClaimType.FailedDeparture, D(2025, 5, 15), h, cause: FailedDepartureCause.VisaRefused);
        Assert.False(a.Eligible);
        Assert.Equal(ClaimReason.AwaitingDeparturePayment, a.Reason);
    }

    [Theory]
    [Trait("Rule", "R-CLM-5")]
    [InlineData(ReporterRole.Family, false)]
    [InlineData(ReporterRole.PlacementAgency, false)]
    [InlineData(ReporterRole.Bp2mi, false)]
    [InlineData(ReporterRole.Mission, true)]
    [InlineData(ReporterRole.Employer, true)]
    public void R_CLM_5_MissionAndEmployerReportOnlyIncidentsDuringPlacement(ReporterRole role, bool placementOnly)
    {
        var h = Placed2024(arrivedOn: D(2025, 8, 5));
        ClaimAssessment Report(DateOnly t) => Claims.Assess(
            new ClaimReport { Type = ClaimType.Death, IncidentOn = t, ReportedOn = D(2025, 9, 1), Reporter = new Reporter(role, "Nur", "+6281200000000") },
            Worker(h),
            D(2025, 9, 1));

        Assert.Empty(Report(D(2025, 6, 10)).Failures);
        var after = Report(D(2025, 8, 20));
        Assert.Equal(placementOnly, !after.IsValid);
        if (placementOnly)
        {
            var f = Assert.Single(after.Failures);
            Assert.Equal(("R-CLM-5", "reporter.role"), (f.RuleId, f.Field));
        }
    }

    [Fact]
    [Trait("Rule", "R-CLM-5")]
    public void R_CLM_5_TheReporterHasARoleANameAndAContact()
    {
        var failures = Claims.CheckReporter(new Reporter(null, " ", null), Placed2024(), D(2025, 1, 1));
        Assert.Equal(["reporter.role", "reporter.name", "reporter.contact"], failures.Select(f => f.Field));
        Assert.All(failures, f => Assert.Equal("R-CLM-5", f.RuleId));
        Assert.Equal(11, Codes.All<ReporterRole>().Count);
        Assert.Contains("bp2mi", Codes.All<ReporterRole>());
    }

    [Fact]
    [Trait("Rule", "R-CLM-6")]
    public void R_CLM_6_TheOutcomeOfATwoStageTypeHasItsDateAndFitsTheType()
    {
        var today = D(2025, 6, 1);
        Assert.Empty(Claims.CheckOutcome(ClaimType.TreatmentAbroad, ClaimOutcome.Healed, D(2025, 3, 1), D(2025, 2, 10), today));
        Assert.Equal("claim.outcome-not-two-stage", Claims.CheckOutcome(ClaimType.FailedDeparture, ClaimOutcome.Healed, D(2025, 3, 1), D(2025, 2, 10), today)[0].Key);
        Assert.Equal("claim.outcome-not-two-stage", Claims.CheckOutcome(ClaimType.JourneyHomeLoss, ClaimOutcome.Healed, D(2025, 3, 1), D(2025, 2, 10), today)[0].Key);
        Assert.Equal("claim.outcome-required", Claims.CheckOutcome(ClaimType.MedicalCare, null, D(2025, 3, 1), D(2025, 2, 10), today)[0].Key);
        Assert.Equal("claim.outcome-date-required", Claims.CheckOutcome(ClaimType.MedicalCare, ClaimOutcome.Healed, null, D(2025, 2, 10), today)[0].Key);
        Assert.Equal("claim.outcome-before-incident", Claims.CheckOutcome(ClaimType.MedicalCare, ClaimOutcome.Healed, D(2025, 2, 9), D(2025, 2, 10), today)[0].Key);
        Assert.Equal("claim.outcome-future", Claims.CheckOutcome(ClaimType.MedicalCare, ClaimOutcome.Healed, D(2025, 6, 2), D(2025, 2, 10), today)[0].Key);
        Assert.Equal("claim.outcome-type", Claims.CheckOutcome(ClaimType.WorkAccidentDeath, ClaimOutcome.Healed, D(2025, 3, 1), D(2025, 2, 10), today)[0].Key);
        Assert.Equal("claim.outcome-type", Claims.CheckOutcome(ClaimType.TotalPermanentDisability, ClaimOutcome.Died, D(2025, 3, 1), D(2025, 2, 10), today)[0].Key);
        Assert.Equal("claim.outcome-death-date", Claims.CheckOutcome(ClaimType.WorkAccidentDeath, ClaimOutcome.Died, D(2025, 3, 1), D(2025, 2, 10), today, D(2025, 3, 2))[0].Key);
        Assert.All(Claims.CheckOutcome(ClaimType.MedicalCare, null, null, D(2025, 2, 10), today), f => Assert.Equal("R-CLM-6", f.RuleId));
    }

    [Fact]
    [Trait("Rule", "R-CLM-6")]
    [Trait("Rule", "R-CLM-9")]
    public void R_CLM_6_AWorkAccidentDeathIsDatedByItsOutcome()
    {
        var report = new ClaimReport { Type = ClaimType.WorkAccidentDeath, IncidentOn = D(2025, 2, 10), ReportedOn = D(2025, 2, 12), Outcome = ClaimOutcome.Died, OutcomeOn = D(2025, 2, 20) };
        var a = Claims.Assess(report, Worker(Placed2024()), D(2025, 3, 1));
        Assert.True(a.Eligible);
        Assert.Equal(D(2025, 2, 20), a.DeathOn);
        Assert.Equal(D(2025, 2, 10), Claims.Assess(report with { Outcome = null, OutcomeOn = null }, Worker(Placed2024()), D(2025, 3, 1)).DeathOn);
    }

    [Theory]
    [Trait("Rule", "R-CLM-7")]
    [InlineData(2023, 4, 1, 2028, 3, 31)]
    [InlineData(2024, 2, 29, 2029, 2, 27)]
    [InlineData(2023, 2, 22, 2028, 2, 21)]
    [InlineData(2023, 2, 21, 2025, 2, 20)]
    [InlineData(2020, 3, 1, 2022, 2, 28)]
    [InlineData(2018, 12, 9, 2020, 12, 8)]
    [InlineData(2017, 8, 1, 2019, 7, 31)]
    public void R_CLM_7_LastReportDayIsTPlusNYearsMinusOneDay(int y, int m, int d, int ly, int lm, int ld)
    {
        Assert.Equal(D(ly, lm, ld), ClaimCatalog.LastReportOn(ClaimType.MedicalCare, D(y, m, d)));
        Assert.Equal(D(ly, lm, ld), ClaimCatalog.LastReportOn(ClaimType.FailedDeparture, D(y, m, d)));
    }

    [Fact]
    [Trait("Rule", "R-CLM-7")]
    public void R_CLM_7_JkmAndJhtClaimsNeverExpire()
    {
        Assert.Null(ClaimCatalog.LastReportOn(ClaimType.Death, D(2020, 3, 1)));
        Assert.Null(ClaimCatalog.LastReportOn(ClaimType.JhtWithdrawal, D(2020, 3, 1)));
        Assert.Null(ClaimCatalog.LastReportOn(ClaimType.MedicalCare, D(2017, 7, 31)));

        var h = PlacedOn(D(2019, 6, 1));
        var late = Assess(ClaimType.Death, D(2020, 3, 1), h, reportedOn: D(2029, 1, 1));
        Assert.True(late.Eligible);
        Assert.False(late.Expired);
        Assert.Null(late.LastReportOn);
    }

    [Fact]
    [Trait("Rule", "R-CLM-7")]
    public void R_CLM_7_ExpiredIsFlaggedEvenWhenAnotherReasonComesFirst()
    {
        var a = Assess(ClaimType.Rape, D(2020, 3, 1), PlacedOn(D(2019, 6, 1)), reportedOn: D(2023, 1, 1));
        Assert.Equal(ClaimReason.NotInRuleSet, a.Reason);
        Assert.True(a.Expired);
        Assert.Equal([ClaimReason.NotInRuleSet, ClaimReason.Expired], a.Findings.Select(f => f.Reason));
        Assert.Equal(["R-CLM-1", "R-CLM-7"], a.RuleIds);
        Assert.Equal(("R-CLM-7", "reportedOn"), (a.ExpiredText!.RuleId, a.ExpiredText.Field));
        Assert.Null(Assess(ClaimType.Rape, D(2023, 10, 1), PlacedOn(D(2022, 1, 10), 36)).ExpiredText);
    }

    [Fact]
    [Trait("Rule", "R-CLM-8")]
    public void R_CLM_8_DeathChecklistHasTheHeirPapersAndTheLeaveLetterOnlyDuringPlacement()
    {
        var placement = ClaimDocuments.Default(ClaimType.Death, CoverPhase.Placement).Select(d => d.Code).ToArray();
        Assert.Equal(
            ["membership-card", "deceased-id", "payee-id", "family-card", "death-certificate", "heir-certificate", "payee-savings-book", "leave-letter"],
            placement);
        Assert.False(ClaimDocuments.Default(ClaimType.Death, CoverPhase.Placement).Single(d => d.Code == "leave-letter").Required);
        Assert.DoesNotContain("leave-letter", ClaimDocuments.Default(ClaimType.Death, CoverPhase.PostPlacement).Select(d => d.Code));
    }

    [Fact]
    [Trait("Rule", "R-CLM-8")]
    [Trait("Rule", "R-CLM-6")]
    public void R_CLM_8_WorkAccidentChecklistsDependOnThePhaseAndTheStage()
    {
        var abroad = ClaimDocuments.Default(ClaimType.TreatmentAbroad, CoverPhase.Placement);
        Assert.Equal(["membership-card", "passport", "employer-statement", "medical-summary", "receipts", "payee-account"], abroad.Select(d => d.Code));
        Assert.Equal([1, 1, 1, 1, 2, 2], abroad.Select(d => d.Report));

        var home = ClaimDocuments.Default(ClaimType.MedicalCare, CoverPhase.PostPlacement);
        Assert.Equal(["membership-card", "id-or-passport", "doctor-letter", "receipts", "payee-account"], home.Select(d => d.Code));

        var death = ClaimDocuments.Default(ClaimType.WorkAccidentDeath, CoverPhase.Placement).Select(d => d.Code).ToArray();
        Assert.Contains("heir-certificate", death);
        Assert.Contains("death-certificate", death);
        Assert.Contains("employer-statement", death);
    }

    [Fact]
    [Trait("Rule", "R-CLM-8")]
    [Trait("Rule", "R-CLM-11")]
    public void R_CLM_8_SingleReportAndJhtChecklists()
    {
        Assert.Equal(["membership-card", "id-or-passport", "cause-statement", "payee-account"], ClaimDocuments.Default(ClaimType.FailedDeparture, null).Select(d => d.Code));
        Assert.Equal(["membership-card", "id-or-passport", "loss-report", "payee-account"], ClaimDocuments.Default(ClaimType.JourneyHomeLoss, null).Select(d => d.Code));
        Assert.Equal(["membership-card", "id-card", "payee-account", "disability-statement"], ClaimDocuments.Default(ClaimType.JhtWithdrawal, null, JhtTrigger.TotalPermanentDisability).Select(d => d.Code));
        Assert.Contains("heir-certificate", ClaimDocuments.Default(ClaimType.JhtWithdrawal, null, JhtTrigger.Death).Select(d => d.Code));
        Assert.Equal(["membership-card", "id-card", "payee-account"], ClaimDocuments.Default(ClaimType.JhtWithdrawal, null, JhtTrigger.RetirementAge).Select(d => d.Code));
    }

    [Fact]
    [Trait("Rule", "R-CLM-8")]
    public void R_CLM_8_EveryChecklistItemHasALabelInBothLanguages()
    {
        foreach (var type in Enum.GetValues<ClaimType>())
        {
            foreach (var phase in new CoverPhase?[] { null, CoverPhase.PrePlacement, CoverPhase.Placement, CoverPhase.PostPlacement })
            {
                foreach (var trigger in new JhtTrigger?[] { null, JhtTrigger.Death, JhtTrigger.TotalPermanentDisability })
                {
                    var items = ClaimDocuments.Default(type, phase, trigger);
                    Assert.NotEmpty(items);
                    Assert.Equal(items.Count, items.Select(d => d.Code).Distinct().Count());
                    foreach (var item in items)
                    {
                        Assert.Contains(item.Code, ClaimDocuments.AllCodes);
                        Assert.NotEqual(item.Code, RuleText.ClaimDocumentLabel(item.Code, "id"));
                        Assert.NotEqual(item.Code, RuleText.ClaimDocumentLabel(item.Code, "en"));
                    }
                }
            }
        }

        Assert.Equal("kartu peserta BPJS Ketenagakerjaan", RuleText.ClaimDocumentLabel("membership-card", "id"));
        Assert.Equal("something-an-admin-added", RuleText.ClaimDocumentLabel("something-an-admin-added", "en"));
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public void R_CLM_9_OneClaimPerWorkerTypeAndIncidentDate()
    {
        var h = Placed2024();
        var existing = new ExistingClaim(Guid.NewGuid(), ClaimType.TreatmentAbroad, D(2025, 2, 10), ClaimState.Rejected);
        var a = Assess(ClaimType.TreatmentAbroad, D(2025, 2, 10), Worker(h) with { Claims = [existing] }, claimed: 1_000_000);
        Assert.Equal(ClaimReason.Duplicate, a.Reason);
        Assert.Equal(existing.Id, a.DuplicateOf);
        Assert.Equal("R-CLM-9", a.ReasonText!.RuleId);

        Assert.True(Assess(ClaimType.TreatmentAbroad, D(2025, 2, 11), Worker(h) with { Claims = [existing] }, claimed: 1_000_000).Eligible);
        Assert.True(Assess(ClaimType.HomeCare, D(2025, 2, 10), Worker(h) with { Claims = [existing] }, claimed: 1_000_000).Eligible);

        // The claim re-assessed itself is not its own duplicate.
        var self = Claims.Assess(new ClaimReport { Type = ClaimType.TreatmentAbroad, IncidentOn = D(2025, 2, 10), ReportedOn = D(2025, 2, 20), ClaimedAmount = 1_000_000, ClaimId = existing.Id }, Worker(h) with { Claims = [existing] }, D(2025, 3, 1));
        Assert.True(self.Eligible);
    }

    [Fact]
    [Trait("Rule", "R-CLM-10")]
    public void R_CLM_10_AmountsAndHowTheyWereComputed()
    {
        var cap = Claims.AmountOf(RuleSets.Permenaker4Of2023.BenefitFor(ClaimType.TreatmentAbroad), RuleSets.Permenaker4Of2023, CoverPhase.Placement, 65_000_000);
        Assert.Equal(new ClaimAmount(50_000_000, AmountBasis.Cap, "permenaker-4-2023", CoverPhase.Placement, Cap: 50_000_000, ClaimedAmount: 65_000_000), cap);
        Assert.Equal(
            "Rp50.000.000: the proven cost of Rp65.000.000 is above the cap of Rp50.000.000 under Permenaker No. 4 Tahun 2023, so the cap is paid.",
            RuleText.Format(cap.HowComputed, "en"));

        var within = cap with { Amount = 12_345_000, ClaimedAmount = 12_345_000 };
        Assert.Contains("Rp12.345.000: biaya yang dibuktikan, tidak melebihi batas Rp50.000.000", RuleText.Format(within.HowComputed, "id"), StringComparison.Ordinal);

        var medical = Claims.AmountOf(RuleSets.Permenaker4Of2023.BenefitFor(ClaimType.MedicalCare), RuleSets.Permenaker4Of2023, CoverPhase.Placement, 123_456_789);
        Assert.Equal((123_456_789L, AmountBasis.Claimed), (medical.Amount, medical.Basis));

        var death = Claims.AmountOf(RuleSets.Permenaker18Of2018.BenefitFor(ClaimType.Death), RuleSets.Permenaker18Of2018, CoverPhase.PostPlacement, null);
        Assert.Equal(24_000_000, death.Amount);
        Assert.Equal("Rp24.000.000, the fixed amount for a death in the post-placement phase under Permenaker No. 18 Tahun 2018.", RuleText.Format(death.HowComputed, "en"));

        var fixedAmount = Claims.AmountOf(RuleSets.Permenaker4Of2023.BenefitFor(ClaimType.Rape), RuleSets.Permenaker4Of2023, CoverPhase.Placement, 99_000_000_000);
        Assert.Equal((50_000_000L, AmountBasis.Fixed), (fixedAmount.Amount, fixedAmount.Basis));
    }

    [Fact]
    [Trait("Rule", "R-CLM-10")]
    public void R_CLM_10_CapAndClaimedTypesNeedAPositiveClaimedAmount()
    {
        var w = Worker(Placed2024());
        var missing = Claims.Assess(new ClaimReport { Type = ClaimType.TreatmentAbroad, IncidentOn = D(2025, 2, 10), ReportedOn = D(2025, 3, 1) }, w, D(2025, 3, 1));
        var f = Assert.Single(missing.Failures);
        Assert.Equal(("R-CLM-10", "claimedAmount"), (f.RuleId, f.Field));
        Assert.False(missing.Eligible);

        var negative = Claims.Assess(new ClaimReport { Type = ClaimType.MedicalCare, IncidentOn = D(2025, 2, 10), ReportedOn = D(2025, 3, 1), ClaimedAmount = -5 }, w, D(2025, 3, 1));
        Assert.Equal("claim.claimed-amount-range", Assert.Single(negative.Failures).Key);

        var fixedType = Claims.Assess(new ClaimReport { Type = ClaimType.Death, IncidentOn = D(2025, 2, 10), ReportedOn = D(2025, 3, 1) }, w, D(2025, 3, 1));
        Assert.True(fixedType.Eligible);
    }

    [Fact]
    [Trait("Rule", "R-CLM-10")]
    [Trait("Rule", "R-CLM-2")]
    public void InputThatCannotBeAssessedIsAnsweredWithFieldFailures()
    {
        var w = Worker(Placed2024());
        var empty = Claims.Assess(new ClaimReport(), w, D(2025, 3, 1));
        Assert.Equal(["type", "incidentOn"], empty.Failures.Select(f => f.Field));
        Assert.False(empty.IsValid);
        Assert.Null(empty.Programme);

        var future = Claims.Assess(new ClaimReport { Type = ClaimType.Death, IncidentOn = D(2025, 3, 2), ReportedOn = D(2025, 3, 3) }, w, D(2025, 3, 1));
        Assert.Equal(["claim.report-future", "claim.incident-future"], future.Failures.Select(f => f.Key));

        var afterReport = Claims.Assess(new ClaimReport { Type = ClaimType.Death, IncidentOn = D(2025, 2, 20), ReportedOn = D(2025, 2, 10) }, w, D(2025, 3, 1));
        Assert.Equal("claim.incident-after-report", Assert.Single(afterReport.Failures).Key);

        // reportedOn defaults to today.
        var today = Claims.Assess(new ClaimReport { Type = ClaimType.Death, IncidentOn = D(2025, 2, 20) }, w, D(2025, 3, 1));
        Assert.Equal(D(2025, 3, 1), today.ReportedOn);
    }

    [Theory]
    [Trait("Rule", "R-CLM-11")]
    [InlineData(JhtTrigger.Death)]
    [InlineData(JhtTrigger.TotalPermanentDisability)]
    [InlineData(JhtTrigger.RetirementAge)]
    [InlineData(JhtTrigger.FailedDeparture)]
    public void R_CLM_11_WithdrawalOnEachTriggerPaysTheBalance(JhtTrigger trigger)
    {
        var t = D(2051, 7, 9);
        var jht = new[] { Pay(PaymentKind.Jht, D(2024, 1, 15), 12, 1_200_000), Pay(PaymentKind.Jht, D(2025, 1, 15), 6, 3_600_000) };
        var h = History(
            Scheme.Agency,
            24,
            [Pay(PaymentKind.PrePlacement, D(2024, 1, 10)), .. jht],
            failedOn: trigger == JhtTrigger.FailedDeparture ? t : null,
            diedOn: trigger == JhtTrigger.Death ? t : null);
        var a = Assess(ClaimType.JhtWithdrawal, t, h, trigger: trigger);
        Assert.True(a.Eligible, a.ReasonText?.ToString());
        Assert.Equal(4_800_000, a.Amount!.Amount);
        Assert.Equal(["R-CLM-2", "R-CLM-10", "R-CLM-11"], a.RuleIds);
        Assert.Equal(trigger == JhtTrigger.Death, a.NeedsPayeeHeir);
    }

    [Fact]
    [Trait("Rule", "R-CLM-11")]
    public void R_CLM_11_NoTriggerNoBalanceOrBalanceWithdrawnAlready()
    {
        var jht = Pay(PaymentKind.Jht, D(2024, 1, 15), 12, 1_200_000);
        var h = Candidate(D(2024, 1, 10), null, jht);

        // 56 on 2051-07-09.
        var young = Assess(ClaimType.JhtWithdrawal, D(2051, 7, 8), h, trigger: JhtTrigger.RetirementAge);
        Assert.Equal(ClaimReason.NoTrigger, young.Reason);
        Assert.Contains("9 July 2051", RuleText.Format(young.ReasonText!, "en"), StringComparison.Ordinal);

        Assert.Equal(ClaimReason.StageNotRecorded, Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), h, trigger: JhtTrigger.FailedDeparture).Reason);
        Assert.Equal(ClaimReason.StageNotRecorded, Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), h, trigger: JhtTrigger.Death).Reason);

        var noJht = Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), Candidate(D(2024, 1, 10)), trigger: JhtTrigger.TotalPermanentDisability);
        Assert.Equal(ClaimReason.NotEnrolled, noJht.Reason);

        var earlier = new ExistingClaim(Guid.NewGuid(), ClaimType.JhtWithdrawal, D(2024, 3, 1), ClaimState.Paid, 1_200_000);
        var again = Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), Worker(h) with { Claims = [earlier] }, trigger: JhtTrigger.TotalPermanentDisability);
        Assert.Equal(ClaimReason.Duplicate, again.Reason);
        Assert.Equal("claim.reason.jht-already-withdrawn", again.ReasonText!.Key);
    }

    [Fact]
    [Trait("Rule", "R-CLM-11")]
    [Trait("Rule", "R-PRG-2")]
    public void R_CLM_11_TheBalanceIsTheContributionsLessEarlierWithdrawals()
    {
        var h = Candidate(D(2024, 1, 10), null, Pay(PaymentKind.Jht, D(2024, 1, 15), 12, 1_200_000), Pay(PaymentKind.Jht, D(2024, 3, 15), 2, 200_000));
        Assert.Equal(1_400_000, Claims.JhtContributions(h));
        var earlier = new ExistingClaim(Guid.NewGuid(), ClaimType.JhtWithdrawal, D(2024, 3, 1), ClaimState.Approved, 1_200_000);
        var rejected = new ExistingClaim(Guid.NewGuid(), ClaimType.JhtWithdrawal, D(2024, 3, 2), ClaimState.Rejected, 999_999);
        var a = Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), Worker(h) with { Claims = [earlier, rejected] }, trigger: JhtTrigger.TotalPermanentDisability);
        Assert.Equal(200_000, a.Amount!.Amount);
        Assert.Equal("Rp200.000: the JHT balance, JHT contributions of Rp1.400.000 less Rp1.200.000 already withdrawn.", RuleText.Format(a.Amount.HowComputed, "en"));
    }

    [Fact]
    [Trait("Rule", "R-CLM-11")]
    public void R_CLM_11_JhtOnDeathWhileTheDeathClaimIsOpen()
    {
        var h = Candidate(D(2024, 1, 10), null, Pay(PaymentKind.Jht, D(2024, 1, 15), 12, 1_200_000));
        var death = new ExistingClaim(Guid.NewGuid(), ClaimType.Death, D(2024, 4, 15), ClaimState.Submitted);
        Assert.True(Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), Worker(h) with { Claims = [death] }, trigger: JhtTrigger.Death).Eligible);
        Assert.False(Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), Worker(h) with { Claims = [death with { State = ClaimState.Rejected }] }, trigger: JhtTrigger.Death).Eligible);
    }
}
