using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MigrantCover.Web.Infrastructure;

public static class Roles
{
    public const string Officer = "officer";
    public const string Admin = "admin";
}

/// <summary>Authorization policies per area. Pages use the sign-in cookie, /api/v1 bearer tokens.</summary>
public static class Policies
{
    public const string Officer = Roles.Officer;
    public const string Admin = Roles.Admin;
    public const string ApiOfficer = "api-" + Roles.Officer;
    public const string ApiAdmin = "api-" + Roles.Admin;
}

public static class Auth
{
    public static IServiceCollection AddMigrantCoverAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentity<StaffUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Lockout.AllowedForNewUsers = true;
                // The account-wide lock (many failures from many addresses); a pair of account and address is
                // refused much earlier, by Features/Accounts/StaffSignIn (Auth:MaxFailedAttempts).
                o.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Auth:AccountMaxFailedAttempts", 50);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Auth:LockoutMinutes", 15));
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();

        // API tokens: opaque, protected by Data Protection (so shared by every instance), one hour.
        services.AddAuthentication()
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "mc.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;

            // Secure whenever the request is HTTPS, also as seen through a TLS-terminating proxy (forwarded headers).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/SignIn";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;

            // A signed-in officer on an admin page gets 403 (rendered by the status page), not a redirect.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // Disabling an account renews its security stamp; cookies are re-checked every minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddScoped<IAuthorizationHandler, ActiveStaffHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Officer, p => p.RequireRole(Roles.Officer, Roles.Admin).AddRequirements(new ActiveStaffRequirement()))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin).AddRequirements(new ActiveStaffRequirement()))
            .AddPolicy(Policies.ApiOfficer, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireRole(Roles.Officer, Roles.Admin).AddRequirements(new ActiveStaffRequirement()))
            .AddPolicy(Policies.ApiAdmin, p => p.AddAuthenticationSchemes(IdentityConstants.BearerScheme)
                .RequireRole(Roles.Admin).AddRequirements(new ActiveStaffRequirement()));
        return services;
    }
}

/// <summary>The account still exists, is not disabled, and its security stamp is the one signed in with.</summary>
public sealed class ActiveStaffRequirement : IAuthorizationRequirement;

public sealed class ActiveStaffHandler(AppDbContext db, IOptions<IdentityOptions> identity) : AuthorizationHandler<ActiveStaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ActiveStaffRequirement requirement)
    {
        var id = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.User.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        if (id is null)
        {
            return;
        }

        // Cached briefly per account (InstanceCaches, Caching:StaffAccountSeconds); disabling it here evicts it.
        var account = await InstanceCaches.StaffAccounts.GetAsync(db, id, async () => await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new { u.IsDisabled, u.SecurityStamp })
            .FirstOrDefaultAsync() is { } a ? (a.IsDisabled, a.SecurityStamp) : null);
        if (account is { IsDisabled: false } active && (stamp is null || stamp == active.SecurityStamp))
        {
            context.Succeed(requirement);
        }
    }
}
