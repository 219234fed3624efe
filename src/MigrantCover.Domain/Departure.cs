namespace MigrantCover.Domain;

/// <summary>Everything R-COV-8 looks at when a departure is recorded. Today is an input.</summary>
public sealed record DepartureFacts(
    Stage Stage,
    Scheme Scheme,
    Category Category,
    string DestinationCountry,
    DateOnly RegisteredOn,
    DateOnly DepartedOn,
    DateOnly Today,
    IReadOnlyList<PaymentRecord> Payments,
    IReadOnlyCollection<DocumentType> VerifiedDocuments,
    string? PassportNumber,
    IEnumerable<PlacementRestriction> Restrictions);

public static class Departure
{
    /// <summary>R-COV-8: every unmet condition, not just the first.</summary>
    public static IReadOnlyList<RuleFailure> Check(DepartureFacts facts)
    {
        var failures = new List<RuleFailure>();

        // R-COV-8 / §9: only a candidate departs.
        if (facts.Stage != Stage.Candidate)
        {
            failures.Add(RuleFailure.Of("R-COV-8", "departure.stage", "stage", ("stage", Codes.Of(facts.Stage))));
        }

        // R-COV-8: not before registration, not in the future.
        if (facts.DepartedOn < facts.RegisteredOn)
        {
            failures.Add(RuleFailure.Of("R-COV-8", "departure.before-registration", "departedOn", ("registeredOn", Arg.Date(facts.RegisteredOn))));
        }

        if (facts.DepartedOn > facts.Today)
        {
            failures.Add(RuleFailure.Of("R-COV-8", "departure.future", "departedOn", ("today", Arg.Date(facts.Today))));
        }

        CheckPlacementPayment(facts, failures);

        // R-DOC-1 (UU 18/2017 Pasal 13): each missing document is its own failure.
        foreach (var type in Enum.GetValues<DocumentType>())
        {
            if (!facts.VerifiedDocuments.Contains(type))
            {
                failures.Add(RuleFailure.Of("R-DOC-1", "departure.document-missing", "documents", ("document", Codes.Of(type))));
            }
        }

        // R-DOC-2: the passport number is recorded and well formed.
        if (PassportNumber.Check(facts.PassportNumber) is { } passport)
        {
            failures.Add(passport);
        }

        // R-DST-2: no departure against an active restriction.
        if (Restrictions.Active(facts.Restrictions, facts.DestinationCountry, facts.Category, facts.DepartedOn) is { } blocking)
        {
            failures.Add(Restrictions.Failure(blocking, "destinationCountry"));
        }

        return failures;
    }

    private static void CheckPlacementPayment(DepartureFacts facts, List<RuleFailure> failures)
    {
        // R-PAY-4: a placement payment made on or before the departure date.
        DateOnly? latest = null;
        foreach (var p in facts.Payments)
        {
            if (p.Kind == PaymentKind.Placement && p.PaidOn <= facts.DepartedOn && (latest is null || p.PaidOn > latest))
            {
                latest = p.PaidOn;
            }
        }

        if (latest is not { } paidOn)
        {
            failures.Add(RuleFailure.Of("R-PAY-4", "departure.no-placement-payment", "payments"));
            return;
        }

        // R-PAY-4 (Permenaker 4/2023 Pasal 19): individual scheme pays no earlier than 1 month before departure.
        var earliest = facts.DepartedOn.AddMonths(-1);
        if (facts.Scheme == Scheme.Individual && paidOn < earliest)
        {
            failures.Add(RuleFailure.Of("R-PAY-4", "departure.placement-too-early", "payments", ("paidOn", Arg.Date(paidOn)), ("earliestOn", Arg.Date(earliest))));
        }
    }
}

/// <summary>§9: the stages and the events that move between them.</summary>
public static class StageMachine
{
    /// <summary>The stage after the event, or null when the event is not allowed from that stage.</summary>
    public static Stage? Next(Stage from, StageEventKind kind) => (from, kind) switch
    {
        (_, StageEventKind.Registration) => null,
        (Stage.Candidate, StageEventKind.Departure) => Stage.Placed,
        (Stage.Candidate, StageEventKind.FailedDeparture) => Stage.FailedDeparture,
        (Stage.Candidate, StageEventKind.Withdrawal) => Stage.Withdrawn,
        (Stage.Placed, StageEventKind.Extension) => Stage.Placed,
        (Stage.Placed, StageEventKind.Return) => Stage.Returned,
        (not Stage.Deceased, StageEventKind.Death) => Stage.Deceased,
        _ => null,
    };

    /// <summary>§9 guards; withdrawal only before any payment.</summary>
    public static RuleFailure? Check(Stage from, StageEventKind kind, bool hasAnyPayment)
    {
        if (Next(from, kind) is null)
        {
            return RuleFailure.Of("§9", "stage.transition", "stage", ("stage", Codes.Of(from)), ("event", Codes.Of(kind)));
        }

        if (kind == StageEventKind.Withdrawal && hasAnyPayment)
        {
            return RuleFailure.Of("§9", "stage.withdrawal-after-payment", "stage");
        }

        return null;
    }
}
