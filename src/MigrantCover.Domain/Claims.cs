namespace MigrantCover.Domain;

/// <summary>R-CLM-5: who reported the claim.</summary>
public sealed record Reporter(ReporterRole? Role, string? Name, string? Contact);

/// <summary>
/// A claim as reported (the body of the assess and report endpoints, typed; anything may be missing).
/// Re-assessing a recorded claim (verify, approve) sends the same facts with <see cref="ClaimId"/>,
/// its <see cref="Outcome"/> and the <see cref="Payee"/>.
/// </summary>
/// <param name="Type">The claim type (R-CLM-1).</param>
/// <param name="IncidentOn">The incident date <c>t</c>: the death, the accident, the failed departure, the loss, the end of employment.</param>
/// <param name="ReportedOn">The first report (R-CLM-7 counts from it); null means today.</param>
/// <param name="ClaimedAmount">The proven cost, for <c>cap</c> and <c>claimed</c> types (R-CLM-10).</param>
/// <param name="Cause">R-CLM-4, for <c>failed-departure</c>.</param>
/// <param name="Trigger">R-CLM-11, for <c>jht-withdrawal</c>.</param>
/// <param name="Reporter">R-CLM-5; optional for the assessment alone.</param>
public sealed record ClaimReport(
    ClaimType? Type = null,
    DateOnly? IncidentOn = null,
    DateOnly? ReportedOn = null,
    long? ClaimedAmount = null,
    FailedDepartureCause? Cause = null,
    JhtTrigger? Trigger = null,
    Reporter? Reporter = null)
{
    /// <summary>R-CLM-6: the second report of a two-stage type.</summary>
    public ClaimOutcome? Outcome { get; init; }

    public DateOnly? OutcomeOn { get; init; }

    /// <summary>R-HEIR-4/5: the payee of a death benefit, once chosen (verification).</summary>
    public PayeeFacts? Payee { get; init; }

    /// <summary>The claim itself when it is recorded already, left out of the duplicate checks.</summary>
    public Guid? ClaimId { get; init; }
}

/// <summary>Another claim of the same worker, as the duplicate and JHT balance checks need it.</summary>
public readonly record struct ExistingClaim(Guid Id, ClaimType Type, DateOnly IncidentOn, ClaimState State, long? FrozenAmount = null);

/// <summary>The worker a claim is about: coverage history, registration, date of birth, other claims, heirs.</summary>
public sealed record ClaimWorker(CoverageHistory History, DateOnly RegisteredOn, DateOnly DateOfBirth)
{
    public IReadOnlyList<ExistingClaim> Claims { get; init; } = [];

    /// <summary>Relationships of the heirs recorded up front that have not ended (R-HEIR-3).</summary>
    public IReadOnlyList<HeirRelationship> RecordedHeirs { get; init; } = [];
}

/// <summary>An explanation (not a failure): rule, message key and arguments, rendered by <see cref="RuleText.Format(RuleNote, string?)"/>.</summary>
public sealed record RuleNote(string RuleId, string Key, IReadOnlyDictionary<string, string> Args);

/// <summary>
/// R-CLM-10: an amount with everything that explains it. Frozen at approval: store these fields, and
/// <see cref="HowComputed"/> renders the same sentence years later.
/// </summary>
public sealed record ClaimAmount(
    long Amount,
    AmountBasis Basis,
    string RuleSetId,
    CoverPhase? Phase,
    long? Cap = null,
    long? ClaimedAmount = null,
    long? Contributions = null,
    long? Withdrawn = null,
    bool FuneralOnly = false)
{
    public RuleNote HowComputed
    {
        get
        {
            var ruleSet = RuleSets.ById(RuleSetId)?.Title ?? RuleSetId;
            var args = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["amount"] = Arg.Money(Amount),
                ["ruleSet"] = ruleSet,
            };
            string key;
            var ruleId = "R-CLM-10";
            if (FuneralOnly)
            {
                ruleId = "R-HEIR-5";
                key = "claim.amount.funeral-only";
            }
            else
            {
                switch (Basis)
                {
                    case AmountBasis.Cap:
                        args["cap"] = Arg.Money(Cap ?? 0);
                        args["claimedAmount"] = Arg.Money(ClaimedAmount ?? 0);
                        key = ClaimedAmount > Cap ? "claim.amount.cap-applied" : "claim.amount.cap-within";
                        break;
                    case AmountBasis.Claimed:
                        key = "claim.amount.claimed";
                        break;
                    case AmountBasis.Balance:
                        ruleId = "R-CLM-11";
                        args["contributions"] = Arg.Money(Contributions ?? 0);
                        args["withdrawn"] = Arg.Money(Withdrawn ?? 0);
                        key = Withdrawn > 0 ? "claim.amount.balance-after-withdrawal" : "claim.amount.balance";
                        break;
                    default:
                        key = Phase is { } p ? "claim.amount.fixed-phase" : "claim.amount.fixed";
                        if (Phase is { } phase)
                        {
                            args["phase"] = ClaimArg.Label(phase);
                        }

                        break;
                }
            }

            return new RuleNote(ruleId, key, args);
        }
    }
}

