namespace MigrantCover.Domain.Tests;

public class PaymentTests
{
    private static readonly DateOnly Signed = D(2025, 1, 5);

    private static PaymentFacts Candidate(PaymentKind kind, long amount, DateOnly paidOn, Scheme scheme = Scheme.Agency, int? months = null, long? monthly = null, params PaymentRecord[] history) =>
        new(scheme, Stage.Candidate, 24, Signed, History(scheme, 24, history), kind, amount, paidOn, months, monthly);

    private static PaymentFacts Placed(PaymentKind kind, long amount, DateOnly paidOn, int? months, DateOnly departedOn, params PaymentRecord[] history) =>
        new(Scheme.Agency, Stage.Placed, 24, Signed, History(Scheme.Agency, 24, history, departedOn: departedOn), kind, amount, paidOn, months, null);

    [Fact]
    [Trait("Rule", "R-PAY-1")]
    public void R_PAY_1_AcceptsTheExpectedAmount()
    {
        Assert.Empty(PaymentRules.Check(Candidate(PaymentKind.PrePlacement, 37_500, D(2025, 1, 10)), D(2025, 1, 10)));
        Assert.Empty(PaymentRules.Check(Candidate(PaymentKind.Placement, 332_500, D(2025, 1, 10)), D(2025, 1, 10)));
    }

