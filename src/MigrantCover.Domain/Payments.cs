namespace MigrantCover.Domain;

/// <summary>A payment an officer wants to record, with the worker it belongs to.</summary>
public sealed record PaymentFacts(
    Scheme Scheme, Stage Stage, int ContractMonths, DateOnly? PlacementAgreementSignedOn, CoverageHistory History,
    PaymentKind Kind, long Amount, DateOnly PaidOn, int? Months = null, long? MonthlyAmount = null);

public static class PaymentRules
{
    /// <summary>All failures for recording the payment (R-PAY-1, R-PAY-3, R-PAY-4, R-COV-5, §9, R-PRG-2).</summary>
    public static IReadOnlyList<RuleFailure> Check(PaymentFacts facts, DateOnly today)
    {
        var failures = new List<RuleFailure>();

        // R-PAY-1: payment dates are not in the future.
        if (facts.PaidOn > today)
        {
            failures.Add(RuleFailure.Of("R-PAY-1", "payment.future", "paidOn", ("today", Arg.Date(today))));
        }

        // §9 (interpretation): only candidates and placed workers pay; a withdrawn, failed, returned or
        // deceased worker's file is closed.
        if (facts.Stage is not (Stage.Candidate or Stage.Placed))
        {
            failures.Add(RuleFailure.Of("§9", "payment.stage", "kind", ("stage", Codes.Of(facts.Stage))));
        }

        var departedOn = facts.History.DepartedOn;
        switch (facts.Kind)
        {
            case PaymentKind.PrePlacement:
                CheckPrePlacement(facts, departedOn, failures);
                break;

            case PaymentKind.Placement:
                // R-PAY-4: the placement payment is made before departure.
                if (facts.Stage != Stage.Candidate || (departedOn is { } d && facts.PaidOn > d))
                {
                    failures.Add(RuleFailure.Of("R-PAY-4", "payment.placement-after-departure", "kind"));
                }

                break;

            case PaymentKind.Extension:
                CheckExtension(facts, departedOn, failures);
                break;

            case PaymentKind.Jht:
                break;

            default:
                throw new ArgumentOutOfRangeException(nameof(facts), facts.Kind, null);
        }

        // R-PAY-1: the amount is the expected amount under the rule set of the payment date (R-VER-1).
        var expected = Tariff.Expected(facts.Kind, facts.Scheme, facts.ContractMonths, facts.PaidOn, facts.Months, facts.MonthlyAmount);
        foreach (var f in expected.Failures)
        {
            if (!failures.Exists(x => x.Key == f.Key))
            {
                failures.Add(f);
            }
        }

        if (expected.Amount is { } amount && amount != facts.Amount)
        {
            failures.Add(new RuleFailure(
                "R-PAY-1",
                "payment.amount",
                "amount",
                new Dictionary<string, string>
                {
                    ["expectedAmount"] = Arg.Money(amount),
                    ["amount"] = Arg.Money(facts.Amount),
                    ["ruleSet"] = expected.RuleSet!.Title,
                },
                amount));
        }

        return failures;
    }

    private static void CheckPrePlacement(PaymentFacts facts, DateOnly? departedOn, List<RuleFailure> failures)
    {
        // R-PAY-3: the pre-placement stage needs a signed placement agreement, dated on or before payment.
        if (facts.Scheme != Scheme.Individual)
        {
            if (facts.PlacementAgreementSignedOn is not { } signed)
            {
                failures.Add(RuleFailure.Of("R-PAY-3", "payment.agreement-missing", "placementAgreementSignedOn"));
            }
            else if (signed > facts.PaidOn)
            {
                failures.Add(RuleFailure.Of(
                    "R-PAY-3",
                    "payment.agreement-after",
                    "paidOn",
                    ("signedOn", Arg.Date(signed)),
                    ("paidOn", Arg.Date(facts.PaidOn))));
            }
        }

        // R-COV-1: pre-placement cover is for candidates, before departure.
        if (facts.Stage == Stage.Placed || departedOn is not null)
        {
            failures.Add(RuleFailure.Of("R-COV-1", "payment.pre-placement-after-departure", "kind"));
        }
    }

    private static void CheckExtension(PaymentFacts facts, DateOnly? departedOn, List<RuleFailure> failures)
    {
        // R-COV-5: only placed workers extend, while placement cover still runs.
        if (facts.Stage != Stage.Placed || departedOn is not { } d)
        {
            failures.Add(RuleFailure.Of("R-COV-5", "payment.extension-not-placed", "kind"));
            return;
        }

        var (_, coverEnd) = Coverage.PlacementEnds(facts.History, d);
        if (facts.PaidOn > coverEnd)
        {
            failures.Add(RuleFailure.Of("R-COV-5", "payment.extension-cover-ended", "paidOn", ("coverEndedOn", Arg.Date(coverEnd))));
        }
        else if (facts.PaidOn < d)
        {
            failures.Add(RuleFailure.Of("R-COV-5", "payment.extension-before-departure", "paidOn", ("departedOn", Arg.Date(d))));
        }
    }
}

/// <summary>What makes two submissions "the same payment" (R-PAY-2).</summary>
public sealed record PaymentSubmission(
    string Reference,
    PaymentKind Kind,
    long Amount,
    DateOnly PaidOn,
    int? Months = null,
    long? MonthlyAmount = null);

public enum DuplicateOutcome
{
    /// <summary>Another reference: not a duplicate.</summary>
    Different,

    /// <summary>Same reference and content: return the existing payment, change nothing.</summary>
    Same,

    /// <summary>Same reference, different content: refuse.</summary>
    Conflict,
}

public static class PaymentDeduplication
{
    /// <summary>References are compared trimmed and case-insensitively (interpretation).</summary>
    public static string NormalizeReference(string reference) => reference.Trim().ToUpperInvariant();

    // R-PAY-2: a reference is recorded once; same content is idempotent, different content conflicts.
    public static DuplicateOutcome Compare(PaymentSubmission existing, PaymentSubmission incoming)
    {
        if (NormalizeReference(existing.Reference) != NormalizeReference(incoming.Reference))
        {
            return DuplicateOutcome.Different;
        }

        var same = existing.Kind == incoming.Kind
            && existing.Amount == incoming.Amount
            && existing.PaidOn == incoming.PaidOn
            && existing.Months == incoming.Months
            && existing.MonthlyAmount == incoming.MonthlyAmount;
        return same ? DuplicateOutcome.Same : DuplicateOutcome.Conflict;
    }

    public static RuleFailure ConflictFailure(PaymentSubmission existing) =>
        RuleFailure.Of("R-PAY-2", "payment.reference-conflict", "reference", ("reference", existing.Reference));
}
