using MigrantCover.Web.Features.Claims;
using MigrantCover.Web.Features.Workers;

namespace MigrantCover.Web.Demo;

/// <summary>
/// Heirs for most demo workers and a few hundred claims of every type in every state (issue 16), built
/// with the rule book's own computations, as the pages and API would: <see cref="Claims.Assess"/> on the
/// report day, <see cref="ClaimWorkflow"/> for each step on its own day (outcome, checklist, verify by the
/// demo officer, approve by the demo admin — four eyes, R-CLM-9 —, pay with a reference, reject), the
/// amount frozen at approval (R-CLM-10). A step the rule book refuses is not taken: the claim stays where
/// it is. Pure: it fills the workers' rows in memory; the seeder saves them.
/// </summary>
public sealed class DemoClaims(DateOnly today, DemoClaims.Staff verifier, DemoClaims.Staff approver, int seed = 16)
{
    public sealed record Staff(string Id, string Name);

    private static readonly string[] Names = ["Suparman", "Sumiati", "Kasno", "Warsini", "Rudi", "Yanti", "Slamet", "Partini", "Dimas", "Ayu", "Nanang", "Lestari"];

    private static readonly ClaimType[] PlacementTypes =
    [
        ClaimType.TreatmentAbroad, ClaimType.HomeCare, ClaimType.Rape, ClaimType.PlacedAgainstAgreement,
        ClaimType.UnilateralTermination, ClaimType.TotalPermanentDisability, ClaimType.MedicalCare,
    ];

    private readonly Random _random = new(seed);

    public List<Heir> Heirs { get; } = [];

    public List<BenefitClaim> Claims { get; } = [];

    /// <summary>Adds heirs to about two workers in three (every worker who died has some) and the claims her story allows.</summary>
    public void Add(Worker w)
    {
        var heirs = w.DiedOn is not null || _random.Next(100) < 65 ? HeirsOf(w) : [];
        Heirs.AddRange(heirs);
        var existing = new List<BenefitClaim>();
        foreach (var (type, incident, cause, trigger) in Incidents(w))
        {
            var claim = Claim(w, heirs, existing, type, incident, cause, trigger);
            if (claim is not null)
            {
                existing.Add(claim);
                Claims.Add(claim);
            }
        }
    }

    private List<Heir> HeirsOf(Worker w)
    {
        var heirs = new List<Heir>();
        var married = _random.Next(100) < 70;
        if (married)
        {
            var sex = w.Sex == Sex.Female ? Sex.Male : Sex.Female;
            heirs.Add(NewHeir(w, HeirRelationship.Spouse, sex, w.DateOfBirth.AddYears(_random.Next(-6, 4)).AddDays(_random.Next(0, 300))));
            for (var i = _random.Next(0, 3); i > 0; i--)
            {
                var born = w.DateOfBirth.AddYears(_random.Next(20, 30)).AddDays(_random.Next(0, 365));
                if (born < today)
                {
                    heirs.Add(NewHeir(w, HeirRelationship.Child, _random.Next(2) == 0 ? Sex.Female : Sex.Male, born));
                }
            }
        }

        if (!married || _random.Next(100) < 40)
        {
            heirs.Add(NewHeir(w, HeirRelationship.Parent, _random.Next(2) == 0 ? Sex.Female : Sex.Male, w.DateOfBirth.AddYears(-_random.Next(20, 32)).AddDays(-_random.Next(0, 365))));
        }

        return heirs;
    }

