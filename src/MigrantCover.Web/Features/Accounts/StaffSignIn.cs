using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MigrantCover.Web.Features.Accounts;

/// <summary>Settings of staff sign-in (section "Auth").</summary>
public sealed class StaffSignInOptions
{
    /// <summary>Failed sign-ins of one account from one client address, within <see cref="LockoutMinutes"/>, before that pair is refused.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a pair (account, address) is refused, and the window its failures are counted in.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Failed sign-ins of one account from any address (since its last success) before the account itself is locked for <see cref="LockoutMinutes"/>.</summary>
    public int AccountMaxFailedAttempts { get; set; } = 50;

    /// <summary>Sign-in attempts (page and token endpoint together) per client address per minute.</summary>
    public int PerClientPerMinute { get; set; } = 10;
}

/// <summary>
/// The one check of staff credentials, for the sign-in page and POST /api/v1/auth/token. An unknown
/// e-mail, a wrong password, a locked pair or account and a disabled account get the same answer (null)
/// after the same work: one password hash verification (a dummy hash for an unknown e-mail). A stranger
/// who knows an admin's e-mail locks only their own address out (per account and address pair); the
/// account itself is locked only after many more failures, from many addresses.
/// </summary>
public sealed class StaffSignIn(
    UserManager<StaffUser> users,
    IPasswordHasher<StaffUser> hasher,
    SignInThrottle throttle,
    IOptions<StaffSignInOptions> options,
    TimeProvider clock)
{
    /// <summary>The rate-limiter policy of the sign-in page's POST and the token endpoint.</summary>
    public const string RateLimitPolicy = "staff-sign-in";

    private static readonly StaffUser Nobody = new() { Id = "00000000-0000-0000-0000-000000000000", UserName = "nobody" };

    private static string? _dummyHash;

    /// <summary>The account when the credentials are right and it may sign in now; null in every other case.</summary>
    public async Task<StaffUser?> CheckAsync(string email, string password, IPAddress? client)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        var hash = user?.PasswordHash ?? DummyHash();
        var verified = hasher.VerifyHashedPassword(user ?? Nobody, hash, password) is not PasswordVerificationResult.Failed
            && user?.PasswordHash is not null;
        if (user is null)
        {
            return null;
        }

        var pair = (user.Id, client?.ToString() ?? "unknown");
        var now = clock.GetUtcNow();
        var window = TimeSpan.FromMinutes(Math.Max(1, options.Value.LockoutMinutes));
        if (throttle.IsRefused(pair, now) || await users.IsLockedOutAsync(user))
        {
            // Refused without counting: a refused pair cannot push the account towards its own lock.
            return null;
        }

        if (!verified)
        {
            throttle.Failed(pair, now, window, Math.Max(1, options.Value.MaxFailedAttempts));
            await users.AccessFailedAsync(user);
            return null;
        }

        if (user.IsDisabled)
        {
            return null;
        }

        throttle.Succeeded(pair);
        if (await users.GetAccessFailedCountAsync(user) > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return user;
    }

    private string DummyHash() => _dummyHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(Guid.NewGuid().ToByteArray()));
}

/// <summary>Failed sign-ins per (account, client address) pair, in this instance's memory, bounded in size.</summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly MemoryCache _pairs = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    public bool IsRefused((string Account, string Client) pair, DateTimeOffset now) =>
        _pairs.TryGetValue(pair, out Counter? counter) && counter!.IsRefused(now);

    public void Failed((string Account, string Client) pair, DateTimeOffset now, TimeSpan window, int max)
    {
        var counter = _pairs.GetOrCreate(pair, entry =>
        {
            entry.Size = 1;
            entry.SlidingExpiration = window * 2;
            return new Counter();
        })!;
        counter.Fail(now, window, max);
    }

    public void Succeeded((string Account, string Client) pair) => _pairs.Remove(pair);

    public void Dispose() => _pairs.Dispose();

    private sealed class Counter
    {
        private readonly Lock _gate = new();
        private int _failures;
        private DateTimeOffset _windowEnds;
        private DateTimeOffset _refusedUntil;

        public bool IsRefused(DateTimeOffset now)
        {
            lock (_gate)
            {
                return _refusedUntil > now;
            }
        }

        public void Fail(DateTimeOffset now, TimeSpan window, int max)
        {
            lock (_gate)
            {
                if (_windowEnds <= now)
                {
                    _failures = 0;
                    _windowEnds = now + window;
                }

                if (++_failures >= max)
                {
                    _refusedUntil = now + window;
                    _failures = 0;
                }
            }
        }
    }
}

public static class StaffSignInSetup
{
    public static IServiceCollection AddStaffSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StaffSignInOptions>(configuration.GetSection("Auth"));
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<StaffSignIn>();
        Infrastructure.ClientRateLimit.AddClientRateLimits(services);
        services.AddRateLimiter(o => o.AddPolicy(StaffSignIn.RateLimitPolicy, http =>
        {
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            var perMinute = http.RequestServices.GetRequiredService<IOptions<StaffSignInOptions>>().Value.PerClientPerMinute;
            return Infrastructure.ClientRateLimit.PerClientPerMinute(http, perMinute);
        }));
        return services;
    }
}
