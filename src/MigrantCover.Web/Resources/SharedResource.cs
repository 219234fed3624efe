namespace MigrantCover.Web.Resources;

/// <summary>
/// Marker for the strings shared by every page (layout, common buttons). Indonesian is the neutral
/// resource (Resources/SharedResource.resx), English the .en satellite. Each area keeps its own
/// resource class and files beside this one (Resources/Workers.resx, ...).
/// </summary>
public sealed class SharedResource;
