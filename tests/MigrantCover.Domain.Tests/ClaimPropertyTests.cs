namespace MigrantCover.Domain.Tests;

/// <summary>Claim properties over thousands of generated histories (seeded, so failures reproduce).</summary>
public class ClaimPropertyTests
{
    private const int Cases = 5_000;

    private static readonly ClaimType[] CoverageTypes = [.. Enum.GetValues<ClaimType>().Where(t => t != ClaimType.JhtWithdrawal)];

    [Fact]
    [Trait("Rule", "R-CLM-1")]
    [Trait("Rule", "R-CLM-10")]
    public void R_CLM_10_TheAmountNeverExceedsTheCapAndFixedAmountsAreTheTables()
    {
        var random = new Random(20250210);
        var eligible = 0;
        var capped = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (worker, t) = RandomCase(random);
            var type = RandomType(random, worker, t);
            var claimed = random.Next(3) == 0 ? random.NextInt64(1, 10_000_000_000) : random.NextInt64(1, 120_000_000);
            var a = Assess(random, worker, type, t, claimed);
            if (!a.Eligible)
            {
                Assert.Null(a.Amount);
                continue;
            }

            eligible++;
            var amount = a.Amount!;
            var row = a.RuleSet!.BenefitFor(type);
            Assert.Equal(row.Basis, amount.Basis);
            Assert.Equal(a.RuleSet.Id, amount.RuleSetId);
            Assert.True(amount.Amount >= 0, $"case {i}: {amount}");
            switch (amount.Basis)
            {
                case AmountBasis.Cap:
                    capped++;
                    Assert.True(amount.Amount <= row.Amount!.Value, $"case {i}: {amount} above the cap {row.Amount}");
                    Assert.Equal(Math.Min(claimed, row.Amount.Value), amount.Amount);
                    break;
                case AmountBasis.Fixed:
                    Assert.Equal(row.AmountIn(a.Phase), amount.Amount);
                    Assert.True(amount.Amount <= row.Amount!.Value);
                    break;
                case AmountBasis.Claimed:
                    Assert.Equal(claimed, amount.Amount);
                    break;
                case AmountBasis.Balance:
                    Assert.Equal(Claims.JhtContributions(worker.History), amount.Amount);
                    break;
                default:
                    Assert.Fail($"case {i}: unknown basis");
                    break;
            }
        }

        // The generator reaches the interesting cases.
        Assert.True(eligible > Cases / 10, $"{eligible} eligible");
        Assert.True(capped > 100, $"{capped} capped");
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    [Trait("Rule", "R-COV-7")]
    public void R_CLM_2_NeverEligibleOnADayTheCoverageStatusSaysTheProgrammeIsInactive()
    {
        var random = new Random(19950709);
        var eligible = 0;
        var inactive = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (worker, t) = RandomCase(random);
            var type = CoverageTypes[random.Next(CoverageTypes.Length)];
            if (type == ClaimType.FailedDeparture && worker.History.FailedDepartureOn is { } f && random.Next(2) == 0)
            {
                t = f;
            }

            var a = Assess(random, worker, type, t, random.NextInt64(1, 200_000_000));
            var info = ClaimCatalog.Of(type);
            var status = Coverage.On(worker.History, t).Programmes[(int)info.Programme];
            if (!status.Active)
            {
                inactive++;
                Assert.False(a.Eligible, $"case {i}: {type} on {t} eligible while {info.Programme} is inactive ({status.Reason})");

                // The reason is the coverage status's own once the rule set and registration allow it.
                if (a.IsValid && a.RuleSet?.BenefitFor(type).InRuleSet == true && t >= worker.RegisteredOn && !a.Expired)
                {
                    Assert.Equal(Codes.Of(status.Reason!.Value), Codes.Of(a.Reason!.Value));
                }
            }

            if (a.Eligible)
            {
                eligible++;
                Assert.True(status.Active);
                Assert.Equal(status.Phase, a.Phase);
                Assert.Contains(status.Phase!.Value, info.Phases);
                Assert.True(t >= worker.RegisteredOn);
                Assert.False(a.Expired);
            }

            // For the types with no condition beyond cover, the converse holds too.
            if (a.IsValid && type is ClaimType.MedicalCare or ClaimType.TotalPermanentDisability or ClaimType.Death)
            {
                var expected = status.Active && t >= worker.RegisteredOn && !a.Expired && a.RuleSet is not null;
                Assert.Equal(expected, a.Eligible);
            }
        }

