namespace MigrantCover.Domain;

/// <summary>
/// R-CLM-1/6/7: what a claim type is. <see cref="Phases"/> are the phases whose cover the type needs on
/// the incident date (empty for JHT, which needs a trigger instead, R-CLM-11).
/// </summary>
public sealed record ClaimTypeInfo(ClaimType Type, Programme Programme, IReadOnlyList<CoverPhase> Phases, bool TwoStage)
{
    /// <summary>R-CLM-7: JKK claims expire; JKM and JHT claims do not.</summary>
    public bool Expires => Programme == Programme.Jkk;

    /// <summary><c>death</c> and <c>work-accident-death</c> (R-CLM-2: they exclude each other).</summary>
    public bool IsDeath => Type is ClaimType.Death or ClaimType.WorkAccidentDeath;

    /// <summary>R-CLM-10: a cap or the proven cost needs the claimed amount (under the rule set of the incident date).</summary>
    public bool NeedsClaimedAmount(RuleSet? ruleSet) =>
        ruleSet?.BenefitFor(Type).Basis is AmountBasis.Cap or AmountBasis.Claimed;

    public bool Covers(CoverPhase? phase) => phase is { } p && Phases.Contains(p);
}

/// <summary>One item of a claim's checklist (R-CLM-8). <see cref="Report"/>: 1 with the first report, 2 with the second.</summary>
public sealed record ClaimDocument(string Code, int Report = 1, bool Required = true);

/// <summary>R-CLM-1, R-CLM-6, R-CLM-7: the claim types as data.</summary>
public static class ClaimCatalog
{
    private static readonly CoverPhase[] AllPhases = [CoverPhase.PrePlacement, CoverPhase.Placement, CoverPhase.PostPlacement];
    private static readonly CoverPhase[] Placement = [CoverPhase.Placement];

    private static readonly ClaimTypeInfo[] Table =
    [
        // R-CLM-1: death (JKM) in every phase, the amount depends on the phase.
        new(ClaimType.Death, Programme.Jkm, AllPhases, false),

        // R-CLM-6: every JKK type has two stages except failed departure and journey-home loss (Pasal 45).
        new(ClaimType.WorkAccidentDeath, Programme.Jkk, AllPhases, true),
        new(ClaimType.FailedDeparture, Programme.Jkk, [CoverPhase.PrePlacement], false),
        new(ClaimType.TreatmentAbroad, Programme.Jkk, Placement, true),
        new(ClaimType.HomeCare, Programme.Jkk, Placement, true),
        new(ClaimType.Rape, Programme.Jkk, AllPhases, true),
        new(ClaimType.PlacedAgainstAgreement, Programme.Jkk, Placement, true),
        new(ClaimType.JourneyHomeLoss, Programme.Jkk, [CoverPhase.PostPlacement], false),
        new(ClaimType.UnilateralTermination, Programme.Jkk, Placement, true),
        new(ClaimType.TotalPermanentDisability, Programme.Jkk, AllPhases, true),
        new(ClaimType.MedicalCare, Programme.Jkk, AllPhases, true),

        // R-CLM-11: any phase, on a trigger.
        new(ClaimType.JhtWithdrawal, Programme.Jht, [], false),
    ];

    public static IReadOnlyList<ClaimTypeInfo> All => Table;

    public static ClaimTypeInfo Of(ClaimType type) => Table[(int)type];

    /// <summary>
    /// R-CLM-7: the last valid report day, <c>t + N years − 1 day</c> with N of the rule set in force
    /// on <paramref name="incidentOn"/> (5 under 4/2023, 2 before). Null for JKM and JHT (no expiry) and
    /// before the first rule set.
    /// </summary>
    public static DateOnly? LastReportOn(ClaimType type, DateOnly incidentOn)
    {
        if (!Of(type).Expires || RuleSets.For(incidentOn) is not { } ruleSet)
        {
            return null;
        }

        // §8 arithmetic: calendar months (29 February + 5 years = 28 February), then the day before.
        return Coverage.EndAfterMonths(incidentOn, 12 * ruleSet.JkkClaimExpiryYears);
    }
}

