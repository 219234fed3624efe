namespace MigrantCover.Web.Resources;

/// <summary>Marker for the strings of the public coverage pages and API (Resources/CoverageResource*.resx).</summary>
public sealed class CoverageResource;
