namespace MigrantCover.Domain;

/// <summary>
/// A benefit of §10. <see cref="Note"/> qualifies the amount: "up-to", "as-needed", "per-school-level",
/// "plus-transport" or "not-in-rule-book" (the rule book gives no amount for this rule set).
/// </summary>
public sealed record Benefit(string Key, string Id, string En, long? Amount, string? Note);

/// <summary>R-VER-1: one Permenaker, effective-dated, with its tariffs and benefits.</summary>
public sealed class RuleSet
{
    internal RuleSet(
        string id,
        string title,
        string tariffRuleId,
        DateOnly validFrom,
        DateOnly? validTo,
        long prePlacementAmount,
        long? flatPlacementAmount,
        IReadOnlyList<Benefit> benefits)
    {
        Id = id;
        Title = title;
        TariffRuleId = tariffRuleId;
        ValidFrom = validFrom;
        ValidTo = validTo;
        PrePlacementAmount = prePlacementAmount;
        FlatPlacementAmount = flatPlacementAmount;
        Benefits = benefits;
    }

    public string Id { get; }

    public string Title { get; }

    /// <summary>R-TAR-1, R-TAR-2 or R-TAR-3.</summary>
    public string TariffRuleId { get; }

    public DateOnly ValidFrom { get; }

    /// <summary>Last day in force, inclusive; null while in force.</summary>
    public DateOnly? ValidTo { get; }

    public long PrePlacementAmount { get; }

    /// <summary>Placement + post-placement price whatever the contract length; null when priced by length.</summary>
    public long? FlatPlacementAmount { get; }

    /// <summary>R-TAR-3 package rate, also the R-TAR-4 extension rate.</summary>
    public long MonthlyRate => 13_500;

    public long ExtensionMonthlyRate => MonthlyRate;

    // R-PRG-2: the same tiers in every rule set (7/2017: interpretation).
    public IReadOnlyList<long> JhtTiers { get; } = [50_000, 100_000, 200_000, 300_000, 400_000, 500_000, 600_000];

    public IReadOnlyList<Benefit> Benefits { get; }

    /// <summary>R-CLM-1: the claims table of this rule set, one row per <see cref="ClaimType"/>.</summary>
    public IReadOnlyList<ClaimBenefit> ClaimBenefits { get; internal init; } = [];

    /// <summary>R-CLM-1 / R-HEIR-5: the funeral component inside the death amount.</summary>
    public long FuneralComponent { get; internal init; }

    /// <summary>R-CLM-7: a JKK claim expires this many years after the incident.</summary>
    public int JkkClaimExpiryYears { get; internal init; }

    /// <summary>R-CLM-1: the row of <paramref name="type"/> (a row with no basis when the rule set has no such benefit).</summary>
    public ClaimBenefit BenefitFor(ClaimType type) => ClaimBenefits[(int)type];

    public bool IsInForceOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo.Value);

    /// <summary>Placement + post-placement price for a contract of <paramref name="contractMonths"/> months.</summary>
    public long PlacementAmount(int contractMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(contractMonths, 1);
        if (FlatPlacementAmount is { } flat)
        {
            // R-TAR-1 / R-TAR-2: flat, whatever the contract length.
            return flat;
        }

        // R-TAR-3 (Permenaker 4/2023 Pasal 18, interpretation): the cheapest way to cover m months,
        // min((max(m,6) + 2) × 13.500, 332.500 + max(0, m − 24) × 13.500).
        long m = contractMonths;
        var byShortPackage = (Math.Max(m, 6) + 2) * MonthlyRate;
        var byLongPackage = 332_500 + (Math.Max(0, m - 24) * MonthlyRate);
        return Math.Min(byShortPackage, byLongPackage);
    }

    public override string ToString() => Id;
}

public static partial class RuleSets
{
    public static readonly RuleSet Permenaker7Of2017 = new(
        "permenaker-7-2017",
        "Permenaker No. 7 Tahun 2017",
        "R-TAR-1",
        new DateOnly(2017, 8, 1),
        new DateOnly(2018, 12, 9),
        37_000,
        333_000,
        BenefitsFor(failedDeparture: null, earlier: true))
    {
        ClaimBenefits = ClaimTable(deathOutsidePlacement: 24_000_000, failedDeparture: 7_500_000, earlier: true),
        FuneralComponent = 3_000_000,
        JkkClaimExpiryYears = 2,
    };

