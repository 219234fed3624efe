namespace MigrantCover.Web.Resources;

/// <summary>Marker for the heir and claim pages' strings (Resources/ClaimsResource.resx Indonesian, .en English).</summary>
public sealed class ClaimsResource;
