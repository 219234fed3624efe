namespace MigrantCover.Web.Tests.Surface;

/// <summary>Item 10 of issue 11: hostile return addresses, oversized lookup bodies, wrong methods.</summary>
public abstract class EdgeTests(AppFactory factory) : ProviderTests(factory)
{
    public static readonly TheoryData<string> HostileReturnUrls =
    [
        "/%09/evil.example", "/%0a/evil.example", "/%0d/evil.example", "//evil.example", "/\\evil.example", "/%5Cevil.example",
        "https://evil.example", "http:evil.example", "%2F%2Fevil.example", "/%00", "/ /evil.example", "\\\\evil.example",
        "javascript:alert(1)", "/%E2%80%AE/evil.example", "%09/evil.example", "/%0d%0aSet-Cookie:%20x=1",
    ];

    [Theory]
    [MemberData(nameof(HostileReturnUrls))]
    public async Task TheLanguageSwitchRedirectsHomeFromAHostileReturnUrl(string returnUrl)
    {
        var response = await SurfaceSetup.Client(Factory).GetAsync("/language?culture=en-US&returnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location == "/" || (location.StartsWith('/') && location.Length > 1 && location[1] is not ('/' or '\\')), $"{returnUrl} → {location}");
        Assert.DoesNotContain(location, c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\');
    }

    [Fact]
    public async Task TheLanguageSwitchKeepsALocalReturnUrl()
    {
        var response = await SurfaceSetup.Client(Factory).GetAsync("/language?culture=en-US&returnUrl=%2FCoverage%3Fx%3D1");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Coverage?x=1", response.Headers.Location!.OriginalString);
    }

    private async Task<HttpClient> OfficerAsync(string language)
    {
        var officer = await SurfaceSetup.Client(Factory).AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        officer.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return officer;
    }

    [Fact]
    public async Task TheLookupReadsAFewKilobytesAt413Beyond()
    {
        var padded = "{\"membershipNumber\":\"00000000000\",\"dateOfBirth\":\"1995-07-09\",\"pad\":\"" + new string('x', 5000) + "\"}";
        var api = await SurfaceSetup.Client(Factory).PostAsync("/api/v1/coverage/lookup", new StringContent(padded, Encoding.UTF8, "application/json"));
        var problem = await api.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));

        var page = await SurfaceSetup.Client(Factory).PostAsync("/Coverage", new FormUrlEncodedContent(new Dictionary<string, string> { ["Identifier"] = new string('1', 6000) }));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);

        // A normal lookup is read as before.
        var normal = await SurfaceSetup.Client(Factory).PostAsync("/api/v1/coverage/lookup", new StringContent("{\"membershipNumber\":\"00000000000\",\"dateOfBirth\":\"1995-07-09\"}", Encoding.UTF8, "application/json"));
        Assert.NotEqual(HttpStatusCode.RequestEntityTooLarge, normal.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/workers", "id")]
    [InlineData("/api/v1/claims/assess", "en")]
    [InlineData("/api/v1/claims/CLAIM/reject", "id")]
    [InlineData("/api/v1/auth/token", "en")]
    public async Task AnApiBodyOverTheLimitIs413InTheCallersLanguageNotReadWhole(string path, string language)
    {
        var officer = await OfficerAsync(language);
        var body = "{\"fullName\":\"" + new string('x', (int)Api.ApiSetup.MaxJsonBodyBytes) + "\"}";
        var response = await officer.PostAsync(path.Replace("CLAIM", Guid.NewGuid().ToString(), StringComparison.Ordinal), new StringContent(body, Encoding.UTF8, "application/json"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        var english = await (await (await OfficerAsync("en")).PostAsync("/api/v1/auth/token", new StringContent(body, Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(language == "en", problem.GetProperty("detail").GetString() == english.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("outcome", "en")]
    [InlineData("verify", "id")]
    [InlineData("approve", "en")]
    [InlineData("pay", "id")]
    [InlineData("reject", "en")]
    public async Task AClaimStepWithABodyThatIsNotJsonIs415NotA500(string step, string language)
    {
        var officer = await OfficerAsync(language);
        var response = await officer.PostAsync($"/api/v1/claims/{Guid.NewGuid()}/{step}", new StringContent("{\"outcome\":\"healed\"}", Encoding.UTF8, "text/plain"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // As the endpoints that bind their body answer the same mistake.
        var bound = await officer.PostAsync($"/api/v1/workers/{Guid.NewGuid()}/departure", new StringContent("{}", Encoding.UTF8, "text/plain"));
        Assert.Equal(problem.GetProperty("detail").GetString(), (await bound.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType)).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/v1/stats/enrollment?to=9999-12-31")]
    [InlineData("/api/v1/stats/enrollment?from=9999-12-31")]
    [InlineData("/api/v1/stats/enrollment?to=0001-01-01")]
    [InlineData("/api/v1/stats/enrollment?from=0001-01-01&to=9999-12-31")]
    [InlineData("/api/v1/stats/claims?from=0001-01-01&to=9999-12-31")]
    public async Task TotalsOverTheFirstAndLastDatesThereAreAnswer200NotA500(string url)
    {
        var admin = await SurfaceSetup.Client(Factory).AuthorizeAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var response = await admin.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        Assert.True(JsonDocument.Parse(body).RootElement.TryGetProperty("totals", out _));
    }

    [Theory]
    [InlineData("GET", "/api/v1/auth/token")]
    [InlineData("PUT", "/api/v1/auth/token")]
    [InlineData("GET", "/api/v1/coverage/lookup")]
    [InlineData("DELETE", "/api/v1/coverage/lookup")]
    public async Task PostOnlyRoutesAnswer405ToOtherMethods(string method, string url)
    {
        var response = await SurfaceSetup.Client(Factory).SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        await response.AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Contains("POST", response.Content.Headers.Allow);
    }
}

public sealed class EdgeTestsOnSqlite(SqliteAppFactory<SurfaceSetup> f) : EdgeTests(f), IClassFixture<SqliteAppFactory<SurfaceSetup>>;

public sealed class EdgeTestsOnPostgres(PostgresAppFactory<SurfaceSetup> f) : EdgeTests(f), IClassFixture<PostgresAppFactory<SurfaceSetup>>;
