using System.Text.Json;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Claims;

/// <summary>
/// §14 in the web layer: the assessment, the report and every step of the workflow (R-CLM-9), for the
/// pages and the API. The rules are the domain's (<see cref="Claims"/>, <see cref="ClaimWorkflow"/>);
/// this class loads the facts, asks, and saves the answer with one save per step (audited, R-HEIR-6).
/// </summary>
public static class ClaimActions
{
    /// <summary>The largest amount of rupiah taken (beyond it a number is refused, never overflowed).</summary>
    public const long MaxAmount = 1_000_000_000_000;

    /// <summary>A claim with the facts about its worker that every view and step needs.</summary>
    public sealed record Loaded(BenefitClaim Claim, Worker Worker, IReadOnlyList<Heir> Heirs, IReadOnlyList<ExistingClaim> OtherClaims);

    /// <summary>The rule book's view of a worker (coverage history, registration, other claims, heirs that have not ended).</summary>
    public static ClaimWorker WorkerFacts(Worker w, IEnumerable<Heir> heirs, IEnumerable<ExistingClaim> claims) =>
        new(WorkerCoverage.HistoryOf(w, w.Payments), w.RegisteredOn, w.DateOfBirth)
        {
            Claims = [.. claims],
            RecordedHeirs = [.. heirs.Where(h => h.EndedOn is null).Select(h => h.Relationship)],
        };

    public static ExistingClaim Existing(BenefitClaim c) => new(c.Id, c.Type, c.IncidentOn, c.State, c.Amount);

    /// <summary>The facts of a recorded claim as a report, for a fresh assessment (verify, approve, views).</summary>
    public static ClaimReport ReportOf(BenefitClaim c, IReadOnlyList<Heir> heirs) => new(c.Type, c.IncidentOn, c.ReportedOn, c.ClaimedAmount, c.Cause, c.Trigger, new Reporter(c.ReporterRole, c.ReporterName, c.ReporterContact))
    {
        ClaimId = c.Id,
        Outcome = c.Outcome,
        OutcomeOn = c.OutcomeOn,
        Payee = c.CertificateHeirs is null && c.FuneralArrangerName is null && c.PayeeRelationship is null ? null : new PayeeFacts
        {
            Relationship = c.PayeeRelationship,
            CertificateHeirs = ParseRelationships(c.CertificateHeirs),
            IsRecordedHeir = c.PayeeHeirId is not null || c.PayeeRelationship is null,
            NotRecordedReason = c.NotRecordedReason,
            DateOfBirth = heirs.FirstOrDefault(h => h.Id == c.PayeeHeirId)?.DateOfBirth,
            GuardianName = c.GuardianName,
            FuneralArrangerName = c.FuneralArrangerName,
        },
    };

    /// <summary>The assessment of a recorded claim on the facts recorded now.</summary>
    public static ClaimAssessment Reassess(Loaded l, DateOnly today) =>
        Domain.Claims.Assess(ReportOf(l.Claim, l.Heirs), WorkerFacts(l.Worker, l.Heirs, l.OtherClaims), today);

    public static IReadOnlyList<HeirRelationship> ParseRelationships(string? codes) =>
        string.IsNullOrEmpty(codes) ? [] : [.. codes.Split(',').Select(c => Codes.TryParse<HeirRelationship>(c, out var r) ? r : (HeirRelationship?)null).OfType<HeirRelationship>()];

    /// <summary>An approval on the claim: its state and the amount frozen with its basis (R-CLM-10), by whom and when (R-CLM-9).</summary>
    public static void RecordApproval(BenefitClaim c, ClaimApproval approval, string byId, string byName, DateTimeOffset at, DateOnly on)
    {
        var f = approval.Frozen!;
        c.State = approval.State;
        c.Amount = f.Amount;
        c.AmountBasis = f.Basis;
        c.AmountRuleSet = f.RuleSetId;
        c.AmountPhase = f.Phase;
        c.AmountCap = f.Cap;
        c.AmountClaimed = f.ClaimedAmount;
        c.AmountContributions = f.Contributions;
        c.AmountWithdrawn = f.Withdrawn;
        c.FuneralOnly = f.FuneralOnly;
        c.ApprovedBy = byId;
        c.ApprovedByName = byName;
        c.ApprovedAt = at;
        c.ApprovedOn = on;
    }

