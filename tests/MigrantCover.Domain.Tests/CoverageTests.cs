namespace MigrantCover.Domain.Tests;

public class CoverageTests
{
    private static readonly PaymentRecord Pre = Pay(PaymentKind.PrePlacement, D(2024, 1, 10));
    private static readonly PaymentRecord Placement = Pay(PaymentKind.Placement, D(2024, 2, 20));

    [Fact]
    [Trait("Rule", "R-COV-1")]
    [Trait("Rule", "R-COV-2")]
    public void R_COV_1_PrePlacementPaid10January2024NotDepartedLapsesOn10June()
    {
        var h = History(Scheme.Agency, 24, [Pre]);
        var covered = Coverage.On(h, D(2024, 6, 9));
        Assert.True(covered.Jkk.Active);
        Assert.Equal(CoverPhase.PrePlacement, covered.Jkk.Phase);
        Assert.Equal(D(2024, 1, 10), covered.Jkk.CoveredFrom);
        Assert.Equal(D(2024, 6, 9), covered.Jkk.CoveredUntil);
        Assert.True(covered.Jkm.Active);

        var lapsed = Coverage.On(h, D(2024, 6, 10));
        Assert.False(lapsed.Jkk.Active);
        Assert.Equal(InactiveReason.Lapsed, lapsed.Jkk.Reason);
        Assert.Equal(InactiveReason.Lapsed, lapsed.Jkm.Reason);
        Assert.Equal(D(2024, 6, 9), lapsed.Jkk.LastCoveredUntil);
    }

    [Fact]
    [Trait("Rule", "R-COV-2")]
    public void R_COV_2_NewPrePlacementPaymentAfterLapseStartsANewPeriod()
    {
        var h = History(Scheme.Agency, 24, [Pre, Pay(PaymentKind.PrePlacement, D(2024, 8, 1))]);
        var s = Coverage.On(h, D(2024, 8, 1));
        Assert.True(s.Jkk.Active);
        Assert.Equal(D(2024, 12, 31), s.Jkk.CoveredUntil);
        Assert.Equal(InactiveReason.Lapsed, Coverage.On(h, D(2024, 7, 1)).Jkk.Reason);
    }

    [Fact]
    [Trait("Rule", "R-COV-1")]
    public void R_COV_1_PrePlacementEndsTheDayBeforeDeparture()
    {
        var h = History(Scheme.Agency, 24, [Pre, Placement], departedOn: D(2024, 3, 1));
        var jkk = Coverage.Periods(h).Where(p => p.Programme == Programme.Jkk).ToArray();
        Assert.Equal(
            [
                new CoverPeriod(Programme.Jkk, CoverPhase.PrePlacement, D(2024, 1, 10), D(2024, 2, 29)),
                new CoverPeriod(Programme.Jkk, CoverPhase.Placement, D(2024, 3, 1), D(2026, 3, 31)),
            ],
            jkk);
    }

    [Fact]
    [Trait("Rule", "R-COV-4")]
    public void R_COV_4_Departed1March2024For24Months()
    {
        var h = History(Scheme.Agency, 24, [Pre, Placement], departedOn: D(2024, 3, 1));
        var s = Coverage.On(h, D(2026, 3, 31));
        Assert.Equal(D(2026, 2, 28), s.ContractEndsOn);
        Assert.True(s.Jkk.Active);
        Assert.Equal(CoverPhase.Placement, s.Jkk.Phase);
        Assert.Equal(D(2026, 3, 31), s.Jkk.CoveredUntil);
        AssertInactive(h, D(2026, 4, 1), s => s.Jkm, InactiveReason.Ended);
    }

    [Fact]
    [Trait("Rule", "R-COV-5")]
    public void R_COV_5_ExtensionOf12MonthsPaid1February2026()
    {
        var h = History(Scheme.Agency, 24, [Pre, Placement, Pay(PaymentKind.Extension, D(2026, 2, 1), 12)], departedOn: D(2024, 3, 1));
        var s = Coverage.On(h, D(2026, 6, 1));
        Assert.Equal(D(2027, 3, 31), s.Jkk.CoveredUntil);
        Assert.Equal(D(2027, 2, 28), s.ContractEndsOn);
        Assert.Equal(D(2027, 3, 31), s.PlacementCoverEndsOn);
    }

