namespace MigrantCover.Domain.Tests;

public class EligibilityTests
{
    private static IEnumerable<string> Rules(IEnumerable<RuleFailure> failures) => failures.Select(f => f.RuleId);

    [Fact]
    [Trait("Rule", "R-REG-1")]
    public void TheApiContractExampleIsAccepted()
    {
        Assert.Empty(Register(Siti with { Category = Category.Formal }));
    }

    [Fact]
    [Trait("Rule", "R-AGE-1")]
    public void R_AGE_1_RefusesSeventeenYearOldTheDayBeforeTheBirthday()
    {
        var failure = Assert.Single(Register(BornOn(D(2008, 3, 15), D(2026, 3, 14)) with { Category = Category.Formal }));
        Assert.Equal("R-AGE-1", failure.RuleId);
        Assert.Equal("dateOfBirth", failure.Field);
        Assert.Equal("17", failure.Args["age"]);
        Assert.Equal("2026-03-15", failure.Args["adultOn"]);
    }

    [Fact]
    [Trait("Rule", "R-AGE-1")]
    public void R_AGE_1_AcceptsOnTheEighteenthBirthday()
    {
        Assert.Empty(Register(BornOn(D(2008, 3, 15), D(2026, 3, 15)) with { Category = Category.Formal }));
    }

    [Fact]
    [Trait("Rule", "R-AGE-1")]
    public void R_AGE_1_LeapDayBirthdayIsReachedOnFirstMarch()
    {
        var refused = Register(BornOn(D(2008, 2, 29), D(2026, 2, 28)) with { Category = Category.Formal });
        Assert.Equal(["R-AGE-1"], Rules(refused));
        Assert.Empty(Register(BornOn(D(2008, 2, 29), D(2026, 3, 1)) with { Category = Category.Formal }));
        Assert.Equal(17, Age.On(D(2008, 2, 29), D(2026, 2, 28)));
        Assert.Equal(18, Age.On(D(2008, 2, 29), D(2026, 3, 1)));
        Assert.Equal(16, Age.On(D(2008, 2, 29), D(2024, 2, 29)));
        Assert.Equal(D(2026, 3, 1), Age.Reaches(D(2008, 2, 29), 18));
    }

    [Fact]
    [Trait("Rule", "R-AGE-2")]
    public void R_AGE_2_RefusesBirthInTheFutureOrMoreThan100YearsAgo()
    {
        var future = Register(Siti with { DateOfBirth = D(2026, 1, 7) }, D(2026, 1, 6));
        Assert.Contains(future, f => f.Key == "dob.future" && f.RuleId == "R-AGE-2");
        Assert.DoesNotContain(future, f => f.RuleId == "R-AGE-1");

        var old = Register(BornOn(D(1926, 1, 5), D(2026, 1, 6)) with { Category = Category.Formal });
        Assert.Equal("dob.too-old", Assert.Single(old).Key);
        Assert.Empty(Register(BornOn(D(1926, 1, 6), D(2026, 1, 6)) with { Category = Category.Formal }));
    }

    [Fact]
    [Trait("Rule", "R-REG-1")]
    public void R_REG_1_NeedsNikAndFamilyCard()
    {
        var failures = Register(Siti with { Nik = null, FamilyCardNumber = " ", Category = Category.Formal });
        Assert.Equal(["nik", "familyCardNumber"], failures.Select(f => f.Field));
        Assert.All(failures, f => Assert.Equal("R-REG-1", f.RuleId));
    }

    [Fact]
    [Trait("Rule", "R-REG-1")]
    public void RefusesRegistrationDateInTheFutureAndAgreementSignedInTheFuture()
    {
        var failures = Register(Siti with { Category = Category.Formal, RegisteredOn = D(2026, 1, 7), PlacementAgreementSignedOn = D(2026, 1, 8) }, D(2026, 1, 6));
        Assert.Contains(failures, f => f.Field == "registeredOn");
        Assert.Contains(failures, f => f.Field == "placementAgreementSignedOn");
    }

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    public void RegistrationChecksTheNikAgainstSexAndDateOfBirth()
    {
        var failures = Register(Siti with { Sex = Sex.Male, Category = Category.Formal });
        Assert.Equal(["R-NIK-3"], Rules(failures));
    }

    public static TheoryData<Purpose> ExcludedPurposes => [.. Enum.GetValues<Purpose>().Where(p => p != Purpose.Work)];

