namespace MigrantCover.Web.Data.Entities;

/// <summary>A placement restriction of R-DST-2: data an admin can view and end-date.</summary>
public sealed class PlacementRestrictionRule
{
    public int Id { get; set; }

    public string CountryCode { get; set; } = "";

    public Category Category { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public string LegalBasis { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}
