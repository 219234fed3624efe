namespace MigrantCover.Web.Tests.Admin;

/// <summary>Admin-only pages and API, staff accounts, placement restrictions, audit search.</summary>
public abstract class AdminPagesTests(AppFactory factory) : ProviderTests(factory)
{
    private const string NewPassword = "Nusantara#2026";

    // A form of an admin page whose inputs are Input.Field, posted as the admin's browser does.
    private static Task<HttpResponseMessage> SubmitInputAsync(HttpClient admin, string url, string form, params (string Field, string Value)[] input) =>
        admin.SubmitFormAsync(url, input.ToDictionary(i => "Input." + i.Field, i => (string?)i.Value), form);

    private static Task<HttpResponseMessage> AddRestrictionAsync(HttpClient admin, string country, string category, string validFrom, string legalBasis) =>
        SubmitInputAsync(admin, "/Admin/Restrictions", "#add-form", ("CountryCode", country), ("Category", category), ("ValidFrom", validFrom), ("LegalBasis", legalBasis));

    private static Task<HttpResponseMessage> CreateAccountAsync(HttpClient admin, string email, string displayName, string password, string role) =>
        SubmitInputAsync(admin, "/Admin/Accounts", "#create-form", ("Email", email), ("DisplayName", displayName), ("Password", password), ("Role", role), ("OfficeCode", role == "officer" ? AppFactory.OfficerOffice : ""));

    public static TheoryData<string> AdminPages =>
    [
        "/Admin", "/Admin/Gaps?kind=departed-without-cover", "/Admin/Export?table=totals", "/Admin/Accounts", "/Admin/Restrictions", "/Admin/Audit", "/Admin/Offices",
    ];

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task OfficerGetsForbiddenOnEveryAdminPage(string url)
    {
        var client = await Factory.SignedInBrowserAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);

        var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task OfficerTokenGetsForbiddenOnStatsApiAndAnonymousUnauthorized()
    {
        var officer = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/v1/stats/enrollment")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync("/api/v1/stats/enrollment")).StatusCode);

        // The admin's sign-in cookie is not a bearer token: the API wants a token.
        var cookie = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/v1/stats/enrollment")).StatusCode);
    }

