using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using MigrantCover.Web.Features.Accounts;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(StaffSignIn.RateLimitPolicy)]
public sealed class SignInModel(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    StaffSignIn staff,
    TimeProvider clock,
    IValidator<SignInRequest> validator,
    IStringLocalizer<SharedResource> text) : FormPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        public string? Email { get; set; }

        public string? Password { get; set; }

        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.AddFailures(validator.Check(new SignInRequest(Input.Email, Input.Password)));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // One answer for an unknown e-mail, a wrong password, a locked or a disabled account (StaffSignIn).
        var user = await staff.CheckAsync(Input.Email!, Input.Password!, Infrastructure.Proxy.ClientAddress(HttpContext));
        if (user is null)
        {
            ModelState.AddModelError("", text["SignInFailed"]);
            return Page();
        }

        await signIn.SignInAsync(user, Input.RememberMe);
        user.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : await HomeOfAsync(user));
    }

    private async Task<string> HomeOfAsync(StaffUser user) =>
        await users.IsInRoleAsync(user, Roles.Admin) ? "/Admin" : "/Workers";
}
