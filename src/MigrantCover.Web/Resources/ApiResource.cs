namespace MigrantCover.Web.Resources;

/// <summary>Marker for the titles and details of the API's problems (Resources/ApiResource*.resx), built by Api/Problems.</summary>
public sealed class ApiResource;