    [Theory]
    [Trait("Rule", "R-CAT-2")]
    [MemberData(nameof(ExcludedPurposes))]
    public void R_CAT_2_RefusesEveryExcludedPurposeNamingTheClause(Purpose purpose)
    {
        var failure = Assert.Single(Register(Siti with { Purpose = purpose, Category = Category.Formal }));
        Assert.Equal("R-CAT-2", failure.RuleId);
        Assert.Equal("purpose", failure.Field);
        Assert.Contains("Pasal 4 ayat 2", RuleText.Format(failure, "id"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-CAT-1")]
    [Trait("Rule", "R-SCH-1")]
    public void R_CAT_1_AndSchemeAreRequired()
    {
        var failures = Register(Siti with { Category = null, Scheme = null, Purpose = null });
        Assert.Contains(failures, f => f is { RuleId: "R-CAT-1", Field: "category" });
        Assert.Contains(failures, f => f is { RuleId: "R-SCH-1", Field: "scheme" });
        Assert.Contains(failures, f => f is { RuleId: "R-CAT-2", Field: "purpose" });
    }

    [Fact]
    [Trait("Rule", "R-SCH-1")]
    public void R_SCH_1_AgencyNeedsNameAndLicence()
    {
        var failures = Register(Siti with { Category = Category.Formal, AgencyName = "", AgencyLicence = null });
        Assert.Equal(["agencyName", "agencyLicence"], failures.Select(f => f.Field));
        Assert.Empty(Register(Siti with { Category = Category.Formal, Scheme = Scheme.Government, AgencyName = null, AgencyLicence = null }));
    }

    [Fact]
    [Trait("Rule", "R-SCH-2")]
    public void R_SCH_2_RefusesIndividualSchemeForDomesticWorkers()
    {
        var failure = Assert.Single(Register(Siti with { Scheme = Scheme.Individual }));
        Assert.Equal("R-SCH-2", failure.RuleId);
        Assert.Empty(Register(Siti with { Scheme = Scheme.Individual, Category = Category.Formal }));
    }

    public static TheoryData<string?, string> WrongDestinations => [("ID", "destination.indonesia"), ("XX", "destination.unknown"), ("hk", "destination.unknown"), ("HKG", "destination.unknown"), (null, "required")];

    [Theory]
    [Trait("Rule", "R-DST-1")]
    [MemberData(nameof(WrongDestinations))]
    public void R_DST_1_NeedsAnAssignedIsoCodeOtherThanIndonesia(string? country, string key)
    {
        var failure = Assert.Single(Register(Siti with { DestinationCountry = country }));
        Assert.Equal("R-DST-1", failure.RuleId);
        Assert.Equal(key, failure.Key);
        Assert.Equal("destinationCountry", failure.Field);
    }

    [Fact]
    [Trait("Rule", "R-DST-2")]
    public void R_DST_2_RefusesDomesticWorkerToSaudiArabiaNamingKepmenaker260()
    {
        var failure = Assert.Single(Register(Siti with { DestinationCountry = "SA" }));
        Assert.Equal("R-DST-2", failure.RuleId);
        Assert.Equal("Kepmenaker No. 260 Tahun 2015", failure.Args["legalBasis"]);
        Assert.Contains("Kepmenaker No. 260 Tahun 2015", RuleText.Format(failure, "en"), StringComparison.Ordinal);
        Assert.Empty(Register(Siti with { DestinationCountry = "SA", Category = Category.Formal }));
    }

    [Fact]
    [Trait("Rule", "R-DST-2")]
    public void R_DST_2_RestrictionsAreDataWithValidityDates()
    {
        var ended = new PlacementRestriction("SA", Category.Domestic, D(2015, 7, 1), D(2025, 12, 31), "test basis");
        Assert.Null(Restrictions.Active([ended], "SA", Category.Domestic, D(2026, 1, 1)));
        Assert.Same(ended, Restrictions.Active([ended], "SA", Category.Domestic, D(2025, 12, 31)));
        Assert.Null(Restrictions.Active([ended], "SA", Category.Domestic, D(2015, 6, 30)));
        Assert.Empty(Registration.Check(Siti with { DestinationCountry = "SA" }, Today, [ended]));
        Assert.Equal(19, Restrictions.Kepmenaker260.Count);
        Assert.All(Restrictions.Kepmenaker260, r => Assert.True(Countries.IsAssigned(r.CountryCode)));
    }

    public static TheoryData<int, bool> ContractLengths => [(0, false), (1, true), (120, true), (121, false)];

    [Theory]
    [Trait("Rule", "R-COV-4")]
    [MemberData(nameof(ContractLengths))]
    public void ContractLengthIsOneTo120Months(int months, bool ok)
    {
        var failures = Register(Siti with { ContractMonths = months, Category = Category.Formal });
        Assert.Equal(ok, failures.Count == 0);
    }

    [Fact]
    [Trait("Rule", "R-PRG-1")]
    public void R_PRG_1_JkkAndJkmCannotBeDeclinedEveryCoveredWorkerHasBoth()
    {
        var h = History(Scheme.Agency, 24, [Pay(PaymentKind.PrePlacement, D(2025, 1, 10)), Pay(PaymentKind.Placement, D(2025, 1, 20))], departedOn: D(2025, 2, 1));
        foreach (var date in new[] { D(2025, 1, 15), D(2025, 6, 1) })
        {
            var s = Coverage.On(h, date);
            Assert.True(s.Jkk.Active);
            Assert.True(s.Jkm.Active);
        }
    }
}
