namespace MigrantCover.Domain.Tests;

public class DepartureAndStageTests
{
    private static DepartureFacts Ready(Scheme scheme = Scheme.Agency) => new(
        Stage.Candidate,
        scheme,
        Category.Formal,
        "HK",
        D(2026, 1, 6),
        D(2026, 2, 1),
        D(2026, 2, 1),
        [Pay(PaymentKind.PrePlacement, D(2026, 1, 10)), Pay(PaymentKind.Placement, D(2026, 1, 20))],
        Enum.GetValues<DocumentType>(),
        "C1234567",
        Restrictions.Kepmenaker260);

    [Fact]
    [Trait("Rule", "R-COV-8")]
    public void R_COV_8_ReadyCandidateDeparts()
    {
        Assert.Empty(Departure.Check(Ready()));
    }

    [Fact]
    [Trait("Rule", "R-COV-8"), Trait("Rule", "R-DOC-1"), Trait("Rule", "R-DOC-2"), Trait("Rule", "R-PAY-4"), Trait("Rule", "R-DST-2")]
    public void R_COV_8_AnswersWithEveryUnmetCondition()
    {
        var facts = Ready() with
        {
            Stage = Stage.Withdrawn,
            Category = Category.Domestic,
            DestinationCountry = "SA",
            DepartedOn = D(2026, 1, 5),
            Today = D(2026, 1, 4),
            Payments = [],
            VerifiedDocuments = [DocumentType.Passport],
            PassportNumber = null,
        };
        var failures = Departure.Check(facts);
        Assert.Contains(failures, f => f.Key == "departure.stage");
        Assert.Contains(failures, f => f.Key == "departure.before-registration");
        Assert.Contains(failures, f => f.Key == "departure.future");
        Assert.Contains(failures, f => f is { RuleId: "R-PAY-4", Key: "departure.no-placement-payment" });
        Assert.Contains(failures, f => f is { RuleId: "R-DOC-2", Key: "passport.required" });
        Assert.Contains(failures, f => f.RuleId == "R-DST-2" && f.Args["legalBasis"] == "Kepmenaker No. 260 Tahun 2015");
        var missing = failures.Where(f => f.RuleId == "R-DOC-1").Select(f => f.Args["document"]).ToArray();
        Assert.Equal(7, missing.Length);
        Assert.DoesNotContain("passport", missing);
        Assert.Contains("work-visa", missing);
        Assert.Equal(13, failures.Count);
    }

    [Fact]
    [Trait("Rule", "R-PAY-4")]
    public void R_PAY_4_IndividualSchemePaysNoEarlierThanOneMonthBeforeDeparture()
    {
        var early = Ready(Scheme.Individual) with { Payments = [Pay(PaymentKind.Placement, D(2025, 12, 31))] };
        var failure = Assert.Single(Departure.Check(early));
        Assert.Equal("departure.placement-too-early", failure.Key);
        Assert.Equal("2026-01-01", failure.Args["earliestOn"]);

        var onTime = Ready(Scheme.Individual) with { Payments = [Pay(PaymentKind.Placement, D(2025, 12, 31)), Pay(PaymentKind.Placement, D(2026, 1, 1))] };
        Assert.Empty(Departure.Check(onTime));
    }

    [Fact]
    [Trait("Rule", "R-PAY-4")]
    public void R_PAY_4_PlacementPaidAfterTheDepartureDateDoesNotCount()
    {
        var facts = Ready() with { Payments = [Pay(PaymentKind.Placement, D(2026, 2, 2))] };
        Assert.Equal("departure.no-placement-payment", Assert.Single(Departure.Check(facts)).Key);
    }

    [Theory]
    [Trait("Rule", "R-COV-8")]
    [InlineData(Stage.Candidate, StageEventKind.Departure, Stage.Placed)]
    [InlineData(Stage.Placed, StageEventKind.Return, Stage.Returned)]
    [InlineData(Stage.Candidate, StageEventKind.FailedDeparture, Stage.FailedDeparture)]
    [InlineData(Stage.Candidate, StageEventKind.Withdrawal, Stage.Withdrawn)]
    [InlineData(Stage.Placed, StageEventKind.Extension, Stage.Placed)]
    [InlineData(Stage.Returned, StageEventKind.Death, Stage.Deceased)]
    [InlineData(Stage.Withdrawn, StageEventKind.Death, Stage.Deceased)]
    public void StageMachineAllowsTheMovesOfSection9(Stage from, StageEventKind kind, Stage to)
    {
        Assert.Equal(to, StageMachine.Next(from, kind));
        Assert.Null(StageMachine.Check(from, kind, hasAnyPayment: false));
    }

    [Theory]
    [Trait("Rule", "R-COV-8")]
    [InlineData(Stage.Placed, StageEventKind.Departure)]
    [InlineData(Stage.Candidate, StageEventKind.Return)]
    [InlineData(Stage.Candidate, StageEventKind.Extension)]
    [InlineData(Stage.Placed, StageEventKind.FailedDeparture)]
    [InlineData(Stage.Placed, StageEventKind.Withdrawal)]
    [InlineData(Stage.Deceased, StageEventKind.Death)]
    [InlineData(Stage.Returned, StageEventKind.Departure)]
    [InlineData(Stage.Candidate, StageEventKind.Registration)]
    public void StageMachineRefusesOtherMoves(Stage from, StageEventKind kind)
    {
        Assert.Null(StageMachine.Next(from, kind));
        Assert.Equal("stage.transition", StageMachine.Check(from, kind, false)!.Key);
    }

    [Fact]
    public void WithdrawalOnlyBeforeAnyPayment()
    {
        Assert.Equal("stage.withdrawal-after-payment", StageMachine.Check(Stage.Candidate, StageEventKind.Withdrawal, hasAnyPayment: true)!.Key);
    }
}
