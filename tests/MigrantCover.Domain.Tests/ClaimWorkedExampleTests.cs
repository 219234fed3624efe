namespace MigrantCover.Domain.Tests;

/// <summary>Every worked example of the rule book's §15, one test each (the heir examples are in HeirTests).</summary>
public class ClaimWorkedExampleTests
{
    [Fact]
    [Trait("Rule", "R-CLM-1")]
    [Trait("Rule", "R-CLM-2")]
    [Trait("Rule", "R-CLM-3")]
    public void Example_DiesOfIllnessDuringPlacement_Eligible85MillionPlacement4Of2023()
    {
        var a = Assess(ClaimType.Death, D(2025, 6, 10), Placed2024());
        Assert.True(a.Eligible);
        Assert.Null(a.Reason);
        Assert.Equal(CoverPhase.Placement, a.Phase);
        Assert.Equal(Programme.Jkm, a.Programme);
        Assert.Equal(85_000_000, a.Amount!.Amount);
        Assert.Equal(AmountBasis.Fixed, a.Amount.Basis);
        Assert.Same(RuleSets.Permenaker4Of2023, a.RuleSet);
        Assert.Equal("permenaker-4-2023", a.Amount.RuleSetId);
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    public void Example_SameWorkerNotReturnedDies2April2026_NotEligibleEnded()
    {
        var a = Assess(ClaimType.Death, D(2026, 4, 2), Placed2024());
        Assert.False(a.Eligible);
        Assert.Equal(ClaimReason.Ended, a.Reason);
        Assert.Equal(D(2026, 3, 31), a.Status!.Value.LastCoveredUntil);
        Assert.Contains("31 Maret 2026", RuleText.Format(a.ReasonText!, "id"), StringComparison.Ordinal);
        Assert.Null(a.Amount);
    }

    [Fact]
    [Trait("Rule", "R-CLM-1")]
    [Trait("Rule", "R-CLM-2")]
    public void Example_ReturnedArrival5August2025DiesOfIllness20August_EligiblePostPlacement42Million()
    {
        var a = Assess(ClaimType.Death, D(2025, 8, 20), Placed2024(arrivedOn: D(2025, 8, 5)));
        Assert.True(a.Eligible);
        Assert.Equal(CoverPhase.PostPlacement, a.Phase);
        Assert.Equal(42_000_000, a.Amount!.Amount);
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    public void Example_PrePlacementPaid10January2024NotDepartedAccident1July2024_NotEligibleLapsed()
    {
        var h = Candidate(D(2024, 1, 10));
        foreach (var type in new[] { ClaimType.MedicalCare, ClaimType.TotalPermanentDisability, ClaimType.WorkAccidentDeath })
        {
            var a = Assess(type, D(2024, 7, 1), h, claimed: 5_000_000);
            Assert.False(a.Eligible);
            Assert.Equal(ClaimReason.Lapsed, a.Reason);
            Assert.Equal("R-CLM-2", a.ReasonText!.RuleId);
            Assert.Contains("9 June 2024", RuleText.Format(a.ReasonText, "en"), StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Rule", "R-CLM-1")]
    [Trait("Rule", "R-CLM-4")]
    public void Example_FailedDeparture15April2024EmployerWithdrew_Eligible10Million()
    {
        var a = Assess(ClaimType.FailedDeparture, D(2024, 4, 15), Candidate(D(2024, 1, 10), failedOn: D(2024, 4, 15)), cause: FailedDepartureCause.EmployerWithdrew);
        Assert.True(a.Eligible);
        Assert.Equal(CoverPhase.PrePlacement, a.Phase);
        Assert.Equal(10_000_000, a.Amount!.Amount);
        Assert.Same(RuleSets.Permenaker4Of2023, a.RuleSet);
    }

    [Fact]
    [Trait("Rule", "R-CLM-1")]
    [Trait("Rule", "R-CLM-3")]
    public void Example_FailedDeparture20November2021VisaRefused_Eligible7500000Under18Of2018()
    {
        var a = Assess(ClaimType.FailedDeparture, D(2021, 11, 20), Candidate(D(2021, 9, 1), failedOn: D(2021, 11, 20)), cause: FailedDepartureCause.VisaRefused);
        Assert.True(a.Eligible);
        Assert.Equal(7_500_000, a.Amount!.Amount);
        Assert.Same(RuleSets.Permenaker18Of2018, a.RuleSet);
    }

    [Fact]
    [Trait("Rule", "R-CLM-3")]
    public void Example_PaidUnder18Of2018FailedDeparture6March2023_Eligible10MillionByTheRuleSetOfTheIncident()
    {
        var h = Candidate(D(2023, 1, 20), failedOn: D(2023, 3, 6));
        var a = Assess(ClaimType.FailedDeparture, D(2023, 3, 6), h, cause: FailedDepartureCause.EmployerWithdrew);
        Assert.True(a.Eligible);
        Assert.Equal(10_000_000, a.Amount!.Amount);
        Assert.Same(RuleSets.Permenaker4Of2023, a.RuleSet);
        Assert.Same(RuleSets.Permenaker18Of2018, RuleSets.For(h.Payments[0].PaidOn));
    }

    [Fact]
    [Trait("Rule", "R-CLM-4")]
    public void Example_FailedDepartureCausedByThePlacementAgency_RefusedFault()
    {
        var a = Assess(ClaimType.FailedDeparture, D(2024, 4, 15), Candidate(D(2024, 1, 10), failedOn: D(2024, 4, 15)), cause: FailedDepartureCause.AgencyFault);
        Assert.False(a.Eligible);
        Assert.Equal(ClaimReason.Fault, a.Reason);
        Assert.Equal("R-CLM-4", a.ReasonText!.RuleId);
        Assert.Equal(["R-CLM-4"], a.RuleIds);
    }

    [Fact]
    [Trait("Rule", "R-CLM-10")]
    public void Example_AccidentAbroad10February2025Bill65Million_EligibleTreatmentAbroad50MillionCap()
    {
        var a = Assess(ClaimType.TreatmentAbroad, D(2025, 2, 10), Placed2024(), claimed: 65_000_000, reportedOn: D(2025, 3, 1));
        Assert.True(a.Eligible);
        Assert.Equal(50_000_000, a.Amount!.Amount);
        Assert.Equal(AmountBasis.Cap, a.Amount.Basis);
        Assert.Equal(Programme.Jkk, a.Programme);
        Assert.Equal(CoverPhase.Placement, a.Phase);

        // The contract's own example answer.
        Assert.Equal(["R-CLM-2", "R-CLM-10"], a.RuleIds);
        Assert.Equal(D(2030, 2, 9), a.LastReportOn);
        Assert.True(a.TwoStage);
        Assert.Equal("membership-card", a.Documents[0].Code);
    }

    [Fact]
    [Trait("Rule", "R-CLM-10")]
    public void Example_AccidentAbroad10February2025Bill12345000_Eligible12345000()
    {
        var a = Assess(ClaimType.TreatmentAbroad, D(2025, 2, 10), Placed2024(), claimed: 12_345_000);
        Assert.True(a.Eligible);
        Assert.Equal(12_345_000, a.Amount!.Amount);
        Assert.Equal(AmountBasis.Cap, a.Amount.Basis);
    }

    [Theory]
    [Trait("Rule", "R-CLM-7")]
    [InlineData(2028, 3, 31, true)]
    [InlineData(2028, 4, 1, false)]
    public void Example_AccidentDuringPlacement1April2023_FirstReport31March2028AcceptedAnd1AprilExpired(int y, int m, int d, bool accepted)
    {
        var a = Assess(ClaimType.MedicalCare, D(2023, 4, 1), PlacedOn(D(2022, 6, 1)), claimed: 3_000_000, reportedOn: D(y, m, d));
        Assert.Equal(D(2028, 3, 31), a.LastReportOn);
        Assert.Equal(accepted, a.Eligible);
        Assert.Equal(!accepted, a.Expired);
        Assert.Equal(accepted ? null : ClaimReason.Expired, a.Reason);
    }

    [Theory]
    [Trait("Rule", "R-CLM-7")]
    [InlineData(2022, 2, 28, true)]
    [InlineData(2022, 3, 1, false)]
    public void Example_AccidentDuringPlacement1March2020_FirstReport28February2022AcceptedAnd1MarchExpired(int y, int m, int d, bool accepted)
    {
        var a = Assess(ClaimType.MedicalCare, D(2020, 3, 1), PlacedOn(D(2019, 6, 1)), claimed: 3_000_000, reportedOn: D(y, m, d));
        Assert.Equal(D(2022, 2, 28), a.LastReportOn);
        Assert.Same(RuleSets.Permenaker18Of2018, a.RuleSet);
        Assert.Equal(accepted, a.Eligible);
        Assert.Equal(accepted ? null : ClaimReason.Expired, a.Reason);
        if (!accepted)
        {
            Assert.Equal("R-CLM-7", a.ReasonText!.RuleId);
            Assert.Equal("reportedOn", a.ReasonText.Field);
        }
    }

    [Fact]
    [Trait("Rule", "R-CLM-1")]
    [Trait("Rule", "R-CLM-3")]
    public void Example_RapeDuringPlacement1October2022_RefusedNotInRuleSet()
    {
        var a = Assess(ClaimType.Rape, D(2022, 10, 1), PlacedOn(D(2022, 1, 10), 36));
        Assert.False(a.Eligible);
        Assert.Equal(ClaimReason.NotInRuleSet, a.Reason);
        Assert.Same(RuleSets.Permenaker18Of2018, a.RuleSet);
        Assert.Contains("22 February 2023", RuleText.Format(a.ReasonText!, "en"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CLM-1")]
    [Trait("Rule", "R-CLM-3")]
    public void Example_RapeDuringPlacement1October2023_Eligible50Million()
    {
        var a = Assess(ClaimType.Rape, D(2023, 10, 1), PlacedOn(D(2022, 1, 10), 36));
        Assert.True(a.Eligible);
        Assert.Equal(50_000_000, a.Amount!.Amount);
        Assert.Equal(AmountBasis.Fixed, a.Amount.Basis);
        Assert.Equal(CoverPhase.Placement, a.Phase);
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    [Trait("Rule", "R-COV-3")]
    public void Example_IndividualSchemeAccidentBeforeDeparture_NotEligibleJkkNotActive()
    {
        var h = Individual2025();
        var a = Assess(ClaimType.MedicalCare, D(2025, 5, 10), h, claimed: 2_000_000);
        Assert.False(a.Eligible);
        Assert.False(Coverage.On(h, D(2025, 5, 10)).Jkk.Active);

        // The reason is the coverage status's own (R-COV-7), explained for the individual scheme.
        Assert.Equal(ClaimReason.AwaitingDeparturePayment, a.Reason);
        Assert.Equal("claim.reason.individual-jkk-before-departure", a.ReasonText!.Key);
        Assert.Contains("JKK starts only on the day of departure", RuleText.Format(a.ReasonText, "en"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CLM-1")]
    [Trait("Rule", "R-CLM-2")]
    [Trait("Rule", "R-COV-3")]
    public void Example_IndividualSchemeDiesOfIllnessBeforeDeparture_EligibleDeath42MillionJkmOnly()
    {
        var a = Assess(ClaimType.Death, D(2025, 5, 10), Individual2025());
        Assert.True(a.Eligible);
        Assert.Equal(42_000_000, a.Amount!.Amount);
        Assert.Equal(Programme.Jkm, a.Programme);
        Assert.Equal(CoverPhase.PrePlacement, a.Phase);
        Assert.True(a.IndividualWindow);
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    public void Example_RegisteredNoPaymentDies1February2025_NotEligibleNotPaid()
    {
        var h = History(Scheme.Agency, 24, []);
        var a = Assess(ClaimType.Death, D(2025, 2, 1), Worker(h, registeredOn: D(2025, 1, 10)));
        Assert.False(a.Eligible);
        Assert.Equal(ClaimReason.NotPaid, a.Reason);
    }

    [Fact]
    [Trait("Rule", "R-CLM-10")]
    [Trait("Rule", "R-CLM-11")]
    [Trait("Rule", "R-PRG-2")]
    public void Example_Jht12MonthsOf100000ThenFailedDeparture_Withdrawal1200000()
    {
        var h = Candidate(D(2024, 1, 10), D(2024, 4, 15), Pay(PaymentKind.Jht, D(2024, 1, 15), 12, 1_200_000));
        var a = Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), h, trigger: JhtTrigger.FailedDeparture);
        Assert.True(a.Eligible);
        Assert.Equal(1_200_000, a.Amount!.Amount);
        Assert.Equal(AmountBasis.Balance, a.Amount.Basis);
        Assert.Equal(Programme.Jht, a.Programme);
        Assert.Null(a.LastReportOn);
    }
}