/// <summary>One reason a claim is not eligible, with its text (rule ID, message key, arguments).</summary>
public sealed record ClaimFinding(ClaimReason Reason, RuleFailure Failure);

/// <summary>
/// The pre-assessment of a claim (what <c>POST /api/v1/claims/assess</c> answers) and the basis of
/// every later guard. When <see cref="Failures"/> is not empty the input itself is wrong (400) and
/// nothing else is computed.
/// </summary>
public sealed class ClaimAssessment
{
    /// <summary>Wrong or missing input, keyed by field: the caller fixes these first.</summary>
    public IReadOnlyList<RuleFailure> Failures { get; init; } = [];

    public bool IsValid => Failures.Count == 0;

    public ClaimType? Type { get; init; }

    public DateOnly? IncidentOn { get; init; }

    public DateOnly? ReportedOn { get; init; }

    public bool Eligible { get; init; }

    /// <summary>The first of <see cref="Findings"/>; null when eligible.</summary>
    public ClaimReason? Reason => Findings.Count > 0 ? Findings[0].Reason : null;

    /// <summary>The plain-words text of <see cref="Reason"/>: what it means and what to do.</summary>
    public RuleFailure? ReasonText => Findings.Count > 0 ? Findings[0].Failure : null;

    /// <summary>Every reason that holds, most fundamental first (see docs/claims.md).</summary>
    public IReadOnlyList<ClaimFinding> Findings { get; init; } = [];

    public IReadOnlyList<string> RuleIds { get; init; } = [];

    public Programme? Programme { get; init; }

    /// <summary>The phase of the type's programme on the incident date, when it is active.</summary>
    public CoverPhase? Phase { get; init; }

    /// <summary>R-COV-3: the incident falls in the individual scheme's JKM-only window before departure.</summary>
    public bool IndividualWindow { get; init; }

    /// <summary>R-COV-7: the status of the type's programme on the incident date (null for JHT).</summary>
    public ProgrammeStatus? Status { get; init; }

    /// <summary>R-CLM-3: the rule set in force on the incident date.</summary>
    public RuleSet? RuleSet { get; init; }

    /// <summary>R-CLM-1: the type's row in that rule set.</summary>
    public ClaimBenefit? Benefit { get; init; }

    /// <summary>R-CLM-10: the amount, when eligible.</summary>
    public ClaimAmount? Amount { get; init; }

    /// <summary>R-CLM-7: the last valid report day; null for types that do not expire.</summary>
    public DateOnly? LastReportOn { get; init; }

    /// <summary>R-CLM-7: reported after <see cref="LastReportOn"/> (the report is refused, whatever else holds).</summary>
    public bool Expired { get; init; }

    /// <summary>R-CLM-7: the text of the expiry, for refusing the report (400) whatever reason comes first.</summary>
    public RuleFailure? ExpiredText => Findings.FirstOrDefault(f => f.Reason == ClaimReason.Expired)?.Failure;

    /// <summary>R-CLM-6.</summary>
    public bool TwoStage { get; init; }

    /// <summary>R-CLM-8: the default checklist for the type, phase and trigger.</summary>
    public IReadOnlyList<ClaimDocument> Documents { get; init; } = [];

    /// <summary>R-CLM-9: the claim of the same worker, type and incident date (the report is a conflict).</summary>
    public Guid? DuplicateOf { get; init; }

    /// <summary>R-HEIR-4: a death benefit (or JHT on death) is paid to an heir.</summary>
    public bool NeedsPayeeHeir { get; init; }

    /// <summary>R-HEIR-1/2 over the recorded heirs: the class that would be paid (null: none recorded).</summary>
    public HeirClass? PayeeClass { get; init; }

    /// <summary>The relationships among the recorded heirs that may be the payee.</summary>
    public IReadOnlyList<HeirRelationship> PayeeRelationships { get; init; } = [];

    /// <summary>A payee was given in the report and checked (<see cref="PayeeFailures"/>).</summary>
    public bool PayeeChecked { get; init; }