    private Heir NewHeir(Worker w, HeirRelationship relationship, Sex sex, DateOnly dateOfBirth) => new()
    {
        Id = Guid.CreateVersion7(),
        WorkerId = w.Id,
        FullName = Names[_random.Next(Names.Length)] + " " + w.FullName.Split(' ')[0],
        Relationship = relationship,
        Sex = sex,
        DateOfBirth = dateOfBirth,
        Phone = $"+628{_random.Next(11, 99)}{_random.Next(1000000, 9999999)}",
        CreatedAt = new DateTimeOffset(w.RegisteredOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
        CreatedBy = "demo",
    };

    // What may have happened to this worker: her death, her failed departure, an incident during placement.
    private IEnumerable<(ClaimType Type, DateOnly Incident, FailedDepartureCause? Cause, JhtTrigger? Trigger)> Incidents(Worker w)
    {
        var jht = w.Payments.Exists(p => p.Kind == PaymentKind.Jht);
        if (w.DiedOn is { } died)
        {
            // Death and work-accident death exclude each other (docs/claims.md): one of them.
            if (_random.Next(100) < 35 && w.DepartedOn is { } departed && died > departed)
            {
                yield return (ClaimType.WorkAccidentDeath, Max(departed.AddDays(1), died.AddDays(-_random.Next(0, 10))), null, null);
            }
            else
            {
                yield return (ClaimType.Death, died, null, null);
            }

            if (jht)
            {
                yield return (ClaimType.JhtWithdrawal, died, null, JhtTrigger.Death);
            }

            yield break;
        }

        if (w.FailedDepartureOn is { } failed)
        {
            if (_random.Next(100) < 60)
            {
                var cause = _random.Next(100) switch
                {
                    < 35 => FailedDepartureCause.VisaRefused,
                    < 65 => FailedDepartureCause.EmployerWithdrew,
                    < 80 => FailedDepartureCause.MedicalAfterPayment,
                    < 90 => FailedDepartureCause.Other,
                    _ => FailedDepartureCause.CandidateFault,
                };
                yield return (ClaimType.FailedDeparture, failed, cause, null);
            }

            yield break;
        }

        if (w.DepartedOn is not { } from || _random.Next(100) >= 22)
        {
            yield break;
        }

        var until = Min(w.ArrivedOn ?? today, today.AddDays(-3));
        if (w.ArrivedOn is { } arrived && _random.Next(100) < 20)
        {
            // Belongings lost on the way home, reported after the return.
            yield return (ClaimType.JourneyHomeLoss, arrived, null, null);
            yield break;
        }

        if (until <= from.AddDays(2))
        {
            yield break;
        }

        var type = PlacementTypes[_random.Next(PlacementTypes.Length)];
        var incident = from.AddDays(_random.Next(1, until.DayNumber - from.DayNumber));
        yield return (type, incident, null, null);
        if (type == ClaimType.TotalPermanentDisability && jht)
        {
            yield return (ClaimType.JhtWithdrawal, incident, null, JhtTrigger.TotalPermanentDisability);
        }
    }

    private BenefitClaim? Claim(Worker w, List<Heir> heirs, List<BenefitClaim> existing, ClaimType type, DateOnly incident, FailedDepartureCause? cause, JhtTrigger? trigger)
    {
        var reportedOn = Min(incident.AddDays(_random.Next(1, 45)), today);
        var ruleSet = RuleSets.For(incident);
        long? claimed = ruleSet?.BenefitFor(type).Basis is AmountBasis.Cap or AmountBasis.Claimed
            ? (_random.Next(100) < 85 ? _random.Next(5, 300) * 250_000L : _random.Next(300, 1200) * 250_000L)
            : null;
        var death = type is ClaimType.Death or ClaimType.WorkAccidentDeath || trigger == JhtTrigger.Death;
        var reporter = death
            ? new Reporter(ReporterRole.Family, heirs.Count > 0 ? heirs[0].FullName : "Keluarga " + w.FullName, heirs.Count > 0 ? heirs[0].Phone : w.Phone)
            : type == ClaimType.FailedDeparture
                ? new Reporter(ReporterRole.Candidate, w.FullName, w.Phone)
                : new Reporter(ReporterRole.Worker, w.FullName, w.Phone);
        var payee = death ? Payee(heirs, reportedOn) : null;
        var report = new ClaimReport(type, incident, reportedOn, claimed, cause, trigger, reporter);
        var others = existing.Select(ClaimActions.Existing).ToList();
        var a = Domain.Claims.Assess(report, ClaimActions.WorkerFacts(w, heirs, others), reportedOn);
        if (a.Failures.Count > 0 || a.Expired || a.DuplicateOf is not null || a.Type is null || a.Programme is null)
        {
            return null;
        }

        var c = ClaimActions.NewClaim(report, a, w.Id, heirs, payee, verifier.Name);
        Carry(c, w, heirs, others, a, reportedOn);
        return c;
    }

    // The claim's way from its report, one step every few days, as far as its target and today allow.
    private void Carry(BenefitClaim c, Worker w, List<Heir> heirs, List<ExistingClaim> others, ClaimAssessment atReport, DateOnly reportedOn)
    {
        var roll = _random.Next(100);
        var day = reportedOn;
        bool Next(int max)
        {
            day = day.AddDays(_random.Next(1, max));
            return day <= today;
        }

        ClaimAssessment Fresh() => Domain.Claims.Assess(ClaimActions.ReportOf(c, heirs), ClaimActions.WorkerFacts(w, heirs, others), day);
        DateTimeOffset At(int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, _random.Next(0, 60))), TimeSpan.FromHours(7)).ToUniversalTime();

        if (!atReport.Eligible)
        {
            // Not eligible: most are rejected with the reason the assessment suggests, some still wait.
            if (roll < 75 && Next(10))
            {
                Reject(c, Domain.Claims.RejectionFor(atReport.Reason!.Value), RuleText.Format(atReport.ReasonText!, "id"));
            }

            return;
        }

