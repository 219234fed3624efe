using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MigrantCover.Domain.Tests;

/// <summary>The heir and claim texts (RuleText.Claims.cs), produced by the domain itself.</summary>
public class ClaimRuleTextTests
{
    private static readonly DateOnly Today = D(2026, 1, 6);

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    [Trait("Rule", "R-CLM-2")]
    public void EveryHeirAndClaimMessageKeyIsProducedAndRendersInBothLanguagesWithEveryPlaceholderFilled()
    {
        var produced = Produced();
        foreach (var failure in produced)
        {
            foreach (var language in new[] { "id", "en" })
            {
                var asked = new AskedArgs(failure.Args);
                var text = RuleText.Format(failure with { Args = asked }, language);
                Assert.DoesNotContain("{", text, StringComparison.Ordinal);
                Assert.DoesNotContain(failure.Key, text, StringComparison.Ordinal);
                Assert.True(text.Length > 30, text);
                Assert.All(asked.Names, name => Assert.True(failure.Args.ContainsKey(name), $"{failure.Key} ({language}) uses {{{name}}}, which the domain does not give"));

                // Arguments that are label keys render as labels, never as codes.
                foreach (var value in failure.Args.Values.Where(v => v.Contains(':', StringComparison.Ordinal)))
                {
                    Assert.NotEqual(value, RuleText.Label(value, language));
                    Assert.DoesNotContain(value, text, StringComparison.Ordinal);
                }
            }

            Assert.NotEqual(RuleText.Format(failure, "id"), RuleText.Format(failure, "en"));
        }

        Assert.Equal(RuleText.ClaimMessageKeys.Order(), produced.Select(f => f.Key).Distinct().Order());
        Assert.All(RuleText.ClaimMessageKeys, key => Assert.True(key.StartsWith("claim.", StringComparison.Ordinal) || key.StartsWith("heir.", StringComparison.Ordinal), key));
        Assert.Subset(RuleText.MessageKeys.ToHashSet(), RuleText.ClaimMessageKeys.ToHashSet());
    }

    [Fact]
    public void EveryHeirAndClaimEnumerationHasALabelInBothLanguages()
    {
        AssertLabels<ClaimType>();
        AssertLabels<ClaimReason>();
        AssertLabels<ClaimState>();
        AssertLabels<ClaimAction>();
        AssertLabels<ClaimOutcome>();
        AssertLabels<RejectionReason>();
        AssertLabels<AmountBasis>();
        AssertLabels<JhtTrigger>();
        AssertLabels<FailedDepartureCause>();
        AssertLabels<ReporterRole>();
        AssertLabels<HeirRelationship>();
        AssertLabels<HeirClass>();
        AssertLabels<Programme>();
        AssertLabels<CoverPhase>();
        Assert.Equal("golongan A (janda/duda dan anak)", RuleText.Label(HeirClass.A, "id"));
        Assert.Equal("death from a work accident", RuleText.Label(ClaimType.WorkAccidentDeath, "en"));

        // Other enumerations keep their existing labels.
        Assert.Equal("ditempatkan", RuleText.Label(Stage.Placed, "id"));
        Assert.Equal("gagal berangkat", RuleText.Label("failed-departure", "id"));
        Assert.All(RuleText.ClaimLabelKeys, key => Assert.Contains(':', key));
    }