    /// <summary>R-HEIR-4/5 failures of the payee given in the report (verification needs none).</summary>
    public IReadOnlyList<RuleFailure> PayeeFailures { get; init; } = [];

    /// <summary>For a death: the date of death (t; for a work-accident death the outcome date when given).</summary>
    public DateOnly? DeathOn { get; init; }
}

/// <summary>§14: the claim rules as pure functions (R-CLM-1..11).</summary>
public static class Claims
{
    /// <summary>R-CLM-11: the age at which JHT may be withdrawn.</summary>
    public const int JhtWithdrawalAge = 56;

    /// <summary>
    /// The whole pre-assessment: input checks, rule set of <c>t</c> (R-CLM-3), eligibility on <c>t</c>
    /// from <see cref="Coverage.On"/> (R-CLM-2), failed-departure cause and stage (R-CLM-4), reporter
    /// (R-CLM-5), two stages (R-CLM-6), expiry (R-CLM-7), documents (R-CLM-8), duplicates (R-CLM-9),
    /// amount (R-CLM-10), JHT (R-CLM-11), payee (R-HEIR-4/5).
    /// </summary>
    public static ClaimAssessment Assess(ClaimReport report, ClaimWorker worker, DateOnly today)
    {
        var failures = Validate(report, worker, today);
        if (failures.Count > 0)
        {
            // What can be said without valid input: the type's programme and stages, the last report day.
            var last = report.Type is { } tl && report.IncidentOn is { } tt ? ClaimCatalog.LastReportOn(tl, tt) : null;
            return new ClaimAssessment
            {
                Failures = failures,
                Type = report.Type,
                IncidentOn = report.IncidentOn,
                ReportedOn = report.ReportedOn ?? today,
                Programme = report.Type is { } ty ? ClaimCatalog.Of(ty).Programme : null,
                TwoStage = report.Type is { } tw && ClaimCatalog.Of(tw).TwoStage,
                LastReportOn = last,
                Expired = last is { } l && (report.ReportedOn ?? today) > l,
                RuleIds = [.. failures.Select(f => f.RuleId).Distinct(StringComparer.Ordinal)],
            };
        }

        var type = report.Type!.Value;
        var t = report.IncidentOn!.Value;
        var reportedOn = report.ReportedOn ?? today;
        var info = ClaimCatalog.Of(type);
        var h = worker.History;
        var ruleSet = RuleSets.For(t);
        var benefit = ruleSet?.BenefitFor(type);
        var findings = new List<ClaimFinding>();
        var incident = ("incidentOn", Arg.Date(t));
        var typeArg = ("type", ClaimArg.Label(type));

        // R-CLM-3 / R-VER-1: the rule set of t, and R-CLM-1: a benefit of that type in it.
        if (ruleSet is null)
        {
            findings.Add(Finding(ClaimReason.NotInRuleSet, "R-CLM-3", "claim.reason.no-rule-set", "incidentOn", incident, ("firstOn", Arg.Date(RuleSets.All[0].ValidFrom))));
        }
        else if (!benefit!.InRuleSet)
        {
            var later = RuleSets.All.FirstOrDefault(s => s.ValidFrom > t && s.BenefitFor(type).InRuleSet);
            findings.Add(later is null
                ? Finding(ClaimReason.NotInRuleSet, "R-CLM-1", "claim.reason.not-in-rule-set", "type", typeArg, incident, ("ruleSet", ruleSet.Title))
                : Finding(ClaimReason.NotInRuleSet, "R-CLM-1", "claim.reason.not-in-rule-set-yet", "type", typeArg, incident, ("ruleSet", ruleSet.Title), ("firstOn", Arg.Date(later.ValidFrom)), ("laterRuleSet", later.Title)));
        }

        // R-CLM-7: JKK claims expire N years after t; the report is due the day before.
        var lastReportOn = ClaimCatalog.LastReportOn(type, t);
        var expired = lastReportOn is { } due && reportedOn > due;
        if (expired)
        {
            findings.Add(Finding(
                ClaimReason.Expired,
                "R-CLM-7",
                "claim.reason.expired",
                "reportedOn",
                incident,
                ("lastReportOn", Arg.Date(lastReportOn!.Value)),
                ("reportedOn", Arg.Date(reportedOn)),
                ("years", Arg.Int(ruleSet!.JkkClaimExpiryYears)),
                ("ruleSet", ruleSet.Title)));
        }

        // R-CLM-2: an incident before registration is not-paid; otherwise the programme's status on t.
        ProgrammeStatus? status = null;
        CoverPhase? phase = null;
        var individualWindow = false;
        if (t < worker.RegisteredOn)
        {
            findings.Add(Finding(ClaimReason.NotPaid, "R-CLM-2", "claim.reason.before-registration", "incidentOn", incident, ("registeredOn", Arg.Date(worker.RegisteredOn))));
        }
        else if (info.Programme != Programme.Jht)
        {
            var coverage = Coverage.On(h, t);
            var s = coverage.Programmes[(int)info.Programme];
            status = s;
            if (!s.Active)
            {
                findings.Add(CoverageFinding(s, h, t, info));
            }
            else
            {
                phase = s.Phase;

                // R-COV-3: the individual scheme's JKM window before departure reports phase pre-placement.
                individualWindow = h.Scheme == Scheme.Individual && s.Phase == CoverPhase.PrePlacement;
                if (!info.Covers(s.Phase))
                {
                    findings.Add(Finding(
                        ClaimReason.WrongPhase,
                        "R-CLM-2",
                        "claim.reason.wrong-phase",
                        "incidentOn",
                        incident,
                        typeArg,
                        ("phase", ClaimArg.Label(s.Phase!.Value)),
                        ("allowedPhase", ClaimArg.Label(info.Phases[0]))));
                }
            }
        }

        var (contributions, withdrawn) = (0L, 0L);
        switch (type)
        {
            case ClaimType.FailedDeparture:
                CheckFailedDeparture(report.Cause!.Value, h, t, findings);
                break;

            case ClaimType.JhtWithdrawal:
                (contributions, withdrawn) = CheckJht(report, worker, t, findings);
                break;

            default:
                break;
        }

        var duplicateOf = CheckDuplicates(report, worker, type, t, findings);

        // R-HEIR-4/5: deaths (and JHT on death) are paid to an heir.
        var needsHeir = info.IsDeath || (type == ClaimType.JhtWithdrawal && report.Trigger == JhtTrigger.Death);
        var choice = Heirs.Choose(worker.RecordedHeirs);
        var payeeFailures = new List<RuleFailure>();
        var funeralOnly = false;
        if (needsHeir && report.Payee is { } payee)
        {
            payeeFailures.AddRange(Heirs.CheckPayee(payee, today));
            if (payee.CertificateHeirs.Count == 0)
            {
                // R-HEIR-5: no heir; only the funeral component of a death benefit is paid; JHT has none.
                funeralOnly = info.IsDeath;
                if (!info.IsDeath)
                {
                    payeeFailures.Add(RuleFailure.Of("R-HEIR-5", "heir.none-jht", "payeeHeirId"));
                }
            }
        }

        var eligible = findings.Count == 0;
        ClaimAmount? amount = null;
        if (eligible)
        {
            amount = AmountOf(benefit!, ruleSet!, phase, report.ClaimedAmount, contributions, withdrawn, funeralOnly);
        }

        List<string> ruleIds;
        if (eligible)
        {
            ruleIds = ["R-CLM-2", "R-CLM-10"];
            if (type == ClaimType.JhtWithdrawal)
            {
                ruleIds.Add("R-CLM-11");
            }

            if (funeralOnly)
            {
                ruleIds.Add("R-HEIR-5");
            }
        }
        else
        {
            ruleIds = [.. findings.Select(f => f.Failure.RuleId).Distinct(StringComparer.Ordinal)];
        }

        return new ClaimAssessment
        {
            Type = type,
            IncidentOn = t,
            ReportedOn = reportedOn,
            Eligible = eligible,
            Findings = findings,
            RuleIds = ruleIds,
            Programme = info.Programme,
            Phase = phase,
            IndividualWindow = individualWindow,
            Status = status,
            RuleSet = ruleSet,
            Benefit = benefit,
            Amount = amount,
            LastReportOn = lastReportOn,
            Expired = expired,
            TwoStage = info.TwoStage,
            Documents = ClaimDocuments.Default(type, phase, report.Trigger),
            DuplicateOf = duplicateOf,
            NeedsPayeeHeir = needsHeir,
            PayeeClass = needsHeir ? choice.Class : null,
            PayeeRelationships = needsHeir ? [.. choice.Payees.Distinct().Order()] : [], // in the rule book's order (R-HEIR-1), not the order heirs were recorded
            PayeeChecked = needsHeir && report.Payee is not null,
            PayeeFailures = payeeFailures,
            DeathOn = info.IsDeath ? (type == ClaimType.WorkAccidentDeath ? report.OutcomeOn ?? t : t) : null,
        };
    }

