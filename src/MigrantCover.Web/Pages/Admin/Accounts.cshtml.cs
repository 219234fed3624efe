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
            await LoadAsync();
            return Page();
        }

        var errors = await StaffAccounts.CreateAsync(users, clock, email!, Input.DisplayName!.Trim(), Input.Password!, Input.Role!, office);
        if (errors.Count > 0)
        {
            ModelState.AddModelError("", string.Join(" ", errors));
            await LoadAsync();
            return Page();
        }

        await AuditAsync("created", null, $"{email} ({Input.Role}{(office is null ? "" : ", " + office)})");
        log.LogInformation("Staff account created with role {Role}", Input.Role);
        TempData["Done"] = string.Format(CultureInfo.CurrentCulture, text["AccountCreated"], email);
        return RedirectToPage();
    }

    // Disabling renews the security stamp: the sign-in cookie and earlier bearer tokens stop working.
    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            ModelState.AddModelError("", text["AccountCannotDisableSelf"]);
            await LoadAsync();
            return Page();
        }

        user.IsDisabled = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await AuditAsync("disabled", null, user.Email);
        TempData["Done"] = string.Format(CultureInfo.CurrentCulture, text["AccountDisabled"], user.Email);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEnableAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        user.IsDisabled = false;
        await users.UpdateAsync(user);
        await AuditAsync("enabled", null, user.Email);
        TempData["Done"] = string.Format(CultureInfo.CurrentCulture, text["AccountEnabled"], user.Email);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, string? newPassword)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var result = string.IsNullOrEmpty(newPassword)
            ? IdentityResult.Failed()
            : await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), newPassword);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("newPassword-" + id, text["AccountPasswordRules"]);
            await LoadAsync();
            return Page();
        }

        // A reset also ends a lock-out, so the person can sign in with the new password at once.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await AuditAsync("password-reset", null, user.Email);
        TempData["Done"] = string.Format(CultureInfo.CurrentCulture, text["AccountPasswordReset"], user.Email);
        return RedirectToPage();
    }

    /// <summary>Moves an account to another office (or none, for an admin).</summary>
    public async Task<IActionResult> OnPostOfficeAsync(string id, string? officeCode)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var office = string.IsNullOrWhiteSpace(officeCode) ? null : officeCode.Trim();
        var isAdmin = await users.IsInRoleAsync(user, Roles.Admin);
        if ((office is null && !isAdmin) || (office is not null && !await db.Offices.AnyAsync(o => o.Code == office)))
        {
            ModelState.AddModelError("office-" + id, text["AccountOfficeRequired"]);
            await LoadAsync();
            return Page();
        }

        var old = user.OfficeCode;
        user.OfficeCode = office;
        await users.UpdateAsync(user);
        await AuditAsync("office-changed", old is null ? user.Email : $"{user.Email} {old}", office is null ? user.Email : $"{user.Email} {office}");
        TempData["Done"] = string.Format(CultureInfo.CurrentCulture, text["AccountOfficeChanged"], user.Email, office ?? "—");
        return RedirectToPage();
    }

    // One audit entry per account action (action "account").
    private async Task AuditAsync(string what, string? oldValue, string? newValue)
    {
        db.AuditAdmin("account", what, oldValue, newValue);
        await db.SaveChangesAsync();
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
