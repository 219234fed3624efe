namespace MigrantCover.Domain.Tests;

public class IdentifierTests
{
    [Fact]
    [Trait("Rule", "R-NIK-1")]
    [Trait("Rule", "R-NIK-3")]
    public void R_NIK_3_AcceptsWomanBornOn9JulyWithDayPart49()
    {
        Assert.Empty(Nik.CheckAgainst("3302224907950003", D(1995, 7, 9), Sex.Female));
        Assert.True(Nik.TryParse("3302224907950003", out var nik, out _));
        Assert.Equal("33", nik.ProvinceCode);
        Assert.Equal("Jawa Tengah", nik.ProvinceName);
        Assert.Equal("3302", nik.RegencyCode);
        Assert.Equal("330222", nik.DistrictCode);
        Assert.Equal(49, nik.Day);
        Assert.Equal(9, nik.BirthDay);
        Assert.Equal(7, nik.Month);
        Assert.Equal(95, nik.TwoDigitYear);
        Assert.Equal(Sex.Female, nik.Sex);
        Assert.Equal(3, nik.Serial);
    }

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    public void R_NIK_3_RefusesManWhoseDayPartIsPlus40()
    {
        var failure = Assert.Single(Nik.CheckAgainst("3302224907950003", D(1995, 7, 9), Sex.Male));
        Assert.Equal("R-NIK-3", failure.RuleId);
        Assert.Equal("nik", failure.Field);
        Assert.Equal("nik.day-male", failure.Key);
        Assert.Equal("09", failure.Args["expectedDayPart"]);
    }

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    public void R_NIK_3_RefusesWomanWhoseDayPartIsNotPlus40()
    {
        var failure = Assert.Single(Nik.CheckAgainst("3302220907950003", D(1995, 7, 9), Sex.Female));
        Assert.Equal("nik.day-female", failure.Key);
        Assert.Equal(
            "The NIK's day part (09) does not match a woman born on the 9th: for women the day is increased by 40 (49). Check the sex or the NIK.",
            RuleText.Format(failure, "en"));
    }

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    public void R_NIK_3_ReportsDayMonthAndYearMismatchesTogether()
    {
        var failures = Nik.CheckAgainst("3302221208960003", D(1995, 7, 9), Sex.Male);
        Assert.Equal(["nik.day", "nik.month", "nik.year"], failures.Select(f => f.Key));
        Assert.All(failures, f => Assert.Equal("R-NIK-3", f.RuleId));
    }

    [Theory]
    [Trait("Rule", "R-NIK-1")]
    [Trait("Rule", "R-NIK-2")]
    [InlineData("9902220907950003", "R-NIK-2", "nik.province")]
    [InlineData("3300220907950003", "R-NIK-2", "nik.regency")]
    [InlineData("3302000907950003", "R-NIK-2", "nik.district")]
    [InlineData("3302220907950000", "R-NIK-2", "nik.serial")]
    [InlineData("330222090795000", "R-NIK-1", "nik.format")]
    [InlineData("33022209079500031", "R-NIK-1", "nik.format")]
    [InlineData("33022209O7950003", "R-NIK-1", "nik.format")]
    [InlineData("3302223207950003", "R-NIK-1", "nik.date")]
    [InlineData("3302227207950003", "R-NIK-1", "nik.date")]
    [InlineData("3302220913950003", "R-NIK-1", "nik.date")]
    [InlineData("3302223002950003", "R-NIK-1", "nik.date")]
    public void R_NIK_1_And_2_RefuseWrongLengthDigitsImpossibleDateUnknownProvinceAndZeroParts(string input, string ruleId, string key)
    {
        Assert.False(Nik.TryParse(input, out _, out var failure));
        Assert.Equal(ruleId, failure!.RuleId);
        Assert.Equal(key, failure.Key);
    }

    [Fact]
    [Trait("Rule", "R-NIK-1")]
    public void R_NIK_1_TrimsSurroundingSpaces()
    {
        Assert.True(Nik.TryParse(" 3302224907950003 ", out var nik, out _));
        Assert.Equal("3302224907950003", nik.Value);
    }

    [Fact]
    [Trait("Rule", "R-NIK-4")]
    [Trait("Rule", "R-REG-1")]
    public void R_NIK_4_NormalisesSoTheSameNikIsOneKey()
    {
        // The web layer enforces uniqueness on Nik.Value; spaces must not make a second worker.
        Assert.True(Nik.TryParse("3302224907950003", out var a, out _));
        Assert.True(Nik.TryParse("  3302224907950003", out var b, out _));
        Assert.Equal(a, b);
        Assert.False(Nik.TryParse(null, out _, out var missing));
        Assert.Equal("R-REG-1", missing!.RuleId);
    }

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    public void ImpliedDateOfBirthPicksTheLatestCenturyNotAfterTheReferenceDate()
    {
        Assert.True(Nik.TryParse("3302224907950003", out var nik, out _));
        Assert.Equal(D(1995, 7, 9), nik.ImpliedDateOfBirth(D(2026, 1, 6)));
        Assert.True(Nik.TryParse("3302220901050003", out var young, out _));
        Assert.Equal(D(2005, 1, 9), young.ImpliedDateOfBirth(D(2026, 1, 6)));
    }

