using System.Text.RegularExpressions;
using MigrantCover.Web.Tests.Coverage;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests;

/// <summary>
/// Every kind of problem the API answers, asked for in English and in Indonesian (Accept-Language "en"
/// and "id"): the same status and fields, different words, and no English in the Indonesian answer.
/// </summary>
public abstract partial class ProblemLanguageTests(AppFactory factory) : ProviderTests(factory)
{
    private sealed record Case(string Name, HttpStatusCode Status, Func<Clients, Task<HttpResponseMessage>> Send);

    /// <summary>The clients of one language: anonymous, officer and admin, each from an address of its own.</summary>
    private sealed record Clients(HttpClient Anonymous, HttpClient Officer, HttpClient Admin);

    [Fact]
    public async Task EveryProblemOfTheApiIsInTheLanguageAskedFor()
    {
        var setup = await ClientsAsync("id");
        var candidate = await setup.Officer.RegisterAsync();
        var id = candidate.GetProperty("id").GetString()!;
        var reference = "LANG-" + UniqueWord();
        var paid = await setup.Officer.PayAsync(id, new { kind = "placement", amount = 332_500, paidOn = "2026-01-20", reference });
        var membershipNumber = paid.GetProperty("membershipNumber").GetString()!;
        var locked = MembershipNumber.Issue(2094, 1_234);
        for (var i = 0; i < 5; i++)
        {
            var miss = await CoverageArrange.Client(Factory).PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = locked, dateOfBirth = "1990-01-01" });
            Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
        }

        Case[] cases =
        [
            new("input shape", HttpStatusCode.BadRequest, c => c.Officer.PostAsJsonAsync("/api/v1/workers", Body(new() { ["dateOfBirth"] = "2025-02-30", ["category"] = "nanny", ["fullName"] = null }))),
            new("rule book", HttpStatusCode.BadRequest, c => c.Officer.PostAsJsonAsync("/api/v1/workers", Body(new() { ["nik"] = "9902220907950003", ["sex"] = "male", ["destinationCountry"] = "SA" }))),
            new("expected amount", HttpStatusCode.BadRequest, c => c.Officer.PostAsJsonAsync($"/api/v1/workers/{id}/payments", new { kind = "pre-placement", amount = 1, paidOn = "2026-01-20", reference = "X-" + UniqueWord() })),
            new("malformed body", HttpStatusCode.BadRequest, c => c.Officer.PostAsync("/api/v1/workers", new StringContent("{\"nik\": ", Encoding.UTF8, "application/json"))),
            new("wrong type", HttpStatusCode.BadRequest, c => c.Anonymous.PostAsync("/api/v1/auth/token", new StringContent("{\"email\": 5}", Encoding.UTF8, "application/json"))),
            new("not JSON", HttpStatusCode.UnsupportedMediaType, c => c.Officer.PostAsync($"/api/v1/claims/{Guid.NewGuid()}/pay", new StringContent("{}", Encoding.UTF8, "text/plain"))),
            new("empty body", HttpStatusCode.BadRequest, c => c.Officer.PostAsync($"/api/v1/workers/{id}/departure", new StringContent("null", Encoding.UTF8, "application/json"))),
            new("no body", HttpStatusCode.BadRequest, c => c.Officer.PostAsync("/api/v1/workers", new StringContent("", Encoding.UTF8, "application/json"))),
            new("unreadable parameter", HttpStatusCode.BadRequest, c => c.Officer.GetAsync("/api/v1/claims?page=abc&workerId=x")),
            new("search filter", HttpStatusCode.BadRequest, c => c.Officer.GetAsync("/api/v1/workers?stage=sleeping&province=99&pageSize=0")),
            new("date range", HttpStatusCode.BadRequest, c => c.Admin.GetAsync("/api/v1/stats/enrollment?from=2026-02-01&to=kemarin")),
            new("credentials missing", HttpStatusCode.BadRequest, c => c.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { })),
            new("lookup check digit", HttpStatusCode.BadRequest, c => c.Anonymous.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = membershipNumber[..10] + (char)('0' + ((membershipNumber[10] - '0' + 1) % 10)), dateOfBirth = "9.7.1995x" })),
            new("wrong credentials", HttpStatusCode.Unauthorized, c => c.Anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email = AppFactory.OfficerEmail, password = "wrong" })),
            new("no token", HttpStatusCode.Unauthorized, c => c.Anonymous.GetAsync("/api/v1/workers")),
            new("wrong role", HttpStatusCode.Forbidden, c => c.Officer.GetAsync("/api/v1/stats/enrollment")),
            new("unknown worker", HttpStatusCode.NotFound, c => c.Officer.GetAsync($"/api/v1/workers/{Guid.NewGuid()}")),
            new("unknown address", HttpStatusCode.NotFound, c => c.Officer.GetAsync("/api/v1/nothing-here")),
            new("lookup not found", HttpStatusCode.NotFound, c => c.Anonymous.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = MembershipNumber.Issue(2093, 77), dateOfBirth = "1995-07-09" })),
            new("wrong method", HttpStatusCode.MethodNotAllowed, c => c.Officer.DeleteAsync("/api/v1/workers")),
            new("NIK taken", HttpStatusCode.Conflict, c => c.Officer.PostAsJsonAsync("/api/v1/workers", Body(new() { ["nik"] = candidate.GetProperty("nik").GetString() }))),
            new("possible duplicate", HttpStatusCode.Conflict, c => c.Officer.PostAsJsonAsync("/api/v1/workers", Body(new() { ["fullName"] = candidate.GetProperty("fullName").GetString() }))),
            new("stage", HttpStatusCode.Conflict, c => c.Officer.PostAsJsonAsync($"/api/v1/workers/{id}/return", new { arrivedOn = "2026-02-01" })),
            new("stale edit", HttpStatusCode.Conflict, c => c.Officer.PutAsJsonAsync($"/api/v1/workers/{id}", Body(new() { ["nik"] = candidate.GetProperty("nik").GetString(), ["fullName"] = candidate.GetProperty("fullName").GetString(), ["address"] = "Jl. Lain 9", ["reason"] = "Koreksi", ["version"] = 99 }))),
            new("payment reference", HttpStatusCode.Conflict, c => c.Officer.PostAsJsonAsync($"/api/v1/workers/{id}/payments", new { kind = "placement", amount = 332_000, paidOn = "2026-01-20", reference })),
            new("identifier locked", HttpStatusCode.TooManyRequests, c => c.Anonymous.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = locked, dateOfBirth = "1990-01-01" })),
            new("too many lookups", HttpStatusCode.TooManyRequests, async c =>
            {
                for (var i = 0; i < 10; i++)
                {
                    await c.Anonymous.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = MembershipNumber.Issue(2092, 1 + i), dateOfBirth = "1990-01-01" });
                }

                return await c.Anonymous.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = MembershipNumber.Issue(2092, 99), dateOfBirth = "1990-01-01" });
            }),
        ];

        var english = await ClientsAsync("en");
        var indonesian = await ClientsAsync("id");
        foreach (var c in cases)
        {
            var en = await Texts(await c.Send(english), c);
            var bahasa = await Texts(await c.Send(indonesian), c);
            Assert.True(en.Fields.SetEquals(bahasa.Fields), $"{c.Name}: the same fields in both languages");
            Assert.All(en.Texts.Zip(bahasa.Texts), pair => Assert.True(pair.First != pair.Second, $"{c.Name}: '{pair.First}' is the same in Indonesian"));
            Assert.Contains(en.Texts, t => EnglishWord().IsMatch(t));
            Assert.All(bahasa.Texts, t => Assert.False(EnglishWord().IsMatch(t), $"{c.Name}: English in the Indonesian answer: '{t}'"));
        }
    }

    [GeneratedRegex(@"\b(the|is|are|not|and|must|cannot|this|with|from|your|you|check|enter|please|does|found|wrong|missing|again|only|too|been|after|before)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWord();

    // The problem's title, detail and field messages, in order, and the names of its fields and extensions.
    private static async Task<(List<string> Texts, HashSet<string> Fields)> Texts(HttpResponseMessage response, Case c)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == c.Status, $"{c.Name}: expected {(int)c.Status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        var texts = new List<string> { problem.GetProperty("title").GetString()!, problem.GetProperty("detail").GetString()! };
        var fields = problem.EnumerateObject().Select(p => p.Name).ToHashSet();
        if (problem.TryGetProperty("errors", out var errors))
        {
            Assert.True(problem.TryGetProperty("ruleIds", out _), $"{c.Name}: errors without ruleIds");
            foreach (var field in errors.EnumerateObject())
            {
                fields.Add("errors." + field.Name);
                texts.AddRange(field.Value.EnumerateArray().Select(m => m.GetString()!));
            }
        }

        return (texts, fields);
    }

    private async Task<Clients> ClientsAsync(string language)
    {
        HttpClient Client()
        {
            var client = CoverageArrange.Client(Factory);
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            return client;
        }

        return new(Client(), await Client().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword), await Client().AuthorizeAsync(AppFactory.AdminEmail, AppFactory.AdminPassword));
    }
}

public sealed class ProblemLanguageTestsOnSqlite(SqliteAppFactory<CoverageHost> f) : ProblemLanguageTests(f), IClassFixture<SqliteAppFactory<CoverageHost>>;

public sealed class ProblemLanguageTestsOnPostgres(PostgresAppFactory<CoverageHost> f) : ProblemLanguageTests(f), IClassFixture<PostgresAppFactory<CoverageHost>>;
