namespace MigrantCover.Web.Resources;

/// <summary>Marker for the officers' pages strings (Resources/WorkersResource.resx Indonesian, .en English).</summary>
public sealed class WorkersResource;
