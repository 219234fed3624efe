using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MigrantCover.Web.Tests.Surface;

/// <summary>
/// The app as deployed behind a TLS-terminating proxy on 10.0.0.0/8 (forwarded headers on), with the
/// test client choosing the address its connection comes from (X-Test-Peer: the TCP peer a real server
/// would see), sign-in limits small enough to reach, and the password hasher counting its verifications.
/// </summary>
public sealed class SurfaceSetup : IAppSetup
{
    public const string PeerHeader = "X-Test-Peer";

    public const string Proxy = "10.0.0.5";

    public const int SignInsPerMinute = 8;

    private static int _address;

    public CountingHasher Hasher { get; } = new();

    public void Configure(AppFactory factory) =>
        factory.With("ForwardedHeaders:Enabled", "true")
            .With("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8")
            .With("Auth:PerClientPerMinute", SignInsPerMinute.ToString(CultureInfo.InvariantCulture))
            .With("Auth:MaxFailedAttempts", "3")
            .With("Auth:AccountMaxFailedAttempts", "7")
            .With("Coverage:PerClientPerMinute", "10");

    public void ConfigureHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new PeerFilter());
            services.RemoveAll<IPasswordHasher<StaffUser>>();
            services.AddSingleton<IPasswordHasher<StaffUser>>(Hasher);
        });

    /// <summary>A documentation address (TEST-NET-3) of its own on every call.</summary>
    public static string NextAddress()
    {
        var n = Interlocked.Increment(ref _address);
        return $"203.0.{113 + (n / 250 % 3)}.{1 + (n % 250)}";
    }

    /// <summary>A client whose connection comes from <paramref name="peer"/> (a new address when null).</summary>
    public static HttpClient Client(AppFactory factory, string? peer = null, string? acceptLanguage = null)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(PeerHeader, peer ?? NextAddress());
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, nextMiddleware) =>
            {
                if (http.Request.Headers[PeerHeader].ToString() is { Length: > 0 } peer)
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                }

                await nextMiddleware(http);
            });
            next(app);
        };
    }
}

/// <summary>The framework's hasher, counting how often a password is verified (the work every sign-in must do).</summary>
public sealed class CountingHasher : PasswordHasher<StaffUser>
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public override PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