    /// <summary>
    /// R-CLM-10: fixed as it stands (the death amount by phase), cap <c>min(claimed, cap)</c>, claimed
    /// as proven, balance = JHT contributions less earlier withdrawals. R-HEIR-5: the funeral component only.
    /// </summary>
    public static ClaimAmount AmountOf(
        ClaimBenefit benefit,
        RuleSet ruleSet,
        CoverPhase? phase,
        long? claimedAmount,
        long jhtContributions = 0,
        long jhtWithdrawn = 0,
        bool funeralOnly = false)
    {
        var basis = benefit.Basis ?? throw new ArgumentException("The rule set has no such benefit.", nameof(benefit));
        if (funeralOnly)
        {
            return new ClaimAmount(ruleSet.FuneralComponent, AmountBasis.Fixed, ruleSet.Id, phase, FuneralOnly: true);
        }

        return basis switch
        {
            AmountBasis.Fixed => new ClaimAmount(
                benefit.AmountIn(phase)!.Value,
                basis,
                ruleSet.Id,
                benefit.AmountOutsidePlacement is null ? null : phase),
            AmountBasis.Cap => new ClaimAmount(
                Math.Min(claimedAmount ?? 0, benefit.Amount!.Value),
                basis,
                ruleSet.Id,
                phase,
                Cap: benefit.Amount,
                ClaimedAmount: claimedAmount ?? 0),
            AmountBasis.Claimed => new ClaimAmount(claimedAmount ?? 0, basis, ruleSet.Id, phase, ClaimedAmount: claimedAmount ?? 0),
            _ => new ClaimAmount(Math.Max(0, jhtContributions - jhtWithdrawn), basis, ruleSet.Id, phase, Contributions: jhtContributions, Withdrawn: jhtWithdrawn),
        };
    }

