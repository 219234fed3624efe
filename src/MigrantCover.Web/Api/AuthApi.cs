using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using MigrantCover.Web.Data.Entities;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Api;

public static class AuthApi
{
    public sealed record TokenRequest(string? Email, string? Password);

    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        // POST /api/v1/auth/token: { accessToken, tokenType: "Bearer", expiresIn: 3600, refreshToken }.
        api.MapPost("/auth/token", async Task<IResult> (TokenRequest request, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, TimeProvider clock) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (string.IsNullOrWhiteSpace(request.Email))
                {
                    errors["email"] = ["Enter the e-mail address of your staff account."];
                }

                if (string.IsNullOrEmpty(request.Password))
                {
                    errors["password"] = ["Enter your password."];
                }

                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors);
                }

                var user = await users.FindByEmailAsync(request.Email!.Trim());
                if (user is null || user.IsDisabled)
                {
                    return ApiSetup.Unauthorized("The e-mail or password is wrong, or the account is disabled.");
                }

                var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
                if (result.IsLockedOut)
                {
                    var until = await users.GetLockoutEndDateAsync(user);
                    var minutes = until is null ? 15 : Math.Max(1, (int)Math.Ceiling((until.Value - clock.GetUtcNow()).TotalMinutes));
                    return ApiSetup.Unauthorized($"Too many failed attempts: the account is locked. Try again in {minutes} minutes.");
                }

                if (!result.Succeeded)
                {
                    return ApiSetup.Unauthorized("The e-mail or password is wrong, or the account is disabled.");
                }

                user.LastSignInAt = clock.GetUtcNow();
                await users.UpdateAsync(user);
                var principal = await signIn.CreateUserPrincipalAsync(user);
                return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
            })
            .AllowAnonymous()
            .WithTags("Authentication")
            .WithSummary("Exchange staff credentials for a bearer token (one hour).")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        // GET /api/v1/auth/me: who the token belongs to, so a partner can check its set-up.
        api.MapGet("/auth/me", (ClaimsPrincipal user) => TypedResults.Ok(new
        {
            email = user.FindFirstValue(ClaimTypes.Email),
            roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray(),
        }))
            .RequireAuthorization(Policies.ApiOfficer)
            .WithTags("Authentication")
            .WithSummary("The account and roles of the bearer token.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }
}
