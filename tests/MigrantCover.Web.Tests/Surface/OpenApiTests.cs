using static MigrantCover.Web.Tests.Surface.OpenApiDocument;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Surface;

/// <summary>
/// Item 11 of issue 11: the served OpenAPI document says what the API does. Enumerations are the string
/// codes the API sends, only operations that need a token ask for one, and every answer the suite gets
/// here (status and media type) is one the document lists for that operation.
/// </summary>
public abstract class OpenApiTests(AppFactory factory) : ProviderTests(factory)
{
    private static bool NeedsToken(JsonElement operation) =>
        operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;

    [Fact]
    public async Task EnumerationsAreTheStringCodesTheApiSends()
    {
        var schemas = (await OpenApiDocument.FetchAsync(Factory)).GetProperty("components").GetProperty("schemas");
        var enums = schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("enum", out _)).ToList();
        Assert.NotEmpty(enums);
        foreach (var schema in enums)
        {
            Assert.Equal("string", schema.Value.GetProperty("type").GetString());
            Assert.All(schema.Value.GetProperty("enum").EnumerateArray(), v => Assert.Matches("^[a-z][a-z0-9-]*$", v.GetString()));
        }

        Assert.Equal(["male", "female"], schemas.GetProperty("Sex").GetProperty("enum").EnumerateArray().Select(v => v.GetString()));
    }

    [Fact]
    public async Task OnlyOperationsThatNeedATokenAskForOneAndEveryBodyMayBeRefused()
    {
        var document = await OpenApiDocument.FetchAsync(Factory);
        Assert.False(NeedsToken(Operation(document, "post", "/api/v1/auth/token")));
        Assert.False(NeedsToken(Operation(document, "post", "/api/v1/coverage/lookup")));
        Assert.True(NeedsToken(Operation(document, "get", "/api/v1/workers")));
        Assert.True(NeedsToken(Operation(document, "get", "/api/v1/auth/me")));
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses");
                Assert.True(responses.TryGetProperty("400", out _), $"{operation.Name} {path.Name}: no 400");
                Assert.True(responses.TryGetProperty("503", out _), $"{operation.Name} {path.Name}: no 503");
                if (NeedsToken(operation.Value))
                {
                    Assert.True(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _), $"{operation.Name} {path.Name}: no 401/403");
                }

                if (operation.Value.TryGetProperty("requestBody", out _))
                {
                    Assert.True(responses.TryGetProperty("413", out _) && responses.TryGetProperty("415", out _), $"{operation.Name} {path.Name}: takes a body but lists no 413/415");
                }
            }
        }
    }

    [Fact]
    public async Task QueryParametersAnswersAndBodiesAreTheOnesOfDocsApi()
    {
        var document = await OpenApiDocument.FetchAsync(Factory);
        static string[] Parameters(JsonElement operation) => [.. operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()!)];
        Assert.Equal(["search", "stage", "destinationCountry", "province", "scheme", "page", "pageSize"], Parameters(Operation(document, "get", "/api/v1/workers")));
        Assert.Equal(["workerId", "state", "type", "page", "pageSize", "office"], Parameters(Operation(document, "get", "/api/v1/claims")));
        Assert.Equal(["from", "to"], Parameters(Operation(document, "get", "/api/v1/stats/enrollment")));

        // The lists say what they answer, as the other reads do.
        foreach (var path in new[] { "/api/v1/claims", "/api/v1/workers/{id}/heirs" })
        {
            var ok = Operation(document, "get", path).GetProperty("responses").GetProperty("200");
            Assert.True(ok.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out _), $"GET {path}: 200 without a body ({ok})");
        }

        // The claim steps read their bodies themselves: the document still shows them, required where a step needs one.
        foreach (var (step, required) in new[] { ("outcome", true), ("pay", true), ("reject", true), ("verify", false), ("approve", false) })
        {
            var operation = Operation(document, "post", $"/api/v1/claims/{{id}}/{step}");
            Assert.True(operation.TryGetProperty("requestBody", out var body), $"{step}: no request body");
            Assert.True(body.GetProperty("content").TryGetProperty("application/json", out _), $"{step}: {body}");
            Assert.Equal(required, body.TryGetProperty("required", out var r) && r.GetBoolean());
            Assert.True(operation.GetProperty("responses").TryGetProperty("415", out _), $"{step}: no 415");
        }
    }

    [Fact]
    public async Task EveryAnswerOfTheseRequestsIsDocumented()
    {
        var document = await OpenApiDocument.FetchAsync(Factory);
        var anonymous = SurfaceSetup.Client(Factory);
        var officer = await SurfaceSetup.Client(Factory).AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var worker = (await officer.RegisterAsync()).GetProperty("id").GetString()!;
        static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
        var calls = new (string Path, HttpClient Client, HttpRequestMessage Request)[]
        {
            ("/api/v1/auth/token", anonymous, new(HttpMethod.Post, "/api/v1/auth/token") { Content = Json($"{{\"email\":\"{AppFactory.OfficerEmail}\",\"password\":\"{AppFactory.OfficerPassword}\"}}") }),
            ("/api/v1/auth/token", anonymous, new(HttpMethod.Post, "/api/v1/auth/token") { Content = Json("{\"email\":\"x@y.id\",\"password\":\"nope\"}") }),
            ("/api/v1/auth/token", anonymous, new(HttpMethod.Post, "/api/v1/auth/token") { Content = Json("{\"email\":\"\"}") }),
            ("/api/v1/auth/me", anonymous, new(HttpMethod.Get, "/api/v1/auth/me")),
            ("/api/v1/auth/me", officer, new(HttpMethod.Get, "/api/v1/auth/me")),
            ("/api/v1/coverage/lookup", anonymous, new(HttpMethod.Post, "/api/v1/coverage/lookup") { Content = Json("{\"membershipNumber\":\"123\",\"dateOfBirth\":\"1995-07-09\"}") }),
            ("/api/v1/coverage/lookup", anonymous, new(HttpMethod.Post, "/api/v1/coverage/lookup") { Content = Json("{\"membershipNumber\":\"" + MembershipNumber.Issue(2026, 987_654) + "\",\"dateOfBirth\":\"1995-07-09\"}") }),
            ("/api/v1/coverage/lookup", anonymous, new(HttpMethod.Post, "/api/v1/coverage/lookup") { Content = Json("{\"pad\":\"" + new string('x', 5000) + "\"}") }),
            ("/api/v1/workers", officer, new(HttpMethod.Get, "/api/v1/workers")),
            ("/api/v1/workers", anonymous, new(HttpMethod.Get, "/api/v1/workers")),
            ("/api/v1/workers", officer, new(HttpMethod.Get, "/api/v1/workers?search=%00")),
            ("/api/v1/workers/{id}", officer, new(HttpMethod.Get, $"/api/v1/workers/{worker}")),
            ("/api/v1/workers/{id}", officer, new(HttpMethod.Get, $"/api/v1/workers/{Guid.NewGuid()}")),
            ("/api/v1/stats/enrollment", officer, new(HttpMethod.Get, "/api/v1/stats/enrollment")),
            ("/api/v1/claims", officer, new(HttpMethod.Get, "/api/v1/claims?workerId=" + worker)),
            ("/api/v1/workers/{id}/heirs", officer, new(HttpMethod.Get, $"/api/v1/workers/{worker}/heirs")),
            ("/api/v1/claims/{id}/outcome", officer, new(HttpMethod.Post, $"/api/v1/claims/{Guid.NewGuid()}/outcome") { Content = new StringContent("{}", Encoding.UTF8, "text/plain") }),
        };

        foreach (var (path, client, request) in calls)
        {
            var method = request.Method.Method;
            var response = await client.SendAsync(request);
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            var documented = Operation(document, method, path).GetProperty("responses");
            Assert.True(documented.TryGetProperty(status, out var answer), $"{method} {request.RequestUri}: {status} is not documented");
            if (response.Content.Headers.ContentType?.MediaType is { } media && answer.TryGetProperty("content", out var content))
            {
                Assert.True(content.TryGetProperty(media, out _), $"{method} {request.RequestUri}: {status} {media} is not documented ({content})");
            }
        }
    }
}

public sealed class OpenApiTestsOnSqlite(SqliteAppFactory<SurfaceSetup> f) : OpenApiTests(f), IClassFixture<SqliteAppFactory<SurfaceSetup>>;

public sealed class OpenApiTestsOnPostgres(PostgresAppFactory<SurfaceSetup> f) : OpenApiTests(f), IClassFixture<PostgresAppFactory<SurfaceSetup>>;