    /// <summary>R-PRG-2: the JHT balance is the sum of the JHT contributions (returns are not modelled).</summary>
    public static long JhtContributions(CoverageHistory history)
    {
        var sum = 0L;
        foreach (var p in history.Payments)
        {
            if (p.Kind == PaymentKind.Jht)
            {
                sum = checked(sum + p.Amount);
            }
        }

        return sum;
    }

    /// <summary>R-CLM-5: abroad on the incident date (departed, not yet arrived back).</summary>
    public static bool AbroadOn(CoverageHistory history, DateOnly date) =>
        history.DepartedOn is { } d && d <= date && (history.ArrivedOn is not { } a || date < a);

    /// <summary>R-CLM-9: the rejection reason that matches an assessment reason.</summary>
    public static RejectionReason RejectionFor(ClaimReason reason) => reason switch
    {
        ClaimReason.WrongPhase => RejectionReason.WrongPhase,
        ClaimReason.NotInRuleSet => RejectionReason.NotInRuleSet,
        ClaimReason.Expired => RejectionReason.Expired,
        ClaimReason.Fault => RejectionReason.Fault,
        ClaimReason.Duplicate => RejectionReason.Duplicate,
        ClaimReason.StageNotRecorded or ClaimReason.NoTrigger => RejectionReason.Other,
        _ => RejectionReason.NotCovered,
    };

