namespace MigrantCover.Web.Resources;

/// <summary>Marker for the admin area's strings (Resources/AdminResource.resx, .en.resx).</summary>
public sealed class AdminResource;
