using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantCover.Web.Data.Entities;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(
    SignInManager<StaffUser> signIn,
    UserManager<StaffUser> users,
    TimeProvider clock,
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
        if (string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", text["EmailRequired"]);
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", text["PasswordRequired"]);
        }

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
            var until = await users.GetLockoutEndDateAsync(user!);
            var minutes = until is null ? 15 : Math.Max(1, (int)Math.Ceiling((until.Value - clock.GetUtcNow()).TotalMinutes));
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