    // Input checks: what is missing or impossible (400), before any rule of eligibility.
    private static List<RuleFailure> Validate(ClaimReport report, ClaimWorker worker, DateOnly today)
    {
        var failures = new List<RuleFailure>();
        var h = worker.History;
        var reportedOn = report.ReportedOn ?? today;
        if (report.Type is null)
        {
            failures.Add(RuleFailure.Of("R-CLM-1", "claim.type-required", "type"));
        }

        if (report.ReportedOn is { } r && r > today)
        {
            failures.Add(RuleFailure.Of("R-CLM-7", "claim.report-future", "reportedOn", ("today", Arg.Date(today))));
        }

        if (report.IncidentOn is not { } t)
        {
            failures.Add(RuleFailure.Of("R-CLM-2", "claim.incident-required", "incidentOn"));
        }
        else if (t > today)
        {
            failures.Add(RuleFailure.Of("R-CLM-2", "claim.incident-future", "incidentOn", ("today", Arg.Date(today))));
        }
        else if (t > reportedOn)
        {
            failures.Add(RuleFailure.Of("R-CLM-2", "claim.incident-after-report", "incidentOn", ("reportedOn", Arg.Date(reportedOn))));
        }

        if (report.ClaimedAmount is { } claimed && claimed < 1)
        {
            failures.Add(RuleFailure.Of("R-CLM-10", "claim.claimed-amount-range", "claimedAmount"));
        }

        if (report.Type is not { } type)
        {
            return failures;
        }

        var info = ClaimCatalog.Of(type);
        var ruleSet = report.IncidentOn is { } t0 ? RuleSets.For(t0) : null;
        if (report.ClaimedAmount is null && info.NeedsClaimedAmount(ruleSet))
        {
            // R-CLM-10: a cap or the proven cost needs the claimed amount.
            failures.Add(RuleFailure.Of("R-CLM-10", "claim.claimed-amount-required", "claimedAmount", ("type", ClaimArg.Label(type))));
        }

        if (type == ClaimType.FailedDeparture && report.Cause is null)
        {
            failures.Add(RuleFailure.Of("R-CLM-4", "claim.cause-required", "cause"));
        }

        if (type == ClaimType.JhtWithdrawal && report.Trigger is null)
        {
            failures.Add(RuleFailure.Of("R-CLM-11", "claim.trigger-required", "trigger"));
        }

        if (report.IncidentOn is { } incident && h.DiedOn is { } died)
        {
            // R-CLM-2: a death claim's incident is the recorded death; an accident cannot follow it.
            if ((type == ClaimType.Death && incident != died) || (type == ClaimType.WorkAccidentDeath && incident > died))
            {
                failures.Add(RuleFailure.Of("R-CLM-2", "claim.death-date", "incidentOn", ("diedOn", Arg.Date(died))));
            }
        }

        if (report.Outcome is not null || report.OutcomeOn is not null)
        {
            failures.AddRange(CheckOutcome(type, report.Outcome, report.OutcomeOn, report.IncidentOn, today, h.DiedOn));
        }

        if (report.Reporter is { } reporter && report.IncidentOn is { } on)
        {
            failures.AddRange(CheckReporter(reporter, h, on));
        }

        return failures;
    }

    /// <summary>
    /// R-CLM-5 (Pasal 43 ayat 2): a role, a name and a contact; the mission and the employer report only
    /// incidents during placement (interpretation: the worker was abroad on the incident date).
    /// </summary>
    public static IReadOnlyList<RuleFailure> CheckReporter(Reporter reporter, CoverageHistory history, DateOnly incidentOn)
    {
        var failures = new List<RuleFailure>();
        if (reporter.Role is not { } role)
        {
            failures.Add(RuleFailure.Of("R-CLM-5", "claim.reporter-role-required", "reporter.role"));
        }
        else if (role is ReporterRole.Mission or ReporterRole.Employer && !AbroadOn(history, incidentOn))
        {
            failures.Add(RuleFailure.Of("R-CLM-5", "claim.reporter-placement-only", "reporter.role", ("role", ClaimArg.Label(role)), ("incidentOn", Arg.Date(incidentOn))));
        }

        if (string.IsNullOrWhiteSpace(reporter.Name))
        {
            failures.Add(RuleFailure.Of("R-CLM-5", "claim.reporter-name-required", "reporter.name"));
        }

        if (string.IsNullOrWhiteSpace(reporter.Contact))
        {
            failures.Add(RuleFailure.Of("R-CLM-5", "claim.reporter-contact-required", "reporter.contact"));
        }

        return failures;
    }

    /// <summary>
    /// R-CLM-6: the second report of a two-stage type states the outcome and its date (not before the
    /// incident, not in the future). A work-accident death ends in <c>died</c> (on the recorded death,
    /// if any); total permanent disability in <c>disabled</c>.
    /// </summary>
    public static IReadOnlyList<RuleFailure> CheckOutcome(ClaimType type, ClaimOutcome? outcome, DateOnly? outcomeOn, DateOnly? incidentOn, DateOnly today, DateOnly? diedOn = null)
    {
        var failures = new List<RuleFailure>();
        if (!ClaimCatalog.Of(type).TwoStage)
        {
            failures.Add(RuleFailure.Of("R-CLM-6", "claim.outcome-not-two-stage", "outcome", ("type", ClaimArg.Label(type))));
            return failures;
        }

        if (outcome is not { } o)
        {
            failures.Add(RuleFailure.Of("R-CLM-6", "claim.outcome-required", "outcome"));
        }
        else if ((type == ClaimType.WorkAccidentDeath && o != ClaimOutcome.Died) || (type == ClaimType.TotalPermanentDisability && o != ClaimOutcome.Disabled))
        {
            var expected = type == ClaimType.WorkAccidentDeath ? ClaimOutcome.Died : ClaimOutcome.Disabled;
            failures.Add(RuleFailure.Of("R-CLM-6", "claim.outcome-type", "outcome", ("type", ClaimArg.Label(type)), ("expected", ClaimArg.Label(expected))));
        }

        if (outcomeOn is not { } on)
        {
            failures.Add(RuleFailure.Of("R-CLM-6", "claim.outcome-date-required", "outcomeOn"));
        }
        else if (incidentOn is { } t && on < t)
        {
            failures.Add(RuleFailure.Of("R-CLM-6", "claim.outcome-before-incident", "outcomeOn", ("incidentOn", Arg.Date(t))));
        }
        else if (on > today)
        {
            failures.Add(RuleFailure.Of("R-CLM-6", "claim.outcome-future", "outcomeOn", ("today", Arg.Date(today))));
        }
        else if (type == ClaimType.WorkAccidentDeath && diedOn is { } died && on != died)
        {
            failures.Add(RuleFailure.Of("R-CLM-6", "claim.outcome-death-date", "outcomeOn", ("diedOn", Arg.Date(died))));
        }

        return failures;
    }

