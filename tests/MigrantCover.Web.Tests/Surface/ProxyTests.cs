namespace MigrantCover.Web.Tests.Surface;

/// <summary>
/// Defect 4 of issue 11: behind a TLS-terminating proxy (10.0.0.0/8 here, ForwardedHeaders:KnownNetworks)
/// the request is HTTPS and comes from the visitor, as seen through the real forwarded-headers middleware:
/// Secure sign-in, antiforgery and culture cookies, HSTS, and the lookup limit per visitor. Forwarded
/// headers from anyone else are ignored.
/// </summary>
public abstract class ProxyTests(AppFactory factory) : ProviderTests(factory)
{
    private HttpClient ViaProxy(string visitor, string proto = "https", string peer = SurfaceSetup.Proxy)
    {
        var client = Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://portal.example.id") });
        client.DefaultRequestHeaders.Add(SurfaceSetup.PeerHeader, peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", visitor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        return client;
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static string CookieNamed(HttpResponseMessage response, string prefix) =>
        SetCookies(response).SingleOrDefault(c => c.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"no {prefix} cookie in {string.Join(" / ", SetCookies(response))}");

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Any(a => a.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    // Signs in through the page as a browser would (cookies passed by hand: secure cookies over a test URL).
    private static async Task<(HttpResponseMessage Form, HttpResponseMessage Posted)> SignInAsync(HttpClient client)
    {
        var form = await client.GetAsync("/Account/SignIn");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var antiforgery = CookieNamed(form, ".AspNetCore.Antiforgery").Split(';')[0];
        var document = await Forms.ParseAsync(form);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/SignIn")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = AppFactory.OfficerEmail,
                ["Input.Password"] = AppFactory.OfficerPassword,
                ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var posted = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return (form, posted);
    }

    [Fact]
    public async Task ThroughTheProxyCookiesAreSecureAndHstsIsSent()
    {
        var (form, posted) = await SignInAsync(ViaProxy(SurfaceSetup.NextAddress()));
        Assert.True(IsSecure(CookieNamed(form, ".AspNetCore.Antiforgery")));
        Assert.True(IsSecure(CookieNamed(posted, "mc.auth")));
        Assert.Contains("max-age=31536000", form.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);

        var language = await ViaProxy(SurfaceSetup.NextAddress()).GetAsync("/language?culture=en-US&returnUrl=/");
        Assert.True(IsSecure(CookieNamed(language, ".AspNetCore.Culture")));
    }

    [Fact]
    public async Task PlainHttpAndForwardedHeadersFromAnUnknownPeerAreNotTrusted()
    {
        // The proxy forwarding plain HTTP: nothing is Secure, no HSTS.
        var (form, posted) = await SignInAsync(ViaProxy(SurfaceSetup.NextAddress(), proto: "http"));
        Assert.False(IsSecure(CookieNamed(form, ".AspNetCore.Antiforgery")));
        Assert.False(IsSecure(CookieNamed(posted, "mc.auth")));
        Assert.False(form.Headers.Contains("Strict-Transport-Security"));

        // Someone who is not the proxy claims HTTPS and an address: ignored.
        var stranger = await ViaProxy("192.0.2.1", peer: SurfaceSetup.NextAddress()).GetAsync("/Account/SignIn");
        Assert.False(IsSecure(CookieNamed(stranger, ".AspNetCore.Antiforgery")));
        Assert.False(stranger.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task TheLookupLimitIsPerVisitorNotPerProxy()
    {
        // A number of the wrong length: refused before any database access, but counted by the limiter.
        static StringContent Lookup() => new("{\"membershipNumber\":\"123\",\"dateOfBirth\":\"1995-07-09\"}", Encoding.UTF8, "application/json");
        var first = ViaProxy(SurfaceSetup.NextAddress());
        for (var i = 0; i < 10; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await first.PostAsync("/api/v1/coverage/lookup", Lookup())).StatusCode);
        }

        await (await first.PostAsync("/api/v1/coverage/lookup", Lookup())).AssertProblemAsync(HttpStatusCode.TooManyRequests);

        // Another visitor through the same proxy has a limit of their own.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await ViaProxy(SurfaceSetup.NextAddress()).PostAsync("/api/v1/coverage/lookup", Lookup())).StatusCode);

        // A stranger cannot choose a partition by sending X-Forwarded-For: every forged address is theirs.
        var peer = SurfaceSetup.NextAddress();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await ViaProxy(SurfaceSetup.NextAddress(), peer: peer).PostAsync("/api/v1/coverage/lookup", Lookup())).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}

public sealed class ProxyTestsOnSqlite(SqliteAppFactory<SurfaceSetup> f) : ProxyTests(f), IClassFixture<SqliteAppFactory<SurfaceSetup>>;

public sealed class ProxyTestsOnPostgres(PostgresAppFactory<SurfaceSetup> f) : ProxyTests(f), IClassFixture<PostgresAppFactory<SurfaceSetup>>;
