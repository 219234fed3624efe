using Microsoft.AspNetCore.Identity;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Admin;

/// <summary>Staff accounts: list, create (officer or admin, at an office), disable, re-enable, reset password.
/// Every action is audited (action "account"), and an account's office can be changed.
public sealed class AccountsModel(UserManager<StaffUser> users, AppDbContext db, TimeProvider clock, IValidator<AccountsModel.CreateInput> validator, IStringLocalizer<AdminResource> text, ILogger<AccountsModel> log) : FormPageModel
{
    [BindProperty]
    public CreateInput Input { get; set; } = new();

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public string? Done { get; private set; }

    public sealed record CreateInput(string? Email = null, string? DisplayName = null, string? Password = null, string? Role = null, string? OfficeCode = null);

    /// <summary>Code → name of every office, for the choices and the list.</summary>
    public IReadOnlyDictionary<string, string> Offices { get; private set; } = new Dictionary<string, string>();

    /// <summary>An e-mail address, a name, a role and a password; the page's texts.</summary>
    public sealed class CreateValidator : AbstractValidator<CreateInput>
    {
        public CreateValidator(IStringLocalizer<AdminResource> text)
        {
            RuleFor(i => i.Email).Check((_, v) => v?.Trim() is { Length: > 0 } e && e.Contains('@', StringComparison.Ordinal), (_, _) => text["AccountEmailRequired"]).Plain();
            RuleFor(i => i.DisplayName).Check((_, v) => !string.IsNullOrWhiteSpace(v), (_, _) => text["AccountNameRequired"]).Name(150);
            RuleFor(i => i.Role).Check((_, v) => v is Roles.Officer or Roles.Admin, (_, _) => text["AccountRoleRequired"]);
            RuleFor(i => i.Password).Check((_, v) => !string.IsNullOrEmpty(v), (_, _) => text["AccountPasswordRules"]);

            // Every officer works at an office; an admin may have none.
            RuleFor(i => i.OfficeCode).Check((i, v) => i.Role != Roles.Officer || !string.IsNullOrWhiteSpace(v), (_, _) => text["AccountOfficeRequired"]);
        }
    }

    public sealed record AccountRow(string Id, string Email, string DisplayName, string Role, bool IsDisabled, DateTimeOffset? LastSignInAt, DateTimeOffset CreatedAt, string? OfficeCode);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        // The shape here; whether the e-mail is free and the password strong enough, from the accounts.
        ModelState.AddFailures(validator.Check(Input));
        var email = Input.Email?.Trim();
        if (!HasError("Input.Email") && await users.FindByEmailAsync(email!) is not null)
        {
            ModelState.AddModelError("Input.Email", text["AccountEmailTaken"]);
        }

        if (!string.IsNullOrEmpty(Input.Password))
        {
            foreach (var passwordValidator in users.PasswordValidators)
            {
                var check = await passwordValidator.ValidateAsync(users, new StaffUser { UserName = email, Email = email }, Input.Password);
                if (!check.Succeeded)
                {
                    ModelState.AddModelError("Input.Password", text["AccountPasswordRules"]);
                    break;
                }
            }
        }

