namespace MigrantCover.Web.Resources;

/// <summary>Marker for the bulk registration's texts (Resources/ImportResource*.resx): file problems, row messages, the import pages, the template's notes.</summary>
public sealed class ImportResource;
