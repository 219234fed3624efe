namespace MigrantCover.Domain;

/// <summary>R-DST-2: a row of the placement restriction table (data an admin can end-date).</summary>
public sealed record PlacementRestriction(
    string CountryCode,
    Category Category,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string LegalBasis)
{
    public bool IsActiveOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo.Value);
}

public static class Restrictions
{
    public const string Kepmenaker260LegalBasis = "Kepmenaker No. 260 Tahun 2015";

    /// <summary>R-DST-2 seed: domestic workers to 19 Middle East countries from 2015-07-01, no end date.</summary>
    public static IReadOnlyList<PlacementRestriction> Kepmenaker260 { get; } =
        "SA DZ BH IQ KW LB LY MA MR EG OM PS QA SD SY TN AE YE JO".Split(' ')
            .Select(c => new PlacementRestriction(c, Category.Domestic, new DateOnly(2015, 7, 1), null, Kepmenaker260LegalBasis))
            .ToArray();

    // R-DST-2: the first restriction in force for the country and category on the date, or null.
    public static PlacementRestriction? Active(
        IEnumerable<PlacementRestriction> restrictions,
        string? countryCode,
        Category category,
        DateOnly date)
    {
        if (countryCode is null)
        {
            return null;
        }

        foreach (var r in restrictions)
        {
            if (r.Category == category
                && string.Equals(r.CountryCode, countryCode.Trim(), StringComparison.OrdinalIgnoreCase)
                && r.IsActiveOn(date))
            {
                return r;
            }
        }

        return null;
    }

    internal static RuleFailure Failure(PlacementRestriction r, string field) =>
        RuleFailure.Of(
            "R-DST-2",
            "destination.restricted",
            field,
            ("country", r.CountryCode),
            ("category", Codes.Of(r.Category)),
            ("legalBasis", r.LegalBasis),
            ("validFrom", Arg.Date(r.ValidFrom)));
}