    [Fact]
    [Trait("Rule", "R-COV-5")]
    public void R_COV_5_ExtensionsAddUpAndLateOnesDoNotCount()
    {
        var h = History(Scheme.Agency, 24, [Placement, Pay(PaymentKind.Extension, D(2026, 2, 1), 12), Pay(PaymentKind.Extension, D(2027, 1, 1), 6)], departedOn: D(2024, 3, 1));
        Assert.Equal(D(2027, 9, 30), Coverage.PlacementEnds(h, D(2024, 3, 1)).CoverEndsOn);

        var late = History(Scheme.Agency, 24, [Placement, Pay(PaymentKind.Extension, D(2026, 4, 1), 12)], departedOn: D(2024, 3, 1));
        Assert.Equal(D(2026, 3, 31), Coverage.PlacementEnds(late, D(2024, 3, 1)).CoverEndsOn);
    }

    [Fact]
    [Trait("Rule", "R-COV-6")]
    public void R_COV_6_ReturnedArriving5August2025()
    {
        var h = History(Scheme.Agency, 24, [Pre, Placement], departedOn: D(2024, 3, 1), arrivedOn: D(2025, 8, 5));
        var jkm = Coverage.Periods(h).Where(p => p.Programme == Programme.Jkm).ToArray();
        Assert.Equal(new CoverPeriod(Programme.Jkm, CoverPhase.Placement, D(2024, 3, 1), D(2025, 8, 4)), jkm[1]);
        Assert.Equal(new CoverPeriod(Programme.Jkm, CoverPhase.PostPlacement, D(2025, 8, 5), D(2025, 9, 3)), jkm[2]);
        var s = Coverage.On(h, D(2025, 9, 3));
        Assert.Equal(CoverPhase.PostPlacement, s.Jkk.Phase);
        Assert.Equal(InactiveReason.Ended, Coverage.On(h, D(2025, 9, 4)).Jkk.Reason);
    }

    [Fact]
    [Trait("Rule", "R-COV-3")]
    public void R_COV_3_IndividualSchemeHasJkmOnlyFromPaymentUntilTheDayBeforeDeparture()
    {
        var h = History(Scheme.Individual, 24, [Pay(PaymentKind.Placement, D(2025, 1, 20))], departedOn: D(2025, 2, 10));
        var before = Coverage.On(h, D(2025, 1, 25));
        Assert.True(before.Jkm.Active);
        Assert.Equal(D(2025, 2, 9), before.Jkm.CoveredUntil);
        Assert.False(before.Jkk.Active);
        Assert.Equal(InactiveReason.AwaitingDeparturePayment, before.Jkk.Reason);
        Assert.True(Coverage.On(h, D(2025, 2, 10)).Jkk.Active);
    }

    [Fact]
    [Trait("Rule", "R-COV-3")]
    public void R_COV_3_IndividualWindowIsAtMostOneMonth()
    {
        var h = History(Scheme.Individual, 24, [Pay(PaymentKind.Placement, D(2025, 1, 20))]);
        Assert.Equal(D(2025, 2, 19), Coverage.On(h, D(2025, 2, 19)).Jkm.CoveredUntil);
        AssertInactive(h, D(2025, 2, 20), s => s.Jkm, InactiveReason.Lapsed);
        Assert.Equal(InactiveReason.AwaitingDeparturePayment, Coverage.On(History(Scheme.Individual, 24, []), D(2025, 2, 20)).Jkm.Reason);
    }

