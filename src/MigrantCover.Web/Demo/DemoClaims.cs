using MigrantCover.Web.Features.Claims;
using MigrantCover.Web.Features.Workers;

namespace MigrantCover.Web.Demo;

/// <summary>
/// Heirs for most demo workers and a few hundred claims of every type in every state (issue 16), built
/// with the rule book's own computations, as the pages and API would: <see cref="Claims.Assess"/> on the
/// report day, <see cref="ClaimWorkflow"/> for each step on its own day (outcome, checklist, verify by the
/// demo officer, approve by the demo admin — four eyes, R-CLM-9 —, pay with a reference, reject), the
/// amount frozen at approval (R-CLM-10). A step the rule book refuses, or whose time has not come yet, is
/// not taken: the claim stays where it is. Each step taken is kept as a <see cref="ClaimHistoryStep"/>
/// (who, when, what it changed), so that the claim's history is written by the audit of every save
/// (<see cref="AppDbContext.AddClaim"/>). Pure: it fills the workers' rows in memory; the seeder saves them.
/// </summary>
/// <param name="now">Steps after this moment are not taken (default: the end of <paramref name="today"/>).</param>
public sealed class DemoClaims(DateOnly today, DemoClaims.Staff verifier, DemoClaims.Staff approver, int seed = 16, DateTimeOffset? now = null)
{
    /// <summary>A demo account as a request's audit records it (HttpAuditActor): the account's id and its e-mail.</summary>
    public sealed record Staff(string Id, string Name) : IAuditActor;

    /// <summary>A claim as it was reported, and its history: the report, then every step taken (for AppDbContext.AddClaim).</summary>
    public sealed record Recorded(BenefitClaim AsReported, IReadOnlyList<ClaimHistoryStep> History);

    private static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    private static readonly string[] Names = ["Suparman", "Sumiati", "Kasno", "Warsini", "Rudi", "Yanti", "Slamet", "Partini", "Dimas", "Ayu", "Nanang", "Lestari"];

    private static readonly ClaimType[] PlacementTypes =
    [
        ClaimType.TreatmentAbroad, ClaimType.HomeCare, ClaimType.Rape, ClaimType.PlacedAgainstAgreement,
        ClaimType.UnilateralTermination, ClaimType.TotalPermanentDisability, ClaimType.MedicalCare,
    ];

    private readonly Random _random = new(seed);

    private readonly DateTimeOffset _now = now ?? new DateTimeOffset(today.ToDateTime(TimeOnly.MaxValue), Wib);

    public List<Heir> Heirs { get; } = [];

    /// <summary>The claims as their last step left them.</summary>
    public List<BenefitClaim> Claims { get; } = [];

    /// <summary>The same claims as reported, each with its history (the seeder saves these).</summary>
    public List<Recorded> Histories { get; } = [];

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
        CreatedBy = verifier.Name,
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

