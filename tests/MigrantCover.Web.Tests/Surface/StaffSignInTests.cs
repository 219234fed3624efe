using Microsoft.AspNetCore.Identity;

namespace MigrantCover.Web.Tests.Surface;

/// <summary>
/// Defect 9 of issue 11: staff accounts cannot be told apart nor locked by strangers. An unknown e-mail, a
/// wrong password, a locked and a disabled account get the same answer after the same work (one password
/// hash verification); failures lock the pair of account and address, the account only after many more;
/// sign-in and the token endpoint are rate limited per client address.
/// </summary>
public abstract class StaffSignInTests(AppFactory factory, CountingHasher hasher) : ProviderTests(factory)
{
    private const string Password = "Rahasia#2026!";

    private async Task<string> AccountAsync(Action<StaffUser>? change = null)
    {
        var email = $"staff-{Guid.NewGuid():N}@test.migrantcover.id";
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Empty(await StaffAccounts.CreateAsync(users, Factory.Clock, email, "Staf Uji", Password, Roles.Admin));
        if (change is not null)
        {
            var user = (await users.FindByEmailAsync(email))!;
            change(user);
            await users.UpdateAsync(user);
        }

        return email;
    }

    private HttpClient Browser(string? peer = null)
    {
        var client = Factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Add(SurfaceSetup.PeerHeader, peer ?? SurfaceSetup.NextAddress());
        return client;
    }

    private static async Task<HttpResponseMessage> TokenAsync(HttpClient client, string email, string password) =>
        await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });

    private static async Task<HttpResponseMessage> SignInPageAsync(HttpClient client, string email, string password) =>
        await client.SubmitFormAsync("/Account/SignIn", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password });

    // The problem without its trace id: what a caller can compare between two answers.
    private static async Task<string> ShapeAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        return string.Join("|", problem.EnumerateObject().Where(p => p.Name != "traceId").Select(p => $"{p.Name}={p.Value}"));
    }

    private static async Task<string> PageErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        return page.QuerySelector("#error-summary")?.TextContent.Trim() ?? "(no error shown)";
    }

    [Fact]
    public async Task UnknownWrongLockedAndDisabledGetTheSameAnswerAfterOnePasswordVerification()
    {
        var known = await AccountAsync();
        var locked = await AccountAsync(u => u.LockoutEnd = DateTimeOffset.UtcNow.AddHours(1));
        var disabled = await AccountAsync(u => u.IsDisabled = true);
        var cases = new (string Name, string Email, string Password)[]
        {
            ("unknown e-mail", $"nobody-{Guid.NewGuid():N}@test.migrantcover.id", Password),
            ("wrong password", known, "wrong-" + Password),
            ("locked, right password", locked, Password),
            ("locked, wrong password", locked, "wrong-" + Password),
            ("disabled, right password", disabled, Password),
            ("disabled, wrong password", disabled, "wrong-" + Password),
        };

        var tokenAnswers = new HashSet<string>();
        var pageAnswers = new HashSet<string>();
        foreach (var (name, email, password) in cases)
        {
            var before = hasher.Verifications;
            tokenAnswers.Add(await ShapeAsync(await TokenAsync(SurfaceSetup.Client(Factory), email, password)));
            Assert.True(hasher.Verifications - before == 1, $"{name}: the token endpoint verified {hasher.Verifications - before} passwords");

            before = hasher.Verifications;
            pageAnswers.Add(await PageErrorAsync(await SignInPageAsync(Browser(), email, password)));
            Assert.True(hasher.Verifications - before == 1, $"{name}: the sign-in page verified {hasher.Verifications - before} passwords");
        }

        Assert.Single(tokenAnswers);
        Assert.Single(pageAnswers);
        Assert.Contains("Email atau kata sandi salah", pageAnswers.Single());

        // The right password still works, after the same one verification.
        var ok = hasher.Verifications;
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(SurfaceSetup.Client(Factory), known, Password)).StatusCode);
        Assert.Equal(1, hasher.Verifications - ok);
    }

    [Fact]
    public async Task AStrangerLocksOutOnlyTheirOwnAddressNotTheAccount()
    {
        var email = await AccountAsync();
        var stranger = SurfaceSetup.NextAddress();
        var refused = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            refused.Add(await ShapeAsync(await TokenAsync(SurfaceSetup.Client(Factory, stranger), email, "guess-" + i)));
        }

        // The stranger's address is refused even with the right password, with the same answer as before...
        refused.Add(await ShapeAsync(await TokenAsync(SurfaceSetup.Client(Factory, stranger), email, Password)));
        Assert.Contains("Email atau kata sandi salah", await PageErrorAsync(await SignInPageAsync(Browser(stranger), email, Password)));
        Assert.Single(refused);

        // ...while the owner, from their own address, signs in on the page and gets a token.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(SurfaceSetup.Client(Factory), email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignInPageAsync(Browser(), email, Password)).StatusCode);
        var lockoutEnd = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.Null(lockoutEnd);
    }

    [Fact]
    public async Task FailuresFromManyAddressesLockTheAccountItself()
    {
        var email = await AccountAsync();

        // 7 failures (Auth:AccountMaxFailedAttempts), at most 2 per address: no pair is refused.
        for (var i = 0; i < 7; i++)
        {
            await ShapeAsync(await TokenAsync(SurfaceSetup.Client(Factory, $"198.51.100.{1 + (i / 2)}"), email, "guess-" + i));
        }

        var lockoutEnd = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        await ShapeAsync(await TokenAsync(SurfaceSetup.Client(Factory), email, Password));
    }

    [Fact]
    public async Task SignInAndTokenAreRateLimitedPerClientAddress()
    {
        var email = await AccountAsync();
        var address = SurfaceSetup.NextAddress();
        for (var i = 0; i < SurfaceSetup.SignInsPerMinute; i++)
        {
            // Half on the page, half on the token endpoint: one limit for both.
            var response = i % 2 == 0
                ? await TokenAsync(SurfaceSetup.Client(Factory, address), $"nobody{i}@test.migrantcover.id", "x")
                : await SignInPageAsync(Browser(address), $"nobody{i}@test.migrantcover.id", "x");
            Assert.Equal(i % 2 == 0 ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, response.StatusCode);
        }

        var limited = await TokenAsync(SurfaceSetup.Client(Factory, address), email, Password);
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(int.Parse(limited.Headers.RetryAfter!.ToString(), CultureInfo.InvariantCulture) > 0);

        // The page's POST shares the limit (GET does not count): the friendly status page.
        var browser = Browser(address);
        var form = await browser.GetDocumentAsync("/Account/SignIn");
        var page = await browser.SubmitFormAsync(form, "/Account/SignIn", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("Terlalu banyak percobaan", await page.Content.ReadAsStringAsync());

        // Another address is not limited.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(SurfaceSetup.Client(Factory), email, Password)).StatusCode);
    }
}

public sealed class StaffSignInTestsOnSqlite(SqliteAppFactory<SurfaceSetup> f) : StaffSignInTests(f, f.Setup.Hasher), IClassFixture<SqliteAppFactory<SurfaceSetup>>;

public sealed class StaffSignInTestsOnPostgres(PostgresAppFactory<SurfaceSetup> f) : StaffSignInTests(f, f.Setup.Hasher), IClassFixture<PostgresAppFactory<SurfaceSetup>>;
