namespace MigrantCover.Domain.Tests;

public class TariffTests
{
    [Theory]
    [Trait("Rule", "R-VER-1")]
    [InlineData("2017-07-31", null)]
    [InlineData("2017-08-01", "permenaker-7-2017")]
    [InlineData("2018-12-09", "permenaker-7-2017")]
    [InlineData("2018-12-10", "permenaker-18-2018")]
    [InlineData("2023-02-21", "permenaker-18-2018")]
    [InlineData("2023-02-22", "permenaker-4-2023")]
    [InlineData("2030-01-01", "permenaker-4-2023")]
    public void R_VER_1_RuleSetInForceOnTheDate(string date, string? id)
    {
        Assert.Equal(id, RuleSets.For(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))?.Id);
    }

    [Fact]
    [Trait("Rule", "R-VER-1")]
    public void R_VER_1_RuleSetsFollowEachOtherWithoutGapOrOverlap()
    {
        for (var i = 1; i < RuleSets.All.Count; i++)
        {
            Assert.Equal(RuleSets.All[i - 1].ValidTo!.Value.AddDays(1), RuleSets.All[i].ValidFrom);
        }

        Assert.Null(RuleSets.All[^1].ValidTo);
        Assert.Same(RuleSets.Permenaker18Of2018, RuleSets.ById("permenaker-18-2018"));
    }

    [Theory]
    [Trait("Rule", "R-VER-1")]
    [Trait("Rule", "R-PAY-3")]
    [InlineData(Scheme.Agency, "2017-07-31", "R-VER-1")]
    [InlineData(Scheme.Individual, "2025-01-10", "R-PAY-3")]
    public void R_VER_1_And_R_PAY_3_NoPriceBeforeTheFirstRuleSetNorPrePlacementForIndividualScheme(Scheme scheme, string paidOn, string ruleId)
    {
        var result = Tariff.Expected(PaymentKind.PrePlacement, scheme, 24, DateOnly.Parse(paidOn, System.Globalization.CultureInfo.InvariantCulture), null, null);
        Assert.Null(result.Amount);
        Assert.Equal(ruleId, Assert.Single(result.Failures).RuleId);
    }

    [Theory]
    [Trait("Rule", "R-TAR-3")]
    [InlineData(24, 332_500)]
    [InlineData(18, 270_000)]
    [InlineData(23, 332_500)]
    [InlineData(30, 413_500)]
    [InlineData(5, 108_000)]
    [InlineData(6, 108_000)]
    [InlineData(12, 189_000)]
    [InlineData(1, 108_000)]
    [InlineData(25, 346_000)]
    public void R_TAR_3_PlacementPriceByContractLengthIn2025(int months, long expected)
    {
        Assert.Equal(expected, Tariff.PlacementAmount(months, Scheme.Agency, D(2025, 1, 10)));
        Assert.Equal(expected, Tariff.PlacementAmount(months, Scheme.Individual, D(2025, 1, 10)));
    }

    [Fact]
    [Trait("Rule", "R-TAR-3")]
    public void R_TAR_3_AgencyTwentyFourMonthsPaid10January2025()
    {
        Assert.Equal(37_500, Tariff.Expected(PaymentKind.PrePlacement, Scheme.Agency, 24, D(2025, 1, 10), null, null).Amount);
        Assert.Equal(332_500, Tariff.Expected(PaymentKind.Placement, Scheme.Agency, 24, D(2025, 1, 10), null, null).Amount);
        Assert.Equal(270_000, Tariff.Expected(PaymentKind.Placement, Scheme.Agency, 18, D(2025, 1, 10), null, null).Amount);
    }

    [Theory]
    [Trait("Rule", "R-TAR-2")]
    [InlineData(24)]
    [InlineData(12)]
    [InlineData(36)]
    public void R_TAR_2_FlatPlacementPriceIn2020(int months)
    {
        Assert.Equal(332_500, Tariff.PlacementAmount(months, Scheme.Agency, D(2020, 6, 1)));
        Assert.Equal(37_500, Tariff.Expected(PaymentKind.PrePlacement, Scheme.Agency, months, D(2020, 6, 1), null, null).Amount);
    }

    [Fact]
    [Trait("Rule", "R-TAR-1")]
    public void R_TAR_1_Permenaker7Of2017PricesIn2018()
    {
        Assert.Equal(333_000, Tariff.PlacementAmount(12, Scheme.Agency, D(2018, 1, 1)));
        Assert.Equal(333_000, Tariff.PlacementAmount(12, Scheme.Individual, D(2018, 1, 1)));
        Assert.Equal(37_000, Tariff.Expected(PaymentKind.PrePlacement, Scheme.Agency, 12, D(2018, 1, 1), null, null).Amount);
    }

    [Theory]
    [Trait("Rule", "R-TAR-4")]
    [InlineData("2025-06-01", 6, 81_000)]
    [InlineData("2020-06-01", 6, 81_000)]
    [InlineData("2025-06-01", 1, 13_500)]
    public void R_TAR_4_ExtensionIs13500PerMonth(string paidOn, int months, long expected)
    {
        var result = Tariff.Expected(PaymentKind.Extension, Scheme.Agency, 24, DateOnly.Parse(paidOn, System.Globalization.CultureInfo.InvariantCulture), months, null);
        Assert.Equal(expected, result.Amount);
    }

    [Fact]
    [Trait("Rule", "R-PAY-1")]
    public void R_PAY_1_ExtensionAndJhtNeedMonths()
    {
        Assert.Equal("months", Assert.Single(Tariff.Expected(PaymentKind.Extension, Scheme.Agency, 24, D(2025, 6, 1), null, null).Failures).Field);
        Assert.Equal("payment.months-range", Assert.Single(Tariff.Expected(PaymentKind.Extension, Scheme.Agency, 24, D(2025, 6, 1), 0, null).Failures).Key);
        Assert.Contains(Tariff.Expected(PaymentKind.Jht, Scheme.Agency, 24, D(2025, 6, 1), null, 100_000).Failures, f => f.Field == "months");
    }

    [Theory]
    [Trait("Rule", "R-PRG-2")]
    [InlineData(50_000, true)]
    [InlineData(100_000, true)]
    [InlineData(600_000, true)]
    [InlineData(150_000, false)]
    [InlineData(700_000, false)]
    public void R_PRG_2_JhtTiers(long monthly, bool ok)
    {
        var result = Tariff.Expected(PaymentKind.Jht, Scheme.Agency, 24, D(2025, 6, 1), 3, monthly);
        Assert.Equal(ok ? monthly * 3 : null, result.Amount);
        Assert.Equal(ok, result.Failures.Count == 0);
        if (!ok)
        {
            Assert.Equal("R-PRG-2", result.Failures[0].RuleId);
        }
    }

    [Fact]
    [Trait("Rule", "R-PRG-2")]
    public void R_PRG_2_SameTiersUnderEveryRuleSet()
    {
        Assert.All(RuleSets.All, s => Assert.Equal([50_000L, 100_000, 200_000, 300_000, 400_000, 500_000, 600_000], s.JhtTiers));
        Assert.Equal(200_000, Tariff.Expected(PaymentKind.Jht, Scheme.Agency, 24, D(2018, 1, 1), 2, 100_000).Amount);
    }


    [Fact]
    [Trait("Rule", "R-VER-1")]
    public void ExpectedAmountsForEveryKindSchemeLengthAndRuleSet()
    {
        var dates = new[] { D(2018, 1, 1), D(2020, 6, 1), D(2025, 1, 10) };
        foreach (var date in dates)
        {
            var set = RuleSets.For(date)!;
            foreach (var scheme in Enum.GetValues<Scheme>())
            {
                for (var m = 1; m <= 120; m++)
                {
                    var placement = Tariff.Expected(PaymentKind.Placement, scheme, m, date, null, null);
                    Assert.Equal(set.FlatPlacementAmount ?? Math.Min((Math.Max(m, 6) + 2) * 13_500L, 332_500 + (Math.Max(0, m - 24) * 13_500L)), placement.Amount);
                    Assert.Same(set, placement.RuleSet);
                    Assert.Equal(m * 13_500L, Tariff.Expected(PaymentKind.Extension, scheme, 24, date, m, null).Amount);
                }

                var pre = Tariff.Expected(PaymentKind.PrePlacement, scheme, 24, date, null, null);
                Assert.Equal(scheme == Scheme.Individual ? null : set.PrePlacementAmount, pre.Amount);
            }
        }
    }

    [Fact]
    [Trait("Rule", "R-VER-1")]
    public void BenefitsAreBilingualWithAmountsWhereTheRuleBookGivesThem()
    {
        var current = RuleSets.Permenaker4Of2023.Benefits;
        Assert.Equal(10, current.Count);
        Assert.All(current, b => Assert.False(string.IsNullOrWhiteSpace(b.Id) || string.IsNullOrWhiteSpace(b.En)));
        Assert.Equal(10_000_000, current.Single(b => b.Key == "failed-departure").Amount);
        Assert.Equal(7_500_000, RuleSets.Permenaker18Of2018.Benefits.Single(b => b.Key == "failed-departure").Amount);
        Assert.All(RuleSets.All, s => Assert.Equal(85_000_000, s.Benefits.Single(b => b.Key == "death").Amount));
        Assert.Equal("hingga Rp50.000.000", RuleText.BenefitAmount(current.Single(b => b.Key == "accident-treatment-abroad"), "id"));
        Assert.Equal("up to Rp20.000.000", RuleText.BenefitAmount(current.Single(b => b.Key == "home-care"), "en"));
    }
}