    [Fact]
    [Trait("Rule", "R-COV-7")]
    public void R_COV_7_ReasonsWhenInactive()
    {
        Assert.Equal(InactiveReason.NotPaid, Coverage.On(History(Scheme.Agency, 24, []), D(2024, 1, 1)).Jkk.Reason);
        Assert.Equal(InactiveReason.NotPaid, Coverage.On(History(Scheme.Agency, 24, [Pre]), D(2024, 1, 9)).Jkk.Reason);

        var failed = History(Scheme.Agency, 24, [Pre], failedOn: D(2024, 3, 1));
        Assert.True(Coverage.On(failed, D(2024, 3, 1)).Jkk.Active);
        Assert.Equal(InactiveReason.FailedDeparture, Coverage.On(failed, D(2024, 3, 2)).Jkk.Reason);

        var died = History(Scheme.Agency, 24, [Pre, Placement], departedOn: D(2024, 3, 1), diedOn: D(2024, 9, 1));
        Assert.True(Coverage.On(died, D(2024, 9, 1)).Jkm.Active);
        Assert.Equal(InactiveReason.Deceased, Coverage.On(died, D(2024, 9, 2)).Jkm.Reason);

        var noPlacement = History(Scheme.Agency, 24, [Pre], departedOn: D(2024, 3, 1));
        Assert.Equal(InactiveReason.AwaitingDeparturePayment, Coverage.On(noPlacement, D(2024, 3, 1)).Jkk.Reason);
    }

    [Fact]
    [Trait("Rule", "R-COV-7")]
    [Trait("Rule", "R-PRG-2")]
    public void R_COV_7_JhtCoversCalendarMonthsFromThePaymentMonth()
    {
        var h = History(Scheme.Agency, 24, [Pre, Pay(PaymentKind.Jht, D(2024, 1, 20), 3, 300_000)]);
        Assert.Equal(InactiveReason.NotEnrolled, Coverage.On(History(Scheme.Agency, 24, [Pre]), D(2024, 2, 1)).Jht.Reason);
        var s = Coverage.On(h, D(2024, 1, 1));
        Assert.True(s.Jht.Active);
        Assert.Equal(D(2024, 1, 1), s.Jht.CoveredFrom);
        Assert.Equal(D(2024, 3, 31), s.Jht.CoveredUntil);
        Assert.Null(s.Jht.Phase);
        AssertInactive(h, D(2024, 4, 1), s => s.Jht, InactiveReason.Ended);
    }

    [Fact]
    [Trait("Rule", "R-COV-7")]
    public void JhtPaymentsStackAfterMonthsAlreadyPaid()
    {
        var h = History(Scheme.Agency, 24, [Pay(PaymentKind.Jht, D(2024, 1, 20), 3), Pay(PaymentKind.Jht, D(2024, 2, 5), 2)]);
        var s = Coverage.On(h, D(2024, 5, 31));
        Assert.True(s.Jht.Active);
        Assert.Equal(D(2024, 1, 1), s.Jht.CoveredFrom);
        Assert.Equal(D(2024, 5, 31), s.Jht.CoveredUntil);
    }

    [Fact]
    [Trait("Rule", "R-COV-7")]
    public void StatusListsJkkJkmJhtInOrderWithTheRuleSetOfTheDate()
    {
        var s = Coverage.On(History(Scheme.Agency, 24, [Pre]), D(2024, 2, 1));
        Assert.Equal([Programme.Jkk, Programme.Jkm, Programme.Jht], s.Programmes.Select(p => p.Programme));
        Assert.Same(RuleSets.Permenaker4Of2023, s.RuleSet);
        Assert.Null(s.ContractEndsOn);
    }

    [Fact]
    [Trait("Rule", "R-COV-7")]
    public void SummaryGivesTheCurrentOrLastJkmPeriod()
    {
        var h = History(Scheme.Agency, 24, [Pre, Placement], departedOn: D(2024, 3, 1));
        Assert.Equal(new CoverageSummary(true, CoverPhase.Placement, D(2024, 3, 1), D(2026, 3, 31)), Coverage.Summary(h, D(2025, 1, 1)));
        Assert.Equal(new CoverageSummary(false, CoverPhase.Placement, D(2024, 3, 1), D(2026, 3, 31)), Coverage.Summary(h, D(2026, 5, 1)));
        Assert.Equal(new CoverageSummary(false, null, null, null), Coverage.Summary(h, D(2023, 1, 1)));
    }

    // On that day the programme is no longer active, for that reason.
    private static void AssertInactive(CoverageHistory h, DateOnly day, Func<CoverageStatus, ProgrammeStatus> programme, InactiveReason reason)
    {
        var status = programme(Coverage.On(h, day));
        Assert.False(status.Active);
        Assert.Equal(reason, status.Reason);
    }
}
