namespace MigrantCover.Web.Tests;

/// <summary>The foundation, on each provider: sign-in, roles, tokens, problems, health, languages, audit.</summary>
public abstract class FoundationTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    public async Task PublicPagesAnswerWithoutSignIn()
    {
        var client = Factory.CreateBrowserClient();
        foreach (var url in new[] { "/", "/Account/SignIn", "/health/live", "/swagger/index.html" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task EveryStylesheetAndScriptAPageReferencesIsServed()
    {
        var client = Factory.CreateBrowserClient();
        var document = await client.GetDocumentAsync("/Account/SignIn");
        var assets = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href"))
            .Concat(document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")))
            .OfType<string>().ToList();
        Assert.NotEmpty(assets);
        foreach (var url in assets)
        {
            // As a browser asks: compressed when possible.
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Accept-Encoding", "br, gzip");
            var response = await client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, url);
        }
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignIn()
    {
        var response = await Factory.CreateBrowserClient().GetAsync("/Workers");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/SignIn", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task OfficerSignsInAndReachesWorkersButGets403OnAdminPages()
    {
        var client = Factory.CreateBrowserClient();
        await client.SignInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Workers")).StatusCode);
        var admin = await client.GetAsync("/Admin");
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);
        Assert.Contains("Akses ditolak", await admin.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AdminSignsInAndReachesAdminPages()
    {
        var client = Factory.CreateBrowserClient();
        await client.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Workers")).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordIsRefusedWithAMessageInIndonesian()
    {
        var response = await Factory.CreateBrowserClient().SubmitFormAsync("/Account/SignIn", new Dictionary<string, string?>
        {
            ["Input.Email"] = AppFactory.OfficerEmail,
            ["Input.Password"] = "not the password",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Email atau kata sandi salah", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RepeatedFailuresRefuseTheRightPasswordFromThatAddressWithTheSameAnswer()
    {
        var email = $"lock-{Guid.NewGuid():N}@test.migrantcover.id";
        await CreateAccountAsync(email, "Lockout#2026", Roles.Officer);
        var client = Factory.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
        {
            await client.SubmitFormAsync("/Account/SignIn", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = "wrong" + i });
        }

        // The same words as a wrong password (defect 9 of issue 11: nobody learns that an account is locked).
        var response = await client.SubmitFormAsync("/Account/SignIn", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = "Lockout#2026" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Email atau kata sandi salah", await response.Content.ReadAsStringAsync());

        // The API says so too, in the language asked for (Indonesian by default).
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Lockout#2026" });
        Assert.Contains("Email atau kata sandi salah", (await token.AssertProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token") { Content = JsonContent.Create(new { email, password = "Lockout#2026" }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await (await client.SendAsync(english)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("password is wrong", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        var client = Factory.CreateBrowserClient();
        await client.SignInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var response = await client.SubmitFormAsync("/Workers", new Dictionary<string, string?>(), "form[action='/Account/SignOut']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Workers")).StatusCode);
    }

    [Fact]
    public async Task TokenFromOfficerCredentialsIsAcceptedByTheApi()
    {
        var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = AppFactory.OfficerEmail, password = AppFactory.OfficerPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("tokenType").GetString());
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());

        await client.AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.Equal(AppFactory.OfficerEmail, me.GetProperty("email").GetString());
        Assert.Equal("officer", me.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task WrongCredentialsGet401Problem()
    {
        var response = await Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = AppFactory.OfficerEmail, password = "wrong" });
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ApiWithoutTokenGets401Problem()
    {
        var response = await Factory.CreateClient().GetAsync("/api/v1/auth/me");
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task MalformedBodiesGet400ProblemNot500()
    {
        var client = Factory.CreateClient();
        foreach (var body in new[] { "{", "[]", "{\"email\": 5}", "not json", "{\"email\":\"a\",\"password\":{}}" })
        {
            var response = await client.PostAsync("/api/v1/auth/token", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        }

        var empty = await client.PostAsJsonAsync("/api/v1/auth/token", new { });
        var problem = await empty.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task DisabledAccountCannotUseATokenItObtainedEarlier()
    {
        var email = $"disabled-{Guid.NewGuid():N}@test.migrantcover.id";
        await CreateAccountAsync(email, "Disabled#2026", Roles.Officer);
        var client = await Factory.CreateClient().AuthorizeAsync(email, "Disabled#2026");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);

        await Factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == email);
            user.IsDisabled = true;
            await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        var again = await Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email, password = "Disabled#2026" });
        await again.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task SwaggerDocumentsTheApiWithTheBearerScheme()
    {
        var json = await Factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json");
        var doc = JsonDocument.Parse(json).RootElement;
        Assert.True(doc.GetProperty("paths").TryGetProperty("/api/v1/auth/token", out _));
        Assert.Equal("bearer", doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());
        Assert.DoesNotContain("\"/Workers", json);
    }

    [Fact]
    public async Task HealthIsLiveAndReadyWhenTheDatabaseIsMigrated()
    {
        var client = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task PagesAreIndonesianByDefaultAndEnglishAfterTheSwitch()
    {
        var client = Factory.CreateBrowserClient();
        Assert.Contains("Masuk petugas", await client.GetStringAsync("/Account/SignIn"));
        var sw = await client.GetAsync("/language?culture=en-US&returnUrl=%2FAccount%2FSignIn");
        Assert.Equal(HttpStatusCode.Redirect, sw.StatusCode);
        Assert.Equal("/Account/SignIn", sw.Headers.Location!.OriginalString);
        Assert.Contains("Staff sign-in", await client.GetStringAsync("/Account/SignIn"));

        var offsite = await client.GetAsync("/language?culture=en-US&returnUrl=%2F%2Fevil.example");
        Assert.Equal("/", offsite.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task EveryChangeToAWorkerIsAuditedAndAStaleEditIsRefused()
    {
        var worker = TestData.Worker();
        await Factory.AddAsync(worker);

        await Factory.WithDbAsync(async db =>
        {
            var w = await db.Workers.SingleAsync(x => x.Id == worker.Id);
            w.FullName = "Siti Aminah Binti Kasim";
            db.AuditReason = "typo on the KTP";
            await db.SaveChangesAsync();
        });

        // A second editor still holding version 1 must not overwrite the change.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Factory.WithDbAsync(async db =>
        {
            var stale = await db.Workers.SingleAsync(x => x.Id == worker.Id);
            db.Entry(stale).Property(x => x.Version).OriginalValue = 1;
            stale.Address = "Somewhere else";
            await db.SaveChangesAsync();
        }));

        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.WorkerId == worker.Id).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["registered", "updated"], audit.Select(a => a.Action));
        Assert.Equal("fullName", audit[1].Field);
        Assert.Equal("Siti Aminah", audit[1].OldValue);
        Assert.Equal("Siti Aminah Binti Kasim", audit[1].NewValue);
        Assert.Equal("typo on the KTP", audit[1].Reason);
        var saved = await Factory.WithDbAsync(db => db.Workers.SingleAsync(x => x.Id == worker.Id));
        Assert.Equal(2, saved.Version);
        Assert.Equal("Jl. Merdeka 1, Cilacap", saved.Address);
    }

    [Fact]
    public async Task UniqueIndexesHoldOneNikAndOnePaymentReference()
    {
        var first = TestData.Worker();
        await Factory.AddAsync(first);
        var twin = TestData.Worker();
        twin.Nik = first.Nik;
        await Assert.ThrowsAsync<DbUpdateException>(() => Factory.AddAsync(twin));

        // R-PAY-2: a payment reference is recorded once, for whichever worker it is sent.
        var reference = "UNIQUE-" + Guid.NewGuid().ToString("N")[..12];
        Payment Pay(Guid workerId) => new()
        {
            Id = Guid.CreateVersion7(),
            WorkerId = workerId,
            Kind = PaymentKind.Placement,
            Amount = 332_500,
            PaidOn = new DateOnly(2026, 1, 20),
            Reference = reference,
            RuleSet = "permenaker-4-2023",
            RecordedAt = AppFactory.DefaultNow,
            RecordedBy = "test",
        };
        await Factory.AddAsync(Pay(first.Id));
        var other = TestData.Worker();
        await Factory.AddAsync(other);
        foreach (var workerId in new[] { first.Id, other.Id })
        {
            await Assert.ThrowsAsync<DbUpdateException>(() => Factory.AddAsync(Pay(workerId)));
        }

        Assert.Equal(1, await Factory.WithDbAsync(db => db.Payments.CountAsync(p => p.Reference == reference)));
    }

    [Fact]
    public async Task PlacementRestrictionsShipWithKepmenaker260()
    {
        var rules = await Factory.WithDbAsync(db => db.PlacementRestrictions.AsNoTracking().ToListAsync());
        Assert.Equal(19, rules.Count);
        Assert.All(rules, r => Assert.Equal(Category.Domestic, r.Category));
        Assert.Contains(rules, r => r.CountryCode == "SA" && r.ValidFrom == new DateOnly(2015, 7, 1) && r.ValidTo is null);
    }

    [Fact]
    public async Task NoLogLineHoldsPersonalData()
    {
        var worker = TestData.Worker();
        await Factory.AddAsync(worker);
        var client = Factory.CreateBrowserClient();
        await client.SignInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        await client.GetAsync("/Workers?search=" + worker.Nik);
        await Factory.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = worker.Email, password = worker.Nik });

        Assert.NotEmpty(Factory.LogLines);
        Assert.Contains(Factory.LogLines, l => l.Contains("/Workers", StringComparison.Ordinal));
        foreach (var secret in new[] { worker.Nik, worker.FamilyCardNumber, worker.Email!, "1995-07-09" })
        {
            Assert.DoesNotContain(Factory.LogLines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ASecondInstanceOnTheSameDatabaseAcceptsTheFirstInstancesCookie()
    {
        var authCookie = await SignInCookieAsync(Factory, AppFactory.OfficerEmail, AppFactory.OfficerPassword);

        await using var second = Factory.Sibling();
        var other = second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/Workers");
        request.Headers.Add("Cookie", authCookie);
        Assert.Equal(HttpStatusCode.OK, (await other.SendAsync(request)).StatusCode);

        var anonymous = await other.GetAsync("/Workers");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    /// <summary>Signs in by hand (no cookie container) and returns the sign-in cookie as a Cookie header value.</summary>
    private static async Task<string> SignInCookieAsync(AppFactory factory, string email, string password)
    {
        var raw = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await raw.GetAsync("/Account/SignIn");
        var antiforgery = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var document = await Forms.ParseAsync(page);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var response = await raw.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => c.StartsWith("mc.auth", StringComparison.Ordinal)));
    }

    private Task CreateAccountAsync(string email, string password, string role) =>
        Factory.WithDbAsync(async _ =>
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<StaffUser>>();
            var errors = await StaffAccounts.CreateAsync(users, Factory.Clock, email, "Test", password, role);
            Assert.Empty(errors);
        });
}

public sealed class FoundationTestsOnSqlite(SqliteAppFactory factory) : FoundationTests(factory), IClassFixture<SqliteAppFactory>;

public sealed class FoundationTestsOnPostgres(PostgresAppFactory factory) : FoundationTests(factory), IClassFixture<PostgresAppFactory>;