    [Fact]
    public async Task AdminCreatesAnOfficerWhoCanSignInAndIsListedWithRole()
    {
        var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var email = $"petugas.{Guid.NewGuid():N}@bp2mi.go.id";
        var created = await CreateAccountAsync(admin, email, "Petugas Baru", NewPassword, "officer");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var page = await admin.GetDocumentAsync("/Admin/Accounts");
        var row = page.QuerySelector($"#accounts tr[data-email='{email}']")!;
        Assert.Contains("Petugas", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Belum pernah", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(email, page.QuerySelector("#done")!.TextContent, StringComparison.Ordinal);

        var officer = await Factory.SignedInBrowserAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Admin")).StatusCode);
        var after = await admin.GetDocumentAsync("/Admin/Accounts");
        Assert.DoesNotContain("Belum pernah", after.QuerySelector($"#accounts tr[data-email='{email}']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingAnAccountWithBadInputShowsErrorsNextToFields()
    {
        var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var response = await CreateAccountAsync(admin, AppFactory.OfficerEmail, "", "short", "root");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#error-summary"));
        foreach (var field in new[] { "Input_Email", "Input_DisplayName", "Input_Password", "Input_Role" })
        {
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"#{field}_error")!.TextContent), field);
            Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        }
    }

    [Fact]
    public async Task DisabledAccountCannotSignInNorUseItsEarlierCookieOrToken()
    {
        var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var email = $"admin2.{Guid.NewGuid():N}@bp2mi.go.id";
        await CreateAccountAsync(admin, email, "Admin Kedua", NewPassword, "admin");

        var cookie = await Factory.SignedInBrowserAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/Admin")).StatusCode);
        var token = await Factory.CreateClient().AuthorizeAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/v1/stats/enrollment")).StatusCode);

        var id = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var disabled = await admin.SubmitFormAsync("/Admin/Accounts", new Dictionary<string, string?>(), $"form#disable-{id}");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.True(await Factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled).SingleAsync()));

        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/v1/stats/enrollment")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cookie.GetAsync("/Admin")).StatusCode);
        var again = await Factory.CreateBrowserClient().SubmitFormAsync("/Account/SignIn", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = NewPassword,
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = NewPassword })).StatusCode);
    }

    [Fact]
    public async Task AdminResetsAPasswordAndTheNewOneWorks()
    {
        var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var email = $"reset.{Guid.NewGuid():N}@bp2mi.go.id";
        await CreateAccountAsync(admin, email, "Lupa Sandi", NewPassword, "officer");
        var id = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        var weak = await admin.SubmitFormAsync("/Admin/Accounts", new Dictionary<string, string?> { ["newPassword"] = "abc" }, $"form#reset-{id}");
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(weak)).QuerySelector($"#newPassword-{id}-error"));

        var reset = await admin.SubmitFormAsync("/Admin/Accounts", new Dictionary<string, string?> { ["newPassword"] = "Baru#Sandi2026" }, $"form#reset-{id}");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        await Factory.CreateBrowserClient().SignInAsync(email, "Baru#Sandi2026");
    }

    [Fact]
    [Trait("Rule", "R-DST-2")]
    public async Task AdminAddsAndEndDatesARestrictionWhichIsNeverDeleted()
    {
        var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var page = await admin.GetDocumentAsync("/Admin/Restrictions");
        Assert.NotNull(page.QuerySelector("#restrictions tr[data-country='SA']"));
        var before = await Factory.WithDbAsync(db => db.PlacementRestrictions.CountAsync());

        var added = await AddRestrictionAsync(admin, "ly", "seafarer", "2026-01-01", "Kepmenaker Uji No. 1 Tahun 2026");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var rule = await Factory.WithDbAsync(db => db.PlacementRestrictions.SingleAsync(r => r.LegalBasis == "Kepmenaker Uji No. 1 Tahun 2026"));
        Assert.Equal("LY", rule.CountryCode);
        Assert.Equal(Category.Seafarer, rule.Category);
        Assert.Equal(AppFactory.AdminEmail, rule.CreatedBy);

        var early = await admin.SubmitFormAsync("/Admin/Restrictions", new Dictionary<string, string?> { ["validTo"] = "2025-12-31" }, $"form#end-{rule.Id}");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(early)).QuerySelector($"#validTo-{rule.Id}-error"));

        var ended = await admin.SubmitFormAsync("/Admin/Restrictions", new Dictionary<string, string?> { ["validTo"] = "2026-02-28" }, $"form#end-{rule.Id}");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(new DateOnly(2026, 2, 28), await Factory.WithDbAsync(db => db.PlacementRestrictions.Where(r => r.Id == rule.Id).Select(r => r.ValidTo).SingleAsync()));
        Assert.Equal(before + 1, await Factory.WithDbAsync(db => db.PlacementRestrictions.CountAsync()));
        var after = await admin.GetDocumentAsync("/Admin/Restrictions");
        Assert.Null(after.QuerySelector($"form#end-{rule.Id}"));
    }

    [Fact]
    public async Task AddingARestrictionWithBadInputShowsErrors()
    {
        var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var response = await AddRestrictionAsync(admin, "XX", "", "31/12/2026", "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        foreach (var field in new[] { "Input_CountryCode", "Input_Category", "Input_ValidFrom", "Input_LegalBasis" })
        {
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"#{field}_error")!.TextContent), field);
        }
    }

    [Fact]
    public async Task AuditSearchFindsEntriesByActorDateAndAction()
    {
        var worker = TestData.Worker();
        await Factory.WithDbAsync(async db =>
        {
            db.Workers.Add(worker);
            await db.SaveChangesAsync();
            const string Auditor = "auditor.uji@bp2mi.go.id";
            db.AuditEntries.Add(new(worker.Id, new DateTimeOffset(2026, 2, 10, 2, 0, 0, TimeSpan.Zero), "x", Auditor, "payment", "payments", null, "placement 332500", null));
            db.AuditEntries.Add(new(worker.Id, new DateTimeOffset(2026, 2, 12, 2, 0, 0, TimeSpan.Zero), "x", Auditor, "stage", "stageEvents", null, "departure 2026-02-12", null));
            await db.SaveChangesAsync();
        });
        var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);

        var all = await admin.GetDocumentAsync("/Admin/Audit?actor=auditor.uji%40bp2mi.go.id");
        Assert.Equal(2, all.QuerySelectorAll("#audit tbody tr").Length);
        Assert.Equal("/Workers/" + worker.Id, all.QuerySelector("#audit tbody a")!.GetAttribute("href"));
        Assert.Equal(worker.FullName, all.QuerySelector("#audit tbody a")!.TextContent.Trim());

        var payments = await admin.GetDocumentAsync("/Admin/Audit?actor=auditor.uji%40bp2mi.go.id&action=payment");
        Assert.Single(payments.QuerySelectorAll("#audit tbody tr"));
        var day = await admin.GetDocumentAsync("/Admin/Audit?actor=auditor.uji%40bp2mi.go.id&from=2026-02-12&to=2026-02-12");
        Assert.Contains("departure", Assert.Single(day.QuerySelectorAll("#audit tbody tr")).TextContent, StringComparison.Ordinal);

        // The search form is a GET of staff e-mail, dates and action only: no worker data in the URL.
        var form = all.QuerySelector("#audit-form")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(["actor", "from", "to", "action"], form.QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")!));

        var bad = await admin.GetDocumentAsync("/Admin/Audit?from=kemarin");
        Assert.NotNull(bad.QuerySelector("#error-summary"));
    }

    [Theory]
    [InlineData("to=9999-12-31", 2)]
    [InlineData("from=0001-01-01", 2)]
    [InlineData("from=0001-01-01&to=9999-12-31", 2)]
    [InlineData("from=9999-12-31", 0)]
    [InlineData("to=0001-01-01", 0)]
    public async Task AuditSearchTakesTheFirstAndLastDayADateCanHold(string dates, int rows)
    {
        // The WIB day around 0001-01-01 and 9999-12-31 reaches past what a date and time can hold: these are
        // the open ends of the search, not a 500.
        var worker = TestData.Worker();
        // An actor of this case only: the cases share the class's database.
        var auditor = $"ujung.{Guid.NewGuid():N}@bp2mi.go.id";
        await Factory.WithDbAsync(async db =>
        {
            db.Workers.Add(worker);
            await db.SaveChangesAsync();
            db.AuditEntries.Add(new(worker.Id, new DateTimeOffset(2026, 2, 10, 2, 0, 0, TimeSpan.Zero), "x", auditor, "payment", "payments", null, "placement 332500", null));
            db.AuditEntries.Add(new(worker.Id, new DateTimeOffset(2026, 2, 12, 2, 0, 0, TimeSpan.Zero), "x", auditor, "stage", "stageEvents", null, "departure 2026-02-12", null));
            await db.SaveChangesAsync();
        });
        var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);

        var page = await admin.GetDocumentAsync("/Admin/Audit?actor=" + Uri.EscapeDataString(auditor) + "&" + dates);

        Assert.Null(page.QuerySelector("#error-summary"));
        Assert.Equal(rows, page.QuerySelectorAll("#audit tbody tr").Count(r => r.TextContent.Contains(auditor, StringComparison.Ordinal)));
    }
}

public sealed class AdminPagesTestsOnSqlite(SqliteAppFactory f) : AdminPagesTests(f), IClassFixture<SqliteAppFactory>;

public sealed class AdminPagesTestsOnPostgres(PostgresAppFactory f) : AdminPagesTests(f), IClassFixture<PostgresAppFactory>;
