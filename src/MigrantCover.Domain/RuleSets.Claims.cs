namespace MigrantCover.Domain;

/// <summary>
/// R-CLM-1: one row of a rule set's claims table. <see cref="Basis"/> null means the rule set has no
/// such benefit ("n/a": a claim of that type is <c>not-in-rule-set</c>). <see cref="Amount"/> is the
/// fixed amount or the cap; null for <c>claimed</c> and <c>balance</c>.
/// <see cref="AmountOutsidePlacement"/> is the <c>death</c> amount in the pre-placement and
/// post-placement phases and the individual scheme's window.
/// </summary>
public sealed record ClaimBenefit(ClaimType Type, AmountBasis? Basis, long? Amount, long? AmountOutsidePlacement = null)
{
    public bool InRuleSet => Basis is not null;

    /// <summary>The amount that applies in <paramref name="phase"/> for a fixed benefit, or the cap.</summary>
    public long? AmountIn(CoverPhase? phase) =>
        AmountOutsidePlacement is { } outside && phase is not CoverPhase.Placement ? outside : Amount;
}

public static partial class RuleSets
{
    // R-CLM-1 (interpretations in the rule book: the 24.000.000 outside placement of 18/2018 and 7/2017
    // is derived from the published components; 7/2017's failed departure is taken as 18/2018's; the
    // work-accident death amount is the same in every phase and rule set).
    private static ClaimBenefit[] ClaimTable(long deathOutsidePlacement, long failedDeparture, bool earlier)
    {
        ClaimBenefit OnlyIn2023(ClaimType type, AmountBasis basis, long amount) =>
            earlier ? new(type, null, null) : new(type, basis, amount);

        ClaimBenefit[] table =
        [
            new(ClaimType.Death, AmountBasis.Fixed, 85_000_000, deathOutsidePlacement),
            new(ClaimType.WorkAccidentDeath, AmountBasis.Fixed, 85_000_000),
            new(ClaimType.FailedDeparture, AmountBasis.Fixed, failedDeparture),
            OnlyIn2023(ClaimType.TreatmentAbroad, AmountBasis.Cap, 50_000_000),
            OnlyIn2023(ClaimType.HomeCare, AmountBasis.Cap, 20_000_000),
            OnlyIn2023(ClaimType.Rape, AmountBasis.Fixed, 50_000_000),
            OnlyIn2023(ClaimType.PlacedAgainstAgreement, AmountBasis.Fixed, 25_000_000),
            new(ClaimType.JourneyHomeLoss, AmountBasis.Cap, 10_000_000),
            OnlyIn2023(ClaimType.UnilateralTermination, AmountBasis.Fixed, 1_500_000),
            new(ClaimType.TotalPermanentDisability, AmountBasis.Cap, 100_000_000),
            new(ClaimType.MedicalCare, AmountBasis.Claimed, null),
            new(ClaimType.JhtWithdrawal, AmountBasis.Balance, null),
        ];

        // Indexed by ClaimType (RuleSet.BenefitFor).
        if (table.Length != Enum.GetValues<ClaimType>().Length)
        {
            throw new InvalidOperationException("The claims table must list every claim type.");
        }

        for (var i = 0; i < table.Length; i++)
        {
            if ((int)table[i].Type != i)
            {
                throw new InvalidOperationException("The claims table must list every claim type in enumeration order.");
            }
        }

        return table;
    }
}
