namespace MigrantCover.Domain.Tests;

public class RuleTextTests
{
    [Fact]
    public void RendersRupiahAndDatesInBothLanguages()
    {
        Assert.Equal("Rp332.500", RuleText.Rupiah(332_500));
        Assert.Equal("Rp85.000.000", RuleText.Rupiah(85_000_000));
        Assert.Equal("Rp0", RuleText.Rupiah(0));
        Assert.Equal("9 Juni 2024", RuleText.Date(D(2024, 6, 9), "id"));
        Assert.Equal("9 June 2024", RuleText.Date(D(2024, 6, 9), "en"));
        Assert.Equal("9 Juni 2024", RuleText.Date(D(2024, 6, 9), "fr"));
    }

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    public void IndonesianIsTheDefaultAndNatural()
    {
        var failure = Nik.CheckAgainst("3302220907950003", D(1995, 7, 9), Sex.Female)[0];
        Assert.Equal(
            "Bagian tanggal pada NIK (09) tidak cocok dengan perempuan yang lahir tanggal 9: untuk perempuan tanggal lahir ditambah 40 (49). Periksa jenis kelamin atau NIK.",
            RuleText.Format(failure, "id"));
        Assert.Equal(RuleText.Format(failure, "id"), RuleText.Format(failure, "xx"));
    }

    [Fact]
    [Trait("Rule", "R-AGE-1")]
    public void AgeMessageSaysWhenRegistrationBecomesPossible()
    {
        var failure = Register(BornOn(D(2008, 3, 15), D(2026, 3, 14)))[0];
        Assert.Equal(
            "A migrant worker must be at least 18 on the registration date (UU 18/2017 Pasal 5 huruf a); on 14 March 2026 this person is 17. Registration is possible from 15 March 2026.",
            RuleText.Format(failure, "en"));
        Assert.Contains("15 Maret 2026", RuleText.Format(failure, "id"), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryMessageKeyTheDomainUsesHasTextWithAllPlaceholdersFilled()
    {
        var failures = new List<RuleFailure>();
        failures.AddRange(Register(new RegistrationFacts { RegisteredOn = D(2026, 1, 6) }));
        failures.AddRange(Register(Siti with { Purpose = Purpose.Study, Scheme = Scheme.Individual, DestinationCountry = "SA", AgencyName = null, ContractMonths = 0, RegisteredOn = D(2026, 1, 7), PlacementAgreementSignedOn = D(2026, 1, 8), Sex = Sex.Male }, D(2026, 1, 6)));
        failures.AddRange(Nik.CheckAgainst("3302221208960003", D(1995, 7, 9), Sex.Male));
        failures.Add(MembershipNumber.Check("26000012348")!);
        failures.Add(PassportNumber.Check("X")!);
        failures.AddRange(Tariff.Expected(PaymentKind.Jht, Scheme.Agency, 24, D(2025, 1, 1), 0, 123).Failures);
        failures.Add(StageMachine.Check(Stage.Placed, StageEventKind.Departure, false)!);
        foreach (var failure in failures)
        {
            foreach (var language in new[] { "id", "en" })
            {
                var text = RuleText.Format(failure, language);
                Assert.DoesNotContain("{", text, StringComparison.Ordinal);
                Assert.DoesNotContain(failure.Key, text, StringComparison.Ordinal);
                Assert.True(text.Length > 30, text);
            }
        }

        Assert.All(RuleText.MessageKeys, key => Assert.NotEqual(
            RuleText.Format(new RuleFailure("R-X", key, null, new Dictionary<string, string>()), "id"),
            RuleText.Format(new RuleFailure("R-X", key, null, new Dictionary<string, string>()), "en")));
    }

    [Fact]
    public void EveryKeyInTheDomainSourceHasAMessage()
    {
        // The message keys are a contract with the web layer (resources, API problem details): a key
        // added or removed must be a deliberate change to this list.
        string[] keys =
        [
            "required", "nik.required", "nik.format", "nik.province", "nik.regency", "nik.district", "nik.serial", "nik.date",
            "nik.day-female", "nik.day-male", "nik.day", "nik.month", "nik.year", "kk.required", "kk.format", "kk.province",
            "kpj.required", "kpj.format", "kpj.check-digit", "passport.required", "passport.format", "registered.future",
            "dob.future", "dob.too-old", "age.too-young", "purpose.excluded", "agency.name-required", "agency.licence-required",
            "scheme.individual-domestic", "destination.indonesia", "destination.unknown", "destination.restricted",
            "contract.range", "agreement.future", "payment.no-rule-set", "payment.pre-placement-individual",
            "payment.months-range", "jht.monthly-required", "jht.tier", "payment.future", "payment.stage",
            "payment.placement-after-departure", "payment.amount", "payment.agreement-missing", "payment.agreement-after",
            "payment.pre-placement-after-departure", "payment.extension-not-placed", "payment.extension-cover-ended",
            "payment.extension-before-departure", "payment.reference-conflict", "departure.stage",
            "departure.before-registration", "departure.future", "departure.document-missing",
            "departure.no-placement-payment", "departure.placement-too-early", "stage.transition",
            "stage.withdrawal-after-payment",
        ];
        Assert.Equal(keys.Order(), RuleText.MessageKeys.Except(RuleText.ClaimMessageKeys).Order());
    }

    [Fact]
    public void EveryInputMessageHasTextInBothLanguagesWithItsPlaceholdersFilled()
    {
        (string, string)[] args =
        [
            ("field", "fullName"), ("max", "150"), ("allowed", "formal, domestic"), ("example", "24"), ("today", "2026-03-01"),
            ("registeredOn", "2026-01-06"), ("departedOn", "2026-02-01"), ("value", "kemarin"), ("length", "12"),
        ];
        Assert.NotEmpty(RuleText.InputMessageKeys);
        Assert.Empty(RuleText.InputMessageKeys.Intersect(RuleText.MessageKeys));
        foreach (var key in RuleText.InputMessageKeys)
        {
            var id = RuleText.Input(key, "id", args);
            var en = RuleText.Input(key, "en", args);
            Assert.NotEqual(id, en);
            Assert.All(new[] { id, en }, text => Assert.DoesNotContain("{", text, StringComparison.Ordinal));
            Assert.DoesNotContain(key, id, StringComparison.Ordinal);
        }

        Assert.Equal("Nama lengkap belum diisi. Isi kolom ini untuk melanjutkan.", RuleText.Input("required", "id", ("field", "fullName")));
        Assert.Equal("The full name is missing. Fill it in to continue.", RuleText.Input("required", "en", ("field", "fullName")));
    }

    [Fact]
    [Trait("Rule", "R-DOC-1")]
    public void DocumentLabelsExistInBothLanguages()
    {
        foreach (var type in Enum.GetValues<DocumentType>())
        {
            var code = Codes.Of(type);
            Assert.NotEqual(code, RuleText.Label(code, "id"));
            Assert.NotEqual(RuleText.Label(code, "id"), RuleText.Label(code, "en"));
        }
    }
}
