using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MigrantCover.Web.Infrastructure;

public static class Startup
{
    /// <summary>In Development, print where the portal listens and the demo accounts.</summary>
    public static void PrintStartupBanner(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            Console.WriteLine();
            Console.WriteLine("  MigrantCover is running (Development, demo data).");
            foreach (var address in addresses)
            {
                Console.WriteLine($"  Open {address}");
            }

            Console.WriteLine($"  Officer: {DemoAccounts.OfficerEmail} / {DemoAccounts.OfficerPassword}");
            Console.WriteLine($"  Admin:   {DemoAccounts.AdminEmail} / {DemoAccounts.AdminPassword}");
            Console.WriteLine();
        });
    }
}
