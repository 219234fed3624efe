using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using MigrantCover.Web.Features.Accounts;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Api;

public static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        // POST /api/v1/auth/token: { accessToken, tokenType: "Bearer", expiresIn: 3600, refreshToken }.
        api.MapPost("/auth/token", async Task<IResult> (SignInRequest request, IValidator<SignInRequest> validator, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, StaffSignIn staff, HttpContext http, TimeProvider clock) =>
            {
                var failures = validator.Check(request);
                if (failures.Count > 0)
                {
                    return Problems.Invalid(failures);
                }

                // One answer for an unknown e-mail, a wrong password, a locked or a disabled account (StaffSignIn).
                var user = await staff.CheckAsync(request.Email!, request.Password!, Proxy.ClientAddress(http));
                if (user is null)
                {
                    return Problems.Unauthorized();
                }

                user.LastSignInAt = clock.GetUtcNow();
                await users.UpdateAsync(user);
                var principal = await signIn.CreateUserPrincipalAsync(user);
                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .RequireRateLimiting(StaffSignIn.RateLimitPolicy)
            .WithTags("Authentication")
            .WithSummary("Exchange staff credentials for a bearer token (one hour).")
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        // GET /api/v1/auth/me: who the token belongs to, so a partner can check its set-up.
        api.MapGet("/auth/me", (ClaimsPrincipal user) => TypedResults.Ok(new MeAnswer(
            user.FindFirstValue(ClaimTypes.Email),
            [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)])))
            .RequireAuthorization(Policies.ApiOfficer)
            .WithTags("Authentication")
            .WithSummary("The account and roles of the bearer token.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}

/// <summary>GET /api/v1/auth/me: the account's e-mail and roles.</summary>
public sealed record MeAnswer(string? Email, string[] Roles);