        // Targets: a share of the claims stops at each state (a late report day stops them earlier still).
        var target = roll switch
        {
            < 8 => ClaimState.AwaitingOutcome,
            < 18 => ClaimState.Submitted,
            < 28 => ClaimState.DocumentsComplete,
            < 38 => ClaimState.Verified,
            < 50 => ClaimState.Approved,
            < 92 => ClaimState.Paid,
            _ => ClaimState.Rejected,
        };
        if (c.State == ClaimState.AwaitingOutcome)
        {
            if (target == ClaimState.AwaitingOutcome || !Next(40))
            {
                return;
            }

            var outcome = c.Type switch
            {
                ClaimType.WorkAccidentDeath => ClaimOutcome.Died,
                ClaimType.TotalPermanentDisability => ClaimOutcome.Disabled,
                _ => ClaimOutcome.Healed,
            };
            var outcomeOn = c.Type == ClaimType.WorkAccidentDeath ? w.DiedOn ?? c.IncidentOn : Min(c.IncidentOn.AddDays(_random.Next(3, 30)), day);
            var step = ClaimWorkflow.RecordOutcome(c.State, c.Type, outcome, outcomeOn, c.IncidentOn, day, w.DiedOn);
            if (!step.Succeeded)
            {
                return;
            }

            c.Outcome = outcome;
            c.OutcomeOn = outcomeOn;
            c.State = ClaimWorkflow.SettleDocuments(step.State, ClaimActions.Checklist(c));
        }

        if (target == ClaimState.Rejected)
        {
            if (Next(20))
            {
                Reject(c, RejectionReason.Other, "Keluarga menarik kembali klaim setelah penjelasan petugas.");
            }

            return;
        }

        if (target == ClaimState.Submitted || !Next(20))
        {
            return;
        }

        // The checklist: every item verified (the optional ones too, most of the time).
        foreach (var d in c.Documents.Where(d => d.Required || _random.Next(100) < 60))
        {
            d.Verified = true;
            d.Reference = d.Code switch
            {
                "death-certificate" => $"AKTA-{_random.Next(100000, 999999)}",
                _ => $"DOK-{_random.Next(10000, 99999)}",
            };
            d.VerifiedBy = verifier.Name;
            d.VerifiedAt = At(10);
        }

        c.State = ClaimWorkflow.SettleDocuments(c.State, ClaimActions.Checklist(c));
        if (target == ClaimState.DocumentsComplete || !Next(10))
        {
            return;
        }

        // Verify (the certificate's heirs are the recorded ones), by the demo officer.
        c.CertificateHeirs = string.Join(',', heirs.Select(h => Codes.Of(h.Relationship)));
        if (c.PayeeHeirId is { } payeeId && heirs.Find(h => h.Id == payeeId) is { } payee && payee.DateOfBirth.AddYears(18) > day)
        {
            c.GuardianName = heirs.Find(h => h.Relationship == HeirRelationship.Spouse)?.FullName ?? "Wali " + payee.FullName;
        }

        var verified = ClaimWorkflow.Verify(c.State, Fresh(), ClaimActions.Checklist(c));
        if (!verified.Succeeded)
        {
            c.CertificateHeirs = null;
            c.GuardianName = null;
            return;
        }

        c.State = verified.State;
        c.VerifiedBy = verifier.Id;
        c.VerifiedByName = verifier.Name;
        c.VerifiedAt = At(11);
        if (target == ClaimState.Verified || !Next(10))
        {
            return;
        }

        // Approve, by the demo admin: never the verifier (R-CLM-9); the amount is frozen (R-CLM-10).
        var approval = ClaimWorkflow.Approve(c.State, c.VerifiedBy, approver.Id, Fresh(), WorkerCoverage.HistoryOf(w, w.Payments));
        if (!approval.Succeeded || approval.RecordDeceasedOn is not null)
        {
            return;
        }

        ClaimActions.RecordApproval(c, approval, approver.Id, approver.Name, At(14), day);
        var approvedOn = day;
        if (target == ClaimState.Approved || !Next(14))
        {
            return;
        }

        var reference = $"BPJS-KLM-{day:yyyyMMdd}-{_random.Next(0, int.MaxValue):X8}";
        var pay = ClaimWorkflow.Pay(c.State, null, reference, day, approvedOn, day);
        if (pay.Outcome is ClaimPayOutcome.Refused or ClaimPayOutcome.Conflict)
        {
            return;
        }

        c.State = pay.State;
        c.PaymentReference = reference;
        c.PaidOn = day;
    }

    private static void Reject(BenefitClaim c, RejectionReason reason, string text)
    {
        var step = ClaimWorkflow.Reject(c.State, reason, text);
        if (step.Succeeded)
        {
            c.State = step.State;
            c.RejectionReason = reason;
            c.RejectionText = text;
        }
    }

    // R-HEIR-2: the family names an heir of the highest class on the certificate (the first of its rank).
    private static Heir? Payee(List<Heir> heirs, DateOnly on) =>
        heirs.OrderBy(h => Domain.Heirs.ClassOf(h.Relationship)).ThenBy(h => Domain.Heirs.RankInClass(h.Relationship))
            .ThenBy(h => h.DateOfBirth.AddYears(18) > on ? 1 : 0).FirstOrDefault();

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
