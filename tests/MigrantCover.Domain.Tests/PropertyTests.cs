namespace MigrantCover.Domain.Tests;

/// <summary>Properties over thousands of generated inputs (seeded, so failures reproduce).</summary>
public class PropertyTests
{
    private const int Cases = 5_000;

    [Fact]
    [Trait("Rule", "R-NIK-1")]
    [Trait("Rule", "R-NIK-3")]
    public void R_NIK_3_BuiltNikParsesBackToItsProvinceDateAndSex()
    {
        var random = new Random(20260106);
        var provinces = Provinces.All.Keys.ToArray();
        var reference = D(2026, 1, 6);
        for (var i = 0; i < Cases; i++)
        {
            var province = provinces[random.Next(provinces.Length)];
            var regency = random.Next(1, 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var district = random.Next(1, 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
            var dob = reference.AddDays(-random.Next(0, 36_500));
            var sex = random.Next(2) == 0 ? Sex.Male : Sex.Female;
            var serial = random.Next(1, 10_000);

            var value = Nik.Build(province, regency, district, dob, sex, serial);

            Assert.True(Nik.TryParse(value, out var nik, out var failure), $"{value}: {failure}");
            Assert.Equal(province, nik.ProvinceCode);
            Assert.Equal(province + regency, nik.RegencyCode);
            Assert.Equal(province + regency + district, nik.DistrictCode);
            Assert.Equal(sex, nik.Sex);
            Assert.Equal(dob.Day, nik.BirthDay);
            Assert.Equal(dob.Month, nik.Month);
            Assert.Equal(dob.Year % 100, nik.TwoDigitYear);
            Assert.Equal(serial, nik.Serial);
            Assert.Equal(dob, nik.ImpliedDateOfBirth(reference));
            Assert.Empty(Nik.CheckAgainst(value, dob, sex));
            Assert.NotEmpty(Nik.CheckAgainst(value, dob, sex == Sex.Male ? Sex.Female : Sex.Male));
        }
    }

    [Fact]
    [Trait("Rule", "R-TAR-3")]
    public void R_TAR_3_PlacementPriceNeverDecreasesAsTheContractGrows()
    {
        var random = new Random(42);
        for (var i = 0; i < Cases; i++)
        {
            var paidOn = D(2017, 8, 1).AddDays(random.Next(0, 6_000));
            var scheme = (Scheme)random.Next(4);
            var previous = 0L;
            for (var m = 1; m <= Registration.MaxContractMonths; m++)
            {
                var price = Tariff.PlacementAmount(m, scheme, paidOn);
                Assert.True(price >= previous, $"{paidOn} {m} months: {price} < {previous}");
                previous = price;
            }
        }
    }

    [Fact]
    [Trait("Rule", "R-KPJ-1")]
    public void R_KPJ_1_IssuedNumbersValidateAndNoOneDigitChangeDoes()
    {
        var random = new Random(7);
        for (var i = 0; i < Cases; i++)
        {
            var number = MembershipNumber.Issue(random.Next(2000, 2100), random.NextInt64(1, MembershipNumber.MaxSequence + 1));
            Assert.True(MembershipNumber.IsValid(number), number);
            var chars = number.ToCharArray();
            var at = random.Next(11);
            var digit = (char)('0' + ((chars[at] - '0' + random.Next(1, 10)) % 10));
            chars[at] = digit;
            var changed = new string(chars);
            Assert.False(MembershipNumber.IsValid(changed), $"{number} -> {changed}");
            Assert.Equal("kpj.check-digit", MembershipNumber.Check(changed)!.Key);
        }
    }

    [Fact]
    [Trait("Rule", "R-COV-1")]
    [Trait("Rule", "R-COV-4")]
    [Trait("Rule", "R-COV-6")]
    [Trait("Rule", "R-COV-7")]
    public void R_COV_PeriodsNeverOverlapAndLeaveNoGapWhileAPaymentCovers()
    {
        var random = new Random(1995);
        for (var i = 0; i < Cases; i++)
        {
            var (h, _) = RandomHistories.Next(random, D(2019, 1, 1), 2_500);
            var periods = Coverage.Periods(h);
            foreach (var programme in Enum.GetValues<Programme>())
            {
                var own = periods.Where(p => p.Programme == programme).ToArray();
                for (var k = 0; k < own.Length; k++)
                {
                    Assert.True(own[k].From <= own[k].Until);
                    if (k > 0)
                    {
                        Assert.True(own[k - 1].Until < own[k].From, $"overlap in {programme}: {own[k - 1]} / {own[k]}");
                    }
                }
            }

            // Whatever a payment pays for is covered: pre-placement from its date until departure,
            // failure, death or 5 months; placement from departure to return, death or its end.
            var stop = Min(h.DiedOn, h.FailedDepartureOn, h.DepartedOn?.AddDays(-1));
            foreach (var pre in h.Payments.Where(p => p.Kind == PaymentKind.PrePlacement))
            {
                var end = Min(stop, Coverage.EndAfterMonths(pre.PaidOn, 5));
                for (var day = pre.PaidOn; day <= end; day = day.AddDays(7))
                {
                    Assert.True(Coverage.On(h, day).Jkk.Active, $"case {i}: pre-placement day {day} not covered");
                }
            }

            if (h.DepartedOn is { } d && h.Payments.Any(p => p.Kind == PaymentKind.Placement))
            {
                var end = Min(h.DiedOn, h.ArrivedOn?.AddDays(-1), Coverage.PlacementEnds(h, d).CoverEndsOn);
                for (var day = d; day <= end; day = day.AddDays(11))
                {
                    var s = Coverage.On(h, day);
                    Assert.True(s.Jkk.Active && s.Jkm.Active && s.Jkk.Phase == CoverPhase.Placement, $"case {i}: placement day {day}");
                }
            }

            // Every day of the periods answers active; the day after a period either starts another or says why not.
            foreach (var p in periods)
            {
                var status = Coverage.On(h, p.Until.AddDays(1)).Programmes[(int)p.Programme];
                Assert.True(status.Active || status.Reason is not null);
                Assert.True(Coverage.On(h, p.From).Programmes[(int)p.Programme].Active);
            }
        }
    }

    private static DateOnly Min(params DateOnly?[] dates) => dates.Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(DateOnly.MaxValue).Min();
}