    /// <summary>
    /// R-CLM-5: the claim recorded from its report and the assessment of the report day: the state after
    /// the report (R-CLM-9), the estimate, the checklist (R-CLM-8), the payee the family named (R-HEIR-4)
    /// and, for a death, a snapshot of the heirs as they were (R-HEIR-6).
    /// </summary>
    public static BenefitClaim NewClaim(ClaimReport report, ClaimAssessment a, Guid workerId, IEnumerable<Heir> heirs, Heir? payee, string createdBy)
    {
        var id = Guid.CreateVersion7();
        var claim = new BenefitClaim
        {
            Id = id,
            Number = Handler.NumberOf(id, a.ReportedOn!.Value),
            WorkerId = workerId,
            Type = a.Type!.Value,
            IncidentOn = a.IncidentOn!.Value,
            ReportedOn = a.ReportedOn!.Value,
            State = ClaimWorkflow.AfterReport(a),
            ClaimedAmount = report.ClaimedAmount,
            Cause = report.Cause,
            Trigger = report.Trigger,
            ReporterRole = report.Reporter?.Role,
            ReporterName = report.Reporter?.Name,
            ReporterContact = report.Reporter?.Contact,
            Eligible = a.Eligible,
            Reason = a.Reason,
            Programme = a.Programme!.Value,
            Phase = a.Phase,
            RuleSet = a.RuleSet?.Id,
            EstimatedAmount = a.Amount?.Amount,
            LastReportOn = a.LastReportOn,
            TwoStage = a.TwoStage,
            PayeeHeirId = payee?.Id,
            PayeeRelationship = payee?.Relationship,
            CreatedBy = createdBy,
            Documents = [.. a.Documents.Select(d => new ClaimDocumentItem { Id = Guid.CreateVersion7(), ClaimId = id, Code = d.Code, Report = d.Report, Required = d.Required })],
        };
        if (a.NeedsPayeeHeir)
        {
            claim.HeirSnapshot = JsonSerializer.Serialize(heirs.Select(HeirView.From), JsonConventions.Options);
        }

        return claim;
    }

    public static IEnumerable<ClaimDocumentCheck> Checklist(BenefitClaim c) => c.Documents.Select(d => new ClaimDocumentCheck(d.Code, d.Required, d.Verified));

    public static async Task<Loaded?> LoadAsync(AppDbContext db, Guid claimId, CancellationToken ct = default)
    {
        var claim = await db.Claims.Include(c => c.Documents).SingleOrDefaultAsync(c => c.Id == claimId, ct);
        if (claim is null)
        {
            return null;
        }

        var worker = await WorkerQueries.LoadAsync(db, claim.WorkerId, ct);
        var heirs = await db.Heirs.Where(h => h.WorkerId == claim.WorkerId).ToListAsync(ct);
        var others = await OtherClaimsAsync(db, claim.WorkerId, claim.Id, ct);
        return new Loaded(claim, worker!, heirs, others);
    }

    public static async Task<IReadOnlyList<ExistingClaim>> OtherClaimsAsync(AppDbContext db, Guid workerId, Guid? except, CancellationToken ct) =>
        await db.Claims.AsNoTracking().Where(c => c.WorkerId == workerId && c.Id != except)
            .Select(c => new ExistingClaim(c.Id, c.Type, c.IncidentOn, c.State, c.Amount)).ToListAsync(ct);

    /// <summary>A refusal of the workflow: the state (or the four eyes) is a conflict (409), the rest is input (400).</summary>
    public static Outcome<T> Refuse<T>(IReadOnlyList<RuleFailure> failures) =>
        failures.Any(f => f.Key is "claim.state" or "claim.four-eyes" or "claim.documents-locked" or "claim.already-paid" or "claim.reference-used")
            ? new Outcome<T>(OutcomeStatus.Conflict, Failures: [.. failures.Select(Failure.Of)], Detail: Failure.Of(failures[0]).Message)
            : Outcome<T>.Refused(failures);

