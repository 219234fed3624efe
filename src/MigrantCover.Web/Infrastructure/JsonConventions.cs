using System.Text.Json;
using System.Text.Json.Serialization;

namespace MigrantCover.Web.Infrastructure;

/// <summary>The JSON of docs/api.md: camelCase, enumerations as lowercase codes with hyphens, dates YYYY-MM-DD.</summary>
public static class JsonConventions
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        return options;
    }
}