/// <summary>R-CLM-8: the default checklists (data an admin may change in the web layer).</summary>
public static class ClaimDocuments
{
    // Codes of every default item; RuleText.ClaimDocumentLabel renders them.
    public const string MembershipCard = "membership-card";
    public const string DeceasedId = "deceased-id";
    public const string PayeeId = "payee-id";
    public const string FamilyCard = "family-card";
    public const string DeathCertificate = "death-certificate";
    public const string HeirCertificate = "heir-certificate";
    public const string PayeeSavingsBook = "payee-savings-book";
    public const string LeaveLetter = "leave-letter";
    public const string Passport = "passport";
    public const string EmployerStatement = "employer-statement";
    public const string MedicalSummary = "medical-summary";
    public const string Receipts = "receipts";
    public const string PayeeAccount = "payee-account";
    public const string IdOrPassport = "id-or-passport";
    public const string DoctorLetter = "doctor-letter";
    public const string CauseStatement = "cause-statement";
    public const string LossReport = "loss-report";
    public const string IdCard = "id-card";
    public const string DisabilityStatement = "disability-statement";

    public static IReadOnlyList<string> AllCodes { get; } =
    [
        MembershipCard, DeceasedId, PayeeId, FamilyCard, DeathCertificate, HeirCertificate, PayeeSavingsBook, LeaveLetter,
        Passport, EmployerStatement, MedicalSummary, Receipts, PayeeAccount, IdOrPassport, DoctorLetter, CauseStatement,
        LossReport, IdCard, DisabilityStatement,
    ];

    /// <summary>
    /// R-CLM-8: the default checklist of a claim of <paramref name="type"/> whose incident falls in
    /// <paramref name="phase"/> (null when no phase is known: the type's only phase, else the list
    /// for outside placement). <paramref name="trigger"/> for <c>jht-withdrawal</c>.
    /// </summary>
    public static IReadOnlyList<ClaimDocument> Default(ClaimType type, CoverPhase? phase, JhtTrigger? trigger = null)
    {
        var info = ClaimCatalog.Of(type);
        var p = phase ?? (info.Phases.Count == 1 ? info.Phases[0] : null);
        var list = new List<ClaimDocument>();
        switch (type)
        {
            case ClaimType.Death:
                // Pasal 57: the heir's papers; the leave letter only for a death on leave in Indonesia during placement.
                list.Add(new(MembershipCard));
                list.Add(new(DeceasedId));
                AddHeirDocuments(list, 1);
                if (p == CoverPhase.Placement)
                {
                    list.Add(new(LeaveLetter, 1, Required: false));
                }

                break;

            case ClaimType.FailedDeparture:
                list.AddRange([new(MembershipCard), new(IdOrPassport), new(CauseStatement), new(PayeeAccount)]);
                break;

            case ClaimType.JourneyHomeLoss:
                list.AddRange([new(MembershipCard), new(IdOrPassport), new(LossReport), new(PayeeAccount)]);
                break;

            case ClaimType.JhtWithdrawal:
                // Pasal 60: by trigger, the death certificate and heir documents, or the doctor's statement.
                list.AddRange([new(MembershipCard), new(IdCard)]);
                if (trigger == JhtTrigger.Death)
                {
                    AddHeirDocuments(list, 1);
                }
                else
                {
                    list.Add(new(PayeeAccount));
                    if (trigger == JhtTrigger.TotalPermanentDisability)
                    {
                        list.Add(new(DisabilityStatement));
                    }
                }

                break;

            default:
                AddWorkAccident(list, info, p);
                break;
        }

        return list;
    }

    private static void AddWorkAccident(List<ClaimDocument> list, ClaimTypeInfo info, CoverPhase? phase)
    {
        var second = info.TwoStage ? 2 : 1;
        var death = info.Type == ClaimType.WorkAccidentDeath;
        if (phase == CoverPhase.Placement)
        {
            // Pasal 50: during placement.
            list.AddRange([new(MembershipCard), new(Passport), new(EmployerStatement), new(MedicalSummary), new(Receipts, second)]);
        }
        else
        {
            // Before or after placement: the doctor's letter with the first report, the rest with the second.
            list.AddRange([new(MembershipCard), new(IdOrPassport), new(DoctorLetter), new(Receipts, second)]);
        }

        if (death)
        {
            // "Add the heir documents of death": the savings book in the payee's name is the payee's account.
            AddHeirDocuments(list, second);
        }
        else
        {
            list.Add(new(PayeeAccount, second));
        }
    }

    private static void AddHeirDocuments(List<ClaimDocument> list, int report)
    {
        list.AddRange(
        [
            new(PayeeId, report), new(FamilyCard, report), new(DeathCertificate, report), new(HeirCertificate, report),
            new(PayeeSavingsBook, report),
        ]);
    }
}