    public sealed class Handler(
        AppDbContext db,
        TimeProvider clock,
        IValidator<ClaimRequest> claimValidator,
        IValidator<OutcomeRequest> outcomeValidator,
        IValidator<DocumentRequest> documentValidator,
        IValidator<VerifyRequest> verifyValidator,
        IValidator<PayRequest> payValidator,
        IValidator<RejectRequest> rejectValidator)
    {
        /// <summary>The pre-assessment alone: nothing is written (the tracker is never saved).</summary>
        public async Task<Outcome<ClaimAssessment>> AssessAsync(ClaimRequest request, CancellationToken ct = default)
        {
            var (assessment, failure) = await AssessInputAsync(request, ct);
            return failure ?? Outcome<ClaimAssessment>.Ok(assessment!.Value.Assessment);
        }

        /// <summary>
        /// The report (R-CLM-5): an expired one is refused (400, R-CLM-7), a second one for the same worker,
        /// type and incident date is a conflict (409, with the existing id); a claim that is not eligible is
        /// still recorded, in <c>reported</c>, with its assessment.
        /// </summary>
        public async Task<Outcome<BenefitClaim>> ReportAsync(ClaimRequest request, CancellationToken ct = default)
        {
            var (assessed, failure) = await AssessInputAsync(request, ct, reporterRequired: true);
            if (failure is not null)
            {
                return failure.Refusal<BenefitClaim>();
            }

            var (a, worker, heirs) = assessed!.Value;
            if (a.Expired)
            {
                return Outcome<BenefitClaim>.Refused([a.ExpiredText!]);
            }

            if (a.DuplicateOf is { } existing)
            {
                return Duplicate(a, existing);
            }

            var report = request.ToReport();
            Heir? payee = null;
            if (request.PayeeHeirId is { } payeeId)
            {
                payee = heirs.FirstOrDefault(h => h.Id == payeeId && h.EndedOn is null);
                if (payee is null)
                {
                    return Outcome<BenefitClaim>.Invalid([Failure.Input("payeeHeirId", "heir.unknown") with { RuleId = "R-HEIR-4" }]);
                }
            }

            var claim = NewClaim(report, a, worker.Id, heirs, payee, db.Actor.Name);
            db.Claims.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another officer reported the same claim a moment ago (R-CLM-9, unique index): assessed again,
                // with that claim recorded, the report is its duplicate (the finding names its state).
                db.ChangeTracker.Clear();
                var (again, _) = await AssessInputAsync(request, ct, reporterRequired: true);
                if (again?.Assessment is { DuplicateOf: { } raced } duplicate)
                {
                    return Duplicate(duplicate, raced);
                }

                throw;
            }

            return Outcome<BenefitClaim>.Created(claim);
        }

        /// <summary>R-CLM-6: the outcome of a two-stage type moves the claim to <c>submitted</c>.</summary>
        public Task<Outcome<BenefitClaim>> OutcomeAsync(Guid id, OutcomeRequest request, CancellationToken ct = default) =>
            StepAsync(id, outcomeValidator.Check(request), (l, today) =>
            {
                var c = l.Claim;
                var outcome = Input.Code<ClaimOutcome>(request.Outcome);
                var on = Input.Date(request.OutcomeOn);
                var step = ClaimWorkflow.RecordOutcome(c.State, c.Type, outcome, on, c.IncidentOn, today, l.Worker.DiedOn);
                if (!step.Succeeded)
                {
                    return step.Failures;
                }

                c.Outcome = outcome;
                c.OutcomeOn = on;
                c.State = ClaimWorkflow.SettleDocuments(step.State, Checklist(c));
                return [];
            }, ct, repeat: c => c.Outcome is { } done && done == Input.Code<ClaimOutcome>(request.Outcome) && c.OutcomeOn == Input.Date(request.OutcomeOn)
                && c.State is ClaimState.Submitted or ClaimState.DocumentsComplete);

        /// <summary>R-CLM-8: one item verified or withdrawn; the state follows the checklist (R-CLM-9).</summary>
        public Task<Outcome<BenefitClaim>> DocumentAsync(Guid id, string code, DocumentRequest request, CancellationToken ct = default) =>
            DocumentsAsync(id, new Dictionary<string, DocumentRequest>(StringComparer.Ordinal) { [code] = request }, ct);