    [Fact]
    [Trait("Rule", "R-PAY-1")]
    public void R_PAY_1_RefusesAnotherAmountNamingTheExpectedOne()
    {
        var failure = Assert.Single(PaymentRules.Check(Candidate(PaymentKind.Placement, 300_000, D(2025, 1, 10)), D(2025, 1, 10)));
        Assert.Equal("R-PAY-1", failure.RuleId);
        Assert.Equal("amount", failure.Field);
        Assert.Equal(332_500, failure.ExpectedAmount);
        Assert.Contains("Rp332.500", RuleText.Format(failure, "id"), StringComparison.Ordinal);
        Assert.Contains("Rp332.500", RuleText.Format(failure, "en"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-PAY-1")]
    public void R_PAY_1_RefusesPaymentDatedInTheFuture()
    {
        var failure = Assert.Single(PaymentRules.Check(Candidate(PaymentKind.PrePlacement, 37_500, D(2025, 1, 11)), D(2025, 1, 10)));
        Assert.Equal("paidOn", failure.Field);
    }

    [Fact]
    [Trait("Rule", "R-PAY-3")]
    public void R_PAY_3_PrePlacementNeedsAnAgreementSignedOnOrBeforePayment()
    {
        var missing = Candidate(PaymentKind.PrePlacement, 37_500, D(2025, 1, 10)) with { PlacementAgreementSignedOn = null };
        Assert.Equal("payment.agreement-missing", Assert.Single(PaymentRules.Check(missing, D(2025, 2, 1))).Key);

        var late = Candidate(PaymentKind.PrePlacement, 37_500, D(2025, 1, 4));
        Assert.Equal("payment.agreement-after", Assert.Single(PaymentRules.Check(late, D(2025, 2, 1))).Key);

        Assert.Empty(PaymentRules.Check(Candidate(PaymentKind.PrePlacement, 37_500, Signed), D(2025, 2, 1)));
    }

    [Fact]
    [Trait("Rule", "R-PAY-3")]
    public void R_PAY_3_IndividualSchemeHasNoPrePlacementPayment()
    {
        var failures = PaymentRules.Check(Candidate(PaymentKind.PrePlacement, 37_500, D(2025, 1, 10), Scheme.Individual), D(2025, 2, 1));
        Assert.Equal("R-PAY-3", Assert.Single(failures).RuleId);
        Assert.Empty(PaymentRules.Check(Candidate(PaymentKind.Placement, 332_500, D(2025, 1, 10), Scheme.Individual), D(2025, 2, 1)));
    }

    [Fact]
    [Trait("Rule", "R-PAY-4")]
    public void R_PAY_4_NoPlacementPaymentAfterDeparture()
    {
        var failures = PaymentRules.Check(Placed(PaymentKind.Placement, 332_500, D(2025, 3, 1), null, D(2025, 2, 1)), D(2025, 3, 1));
        Assert.Equal("R-PAY-4", Assert.Single(failures).RuleId);
    }

    [Fact]
    [Trait("Rule", "R-COV-5")]
    public void R_COV_5_ExtensionWhilePlacementCoverRuns()
    {
        var departed = D(2024, 3, 1);
        Assert.Empty(PaymentRules.Check(Placed(PaymentKind.Extension, 162_000, D(2026, 3, 31), 12, departed), D(2026, 4, 1)));

        var late = PaymentRules.Check(Placed(PaymentKind.Extension, 162_000, D(2026, 4, 1), 12, departed), D(2026, 4, 1));
        var failure = Assert.Single(late);
        Assert.Equal("payment.extension-cover-ended", failure.Key);
        Assert.Equal("2026-03-31", failure.Args["coverEndedOn"]);
    }

    [Fact]
    [Trait("Rule", "R-COV-5")]
    public void R_COV_5_AnEarlierExtensionMovesTheDeadline()
    {
        var departed = D(2024, 3, 1);
        var facts = Placed(PaymentKind.Extension, 81_000, D(2026, 6, 1), 6, departed, Pay(PaymentKind.Extension, D(2026, 2, 1), 12));
        Assert.Empty(PaymentRules.Check(facts, D(2026, 6, 1)));
    }

    [Fact]
    [Trait("Rule", "R-COV-5")]
    public void R_COV_5_ExtensionOnlyForPlacedWorkers()
    {
        var failures = PaymentRules.Check(Candidate(PaymentKind.Extension, 81_000, D(2025, 1, 10), months: 6), D(2025, 1, 10));
        Assert.Equal("payment.extension-not-placed", Assert.Single(failures).Key);
    }

    [Theory]
    [Trait("Rule", "R-PAY-1")]
    [InlineData(Stage.Withdrawn)]
    [InlineData(Stage.FailedDeparture)]
    [InlineData(Stage.Deceased)]
    [InlineData(Stage.Returned)]
    public void ClosedStagesTakeNoPayment(Stage stage)
    {
        var facts = Candidate(PaymentKind.Jht, 100_000, D(2025, 1, 10), months: 1, monthly: 100_000) with { Stage = stage };
        Assert.Equal("payment.stage", Assert.Single(PaymentRules.Check(facts, D(2025, 1, 10))).Key);
    }

    [Fact]
    [Trait("Rule", "R-PRG-2")]
    public void JhtPaymentIsMonthsTimesTier()
    {
        Assert.Empty(PaymentRules.Check(Candidate(PaymentKind.Jht, 300_000, D(2025, 1, 10), months: 3, monthly: 100_000), D(2025, 1, 10)));
        var wrong = PaymentRules.Check(Candidate(PaymentKind.Jht, 300_000, D(2025, 1, 10), months: 3, monthly: 120_000), D(2025, 1, 10));
        Assert.Equal("R-PRG-2", Assert.Single(wrong).RuleId);
    }

    [Fact]
    [Trait("Rule", "R-PAY-2")]
    public void R_PAY_2_SamePaymentReferenceSentTwiceIsOnePayment()
    {
        var first = new PaymentSubmission("BPJS-2026-000123", PaymentKind.Placement, 332_500, D(2026, 1, 20));
        Assert.Equal(DuplicateOutcome.Same, PaymentDeduplication.Compare(first, first with { Reference = " bpjs-2026-000123" }));
        Assert.Equal(DuplicateOutcome.Conflict, PaymentDeduplication.Compare(first, first with { Amount = 332_000 }));
        Assert.Equal(DuplicateOutcome.Conflict, PaymentDeduplication.Compare(first, first with { PaidOn = D(2026, 1, 21) }));
        Assert.Equal(DuplicateOutcome.Different, PaymentDeduplication.Compare(first, first with { Reference = "BPJS-2026-000124" }));
        Assert.Equal("R-PAY-2", PaymentDeduplication.ConflictFailure(first).RuleId);
    }
}