    public static readonly RuleSet Permenaker18Of2018 = new(
        "permenaker-18-2018",
        "Permenaker No. 18 Tahun 2018",
        "R-TAR-2",
        new DateOnly(2018, 12, 10),
        new DateOnly(2023, 2, 21),
        37_500,
        332_500,
        BenefitsFor(failedDeparture: 7_500_000, earlier: true))
    {
        ClaimBenefits = ClaimTable(deathOutsidePlacement: 24_000_000, failedDeparture: 7_500_000, earlier: true),
        FuneralComponent = 3_000_000,
        JkkClaimExpiryYears = 2,
    };

    public static readonly RuleSet Permenaker4Of2023 = new(
        "permenaker-4-2023",
        "Permenaker No. 4 Tahun 2023",
        "R-TAR-3",
        new DateOnly(2023, 2, 22),
        null,
        37_500,
        null,
        BenefitsFor(failedDeparture: 10_000_000, earlier: false))
    {
        ClaimBenefits = ClaimTable(deathOutsidePlacement: 42_000_000, failedDeparture: 10_000_000, earlier: false),
        FuneralComponent = 10_000_000,
        JkkClaimExpiryYears = 5,
    };

    /// <summary>Oldest first.</summary>
    public static IReadOnlyList<RuleSet> All { get; } = [Permenaker7Of2017, Permenaker18Of2018, Permenaker4Of2023];

    /// <summary>
    /// R-VER-1: the rule set in force on the date, or null before 2017-08-01 (no BPJS scheme for
    /// migrant workers existed; callers turn null into a failure).
    /// </summary>
    public static RuleSet? For(DateOnly date)
    {
        if (date >= Permenaker4Of2023.ValidFrom)
        {
            return Permenaker4Of2023;
        }

        if (date >= Permenaker18Of2018.ValidFrom)
        {
            return Permenaker18Of2018;
        }

        return date >= Permenaker7Of2017.ValidFrom ? Permenaker7Of2017 : null;
    }

    public static RuleSet? ById(string? id)
    {
        foreach (var set in All)
        {
            if (string.Equals(set.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return set;
            }
        }

        return null;
    }

    // §10: amounts where the rule book gives them for the rule set; otherwise null with a note.
    private static Benefit[] BenefitsFor(long? failedDeparture, bool earlier)
    {
        const string unknown = "not-in-rule-book";
        return
        [
            new("death", "Kematian selama penempatan (JKM), termasuk biaya pemakaman dan santunan berkala", "Death during placement (JKM), including funeral costs and periodic benefit", 85_000_000, null),
            new("scholarship", "Beasiswa untuk anak peserta yang meninggal", "Scholarship for the children of a deceased participant", null, "per-school-level"),
            new("failed-departure", "Gagal berangkat bukan karena kesalahan pekerja", "Failed departure through no fault of the worker", failedDeparture, failedDeparture is null ? unknown : null),
            new("accident-treatment-abroad", "Perawatan kecelakaan kerja di luar negeri", "Work-accident treatment abroad", earlier ? null : 50_000_000, earlier ? unknown : "up-to"),
            new("home-care", "Perawatan di rumah setelah kecelakaan kerja", "Home care after a work accident", earlier ? null : 20_000_000, earlier ? unknown : "up-to"),
            new("rape", "Pemerkosaan yang terbukti", "Rape, proven", earlier ? null : 50_000_000, earlier ? unknown : null),
            new("misplacement", "Ditempatkan tidak sesuai perjanjian kerja (ditambah biaya transportasi pulang hingga Rp15.000.000)", "Placed against the work agreement (plus transport home up to Rp15.000.000)", earlier ? null : 25_000_000, earlier ? unknown : "plus-transport"),
            new("loss-on-journey-home", "Kehilangan dalam perjalanan pulang", "Loss on the journey home", earlier ? null : 10_000_000, earlier ? unknown : "up-to"),
            new("unilateral-termination", "Pemutusan hubungan kerja sepihak", "Unilateral termination of employment", earlier ? null : 1_500_000, earlier ? unknown : null),
            new("accident-medical-care", "Perawatan medis kecelakaan kerja", "Work-accident medical care", null, "as-needed"),
        ];
    }
}
