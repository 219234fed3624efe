namespace MigrantCover.Domain;

/// <summary>The expected amount of a payment, or why there is none.</summary>
public sealed record TariffResult(long? Amount, IReadOnlyList<RuleFailure> Failures, RuleSet? RuleSet)
{
    public bool IsValid => Amount is not null && Failures.Count == 0;
}

public static class Tariff
{
    public const int MaxMonthsPerPayment = 120;

    /// <summary>
    /// Placement + post-placement price (R-TAR-1..3). The individual scheme pays the same in one payment.
    /// Throws when no rule set was in force (before 2017-08-01): use <see cref="Expected"/> for input.
    /// </summary>
    public static long PlacementAmount(int contractMonths, Scheme scheme, DateOnly paidOn)
    {
        _ = scheme;
        var set = RuleSets.For(paidOn)
            ?? throw new ArgumentOutOfRangeException(nameof(paidOn), "No rule set before 2017-08-01.");
        return set.PlacementAmount(contractMonths);
    }

    /// <summary>R-PAY-1: what a payment of this kind must amount to, under the rule set of its date (R-VER-1).</summary>
    public static TariffResult Expected(
        PaymentKind kind,
        Scheme scheme,
        int contractMonths,
        DateOnly paidOn,
        int? months,
        long? monthlyAmount)
    {
        var set = RuleSets.For(paidOn);
        if (set is null)
        {
            // R-VER-1: nothing can be priced before the first rule set.
            return Fail(null, RuleFailure.Of("R-VER-1", "payment.no-rule-set", "paidOn", ("firstOn", Arg.Date(RuleSets.Permenaker7Of2017.ValidFrom))));
        }

        switch (kind)
        {
            case PaymentKind.PrePlacement:
                // R-PAY-3 (Permenaker 4/2023 Pasal 19): no pre-placement stage for the individual scheme.
                return scheme == Scheme.Individual
                    ? Fail(set, RuleFailure.Of("R-PAY-3", "payment.pre-placement-individual", "kind"))
                    : new TariffResult(set.PrePlacementAmount, [], set);

            case PaymentKind.Placement:
                if (contractMonths is < Registration.MinContractMonths or > Registration.MaxContractMonths)
                {
                    return Fail(set, RuleFailure.Of(
                        "R-COV-4",
                        "contract.range",
                        "contractMonths",
                        ("min", Arg.Int(Registration.MinContractMonths)),
                        ("max", Arg.Int(Registration.MaxContractMonths))));
                }

                return new TariffResult(set.PlacementAmount(contractMonths), [], set);

            case PaymentKind.Extension:
                // R-TAR-4 (Permenaker 4/2023 Pasal 20): per extra month, same rate before 2023 (interpretation).
                return MonthsFailure(months) is { } extensionFailure
                    ? Fail(set, extensionFailure)
                    : new TariffResult(months!.Value * set.ExtensionMonthlyRate, [], set);

            case PaymentKind.Jht:
                var failures = new List<RuleFailure>(2);
                if (MonthsFailure(months) is { } jhtMonths)
                {
                    failures.Add(jhtMonths);
                }

                // R-PRG-2: the monthly amount is one of the tiers.
                if (monthlyAmount is not { } monthly)
                {
                    failures.Add(RuleFailure.Of("R-PRG-2", "jht.monthly-required", "monthlyAmount", ("tiers", Tiers(set))));
                }
                else if (!set.JhtTiers.Contains(monthly))
                {
                    failures.Add(RuleFailure.Of("R-PRG-2", "jht.tier", "monthlyAmount", ("monthlyAmount", Arg.Money(monthly)), ("tiers", Tiers(set))));
                }

                return failures.Count > 0
                    ? new TariffResult(null, failures, set)
                    : new TariffResult(months!.Value * monthlyAmount!.Value, [], set);

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    // R-PAY-1: extension and jht payments state how many months they pay for.
    private static RuleFailure? MonthsFailure(int? months) => months switch
    {
        null => Registration.Required("R-PAY-1", "months"),
        < 1 or > MaxMonthsPerPayment => RuleFailure.Of("R-PAY-1", "payment.months-range", "months", ("min", "1"), ("max", Arg.Int(MaxMonthsPerPayment))),
        _ => null,
    };

    private static string Tiers(RuleSet set) => string.Join(",", set.JhtTiers);

    private static TariffResult Fail(RuleSet? set, RuleFailure failure) => new(null, [failure], set);
}