    // R-COV-7 / R-CLM-2: the programme is inactive on t; say why in the family's words.
    private static ClaimFinding CoverageFinding(ProgrammeStatus s, CoverageHistory h, DateOnly t, ClaimTypeInfo info)
    {
        var reason = s.Reason ?? InactiveReason.NotPaid;
        var claimReason = reason switch
        {
            InactiveReason.NotPaid => ClaimReason.NotPaid,
            InactiveReason.Lapsed => ClaimReason.Lapsed,
            InactiveReason.AwaitingDeparturePayment => ClaimReason.AwaitingDeparturePayment,
            InactiveReason.Ended => ClaimReason.Ended,
            InactiveReason.FailedDeparture => ClaimReason.FailedDeparture,
            InactiveReason.Deceased => ClaimReason.Deceased,
            _ => ClaimReason.NotPaid,
        };

        var args = new List<(string, string)>
        {
            ("incidentOn", Arg.Date(t)),
            ("programme", ClaimArg.Label(info.Programme)),
        };
        if (s.LastCoveredUntil is { } until)
        {
            args.Add(("lastCoveredUntil", Arg.Date(until)));
        }

        string key;
        switch (claimReason)
        {
            case ClaimReason.AwaitingDeparturePayment when h.Scheme == Scheme.Individual && info.Programme == Programme.Jkk && HasPaid(h, PaymentKind.Placement, t):
                // R-COV-3: in the individual scheme JKK starts only at departure.
                key = "claim.reason.individual-jkk-before-departure";
                break;
            case ClaimReason.AwaitingDeparturePayment when h.DepartedOn is { } d && d <= t:
                args.Add(("departedOn", Arg.Date(d)));
                key = "claim.reason.departed-without-placement-payment";
                break;
            case ClaimReason.Lapsed or ClaimReason.Ended when s.LastCoveredUntil is null:
                key = "claim.reason." + Codes.Of(claimReason) + "-undated";
                break;
            case ClaimReason.FailedDeparture:
                args.Add(("failedOn", Arg.Date(h.FailedDepartureOn!.Value)));
                key = "claim.reason.failed-departure";
                break;
            case ClaimReason.Deceased:
                args.Add(("diedOn", Arg.Date(h.DiedOn!.Value)));
                key = "claim.reason.deceased";
                break;
            default:
                key = "claim.reason." + Codes.Of(claimReason);
                break;
        }

        return new ClaimFinding(claimReason, RuleFailure.Of("R-CLM-2", key, "incidentOn", [.. args]));
    }

    // R-CLM-4 (Pasal 27 ayat 3): no fault of the candidate, the agency or a government policy; the
    // failed departure recorded on t.
    private static void CheckFailedDeparture(FailedDepartureCause cause, CoverageHistory h, DateOnly t, List<ClaimFinding> findings)
    {
        if (cause is FailedDepartureCause.CandidateFault or FailedDepartureCause.AgencyFault or FailedDepartureCause.GovernmentPolicy)
        {
            findings.Add(Finding(ClaimReason.Fault, "R-CLM-4", "claim.reason.fault", "cause", ("cause", ClaimArg.Label(cause))));
        }

        if (h.FailedDepartureOn is not { } failed)
        {
            findings.Add(Finding(ClaimReason.StageNotRecorded, "R-CLM-4", "claim.reason.failed-departure-not-recorded", "incidentOn", ("incidentOn", Arg.Date(t))));
        }
        else if (failed > t)
        {
            // (A failed departure before t already makes the cover inactive: R-COV-7's failed-departure.)
            findings.Add(Finding(ClaimReason.StageNotRecorded, "R-CLM-4", "claim.reason.failed-departure-other-date", "incidentOn", ("incidentOn", Arg.Date(t)), ("failedOn", Arg.Date(failed))));
        }
    }

