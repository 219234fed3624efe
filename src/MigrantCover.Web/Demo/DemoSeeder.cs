using Microsoft.AspNetCore.Identity;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Demo;

/// <summary>Development only: the demo accounts and a demo population. Idempotent: a restart adds nothing.</summary>
public static class DemoSeeder
{
    public static async Task SeedAsync(IServiceProvider services, int? workers = null)
    {
        await SeedAccountsAsync(services);
        await SeedPopulationAsync(services, workers);
    }

    /// <summary>
    /// Development start-up: the accounts at once, the population in the background, so the sign-in
    /// page answers while the demo workers are being written.
    /// </summary>
    public static async Task SeedForDevelopmentAsync(WebApplication app)
    {
        await SeedAccountsAsync(app.Services);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MigrantCover.DemoSeeder");
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                await SeedPopulationAsync(app.Services, null, app.Lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or DbUpdateException or InvalidOperationException)
            {
                logger.LogWarning("Demo population not seeded: {ExceptionType}", ex.GetType().Name);
            }
        }));
    }

    public static async Task SeedAccountsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        await StaffAccounts.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        await OfficeCatalog.SeedAsync(sp.GetRequiredService<AppDbContext>(), clock);
        if (await users.FindByEmailAsync(DemoAccounts.OfficerEmail) is null)
        {
            await StaffAccounts.CreateAsync(users, clock, DemoAccounts.OfficerEmail, "Petugas Demo", DemoAccounts.OfficerPassword, Roles.Officer, OfficeCatalog.DemoOfficerOffice);
        }
        else if (await users.FindByEmailAsync(DemoAccounts.OfficerEmail) is { OfficeCode: null } officer)
        {
            // A demo database from before offices: the officer gets the demo office.
            officer.OfficeCode = OfficeCatalog.DemoOfficerOffice;
            await users.UpdateAsync(officer);
        }

        if (await users.FindByEmailAsync(DemoAccounts.AdminEmail) is null)
        {
            await StaffAccounts.CreateAsync(users, clock, DemoAccounts.AdminEmail, "Admin Demo", DemoAccounts.AdminPassword, Roles.Admin);
        }
    }

    public static async Task SeedPopulationAsync(IServiceProvider services, int? workers, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var clock = sp.GetRequiredService<TimeProvider>();
        var config = sp.GetRequiredService<IConfiguration>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("MigrantCover.DemoSeeder");
        var db = sp.GetRequiredService<AppDbContext>();
        var count = workers ?? config.GetValue("Seed:DemoWorkers", 0);
        if (count <= 0 || await db.Workers.AnyAsync(ct))
        {
            return;
        }

        var today = clock.Today();
        var population = new DemoPopulation(today);
        var generated = population.Generate(count).ToList();

        // The counters first: a number issued while the demo loads (or after a stop halfway) comes after
        // the demo's. Then one transaction per chunk, so that on SQLite (one writer at a time) a sign-in or a
        // registration waits for one chunk at most, never for the whole load.
        foreach (var (year, last) in population.Sequences)
        {
            db.MembershipCounters.Add(new MembershipCounter { Year = year, LastSequence = last });
        }

        await db.SaveChangesAsync(ct);

        // Heirs and claims (issue 16): verified by the demo officer, approved by the demo admin (four eyes).
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var officer = await users.FindByEmailAsync(DemoAccounts.OfficerEmail);
        var admin = await users.FindByEmailAsync(DemoAccounts.AdminEmail);
        var claims = officer is null || admin is null ? null
            : new DemoClaims(today, new(officer.Id, officer.DisplayName), new(admin.Id, admin.DisplayName));
        var (heirCount, claimCount) = (0, 0);
        foreach (var chunk in generated.Chunk(200))
        {
            foreach (var w in chunk)
            {
                w.OfficeCode ??= OfficeCatalog.For(w.Nik[..4]);
                claims?.Add(w);
            }

            db.Workers.AddRange(chunk);
            if (claims is not null)
            {
                db.Heirs.AddRange(claims.Heirs);
                db.Claims.AddRange(claims.Claims);
                (heirCount, claimCount) = (heirCount + claims.Heirs.Count, claimCount + claims.Claims.Count);
                claims.Heirs.Clear();
                claims.Claims.Clear();
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Seeded {Count} demo workers, {Heirs} heirs, {Claims} claims", count, heirCount, claimCount);
    }
}
