using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using MigrantCover.Web.Features.Accounts;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
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

        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is { IsDisabled: true })
        {
            ModelState.AddModelError("", text["SignInDisabled"]);
            return Page();
        }

        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            var minutes = StaffAccounts.MinutesLocked(await users.GetLockoutEndDateAsync(user!), clock);
            ModelState.AddModelError("", string.Format(CultureInfo.CurrentCulture, text["SignInLocked"], minutes));
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", text["SignInFailed"]);
            return Page();
        }

        user!.LastSignInAt = clock.GetUtcNow();
        await users.UpdateAsync(user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : await HomeOfAsync(user));
    }

    private async Task<string> HomeOfAsync(StaffUser user) =>
        await users.IsInRoleAsync(user, Roles.Admin) ? "/Admin" : "/Workers";
}
