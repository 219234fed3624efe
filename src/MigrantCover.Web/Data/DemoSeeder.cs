using Microsoft.AspNetCore.Identity;
using MigrantCover.Web.Data.Entities;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Data;

/// <summary>Development only: the demo accounts and a demo population. Idempotent.</summary>
public static class DemoSeeder
{
    public static async Task SeedAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        await StaffAccounts.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        if (await users.FindByEmailAsync(DemoAccounts.OfficerEmail) is null)
        {
            await StaffAccounts.CreateAsync(users, clock, DemoAccounts.OfficerEmail, "Petugas Demo", DemoAccounts.OfficerPassword, Roles.Officer);
        }

        if (await users.FindByEmailAsync(DemoAccounts.AdminEmail) is null)
        {
            await StaffAccounts.CreateAsync(users, clock, DemoAccounts.AdminEmail, "Admin Demo", DemoAccounts.AdminPassword, Roles.Admin);
        }
    }
}