        /// <summary>The checklist in one form: every item given is set, then the state follows (one save).</summary>
        public async Task<Outcome<BenefitClaim>> DocumentsAsync(Guid id, IReadOnlyDictionary<string, DocumentRequest> items, CancellationToken ct = default)
        {
            var input = items.SelectMany(i => documentValidator.Check(i.Value)).ToList();
            var loaded = await LoadAsync(db, id, ct);
            if (loaded is null)
            {
                return Outcome<BenefitClaim>.NotFound();
            }

            var c = loaded.Claim;
            foreach (var code in items.Keys)
            {
                if (!c.Documents.Exists(d => d.Code == code))
                {
                    return new Outcome<BenefitClaim>(OutcomeStatus.NotFound, Failures: [Failure.Input("code", "claim.document-unknown", ("code", code.Length > 40 ? code[..40] : code))]);
                }
            }

            return await StepAsync(loaded, input, (l, _) =>
            {
                if (ClaimWorkflow.CanChangeDocuments(c.State) is { } locked)
                {
                    return [locked];
                }

                var now = clock.GetUtcNow();
                foreach (var (code, r) in items)
                {
                    var d = c.Documents.Single(x => x.Code == code);
                    var verified = r.Verified!.Value;
                    if (d.Verified == verified && d.Reference == Input.Text(r.Reference))
                    {
                        continue;
                    }

                    d.Verified = verified;
                    d.Reference = Input.Text(r.Reference);
                    d.VerifiedBy = verified ? db.Actor.Name : null;
                    d.VerifiedAt = verified ? now : null;
                }

                c.State = ClaimWorkflow.SettleDocuments(c.State, Checklist(c));
                return [];
            }, ct);
        }

        /// <summary>R-CLM-9 → verified: documents complete, R-CLM-2/3/4/7 on a fresh assessment, the payee for deaths.</summary>
        public Task<Outcome<BenefitClaim>> VerifyAsync(Guid id, VerifyRequest request, CancellationToken ct = default) =>
            StepAsync(id, verifyValidator.Check(request), (l, today) =>
            {
                var c = l.Claim;
                var live = l.Heirs.Where(h => h.EndedOn is null).ToList();
                Heir? payee = null;
                if (request.PayeeHeirId is { } pid)
                {
                    payee = live.FirstOrDefault(h => h.Id == pid);
                    if (payee is null)
                    {
                        return [RuleFailure.Of("R-HEIR-4", "heir.unknown", "payeeHeirId")];
                    }
                }

                var certificate = request.CertificateRelationships is { } given
                    ? given.Select(g => Input.Code<HeirRelationship>(g)).OfType<HeirRelationship>().ToList()
                    : live.Select(h => h.Relationship).ToList();

                // Before the check: the payee's facts as the rule book reads them (restored when refused).
                var before = (c.PayeeHeirId, c.PayeeRelationship, c.CertificateHeirs, c.NotRecordedReason, c.GuardianName, c.FuneralArrangerName);
                c.PayeeHeirId = payee?.Id;
                c.PayeeRelationship = payee?.Relationship ?? Input.Code<HeirRelationship>(request.PayeeRelationship);
                c.CertificateHeirs = string.Join(',', certificate.Select(Codes.Of));
                c.NotRecordedReason = Input.Text(request.NotRecordedReason);
                c.GuardianName = Input.Text(request.GuardianName);
                c.FuneralArrangerName = Input.Text(request.FuneralArrangerName);

                var step = ClaimWorkflow.Verify(c.State, Reassess(l, today), Checklist(c));
                if (!step.Succeeded)
                {
                    (c.PayeeHeirId, c.PayeeRelationship, c.CertificateHeirs, c.NotRecordedReason, c.GuardianName, c.FuneralArrangerName) = before;
                    return step.Failures;
                }

                c.State = step.State;
                c.VerifiedBy = db.Actor.Id;
                c.VerifiedByName = db.Actor.Name;
                c.VerifiedAt = clock.GetUtcNow();
                return [];
            }, ct, repeat: c => c.State == ClaimState.Verified && c.VerifiedBy == db.Actor.Id && c.PayeeHeirId == request.PayeeHeirId
                && c.GuardianName == Input.Text(request.GuardianName) && c.FuneralArrangerName == Input.Text(request.FuneralArrangerName));

        /// <summary>
        /// R-CLM-9 → approved, by another staff member than the verifier (four eyes); the amount frozen
        /// (R-CLM-10); a death records the stage <c>deceased</c> on the date of death when none is recorded.
        /// </summary>
        public Task<Outcome<BenefitClaim>> ApproveAsync(Guid id, CancellationToken ct = default) =>
            StepAsync(id, [], (l, today) =>
            {
                var c = l.Claim;
                var w = l.Worker;
                var approval = ClaimWorkflow.Approve(c.State, c.VerifiedBy, db.Actor.Id, Reassess(l, today), WorkerCoverage.HistoryOf(w, w.Payments));
                if (!approval.Succeeded)
                {
                    return approval.Failures;
                }

                if (approval.RecordDeceasedOn is { } diedOn)
                {
                    if (StageMachine.Check(w.Stage, StageEventKind.Death, w.Payments.Count > 0) is { } blocked)
                    {
                        return [blocked];
                    }

                    var e = StageEvent.Of(w, StageEventKind.Death, w.Stage, StageMachine.Next(w.Stage, StageEventKind.Death)!.Value, diedOn, clock.GetUtcNow(), db.Actor.Name);
                    e.Reason = c.Number;
                    w.DiedOn = diedOn;
                    w.Stage = e.ToStage;
                    w.StageEvents.Add(e);
                    db.StageEvents.Add(e);
                    WorkerCoverage.Refresh(w, today);
                }

                RecordApproval(c, approval, db.Actor.Id, db.Actor.Name, clock.GetUtcNow(), today);
                return [];
            }, ct, repeat: c => c.State == ClaimState.Approved && c.ApprovedBy == db.Actor.Id);