    private static void AssertLabels<T>()
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            var id = RuleText.Label(value, "id");
            var en = RuleText.Label(value, "en");
            Assert.NotEqual(Codes.Of(value), id);
            Assert.False(string.IsNullOrWhiteSpace(en));
            Assert.DoesNotContain(':', id);
        }
    }

    // Every text of RuleText.Claims.cs, as the domain produces it.
    private static List<RuleFailure> Produced()
    {
        var f = new List<RuleFailure>();
        const string workerNik = "3302224907950003";

        // Heirs.
        f.AddRange(Heirs.Check(new HeirFacts(), workerNik, Today));
        var heir = new HeirFacts { FullName = "Sumiati", Relationship = HeirRelationship.Parent, Sex = Sex.Female, DateOfBirth = D(1970, 3, 12) };
        f.AddRange(Heirs.Check(heir with { DateOfBirth = D(2026, 2, 1) }, workerNik, Today));
        f.AddRange(Heirs.Check(heir with { DateOfBirth = D(1900, 1, 1) }, workerNik, Today));
        f.AddRange(Heirs.CheckAll([heir with { Nik = workerNik, Sex = Sex.Female, DateOfBirth = D(1995, 7, 9) }, heir with { Nik = workerNik, DateOfBirth = D(1995, 7, 9) }], workerNik, Today));
        f.AddRange(Heirs.CheckNikRecorded(" " + workerNik, [null, workerNik]));
        HeirRelationship[] family = [HeirRelationship.Spouse, HeirRelationship.Parent];
        f.AddRange(Heirs.CheckPayee(new PayeeFacts { CertificateHeirs = family }, Today));
        f.AddRange(Heirs.CheckPayee(new PayeeFacts { Relationship = HeirRelationship.Sibling, CertificateHeirs = family }, Today));
        f.AddRange(Heirs.CheckPayee(new PayeeFacts { Relationship = HeirRelationship.Parent, CertificateHeirs = family, IsRecordedHeir = false }, Today));
        f.AddRange(Heirs.CheckPayee(new PayeeFacts { Relationship = HeirRelationship.Grandparent, CertificateHeirs = [HeirRelationship.Parent, HeirRelationship.Grandparent] }, Today));
        f.AddRange(Heirs.CheckPayee(new PayeeFacts { Relationship = HeirRelationship.Spouse, CertificateHeirs = family, DateOfBirth = D(2010, 1, 1) }, Today));
        f.AddRange(Heirs.CheckPayee(new PayeeFacts(), Today));
        f.AddRange(Heirs.CheckChange(null, Today, D(2026, 2, 1)));
        var jhtDied = History(Scheme.Agency, 24, [Pay(PaymentKind.Jht, D(2024, 1, 15), 12, 1_200_000)], diedOn: D(2024, 4, 15));
        f.AddRange(Claims.Assess(new ClaimReport { Type = ClaimType.JhtWithdrawal, Trigger = JhtTrigger.Death, IncidentOn = D(2024, 4, 15), ReportedOn = D(2024, 4, 20), Payee = new PayeeFacts { FuneralArrangerName = "Pak RT" } }, Worker(jhtDied), D(2024, 4, 20)).PayeeFailures);

        // Claims: input.
        var placed = Worker(Placed2024());
        f.AddRange(Claims.Assess(new ClaimReport(), placed, Today).Failures);
        f.AddRange(Claims.Assess(new ClaimReport { Type = ClaimType.Death, IncidentOn = Today.AddDays(1), ReportedOn = Today.AddDays(1) }, placed, Today).Failures);
        f.AddRange(Claims.Assess(new ClaimReport { Type = ClaimType.Death, IncidentOn = D(2025, 6, 1), ReportedOn = D(2025, 5, 1) }, placed, Today).Failures);
        f.AddRange(Claims.Assess(new ClaimReport { Type = ClaimType.TreatmentAbroad, IncidentOn = D(2025, 6, 1) }, placed, Today).Failures);
        f.AddRange(Claims.Assess(new ClaimReport { Type = ClaimType.MedicalCare, IncidentOn = D(2025, 6, 1), ClaimedAmount = 0 }, placed, Today).Failures);
        f.AddRange(Claims.Assess(new ClaimReport { Type = ClaimType.FailedDeparture, IncidentOn = D(2025, 6, 1) }, placed, Today).Failures);
        f.AddRange(Claims.Assess(new ClaimReport { Type = ClaimType.JhtWithdrawal, IncidentOn = D(2025, 6, 1) }, placed, Today).Failures);
        f.AddRange(Claims.Assess(new ClaimReport { Type = ClaimType.Death, IncidentOn = D(2025, 6, 1) }, Worker(Placed2024(diedOn: D(2025, 6, 2))), Today).Failures);
        f.AddRange(Claims.CheckOutcome(ClaimType.FailedDeparture, null, null, D(2025, 6, 1), Today));
        f.AddRange(Claims.CheckOutcome(ClaimType.MedicalCare, null, null, D(2025, 6, 1), Today));
        f.AddRange(Claims.CheckOutcome(ClaimType.WorkAccidentDeath, ClaimOutcome.Healed, D(2025, 5, 1), D(2025, 6, 1), Today));
        f.AddRange(Claims.CheckOutcome(ClaimType.MedicalCare, ClaimOutcome.Healed, Today.AddDays(1), D(2025, 6, 1), Today));
        f.AddRange(Claims.CheckOutcome(ClaimType.WorkAccidentDeath, ClaimOutcome.Died, D(2025, 6, 3), D(2025, 6, 1), Today, D(2025, 6, 2)));
        f.AddRange(Claims.CheckReporter(new Reporter(null, null, null), Placed2024(), D(2025, 6, 1)));
        f.AddRange(Claims.CheckReporter(new Reporter(ReporterRole.Mission, "KJRI Hong Kong", "+85200000000"), Placed2024(), D(2024, 2, 1)));

        // Claims: reasons.
        void Reasons(ClaimAssessment a) => f.AddRange(a.Findings.Select(x => x.Failure));
        Reasons(Assess(ClaimType.Death, D(2017, 7, 1), Worker(History(Scheme.Agency, 24, [Pay(PaymentKind.PrePlacement, D(2017, 6, 1))]), registeredOn: D(2017, 5, 1))));
        Reasons(Assess(ClaimType.Rape, D(2020, 3, 1), PlacedOn(D(2019, 6, 1)), reportedOn: D(2023, 1, 1)));
        Reasons(Assess(ClaimType.Death, D(2024, 3, 5), Worker(Placed2024(), registeredOn: D(2024, 3, 6))));
        Reasons(Assess(ClaimType.Death, D(2025, 2, 1), Worker(History(Scheme.Agency, 24, []), registeredOn: D(2025, 1, 10))));
        Reasons(Assess(ClaimType.Death, D(2024, 6, 10), Candidate(D(2024, 1, 10))));
        Reasons(Assess(ClaimType.MedicalCare, D(2025, 3, 1), Worker(History(Scheme.Individual, 24, [Pay(PaymentKind.Placement, D(2025, 1, 20))])), claimed: 1));
        Reasons(Assess(ClaimType.Death, D(2025, 3, 1), Worker(History(Scheme.Individual, 24, []), registeredOn: D(2025, 1, 1))));
        Reasons(Assess(ClaimType.MedicalCare, D(2025, 5, 10), Individual2025(), claimed: 1));
        Reasons(Assess(ClaimType.Death, D(2024, 5, 1), History(Scheme.Agency, 24, [Pay(PaymentKind.PrePlacement, D(2024, 1, 10))], departedOn: D(2024, 3, 1))));
        Reasons(Assess(ClaimType.Death, D(2026, 4, 2), Placed2024()));
        Reasons(Assess(ClaimType.MedicalCare, D(2025, 3, 1), History(Scheme.Individual, 24, [Pay(PaymentKind.Placement, D(2025, 1, 20))], departedOn: D(2025, 2, 1), arrivedOn: D(2025, 2, 1)), claimed: 1));
        Reasons(Assess(ClaimType.Death, D(2024, 4, 16), Candidate(D(2024, 1, 10), failedOn: D(2024, 4, 15))));
        Reasons(Assess(ClaimType.MedicalCare, D(2025, 1, 2), Placed2024(diedOn: D(2025, 1, 1)), claimed: 1));
        Reasons(Assess(ClaimType.JourneyHomeLoss, D(2025, 1, 10), Placed2024(), claimed: 1));
        Reasons(Assess(ClaimType.FailedDeparture, D(2024, 4, 15), Candidate(D(2024, 1, 10)), cause: FailedDepartureCause.AgencyFault));
        Reasons(Assess(ClaimType.FailedDeparture, D(2024, 4, 15), Candidate(D(2024, 1, 10), failedOn: D(2024, 4, 20)), cause: FailedDepartureCause.Other));
        var jht = Candidate(D(2024, 1, 10), null, Pay(PaymentKind.Jht, D(2024, 1, 15), 12, 1_200_000));
        Reasons(Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), jht, trigger: JhtTrigger.Death));
        Reasons(Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), jht, trigger: JhtTrigger.FailedDeparture));
        Reasons(Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), jht, trigger: JhtTrigger.RetirementAge));
        Reasons(Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), Candidate(D(2024, 1, 10)), trigger: JhtTrigger.TotalPermanentDisability));
        Reasons(Assess(ClaimType.JhtWithdrawal, D(2024, 4, 15), Worker(jht) with { Claims = [new ExistingClaim(Guid.NewGuid(), ClaimType.JhtWithdrawal, D(2024, 3, 1), ClaimState.Paid, 1_200_000)] }, trigger: JhtTrigger.TotalPermanentDisability));
        Reasons(Assess(ClaimType.Death, D(2025, 6, 10), placed with { Claims = [new ExistingClaim(Guid.NewGuid(), ClaimType.Death, D(2025, 6, 10), ClaimState.Paid)] }));
        Reasons(Assess(ClaimType.Death, D(2025, 6, 10), placed with { Claims = [new ExistingClaim(Guid.NewGuid(), ClaimType.WorkAccidentDeath, D(2025, 6, 9), ClaimState.Verified)] }));

        // A rule set with no such benefit and none after it (no type is like that today).
        f.Add(RuleFailure.Of("R-CLM-1", "claim.reason.not-in-rule-set", "type", ("type", "claim-type:rape"), ("incidentOn", "2022-10-01"), ("ruleSet", RuleSets.Permenaker18Of2018.Title)));

        // Claims: workflow.
        var death = Claims.Assess(new ClaimReport { Type = ClaimType.Death, IncidentOn = D(2025, 6, 10), ReportedOn = D(2025, 6, 12) }, placed, Today);
        f.AddRange(ClaimWorkflow.Submit(ClaimState.Paid, death).Failures);
        f.Add(ClaimWorkflow.CanChangeDocuments(ClaimState.Approved)!);
        f.AddRange(ClaimWorkflow.Verify(ClaimState.DocumentsComplete, Assess(ClaimType.TreatmentAbroad, D(2025, 2, 10), Placed2024(), claimed: 1), [new ClaimDocumentCheck("receipts", true, false)]).Failures);
        f.AddRange(ClaimWorkflow.Approve(ClaimState.Verified, "a", "a", Assess(ClaimType.TreatmentAbroad, D(2025, 2, 10), Placed2024(), claimed: 1), Placed2024()).Failures);
        f.AddRange(ClaimWorkflow.Pay(ClaimState.Approved, null, null, null, D(2025, 6, 1), Today).Failures);
        f.AddRange(ClaimWorkflow.Pay(ClaimState.Approved, null, "X", Today.AddDays(1), D(2025, 6, 1), Today).Failures);
        f.AddRange(ClaimWorkflow.Pay(ClaimState.Approved, null, "X", D(2025, 5, 1), D(2025, 6, 1), Today).Failures);
        f.AddRange(ClaimWorkflow.Pay(ClaimState.Paid, new ClaimPayment("TRF-1", D(2025, 6, 2)), "TRF-2", D(2025, 6, 2), D(2025, 6, 1), Today).Failures);
        f.Add(ClaimWorkflow.ReferenceUsed("TRF-1"));
        f.AddRange(ClaimWorkflow.Reject(ClaimState.Submitted, null, null).Failures);

        // How amounts were computed.
        var set = RuleSets.Permenaker4Of2023;
        var notes = new[]
        {
            Claims.AmountOf(set.BenefitFor(ClaimType.Rape), set, CoverPhase.Placement, null),
            Claims.AmountOf(set.BenefitFor(ClaimType.Death), set, CoverPhase.Placement, null),
            Claims.AmountOf(set.BenefitFor(ClaimType.Death), set, CoverPhase.Placement, null, funeralOnly: true),
            Claims.AmountOf(set.BenefitFor(ClaimType.HomeCare), set, CoverPhase.Placement, 30_000_000),
            Claims.AmountOf(set.BenefitFor(ClaimType.HomeCare), set, CoverPhase.Placement, 3_000_000),
            Claims.AmountOf(set.BenefitFor(ClaimType.MedicalCare), set, CoverPhase.Placement, 3_000_000),
            Claims.AmountOf(set.BenefitFor(ClaimType.JhtWithdrawal), set, null, null, 1_200_000),
            Claims.AmountOf(set.BenefitFor(ClaimType.JhtWithdrawal), set, null, null, 1_200_000, 200_000),
        };
        f.AddRange(notes.Select(n => n.HowComputed).Select(n => new RuleFailure(n.RuleId, n.Key, null, n.Args)));
        return f;
    }

    /// <summary>Records the argument names a template asks for.</summary>
    private sealed class AskedArgs(IReadOnlyDictionary<string, string> inner) : IReadOnlyDictionary<string, string>
    {
        public List<string> Names { get; } = [];

        public int Count => inner.Count;

        public IEnumerable<string> Keys => inner.Keys;

        public IEnumerable<string> Values => inner.Values;

        public string this[string key] => inner[key];

        public bool ContainsKey(string key) => inner.ContainsKey(key);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
        {
            Names.Add(key);
            return inner.TryGetValue(key, out value);
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => inner.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