    public static TheoryData<string, string?> FamilyCardNumbers => [("3302220101090007", null), ("330222010109000", "kk.format"), ("9902220101090007", "kk.province"), ("", "kk.required")];

    [Theory]
    [Trait("Rule", "R-KK-1")]
    [MemberData(nameof(FamilyCardNumbers))]
    public void R_KK_1_ChecksLengthDigitsAndProvince(string input, string? key)
    {
        var failures = FamilyCardNumber.Check(input);
        if (key is null)
        {
            Assert.Empty(failures);
        }
        else
        {
            Assert.Equal(key, Assert.Single(failures).Key);
            Assert.Equal("familyCardNumber", failures[0].Field);
        }
    }

    [Fact]
    [Trait("Rule", "R-KPJ-1")]
    public void R_KPJ_1_IssuesYearSequenceAndLuhnDigit()
    {
        var number = MembershipNumber.Issue(2026, 1234);
        Assert.Equal(11, number.Length);
        Assert.StartsWith("2600001234", number, StringComparison.Ordinal);

        // Luhn of 2600001234: from the right 4*2=8,3,2*2=4,1,0,0,0,0,6*2=12→3,2 → sum 21 → check 9.
        Assert.Equal("26000012349", number);
        Assert.True(MembershipNumber.IsValid(number));
        Assert.Null(MembershipNumber.Check(number));
    }

    public static TheoryData<string?, string> WrongMembershipNumbers => [("26000012348", "kpj.check-digit"), ("2600001234", "kpj.format"), ("2600001234A", "kpj.format"), (null, "kpj.required")];

    [Theory]
    [Trait("Rule", "R-KPJ-1")]
    [MemberData(nameof(WrongMembershipNumbers))]
    public void R_KPJ_1_AnswersCheckTheNumberYouTyped(string? input, string key)
    {
        var failure = MembershipNumber.Check(input);
        Assert.NotNull(failure);
        Assert.Equal(key, failure.Key);
        Assert.Equal("membershipNumber", failure.Field);
        Assert.False(MembershipNumber.IsValid(input));
    }

    [Fact]
    [Trait("Rule", "R-KPJ-1")]
    public void R_KPJ_1_BadCheckDigitMessageSaysCheckTheNumber()
    {
        var text = RuleText.Format(MembershipNumber.Check("26000012348")!, "en");
        Assert.Contains("check the number you typed", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [Trait("Rule", "R-KPJ-2")]
    [InlineData(null, true, true)]
    [InlineData("", true, true)]
    [InlineData(null, false, false)]
    [InlineData("26000012349", true, false)]
    [InlineData("26000012349", false, false)]
    public void R_KPJ_2_NumberIsIssuedAtFirstPaymentAndNeverReplaced(string? existing, bool isFirstPayment, bool expected)
    {
        Assert.Equal(expected, Participation.NeedsMembershipNumber(existing, isFirstPayment));
    }

    [Fact]
    [Trait("Rule", "R-KPJ-2")]
    public void R_KPJ_2_ParticipantOnlyAfterPaying()
    {
        Assert.False(Participation.IsParticipant(0));
        Assert.True(Participation.IsParticipant(1));
    }

    [Theory]
    [Trait("Rule", "R-DOC-2")]
    [InlineData("C1234567", true)]
    [InlineData(" ab123456 ", true)]
    [InlineData("AB12345678", true)]
    [InlineData("A12345", false)]
    [InlineData("ABC123456", false)]
    [InlineData("123456789", false)]
    [InlineData("A123456789", false)]
    [InlineData("A12345X7", false)]
    public void R_DOC_2_PassportIsOneOrTwoLettersAndSixToEightDigits(string input, bool valid)
    {
        var failure = PassportNumber.Check(input);
        Assert.Equal(valid, failure is null);
        if (!valid)
        {
            Assert.Equal("R-DOC-2", failure!.RuleId);
            Assert.Equal("passportNumber", failure.Field);
        }
    }

    [Fact]
    [Trait("Rule", "R-DOC-2")]
    public void R_DOC_2_NormalisesToTrimmedUppercase()
    {
        Assert.Equal("AB123456", PassportNumber.Normalize(" ab123456 "));
        Assert.Null(PassportNumber.Normalize("  "));
        Assert.Equal("passport.required", PassportNumber.Check(null)!.Key);
    }

    [Fact]
    [Trait("Rule", "R-NIK-2")]
    public void ProvinceListHasThe38CodesOfTheRuleBook()
    {
        Assert.Equal(38, Provinces.All.Count);
        Assert.Equal("Jawa Timur", Provinces.NameOf("35"));
        Assert.Equal("Papua Barat Daya", Provinces.NameOf("96"));
        Assert.Null(Provinces.NameOf("20"));
        Assert.False(Provinces.TryGetName("99", out _));
    }
}
