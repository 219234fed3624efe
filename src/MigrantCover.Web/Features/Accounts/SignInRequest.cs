using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Features.Accounts;

/// <summary>Staff credentials, from the sign-in page or POST /api/v1/auth/token: both are checked the same way.</summary>
public sealed record SignInRequest(string? Email, string? Password)
{
    public sealed class Validator : AbstractValidator<SignInRequest>
    {
        public Validator()
        {
            RuleFor(r => r.Email).Required("signin.email-required").Plain();
            RuleFor(r => r.Password).Check((_, v) => !string.IsNullOrEmpty(v), "signin.password-required");
        }
    }
}