        /// <summary>R-CLM-9 → paid, with a reference recorded once (R-PAY-2): the same reference and date again pay once.</summary>
        public async Task<Outcome<BenefitClaim>> PayAsync(Guid id, PayRequest request, CancellationToken ct = default)
        {
            // R-PAY-2: the same payment sent again while the first is being saved (a client's retry, a double tap)
            // loses the race at the database; a second look finds the winner's payment and answers as a repeat
            // does. Another reference or date still gets the conflict.
            var outcome = await PayOnceAsync(id, request, ct);
            if (outcome.Status != OutcomeStatus.Conflict)
            {
                return outcome;
            }

            db.ChangeTracker.Clear();
            return await PayOnceAsync(id, request, ct);
        }

        private async Task<Outcome<BenefitClaim>> PayOnceAsync(Guid id, PayRequest request, CancellationToken ct)
        {
            var input = payValidator.Check(request);
            var loaded = await LoadAsync(db, id, ct);
            if (loaded is null)
            {
                return Outcome<BenefitClaim>.NotFound();
            }

            if (input.Count > 0)
            {
                return Outcome<BenefitClaim>.Invalid(input);
            }

            var c = loaded.Claim;
            var today = clock.Today();
            var reference = Input.Text(request.Reference);
            var paidOn = Input.Date(request.PaidOn);
            var existing = c.PaymentReference is { } r && c.PaidOn is { } p ? new ClaimPayment(r, p) : (ClaimPayment?)null;
            var step = ClaimWorkflow.Pay(c.State, existing, reference, paidOn, c.ApprovedOn ?? today, today);
            switch (step.Outcome)
            {
                case ClaimPayOutcome.AlreadyPaid:
                    return Outcome<BenefitClaim>.Ok(c);
                case ClaimPayOutcome.Refused or ClaimPayOutcome.Conflict:
                    return step.Outcome == ClaimPayOutcome.Conflict || step.Failures.Any(f => f.Key == "claim.state")
                        ? Refuse<BenefitClaim>(step.Failures)
                        : Outcome<BenefitClaim>.Refused(step.Failures);
            }

            var normalized = PaymentDeduplication.NormalizeReference(reference!);
            var used = await db.Claims.AsNoTracking().Where(x => x.Id != c.Id && x.PaymentReference != null)
                .Where(x => x.PaymentReference == reference || x.PaymentReference == normalized).AnyAsync(ct);
            if (used)
            {
                return Refuse<BenefitClaim>([ClaimWorkflow.ReferenceUsed(reference!)]);
            }

            c.State = step.State;
            c.PaymentReference = reference;
            c.PaidOn = paidOn;
            return await SaveAsync(c, () => Refuse<BenefitClaim>([ClaimWorkflow.ReferenceUsed(reference!)]), ct);
        }

        /// <summary>R-CLM-9 → rejected from any state before paid, with a reason and a text.</summary>
        public Task<Outcome<BenefitClaim>> RejectAsync(Guid id, RejectRequest request, CancellationToken ct = default) =>
            StepAsync(id, rejectValidator.Check(request), (l, _) =>
            {
                var c = l.Claim;
                var reason = Input.Code<RejectionReason>(request.Reason);
                var step = ClaimWorkflow.Reject(c.State, reason, Input.Text(request.Text));
                if (!step.Succeeded)
                {
                    return step.Failures;
                }

                c.State = step.State;
                c.RejectionReason = reason;
                c.RejectionText = Input.Text(request.Text);
                db.AuditReason = c.RejectionText;
                return [];
            }, ct, repeat: c => c.State == ClaimState.Rejected && c.RejectionReason == Input.Code<RejectionReason>(request.Reason) && c.RejectionText == Input.Text(request.Text));