        // Reported by the demo officer (R-CLM-5), in the morning of the report day.
        var c = ClaimActions.NewClaim(report, a, w.Id, heirs, payee, verifier.Name);
        var reportedAt = At(reportedOn, 8);
        var history = new List<ClaimHistoryStep> { ClaimHistoryStep.Report(verifier, reportedAt < _now ? reportedAt : _now) };
        Histories.Add(new Recorded(c.Copy(), history));
        Carry(c, w, heirs, others, a, reportedOn, history);
        return c;
    }

    // The claim's way from its report, one step every few days, as far as its target and the clock allow. Each
    // step changes the claim as the request of that step would (ClaimActions.Handler), by the account that
    // makes it (the demo officer; the approval by the demo admin), and is kept in the claim's history.
    private void Carry(BenefitClaim c, Worker w, List<Heir> heirs, List<ExistingClaim> others, ClaimAssessment atReport, DateOnly reportedOn, List<ClaimHistoryStep> history)
    {
        var roll = _random.Next(100);
        var day = reportedOn;
        bool Next(int max)
        {
            day = day.AddDays(_random.Next(1, max));
            return day <= today;
        }

        // One step on the current day, at about the hour given (WIB); not taken while that time is to come.
        bool Take(Staff by, int hour, Action<BenefitClaim, DateTimeOffset> change, string? reason = null)
        {
            var at = At(day, hour);
            if (at > _now)
            {
                return false;
            }

            void Change(BenefitClaim x) => change(x, at);
            Change(c);
            history.Add(new ClaimHistoryStep(by, at, Change, reason));
            return true;
        }

        // R-CLM-9: rejected by the demo officer with a reason and its text (the audit's reason, as the reject request gives it).
        void Reject(RejectionReason reason, string text)
        {
            var step = ClaimWorkflow.Reject(c.State, reason, text);
            if (step.Succeeded)
            {
                Take(verifier, 13, (x, _) =>
                {
                    x.State = step.State;
                    x.RejectionReason = reason;
                    x.RejectionText = text;
                }, text);
            }
        }

        ClaimAssessment Fresh() => Domain.Claims.Assess(ClaimActions.ReportOf(c, heirs), ClaimActions.WorkerFacts(w, heirs, others), day);

        if (!atReport.Eligible)
        {
            // Not eligible: most are rejected with the reason the assessment suggests, some still wait.
            if (roll < 75 && Next(10))
            {
                Reject(Domain.Claims.RejectionFor(atReport.Reason!.Value), RuleText.Format(atReport.ReasonText!, "id"));
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

            // R-CLM-6: the second report, by the demo officer.
            var outcome = c.Type switch
            {
                ClaimType.WorkAccidentDeath => ClaimOutcome.Died,
                ClaimType.TotalPermanentDisability => ClaimOutcome.Disabled,
                _ => ClaimOutcome.Healed,
            };
            var outcomeOn = c.Type == ClaimType.WorkAccidentDeath ? w.DiedOn ?? c.IncidentOn : Min(c.IncidentOn.AddDays(_random.Next(3, 30)), day);
            var step = ClaimWorkflow.RecordOutcome(c.State, c.Type, outcome, outcomeOn, c.IncidentOn, day, w.DiedOn);
            if (!step.Succeeded || !Take(verifier, 9, (x, _) =>
                {
                    x.Outcome = outcome;
                    x.OutcomeOn = outcomeOn;
                    x.State = ClaimWorkflow.SettleDocuments(step.State, ClaimActions.Checklist(x));
                }))
            {
                return;
            }
        }

        if (target == ClaimState.Rejected)
        {
            if (Next(20))
            {
                Reject(RejectionReason.Other, "Keluarga menarik kembali klaim setelah penjelasan petugas.");
            }

            return;
        }

        if (target == ClaimState.Submitted || !Next(20))
        {
            return;
        }

        // The checklist in one form, as on the claim's page (R-CLM-8): every item verified (the optional
        // ones too, most of the time), each with its reference, by the demo officer.
        var items = c.Documents.Where(d => d.Required || _random.Next(100) < 60)
            .Select(d => (d.Code, Reference: d.Code switch
            {
                "death-certificate" => $"AKTA-{_random.Next(100000, 999999)}",
                _ => $"DOK-{_random.Next(10000, 99999)}",
            }))
            .ToList();
        if (!Take(verifier, 10, (x, at) =>
            {
                foreach (var (code, reference) in items)
                {
                    var d = x.Documents.Single(i => i.Code == code);
                    d.Verified = true;
                    d.Reference = reference;
                    d.VerifiedBy = verifier.Name;
                    d.VerifiedAt = at;
                }

                x.State = ClaimWorkflow.SettleDocuments(x.State, ClaimActions.Checklist(x));
            }))
        {
            return;
        }

        if (target == ClaimState.DocumentsComplete || !Next(10))
        {
            return;
        }

        // Verify (the certificate's heirs are the recorded ones), by the demo officer; the facts are tried
        // first and put back when refused, as the verify request does.
        var certificate = string.Join(',', heirs.Select(h => Codes.Of(h.Relationship)));
        var guardian = c.GuardianName;
        if (c.PayeeHeirId is { } payeeId && heirs.Find(h => h.Id == payeeId) is { } payee && payee.DateOfBirth.AddYears(18) > day)
        {
            guardian = heirs.Find(h => h.Relationship == HeirRelationship.Spouse)?.FullName ?? "Wali " + payee.FullName;
        }

        var before = (c.CertificateHeirs, c.GuardianName);
        (c.CertificateHeirs, c.GuardianName) = (certificate, guardian);
        var verified = ClaimWorkflow.Verify(c.State, Fresh(), ClaimActions.Checklist(c));
        (c.CertificateHeirs, c.GuardianName) = before;
        if (!verified.Succeeded || !Take(verifier, 11, (x, at) =>
            {
                x.CertificateHeirs = certificate;
                x.GuardianName = guardian;
                x.State = verified.State;
                x.VerifiedBy = verifier.Id;
                x.VerifiedByName = verifier.Name;
                x.VerifiedAt = at;
            }))
        {
            return;
        }

        if (target == ClaimState.Verified || !Next(10))
        {
            return;
        }

        // Approve, by the demo admin: never the verifier (R-CLM-9); the amount is frozen (R-CLM-10).
        var approval = ClaimWorkflow.Approve(c.State, c.VerifiedBy, approver.Id, Fresh(), WorkerCoverage.HistoryOf(w, w.Payments));
        var approvedOn = day;
        if (!approval.Succeeded || approval.RecordDeceasedOn is not null
            || !Take(approver, 14, (x, at) => ClaimActions.RecordApproval(x, approval, approver.Id, approver.Name, at, approvedOn)))
        {
            return;
        }

        if (target == ClaimState.Approved || !Next(14))
        {
            return;
        }

        // Paid with BPJS's reference (R-PAY-2), recorded by the demo officer.
        var reference = $"BPJS-KLM-{day:yyyyMMdd}-{_random.Next(0, int.MaxValue):X8}";
        var paidOn = day;
        var pay = ClaimWorkflow.Pay(c.State, null, reference, paidOn, approvedOn, paidOn);
        if (pay.Outcome is ClaimPayOutcome.Refused or ClaimPayOutcome.Conflict)
        {
            return;
        }

        Take(verifier, 15, (x, _) =>
        {
            x.State = pay.State;
            x.PaymentReference = reference;
            x.PaidOn = paidOn;
        });
    }

    // A time on the given day at about the given hour, in Indonesian western time.
    private DateTimeOffset At(DateOnly day, int hour) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, _random.Next(0, 60))), Wib).ToUniversalTime();

    // R-HEIR-2: the family names an heir of the highest class on the certificate (the first of its rank).
    private static Heir? Payee(List<Heir> heirs, DateOnly on) =>
        heirs.OrderBy(h => Domain.Heirs.ClassOf(h.Relationship)).ThenBy(h => Domain.Heirs.RankInClass(h.Relationship))
            .ThenBy(h => h.DateOfBirth.AddYears(18) > on ? 1 : 0).FirstOrDefault();

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