        var office = string.IsNullOrWhiteSpace(Input.OfficeCode) ? null : Input.OfficeCode.Trim();
        if (office is not null && !await db.Offices.AnyAsync(o => o.Code == office))
        {
            ModelState.AddModelError("Input.OfficeCode", text["AccountOfficeRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return await PageAgainAsync();
        }

        var errors = await StaffAccounts.CreateAsync(users, clock, email!, Input.DisplayName!.Trim(), Input.Password!, Input.Role!, office);
        if (errors.Count > 0)
        {
            return await RefusedAsync("", string.Join(" ", errors));
        }

        log.LogInformation("Staff account created with role {Role}", Input.Role);
        return await DoneAsync("created", null, $"{email} ({Input.Role}{(office is null ? "" : ", " + office)})", "AccountCreated", email);
    }

    // Disabling renews the security stamp: the sign-in cookie and earlier bearer tokens stop working.
    public Task<IActionResult> OnPostDisableAsync(string id) =>
        OnAccountAsync(id, async user =>
        {
            if (user.Id == users.GetUserId(User))
            {
                return await RefusedAsync("", text["AccountCannotDisableSelf"]);
            }

            user.IsDisabled = true;
            await users.UpdateAsync(user);
            await users.UpdateSecurityStampAsync(user);
            return await DoneAsync("disabled", null, user.Email, "AccountDisabled", user.Email);
        });

    public Task<IActionResult> OnPostEnableAsync(string id) =>
        OnAccountAsync(id, async user =>
        {
            user.IsDisabled = false;
            await users.UpdateAsync(user);
            return await DoneAsync("enabled", null, user.Email, "AccountEnabled", user.Email);
        });

    public Task<IActionResult> OnPostResetPasswordAsync(string id, string? newPassword) =>
        OnAccountAsync(id, async user =>
        {
            var result = string.IsNullOrEmpty(newPassword)
                ? IdentityResult.Failed()
                : await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword);
            if (!result.Succeeded)
            {
                return await RefusedAsync("newPassword-" + id, text["AccountPasswordRules"]);
            }

            // A reset also ends a lock-out, so the person can sign in with the new password at once.
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return await DoneAsync("password-reset", null, user.Email, "AccountPasswordReset", user.Email);
        });

    /// <summary>Moves an account to another office (or none, for an admin).</summary>
    public Task<IActionResult> OnPostOfficeAsync(string id, string? officeCode) =>
        OnAccountAsync(id, async user =>
        {
            var office = string.IsNullOrWhiteSpace(officeCode) ? null : officeCode.Trim();
            var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
            if ((office is null && !isAdmin) || (office is not null && !await db.Offices.AnyAsync(o => o.Code == office)))
            {
                return await RefusedAsync("office-" + id, text["AccountOfficeRequired"]);
            }

            var old = user.OfficeCode;
            user.OfficeCode = office;
            await users.UpdateAsync(user);
            return await DoneAsync("office-changed", old is null ? user.Email : $"{user.Email} {old}", office is null ? user.Email : $"{user.Email} {office}", "AccountOfficeChanged", user.Email, office ?? "—");
        });

    // An action on one account; an unknown id is a 404.
    private async Task<IActionResult> OnAccountAsync(string id, Func<StaffUser, Task<IActionResult>> action) =>
        await users.FindByIdAsync(id) is { } user ? await action(user) : NotFound();

    // The page again with the error on its field ("" for the page as a whole).
    private async Task<IActionResult> RefusedAsync(string field, string error)
    {
        ModelState.AddModelError(field, error);
        return await PageAgainAsync();
    }

    private async Task<IActionResult> PageAgainAsync()
    {
        await LoadAsync();
        return Page();
    }

    // One audit entry per account action (action "account"), then the list with the page text saying what was done.
    private async Task<IActionResult> DoneAsync(string what, string? oldValue, string? newValue, string doneText, params object?[] args)
    {
        db.AuditAdmin("account", what, oldValue, newValue);
        await db.SaveChangesAsync();
        TempData["Done"] = string.Format(CultureInfo.CurrentCulture, text[doneText], args);
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Done = TempData["Done"] as string;
        Offices = await db.Offices.AsNoTracking().OrderBy(o => o.Name).ToDictionaryAsync(o => o.Code, o => o.Name);
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var admins = (await users.GetUsersInRoleAsync(Roles.Admin)).Select(u => u.Id).ToHashSet();
        Accounts = [.. all.Select(u => new AccountRow(u.Id, u.Email ?? "", u.DisplayName, admins.Contains(u.Id) ? Roles.Admin : Roles.Officer, u.IsDisabled, u.LastSignInAt, u.CreatedAt, u.OfficeCode))];
    }
}
