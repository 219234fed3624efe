namespace MigrantCover.Domain.Tests;

public class HeirTests
{
    private const string WorkerNik = "3302224907950003";
    private static readonly DateOnly Today = D(2026, 1, 6);

    private static HeirFacts Mother => new()
    {
        FullName = "Sumiati",
        Relationship = HeirRelationship.Parent,
        Sex = Sex.Female,
        DateOfBirth = D(1970, 3, 12),
        Nik = Nik.Build("33", "02", "22", D(1970, 3, 12), Sex.Female, 1),
        Phone = "+6281234567001",
    };

    [Theory]
    [Trait("Rule", "R-HEIR-1")]
    [InlineData(HeirRelationship.Spouse, "A")]
    [InlineData(HeirRelationship.Child, "A")]
    [InlineData(HeirRelationship.Parent, "B1")]
    [InlineData(HeirRelationship.Grandchild, "B1")]
    [InlineData(HeirRelationship.Grandparent, "B1")]
    [InlineData(HeirRelationship.Sibling, "B2")]
    [InlineData(HeirRelationship.ParentInLaw, "B3")]
    [InlineData(HeirRelationship.WillDesignee, "B4")]
    public void R_HEIR_1_TheClassFollowsFromTheRelationship(HeirRelationship relationship, string heirClass)
    {
        Assert.Equal(heirClass, Heirs.ClassCode(Heirs.ClassOf(relationship)));
        Assert.True(Codes.TryParse<HeirClass>(heirClass, out var parsed));
        Assert.Equal(Heirs.ClassOf(relationship), parsed);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    public void R_HEIR_3_RelationshipCodesAreTheRuleBooksSpelling()
    {
        Assert.Equal(
            ["spouse", "child", "parent", "grandchild", "grandparent", "sibling", "parent-in-law", "will-designee"],
            Codes.All<HeirRelationship>());
    }

    [Fact]
    [Trait("Rule", "R-HEIR-1")]
    public void R_HEIR_1_ALowerClassIsPaidOnlyWhenEveryHigherClassIsEmpty()
    {
        Assert.Equal(HeirClass.B2, Heirs.Choose([HeirRelationship.ParentInLaw, HeirRelationship.Sibling, HeirRelationship.WillDesignee]).Class);
        Assert.Equal(HeirClass.B3, Heirs.Choose([HeirRelationship.WillDesignee, HeirRelationship.ParentInLaw]).Class);
        Assert.Equal(HeirClass.B4, Heirs.Choose([HeirRelationship.WillDesignee]).Class);

        var a = Heirs.Choose([HeirRelationship.WillDesignee, HeirRelationship.Child, HeirRelationship.Sibling, HeirRelationship.Spouse]);
        Assert.Equal(HeirClass.A, a.Class);
        Assert.Equal([HeirRelationship.Child, HeirRelationship.Spouse], a.Payees);
        Assert.Equal([HeirRelationship.WillDesignee, HeirRelationship.Sibling], a.Others);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-2")]
    public void R_HEIR_2_InsideB1ParentsThenGrandchildrenThenGrandparents()
    {
        Assert.Equal([HeirRelationship.Parent], Heirs.Choose([HeirRelationship.Grandparent, HeirRelationship.Parent, HeirRelationship.Grandchild]).Payees);
        Assert.Equal([HeirRelationship.Grandchild], Heirs.Choose([HeirRelationship.Grandparent, HeirRelationship.Grandchild, HeirRelationship.Sibling]).Payees);
        Assert.Equal([HeirRelationship.Grandparent], Heirs.Choose([HeirRelationship.Grandparent, HeirRelationship.ParentInLaw]).Payees);
        Assert.Equal(0, Heirs.RankInClass(HeirRelationship.Parent));
        Assert.Equal(1, Heirs.RankInClass(HeirRelationship.Grandchild));
        Assert.Equal(2, Heirs.RankInClass(HeirRelationship.Grandparent));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-1")]
    public void Example_ParentsAndABrotherOfAnUnmarriedWorker_PayeeFromB1TheBrotherIsNot()
    {
        var recorded = new[]
        {
            (Name: "Sumiati", Relationship: HeirRelationship.Parent),
            (Name: "Darto", Relationship: HeirRelationship.Parent),
            (Name: "Budi", Relationship: HeirRelationship.Sibling),
        };
        var choice = Heirs.Choose(recorded, h => h.Relationship);
        Assert.Equal(HeirClass.B1, choice.Class);
        Assert.Equal(["Sumiati", "Darto"], choice.Payees.Select(h => h.Name));
        Assert.Equal(["Budi"], choice.Others.Select(h => h.Name));

        var brother = Heirs.CheckPayee(new PayeeFacts { Relationship = HeirRelationship.Sibling, CertificateHeirs = [.. recorded.Select(r => r.Relationship)] }, Today);
        Assert.Equal(("R-HEIR-4", "heir.not-payee-class"), (brother[0].RuleId, brother[0].Key));
        Assert.Empty(Heirs.CheckPayee(new PayeeFacts { Relationship = HeirRelationship.Parent, CertificateHeirs = [.. recorded.Select(r => r.Relationship)] }, Today));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-1")]
    public void Example_WidowOneChildAndMother_PayeeFromClassATheMotherIsNot()
    {
        HeirRelationship[] certificate = [HeirRelationship.Spouse, HeirRelationship.Child, HeirRelationship.Parent];
        var choice = Heirs.Choose(certificate);
        Assert.Equal(HeirClass.A, choice.Class);
        Assert.Equal([HeirRelationship.Spouse, HeirRelationship.Child], choice.Payees);
        Assert.Empty(Heirs.CheckPayee(new PayeeFacts { Relationship = HeirRelationship.Spouse, CertificateHeirs = certificate }, Today));
        Assert.Empty(Heirs.CheckPayee(new PayeeFacts { Relationship = HeirRelationship.Child, CertificateHeirs = certificate, DateOfBirth = D(2001, 1, 1) }, Today));
        var mother = Assert.Single(Heirs.CheckPayee(new PayeeFacts { Relationship = HeirRelationship.Parent, CertificateHeirs = certificate }, Today));
        Assert.Equal("R-HEIR-4", mother.RuleId);
        Assert.Equal(
            "An heir related as \"parent\" is in class B1 (parents, grandchildren, grandparents), but the heir certificate names heirs of class A (widow or widower and children), who come first (Permenaker 4/2023 Pasal 57 ayat 4). Choose the payee from that class, for example the spouse.",
            RuleText.Format(mother, "en"));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    public void R_HEIR_3_AHeirWithNameRelationshipSexAndDateOfBirthIsValidAndTheNikIsOptional()
    {
        Assert.Empty(Heirs.Check(Mother, WorkerNik, Today));
        Assert.Empty(Heirs.Check(Mother with { Nik = null, Phone = null }, WorkerNik, Today));
        Assert.Empty(Heirs.Check(Mother with { Nik = "  " }, WorkerNik, Today));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    public void R_HEIR_3_MissingFieldsAreNamed()
    {
        var failures = Heirs.Check(new HeirFacts(), WorkerNik, Today);
        Assert.Equal(["fullName", "relationship", "sex", "dateOfBirth"], failures.Select(f => f.Field));
        Assert.All(failures, f => Assert.Equal("R-HEIR-3", f.RuleId));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    [Trait("Rule", "R-AGE-2")]
    public void R_HEIR_3_DateOfBirthNotInTheFutureNorMoreThan100YearsAgo()
    {
        Assert.Equal("heir.dob-future", Heirs.Check(Mother with { DateOfBirth = D(2026, 1, 7), Nik = null }, WorkerNik, Today)[0].Key);
        Assert.Equal("heir.dob-too-old", Heirs.Check(Mother with { DateOfBirth = D(1926, 1, 5), Nik = null }, WorkerNik, Today)[0].Key);
        Assert.Empty(Heirs.Check(Mother with { DateOfBirth = D(1926, 1, 6), Nik = null }, WorkerNik, Today));
        Assert.Empty(Heirs.Check(Mother with { DateOfBirth = Today, Nik = null, Relationship = HeirRelationship.Child }, WorkerNik, Today));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    [Trait("Rule", "R-NIK-1")]
    [Trait("Rule", "R-NIK-2")]
    [Trait("Rule", "R-NIK-3")]
    public void R_HEIR_3_AGivenNikFollowsTheNikRulesAgainstTheHeirsOwnBirthAndSex()
    {
        var asMan = Heirs.Check(Mother with { Sex = Sex.Male }, WorkerNik, Today);
        var f = Assert.Single(asMan);
        Assert.Equal(("R-NIK-3", "nik.day-male", "nik"), (f.RuleId, f.Key, f.Field));

        Assert.Equal("nik.month", Heirs.Check(Mother with { DateOfBirth = D(1970, 4, 12) }, WorkerNik, Today).Single().Key);
        Assert.Equal(("R-NIK-1", "nik.format"), (Heirs.Check(Mother with { Nik = "12345" }, WorkerNik, Today)[0].RuleId, Heirs.Check(Mother with { Nik = "12345" }, WorkerNik, Today)[0].Key));
        Assert.Equal("R-NIK-2", Heirs.Check(Mother with { Nik = "9902221203700001" }, WorkerNik, Today)[0].RuleId);

        // Without a date of birth or sex only the shape is checked.
        Assert.Equal("nik.province", Heirs.Check(Mother with { Sex = null, Nik = "9902221203700001" }, WorkerNik, Today).Single(x => x.Field == "nik").Key);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    public void R_HEIR_3_TheNikIsNotTheWorkersOwn()
    {
        var wife = new HeirFacts { FullName = "Siti", Relationship = HeirRelationship.Spouse, Sex = Sex.Female, DateOfBirth = D(1995, 7, 9), Nik = " " + WorkerNik };
        var f = Assert.Single(Heirs.Check(wife, WorkerNik, Today));
        Assert.Equal(("R-HEIR-3", "heir.nik-worker", "nik"), (f.RuleId, f.Key, f.Field));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    public void R_HEIR_3_HeirsOfARegistrationAreCheckedUnderTheirIndexAndOneNikNamesOneHeir()
    {
        var failures = Heirs.CheckAll([Mother, Mother with { FullName = " " }, Mother], WorkerNik, Today);
        Assert.Equal(["heirs[1].fullName", "heirs[1].nik", "heirs[2].nik"], failures.Select(f => f.Field));
        Assert.Equal(["heir.name-required", "heir.nik-duplicate", "heir.nik-duplicate"], failures.Select(f => f.Key));
        Assert.Empty(Heirs.CheckAll([], WorkerNik, Today));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    public void R_HEIR_3_ANikAlreadyRecordedForAnotherLiveHeirIsRefusedOnTheNikField()
    {
        var f = Assert.Single(Heirs.CheckNikRecorded(" " + Mother.Nik + " ", [null, "3201010101010001", Mother.Nik]));
        Assert.Equal(("R-HEIR-3", "heir.nik-recorded", "nik"), (f.RuleId, f.Key, f.Field));
        Assert.Empty(Heirs.CheckNikRecorded(Mother.Nik, [null, "3201010101010001"]));
        Assert.Empty(Heirs.CheckNikRecorded(" ", [" ", null]));
        Assert.Empty(Heirs.CheckNikRecorded(null, [null]));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-4")]
    public void R_HEIR_4_ThePayeeIsOnTheCertificateAndANewPayeeSaysWhy()
    {
        HeirRelationship[] certificate = [HeirRelationship.Parent, HeirRelationship.Sibling];
        Assert.Equal("heir.payee-required", Heirs.CheckPayee(new PayeeFacts { CertificateHeirs = certificate }, Today).Single().Key);
        Assert.Equal("heir.payee-not-on-certificate", Heirs.CheckPayee(new PayeeFacts { Relationship = HeirRelationship.Spouse, CertificateHeirs = certificate }, Today).Single().Key);

        var unrecorded = new PayeeFacts { Relationship = HeirRelationship.Parent, CertificateHeirs = certificate, IsRecordedHeir = false };
        Assert.Equal(("R-HEIR-4", "notRecordedReason"), (Heirs.CheckPayee(unrecorded, Today).Single().RuleId, Heirs.CheckPayee(unrecorded, Today).Single().Field));
        Assert.Empty(Heirs.CheckPayee(unrecorded with { NotRecordedReason = "Named on the certificate of 2025-06-20" }, Today));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-2")]
    [Trait("Rule", "R-HEIR-4")]
    public void R_HEIR_4_AGrandparentIsNotPaidWhileAParentIsOnTheCertificate()
    {
        var f = Heirs.CheckPayee(new PayeeFacts { Relationship = HeirRelationship.Grandparent, CertificateHeirs = [HeirRelationship.Parent, HeirRelationship.Grandparent] }, Today).Single();
        Assert.Equal(("R-HEIR-2", "heir.not-payee-rank"), (f.RuleId, f.Key));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-4")]
    public void R_HEIR_4_AMinorIsPaidThroughTheGuardianOnTheCertificate()
    {
        var child = new PayeeFacts { Relationship = HeirRelationship.Child, CertificateHeirs = [HeirRelationship.Child], DateOfBirth = D(2015, 3, 1) };
        var f = Heirs.CheckPayee(child, Today).Single();
        Assert.Equal(("R-HEIR-4", "heir.guardian-required", "guardianName"), (f.RuleId, f.Key, f.Field));
        Assert.Contains("(10 tahun)", RuleText.Format(f, "id"), StringComparison.Ordinal);
        Assert.Empty(Heirs.CheckPayee(child with { GuardianName = "Sumiati" }, Today));
        Assert.Empty(Heirs.CheckPayee(child with { DateOfBirth = D(2008, 1, 6) }, Today));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-5")]
    public void R_HEIR_5_WithNoHeirOnlyTheFuneralComponentIsPaidToWhoeverArrangedTheFuneral()
    {
        var noHeir = new PayeeFacts { CertificateHeirs = [] };
        Assert.Equal(("R-HEIR-5", "heir.funeral-arranger-required"), (Heirs.CheckPayee(noHeir, Today).Single().RuleId, Heirs.CheckPayee(noHeir, Today).Single().Key));
        var arranged = noHeir with { FuneralArrangerName = "Yayasan Peduli Migran" };
        Assert.Empty(Heirs.CheckPayee(arranged, Today));
        Assert.True(Heirs.Choose(Array.Empty<HeirRelationship>()).NoHeir);

        var report = new ClaimReport { Type = ClaimType.Death, IncidentOn = D(2025, 6, 10), ReportedOn = D(2025, 6, 20), Payee = arranged };
        var a = Claims.Assess(report, Worker(Placed2024()), D(2025, 6, 20));
        Assert.True(a.Eligible);
        Assert.Equal(10_000_000, a.Amount!.Amount);
        Assert.True(a.Amount.FuneralOnly);
        Assert.Equal(AmountBasis.Fixed, a.Amount.Basis);
        Assert.Contains("R-HEIR-5", a.RuleIds);
        Assert.Contains("only the funeral component", RuleText.Format(a.Amount.HowComputed, "en"), StringComparison.Ordinal);

        var old = Claims.Assess(report with { IncidentOn = D(2020, 6, 10), ReportedOn = D(2020, 6, 20) }, Worker(PlacedOn(D(2019, 6, 1))), D(2020, 6, 20));
        Assert.Equal(3_000_000, old.Amount!.Amount);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-5")]
    [Trait("Rule", "R-CLM-11")]
    public void R_HEIR_5_JhtOnDeathWithNoHeirIsNotPaid()
    {
        var h = Candidate(D(2024, 1, 10), null, Pay(PaymentKind.Jht, D(2024, 1, 15), 12, 1_200_000));
        var died = History(Scheme.Agency, 24, [.. h.Payments], diedOn: D(2024, 4, 15));
        var report = new ClaimReport { Type = ClaimType.JhtWithdrawal, Trigger = JhtTrigger.Death, IncidentOn = D(2024, 4, 15), ReportedOn = D(2024, 4, 20), Payee = new PayeeFacts { FuneralArrangerName = "Pak RT" } };
        var a = Claims.Assess(report, Worker(died), D(2024, 4, 20));
        Assert.True(a.Eligible);
        Assert.Equal("heir.none-jht", a.PayeeFailures.Single().Key);
        Assert.False(a.Amount!.FuneralOnly);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-4")]
    public void R_HEIR_4_TheAssessmentNamesThePayeeClassAmongTheRecordedHeirs()
    {
        var w = Worker(Placed2024()) with { RecordedHeirs = [HeirRelationship.Sibling, HeirRelationship.Parent, HeirRelationship.Parent] };
        var a = Assess(ClaimType.Death, D(2025, 6, 10), w);
        Assert.True(a.NeedsPayeeHeir);
        Assert.Equal(HeirClass.B1, a.PayeeClass);
        Assert.Equal([HeirRelationship.Parent], a.PayeeRelationships);

        var accident = Assess(ClaimType.TreatmentAbroad, D(2025, 6, 10), w, claimed: 1_000);
        Assert.False(accident.NeedsPayeeHeir);
        Assert.Null(accident.PayeeClass);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-6")]
    public void R_HEIR_6_TheNikIsMaskedInListsExceptTheLastFourDigits()
    {
        Assert.Equal("************0003", Heirs.MaskNik("3302224907950003"));
        Assert.Equal("************0003", Heirs.MaskNik(" 3302224907950003 "));
        Assert.Null(Heirs.MaskNik(null));
        Assert.Null(Heirs.MaskNik(" "));
        Assert.Equal("***", Heirs.MaskNik("123"));
        Assert.DoesNotContain("33022249", Heirs.MaskNik("3302224907950003"), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-6")]
    public void R_HEIR_6_ACorrectionOrAnEndSaysWhyAndIsNotDatedInTheFuture()
    {
        Assert.Equal(("R-HEIR-6", "reason"), (Heirs.CheckChange(" ", Today).Single().RuleId, Heirs.CheckChange(" ", Today).Single().Field));
        Assert.Empty(Heirs.CheckChange("Divorced (court decision 2025-11-02)", Today, D(2025, 11, 2)));
        Assert.Equal("heir.end-future", Heirs.CheckChange("Died", Today, D(2026, 1, 7)).Single().Key);
    }
}
