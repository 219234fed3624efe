using MigrantCover.Web.Features.PublicCoverage;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Surface;

/// <summary>
/// Defect 3 of issue 11: text PostgreSQL cannot store (U+0000) or that reads other than typed (control
/// characters; direction overrides and zero-width characters in names) is refused with a clear 400 on
/// its field, in both languages, on both providers, anonymous or not; never a 500.
/// </summary>
public abstract class HostileTextTests(AppFactory factory) : ProviderTests(factory)
{
    private const string ControlId = "karakter kontrol";
    private const string ControlEn = "control character";
    private const string InvisibleEn = "invisible character";

    private static readonly string[] Hostile = ["a\u0000b", "\u0000", "x\u0001y", "\u001b[31m", "\u007f", "b\u0085"];

    private static readonly string[] TextFields =
    [
        "fullName", "placeOfBirth", "address", "phone", "email", "agencyName", "agencyLicence", "occupation", "employerName",
        "nik", "familyCardNumber", "sex", "purpose", "category", "scheme", "destinationCountry", "dateOfBirth",
        "placementAgreementSignedOn", "registeredOn",
    ];

    private async Task<HttpClient> OfficerAsync(string? language = null)
    {
        var api = SurfaceSetup.Client(Factory, acceptLanguage: language);
        return await api.AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
    }

    private static string ErrorOf(JsonElement problem, string field) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));

    [Fact]
    public async Task TheTokenEndpointRefusesANulInTheEmailAnonymouslyInBothLanguages()
    {
        var id = await (await SurfaceSetup.Client(Factory).PostAsJsonAsync("/api/v1/auth/token", new { email = "admin\u0000@demo.migrantcover.id", password = "x" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(ControlId, ErrorOf(id, "email"), StringComparison.Ordinal);
        var en = await (await SurfaceSetup.Client(Factory, acceptLanguage: "en").PostAsJsonAsync("/api/v1/auth/token", new { email = "\u0000", password = "x" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(ControlEn, ErrorOf(en, "email"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistrationRefusesControlCharactersInEveryTextFieldNever500()
    {
        var api = await OfficerAsync("en");
        foreach (var field in TextFields)
        {
            foreach (var value in Hostile)
            {
                var response = await api.PostAsJsonAsync("/api/v1/workers", Body(new() { [field] = value }));
                var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} = {Escape(value)}: no error on the field: {problem}");
            }
        }

        // The anonymous and officer searches too.
        foreach (var url in new[] { "/api/v1/workers?search=%00", "/api/v1/workers?search=a%00b", "/api/v1/workers?destinationCountry=%00", "/api/v1/workers?province=%00" })
        {
            var response = await api.GetAsync(url);
            await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        var search = await (await api.GetAsync("/api/v1/workers?search=%00")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(ControlEn, ErrorOf(search, "search"), StringComparison.Ordinal);
        var names = await Factory.WithDbAsync(db => db.Workers.Select(w => w.FullName + w.Address + w.AgencyName).ToListAsync());
        Assert.DoesNotContain(names, n => n.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')));
    }

    [Fact]
    public async Task NamesRefuseDirectionOverridesAndZeroWidthCharactersButKeepRealNames()
    {
        var api = await OfficerAsync("en");
        foreach (var field in new[] { "fullName", "placeOfBirth", "agencyName", "employerName" })
        {
            foreach (var value in new[] { "Siti \u202eirA", "Siti\u200bAminah", "Siti \u2066Aminah\u2069", "\ufeffSiti", "Siti\nAminah" })
            {
                var problem = await (await api.PostAsJsonAsync("/api/v1/workers", Body(new() { [field] = value }))).AssertProblemAsync(HttpStatusCode.BadRequest);
                Assert.Contains(InvisibleEn, ErrorOf(problem, field), StringComparison.Ordinal);
            }
        }

        // Letters of every script, apostrophes and hyphens are names; an address may have line breaks.
        var worker = await api.RegisterAsync(new() { ["fullName"] = "Nur'aini Siti-Ḥasanah " + UniqueWord(), ["address"] = "Jl. Merdeka 1\r\nSemarang" });
        Assert.StartsWith("Nur'aini Siti-Ḥasanah", worker.GetProperty("fullName").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagesShowTheMessageNextToTheField()
    {
        // Anonymous: the sign-in page.
        var browser = Factory.CreateBrowserClient();
        browser.DefaultRequestHeaders.Add(SurfaceSetup.PeerHeader, SurfaceSetup.NextAddress());
        var signIn = await browser.SubmitFormAsync("/Account/SignIn", new Dictionary<string, string?> { ["Input.Email"] = "a\u0001@b.id", ["Input.Password"] = "x" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var page = await Forms.ParseAsync(signIn);
        Assert.Contains(ControlId, page.QuerySelector("#Input_Email_error")!.TextContent, StringComparison.Ordinal);

        // A form with U+0000 (no browser sends one) is refused by the framework's form reader: the 400 page, never a 500.
        var nul = await browser.SubmitFormAsync("/Account/SignIn", new Dictionary<string, string?> { ["Input.Email"] = "a\u0000@b.id", ["Input.Password"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);

        // An officer's registration form.
        await browser.SignInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var fields = Body(new() { ["fullName"] = "Siti\u0007Aminah", ["agencyName"] = "PT \u202eSejahtera" })
            .Where(kv => kv.Key != "confirmDuplicate")
            .ToDictionary(kv => "Input." + char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..], kv => kv.Value is null ? "" : Convert.ToString(kv.Value, CultureInfo.InvariantCulture));
        var response = await browser.SubmitFormAsync("/Workers/Register", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        page = await Forms.ParseAsync(response);
        Assert.Contains(ControlId, page.QuerySelector("#Input_FullName_error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tak terlihat", page.QuerySelector("#Input_AgencyName_error")!.TextContent, StringComparison.Ordinal);

        // The officers' search.
        var search = await browser.GetAsync("/Workers?Filter.Search=%00");
        Assert.True(search.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"search answered {(int)search.StatusCode}");
    }

    [Fact]
    public async Task ThePublicMaskedNameNeverCarriesInvisibleCharacters()
    {
        // A name stored before the rule (or by another way in) keeps its characters; the answer does not.
        Assert.Equal("S*** A*****", CoverageAnswers.Mask("Siti \u202eAminah\u200b"));
        Assert.Equal("S*** A*****", CoverageAnswers.Mask("\u2066Siti\u2069 Aminah\u0000"));
        Assert.DoesNotContain(CoverageAnswers.Mask("\u200b \u202e x"), c => c is '\u200b' or '\u202e');
    }

    private static string Escape(string value) => string.Concat(value.Select(c => c < 32 || c > 126 ? $"\\u{(int)c:x4}" : c.ToString()));
}

public sealed class HostileTextTestsOnSqlite(SqliteAppFactory<SurfaceSetup> f) : HostileTextTests(f), IClassFixture<SqliteAppFactory<SurfaceSetup>>;

public sealed class HostileTextTestsOnPostgres(PostgresAppFactory<SurfaceSetup> f) : HostileTextTests(f), IClassFixture<PostgresAppFactory<SurfaceSetup>>;
