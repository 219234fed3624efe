namespace MigrantCover.Web.Features.Validation;

/// <summary>
/// The bridge from the rule book to the web layer: the domain's checks run on the typed facts of a
/// request and their <see cref="RuleFailure"/> values join the request's input failures. The rules are
/// never written again here.
/// </summary>
public static class RuleBook
{
    /// <summary>
    /// The input failures, then the rule book's; a field whose input is already wrong (a date that is
    /// not a date reads as missing) gets no second "missing" message from the rules: neither the shared
    /// <c>required</c> nor a rule's own <c>…-required</c> (<c>heir.dob-required</c>, R-HEIR-3).
    /// </summary>
    public static List<Failure> After(IReadOnlyList<Failure> input, IEnumerable<RuleFailure> rules)
    {
        var failures = input.ToList();
        foreach (var rule in rules)
        {
            var required = rule.Key == "required" || rule.Key.EndsWith("-required", StringComparison.Ordinal);
            if (!required || rule.Field is null || !failures.Exists(f => f.Field == rule.Field))
            {
                failures.Add(Failure.Of(rule));
            }
        }

        return failures;
    }

    /// <summary>A rule that blocks the operation as a whole (a §9 stage change): a conflict naming it.</summary>
    public static Outcome<T> Blocked<T>(RuleFailure rule) => Outcome<T>.Conflict(Failure.Of(rule));
}
