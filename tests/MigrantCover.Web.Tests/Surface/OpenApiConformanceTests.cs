using static MigrantCover.Web.Tests.Surface.OpenApiDocument;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Surface;

/// <summary>
/// Item 11 of issue 11, kept true: the document marks the required fields and the length limits the
/// validators enforce, and the bodies of real answers (success and problem) conform to the schema the
/// document gives for their operation, status and media type: types, required properties, enumerations,
/// lengths, and no property the document does not name.
/// </summary>
public abstract class OpenApiConformanceTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    public async Task RequestSchemasMarkRequiredFieldsAndLengthLimits()
    {
        var document = await OpenApiDocument.FetchAsync(Factory);
        var register = Unwrap(document, RequestSchema(document, "post", "/api/v1/workers"));
        var required = register.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ToList();
        Assert.Contains("fullName", required);
        Assert.Contains("address", required);
        Assert.DoesNotContain("email", required);
        Assert.Equal(150, register.GetProperty("properties").GetProperty("fullName").GetProperty("maxLength").GetInt32());
        Assert.Equal(254, register.GetProperty("properties").GetProperty("email").GetProperty("maxLength").GetInt32());

        var payment = Unwrap(document, RequestSchema(document, "post", "/api/v1/workers/{id}/payments"));
        Assert.Equal(["amount", "kind", "paidOn", "reference"], payment.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(60, payment.GetProperty("properties").GetProperty("reference").GetProperty("maxLength").GetInt32());
    }

    [Fact]
    public async Task RealAnswersConformToTheDocumentedSchemas()
    {
        var document = await OpenApiDocument.FetchAsync(Factory);
        var anonymous = SurfaceSetup.Client(Factory);
        var officer = await SurfaceSetup.Client(Factory).AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var admin = await SurfaceSetup.Client(Factory).AuthorizeAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var worker = (await officer.RegisterAsync()).GetProperty("id").GetString()!;
        var reference = "OA-" + UniqueWord();
        var paid = await officer.PayAsync(worker, new { kind = "pre-placement", amount = 37_500, paidOn = "2026-01-10", reference });
        var paymentId = paid.GetProperty("id").GetString()!;
        var membershipNumber = (await officer.GetWorkerAsync(worker)).GetProperty("membershipNumber").GetString()!;
        static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
        var calls = new (string Path, HttpClient Client, HttpRequestMessage Request)[]
        {
            ("/api/v1/auth/token", anonymous, new(HttpMethod.Post, "/api/v1/auth/token") { Content = Json($"{{\"email\":\"{AppFactory.OfficerEmail}\",\"password\":\"{AppFactory.OfficerPassword}\"}}") }),
            ("/api/v1/auth/token", anonymous, new(HttpMethod.Post, "/api/v1/auth/token") { Content = Json("{\"email\":\"\"}") }),
            ("/api/v1/auth/me", officer, new(HttpMethod.Get, "/api/v1/auth/me")),
            ("/api/v1/auth/me", anonymous, new(HttpMethod.Get, "/api/v1/auth/me")),
            ("/api/v1/workers", officer, new(HttpMethod.Post, "/api/v1/workers") { Content = JsonContent.Create(Body()) }),
            ("/api/v1/workers", officer, new(HttpMethod.Post, "/api/v1/workers") { Content = Json("{\"fullName\":\"\"}") }),
            ("/api/v1/workers", officer, new(HttpMethod.Get, "/api/v1/workers")),
            ("/api/v1/workers/{id}", officer, new(HttpMethod.Get, $"/api/v1/workers/{worker}")),
            ("/api/v1/workers/{id}", officer, new(HttpMethod.Get, $"/api/v1/workers/{Guid.NewGuid()}")),
            ("/api/v1/workers/{id}/payments", officer, new(HttpMethod.Post, $"/api/v1/workers/{worker}/payments") { Content = JsonContent.Create(new { kind = "pre-placement", amount = 37_500, paidOn = "2026-01-10", reference }) }),
            ("/api/v1/workers/{id}/payments", officer, new(HttpMethod.Post, $"/api/v1/workers/{worker}/payments") { Content = JsonContent.Create(new { kind = "pre-placement", amount = 99_000, paidOn = "2026-01-10", reference }) }),
            ("/api/v1/workers/{id}/payments/{paymentId}", officer, new(HttpMethod.Get, $"/api/v1/workers/{worker}/payments/{paymentId}")),
            ("/api/v1/coverage/lookup", anonymous, new(HttpMethod.Post, "/api/v1/coverage/lookup") { Content = Json($"{{\"membershipNumber\":\"{membershipNumber}\",\"dateOfBirth\":\"{Body()["dateOfBirth"]}\"}}") }),
            ("/api/v1/coverage/lookup", anonymous, new(HttpMethod.Post, "/api/v1/coverage/lookup") { Content = Json("{\"membershipNumber\":\"" + MembershipNumber.Issue(2026, 987_655) + "\",\"dateOfBirth\":\"1995-07-09\"}") }),
            ("/api/v1/coverage/lookup", anonymous, new(HttpMethod.Post, "/api/v1/coverage/lookup") { Content = Json("{\"membershipNumber\":\"123\"}") }),
            ("/api/v1/stats/enrollment", admin, new(HttpMethod.Get, "/api/v1/stats/enrollment")),
            ("/api/v1/claims", officer, new(HttpMethod.Get, "/api/v1/claims")),
            ("/api/v1/workers/{id}/heirs", officer, new(HttpMethod.Get, $"/api/v1/workers/{worker}/heirs")),
        };

        var statuses = new List<int>();
        foreach (var (path, client, request) in calls)
        {
            var method = request.Method.Method;
            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses.Add(status);
            var body = await response.Content.ReadAsStringAsync();
            var answer = Operation(document, method, path).GetProperty("responses").GetProperty(status.ToString(CultureInfo.InvariantCulture));
            if (body.Length == 0)
            {
                continue;
            }

            var media = response.Content.Headers.ContentType!.MediaType!;
            var schema = answer.GetProperty("content").GetProperty(media).GetProperty("schema");
            var errors = new List<string>();
            Conform(document, schema, JsonDocument.Parse(body).RootElement, "$", errors);
            Assert.True(errors.Count == 0, $"{method} {path} {status}: {string.Join("; ", errors)}\n{body}");
        }

        // The calls reached the answers they were meant to (success and problem alike).
        Assert.Equal([200, 400, 200, 401, 201, 400, 200, 200, 404, 200, 409, 200, 200, 404, 400, 200, 200, 200], statuses);
    }

    private static JsonElement RequestSchema(JsonElement document, string method, string path) =>
        Operation(document, method, path).GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");

    // A request body's schema: its reference, possibly wrapped in a one-element allOf.
    private static JsonElement Unwrap(JsonElement document, JsonElement schema)
    {
        schema = Resolve(document, schema);
        return schema.TryGetProperty("allOf", out var all) && all.GetArrayLength() == 1 ? Resolve(document, all[0]) : schema;
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/components/schemas/".Length..];
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    // The subset of JSON Schema the document uses: $ref, allOf/oneOf/anyOf, type (with null), enum,
    // required, properties (none beyond them unless additionalProperties allows), items, maxLength.
    private static void Conform(JsonElement document, JsonElement schema, JsonElement value, string at, List<string> errors)
    {
        schema = Resolve(document, schema);
        var types = schema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!]
            : [];
        var nullable = types.Contains("null") || (schema.TryGetProperty("nullable", out var n) && n.GetBoolean());
        if (value.ValueKind == JsonValueKind.Null && nullable)
        {
            return;
        }

        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var part in all.EnumerateArray())
            {
                Conform(document, part, value, at, errors);
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var any) && !any.EnumerateArray().Any(part =>
            {
                var inner = new List<string>();
                Conform(document, part, value, at, inner);
                return inner.Count == 0;
            }))
            {
                errors.Add($"{at}: matches none of {keyword}");
            }
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (types.Count > 0 || schema.TryGetProperty("enum", out _))
            {
                errors.Add($"{at}: null, but not nullable");
            }

            return;
        }

        if (types.Count > 0 && !types.Any(t => IsOfType(value, t)))
        {
            errors.Add($"{at}: {value.ValueKind}, documented as {string.Join("|", types)}");
            return;
        }

        if (schema.TryGetProperty("enum", out var allowed) && !allowed.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.Null ? false : a.ToString() == value.ToString()))
        {
            errors.Add($"{at}: '{value}' is not one of the documented values");
        }

        if (value.ValueKind == JsonValueKind.String && schema.TryGetProperty("maxLength", out var max) && value.GetString()!.Length > max.GetInt32())
        {
            errors.Add($"{at}: longer than {max.GetInt32()}");
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Conform(document, items, item, $"{at}[{i++}]", errors);
            }
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (!value.TryGetProperty(name, out _))
                {
                    errors.Add($"{at}.{name}: required, missing");
                }
            }
        }

        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Conform(document, propertySchema, property.Value, $"{at}.{property.Name}", errors);
            }
            else if (hasAdditional && additional.ValueKind == JsonValueKind.Object)
            {
                Conform(document, additional, property.Value, $"{at}.{property.Name}", errors);
            }
            else if (hasProperties && !(hasAdditional && additional.ValueKind == JsonValueKind.True))
            {
                errors.Add($"{at}.{property.Name}: not in the document");
            }
        }
    }

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };
}

public sealed class OpenApiConformanceTestsOnSqlite(SqliteAppFactory<SurfaceSetup> f) : OpenApiConformanceTests(f), IClassFixture<SqliteAppFactory<SurfaceSetup>>;

public sealed class OpenApiConformanceTestsOnPostgres(PostgresAppFactory<SurfaceSetup> f) : OpenApiConformanceTests(f), IClassFixture<PostgresAppFactory<SurfaceSetup>>;
