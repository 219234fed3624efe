using Microsoft.AspNetCore.Identity;

namespace MigrantCover.Web.Infrastructure;

public static class DemoAccounts
{
    public const string OfficerEmail = "petugas@demo.migrantcover.id";
    public const string OfficerPassword = "Petugas#2026";
    public const string AdminEmail = "admin@demo.migrantcover.id";
    public const string AdminPassword = "Admin#2026";
}

public static class StaffAccounts
{
    /// <summary>Creates the two roles when missing.</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in new[] { Roles.Officer, Roles.Admin })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates an account with one role. Returns the errors in words, or none.</summary>
    public static async Task<IReadOnlyList<string>> CreateAsync(
        UserManager<StaffUser> users, TimeProvider clock, string email, string displayName, string password, string role, string? officeCode = null)
    {
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = clock.GetUtcNow(),
            OfficeCode = officeCode,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return [.. created.Errors.Select(e => e.Description)];
        }

        var inRole = await users.AddToRoleAsync(user, role);
        return [.. inRole.Errors.Select(e => e.Description)];
    }
}