    // R-CLM-11 (Pasal 60 ayat 2): a trigger on t, and a balance (R-PRG-2) not already withdrawn.
    private static (long Contributions, long Withdrawn) CheckJht(ClaimReport report, ClaimWorker worker, DateOnly t, List<ClaimFinding> findings)
    {
        var h = worker.History;
        var incident = ("incidentOn", Arg.Date(t));
        switch (report.Trigger!.Value)
        {
            case JhtTrigger.Death:
                var deathClaimOnT = worker.Claims.Any(c => c.Id != report.ClaimId && ClaimCatalog.Of(c.Type).IsDeath && c.IncidentOn == t && c.State != ClaimState.Rejected);
                if (h.DiedOn != t && !deathClaimOnT)
                {
                    findings.Add(Finding(ClaimReason.StageNotRecorded, "R-CLM-11", "claim.reason.jht-death-not-recorded", "incidentOn", incident));
                }

                break;

            case JhtTrigger.FailedDeparture:
                if (h.FailedDepartureOn != t)
                {
                    findings.Add(Finding(ClaimReason.StageNotRecorded, "R-CLM-11", "claim.reason.jht-failed-departure-not-recorded", "incidentOn", incident));
                }

                break;

            case JhtTrigger.RetirementAge:
                var reaches = Age.Reaches(worker.DateOfBirth, JhtWithdrawalAge);
                if (t < reaches)
                {
                    findings.Add(Finding(ClaimReason.NoTrigger, "R-CLM-11", "claim.reason.jht-age", "incidentOn", incident, ("reachesOn", Arg.Date(reaches))));
                }

                break;

            default:
                // Total permanent disability: the doctor's statement on the checklist proves it.
                break;
        }

        var contributions = JhtContributions(h);
        var withdrawn = 0L;
        foreach (var c in worker.Claims)
        {
            if (c.Id != report.ClaimId && c.Type == ClaimType.JhtWithdrawal && c.State is ClaimState.Approved or ClaimState.Paid)
            {
                withdrawn += c.FrozenAmount ?? 0;
            }
        }

        if (contributions == 0)
        {
            findings.Add(Finding(ClaimReason.NotEnrolled, "R-CLM-11", "claim.reason.jht-not-enrolled", "type"));
        }
        else if (contributions <= withdrawn)
        {
            findings.Add(Finding(ClaimReason.Duplicate, "R-CLM-11", "claim.reason.jht-already-withdrawn", "type", ("withdrawn", Arg.Money(withdrawn))));
        }

        return (contributions, withdrawn);
    }

    // R-CLM-9: one claim per worker, type and incident date. R-CLM-2: death and work-accident death
    // exclude each other, and a worker dies once (a rejected death claim does not count).
    private static Guid? CheckDuplicates(ClaimReport report, ClaimWorker worker, ClaimType type, DateOnly t, List<ClaimFinding> findings)
    {
        Guid? duplicateOf = null;
        foreach (var c in worker.Claims)
        {
            if (c.Id != report.ClaimId && c.Type == type && c.IncidentOn == t)
            {
                duplicateOf = c.Id;
                findings.Add(Finding(ClaimReason.Duplicate, "R-CLM-9", "claim.reason.duplicate", "type", ("type", ClaimArg.Label(type)), ("incidentOn", Arg.Date(t)), ("state", ClaimArg.Label(c.State))));
                break;
            }
        }

        if (duplicateOf is null && ClaimCatalog.Of(type).IsDeath)
        {
            foreach (var c in worker.Claims)
            {
                if (c.Id != report.ClaimId && ClaimCatalog.Of(c.Type).IsDeath && c.State != ClaimState.Rejected)
                {
                    findings.Add(Finding(ClaimReason.Duplicate, "R-CLM-2", "claim.reason.other-death-claim", "type", ("type", ClaimArg.Label(type)), ("otherType", ClaimArg.Label(c.Type)), ("otherIncidentOn", Arg.Date(c.IncidentOn))));
                    break;
                }
            }
        }

        return duplicateOf;
    }

    private static bool HasPaid(CoverageHistory h, PaymentKind kind, DateOnly onOrBefore)
    {
        foreach (var p in h.Payments)
        {
            if (p.Kind == kind && p.PaidOn <= onOrBefore)
            {
                return true;
            }
        }

        return false;
    }

    private static ClaimFinding Finding(ClaimReason reason, string ruleId, string key, string field, params (string Name, string Value)[] args) =>
        new(reason, RuleFailure.Of(ruleId, key, field, args));
}
