namespace MigrantCover.Web.Tests.Surface;

/// <summary>The OpenAPI document the app serves, as the OpenAPI tests read it.</summary>
public static class OpenApiDocument
{
    /// <summary>GETs /swagger/v1/swagger.json (it must answer 200) and parses it.</summary>
    public static async Task<JsonElement> FetchAsync(AppFactory factory)
    {
        var response = await SurfaceSetup.Client(factory).GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>The document's operation for <paramref name="method"/> (any case) on <paramref name="path"/>.</summary>
    public static JsonElement Operation(JsonElement document, string method, string path) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method.ToLowerInvariant());
}