        Assert.True(eligible > Cases / 10, $"{eligible} eligible");
        Assert.True(inactive > Cases / 10, $"{inactive} inactive");
    }

    [Fact]
    [Trait("Rule", "R-CLM-7")]
    public void R_CLM_7_TheLastReportDayIsExactlyNYearsMinusADayAndTheDayAfterIsRefused()
    {
        var random = new Random(20230401);
        var jkkTypes = ClaimCatalog.All.Where(i => i.Expires).Select(i => i.Type).ToArray();
        for (var i = 0; i < Cases; i++)
        {
            var (worker, t) = RandomCase(random);
            var type = jkkTypes[random.Next(jkkTypes.Length)];
            var ruleSet = RuleSets.For(t);
            var last = ClaimCatalog.LastReportOn(type, t);
            if (ruleSet is null)
            {
                Assert.Null(last);
                continue;
            }

            var years = ruleSet.Id == "permenaker-4-2023" ? 5 : 2;
            Assert.Equal(t.AddYears(years).AddDays(-1), last);
            Assert.Equal(years, ruleSet.JkkClaimExpiryYears);

            var onTheDay = Assess(random, worker, type, t, 1_000_000, reportedOn: last);
            Assert.False(onTheDay.Expired, $"case {i}: {type} on {t} reported on {last}");
            Assert.DoesNotContain(onTheDay.Findings, f => f.Reason == ClaimReason.Expired);
            Assert.Equal(last, onTheDay.LastReportOn);

            var dayAfter = Assess(random, worker, type, t, 1_000_000, reportedOn: last!.Value.AddDays(1));
            Assert.True(dayAfter.Expired);
            Assert.False(dayAfter.Eligible);
            Assert.True(!dayAfter.IsValid || dayAfter.Findings.Any(f => f.Reason == ClaimReason.Expired && f.Failure.RuleId == "R-CLM-7"), $"case {i}");

            // JKM and JHT never expire.
            Assert.False(Assess(random, worker, ClaimType.Death, t, null, reportedOn: t.AddYears(30)).Expired);
        }
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    [Trait("Rule", "R-CLM-2")]
    public void R_CLM_9_ASecondClaimOfTheSameTypeAndDateIsAlwaysADuplicate()
    {
        var random = new Random(7);
        for (var i = 0; i < Cases / 5; i++)
        {
            var (worker, t) = RandomCase(random);
            var type = CoverageTypes[random.Next(CoverageTypes.Length)];
            var state = (ClaimState)random.Next(8);
            var existing = new ExistingClaim(Guid.NewGuid(), type, t, state);
            var a = Assess(random, worker with { Claims = [existing] }, type, t, 1_000_000);
            Assert.False(a.Eligible);
            if (a.IsValid)
            {
                Assert.Equal(existing.Id, a.DuplicateOf);
                Assert.Contains(a.Findings, f => f.Reason == ClaimReason.Duplicate);
            }
        }
    }

    private static ClaimAssessment Assess(Random random, ClaimWorker worker, ClaimType type, DateOnly t, long? claimed, DateOnly? reportedOn = null)
    {
        var reported = reportedOn ?? t.AddDays(random.Next(0, 2_500));
        var report = new ClaimReport
        {
            Type = type,
            IncidentOn = t,
            ReportedOn = reported,
            ClaimedAmount = claimed,
            Cause = (FailedDepartureCause)random.Next(7),
            Trigger = (JhtTrigger)random.Next(4),
        };
        var a = Claims.Assess(report, worker, reported);
        return a;
    }

    // Death claims need t on the recorded death: pick the type so that input stays valid.
    private static ClaimType RandomType(Random random, ClaimWorker worker, DateOnly t)
    {
        var type = (ClaimType)random.Next(12);
        return type == ClaimType.Death && worker.History.DiedOn is { } died && died != t ? ClaimType.MedicalCare : type;
    }

    private static (ClaimWorker Worker, DateOnly IncidentOn) RandomCase(Random random)
    {
        var (h, start) = RandomHistories.Next(random, D(2016, 6, 1), 3_300);
        var registeredOn = start.AddDays(-random.Next(-20, 60));
        var t = start.AddDays(random.Next(-90, 1_800));
        if (h.DiedOn is { } d && t > d && random.Next(2) == 0)
        {
            t = d;
        }

        return (new ClaimWorker(h, registeredOn, D(1960, 1, 1).AddDays(random.Next(0, 15_000))), t);
    }
}