        public static string NumberOf(Guid id, DateOnly reportedOn) =>
            string.Create(CultureInfo.InvariantCulture, $"KLM-{reportedOn.Year}-{id.ToString("N")[^8..].ToUpperInvariant()}");

        private static Outcome<BenefitClaim> Duplicate(ClaimAssessment a, Guid existing)
        {
            var finding = a.Findings.First(f => f.Reason == ClaimReason.Duplicate);
            return Outcome<BenefitClaim>.Conflict(Failure.Of(finding.Failure)) with { ExistingId = existing };
        }

        // The input, the worker (404), the domain's assessment (400 when the input is wrong).
        private async Task<((ClaimAssessment Assessment, Worker Worker, IReadOnlyList<Heir> Heirs)? Value, Outcome<ClaimAssessment>? Failure)> AssessInputAsync(
            ClaimRequest request, CancellationToken ct, bool reporterRequired = false)
        {
            var input = claimValidator.Check(request);
            if (request.WorkerId is not { } workerId)
            {
                return (null, Outcome<ClaimAssessment>.Invalid(input));
            }

            var worker = await WorkerQueries.LoadAsync(db, workerId, ct);
            if (worker is null)
            {
                return (null, Outcome<ClaimAssessment>.NotFound());
            }

            var heirs = await db.Heirs.AsNoTracking().Where(h => h.WorkerId == workerId).ToListAsync(ct);
            var others = await OtherClaimsAsync(db, workerId, null, ct);
            var report = request.ToReport();
            var today = clock.Today();
            var assessment = Domain.Claims.Assess(report, WorkerFacts(worker, heirs, others), today);
            var failures = RuleBook.After(input, assessment.Failures);
            if (reporterRequired && report.Reporter is null)
            {
                var at = report.IncidentOn ?? today;
                failures = RuleBook.After(failures, Domain.Claims.CheckReporter(new Reporter(null, null, null), WorkerCoverage.HistoryOf(worker, worker.Payments), at));
            }

            if (failures.Count > 0)
            {
                return (null, Outcome<ClaimAssessment>.Invalid(failures));
            }

            return ((assessment, worker, heirs), null);
        }

        // A step by id. <paramref name="repeat"/> tells a step this account has just made with the same input
        // (a double tap, a client's retry, the loser of a race with its own copy): answered with the claim as
        // it stands, as a repeated payment is (R-PAY-2), not as a conflict.
        private async Task<Outcome<BenefitClaim>> StepAsync(Guid id, List<Failure> input, Func<Loaded, DateOnly, IReadOnlyList<RuleFailure>> step, CancellationToken ct, Func<BenefitClaim, bool>? repeat = null)
        {
            var loaded = await LoadAsync(db, id, ct);
            if (loaded is null)
            {
                return Outcome<BenefitClaim>.NotFound();
            }

            if (input.Count == 0 && repeat?.Invoke(loaded.Claim) == true)
            {
                return Outcome<BenefitClaim>.Ok(loaded.Claim);
            }

            var outcome = await StepAsync(loaded, input, step, ct);
            if (outcome.Status == OutcomeStatus.Conflict && repeat is not null)
            {
                db.ChangeTracker.Clear();
                if (await LoadAsync(db, id, ct) is { } again && repeat(again.Claim))
                {
                    return Outcome<BenefitClaim>.Ok(again.Claim);
                }
            }

            return outcome;
        }

        // One step: the input (400), the domain's guard (400/409), one save (409 when someone saved first).
        private async Task<Outcome<BenefitClaim>> StepAsync(Loaded loaded, List<Failure> input, Func<Loaded, DateOnly, IReadOnlyList<RuleFailure>> step, CancellationToken ct)
        {
            if (input.Count > 0)
            {
                return Outcome<BenefitClaim>.Invalid(input);
            }

            var refused = step(loaded, clock.Today());
            if (refused.Count > 0)
            {
                db.ChangeTracker.Clear();
                return Refuse<BenefitClaim>(refused);
            }

            return await SaveAsync(loaded.Claim, () => Outcome<BenefitClaim>.Conflict(Failure.Input("", "claim.stale")), ct);
        }

        private async Task<Outcome<BenefitClaim>> SaveAsync(BenefitClaim claim, Func<Outcome<BenefitClaim>> onUniqueViolation, CancellationToken ct)
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Outcome<BenefitClaim>.Conflict(Failure.Input("", "claim.stale"));
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return onUniqueViolation();
            }

            return Outcome<BenefitClaim>.Ok(claim);
        }
    }
}
