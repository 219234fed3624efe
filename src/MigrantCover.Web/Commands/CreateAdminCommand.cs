using Microsoft.AspNetCore.Identity;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Commands;

/// <summary>`create-admin --email x [--name "..."]`; the password comes from MIGRANTCOVER_ADMIN_PASSWORD or a prompt.</summary>
public static class CreateAdminCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string? Arg(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var email = Arg("--email");
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email admin@example.org [--name \"Full Name\"]  (password from MIGRANTCOVER_ADMIN_PASSWORD or typed at the prompt)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("MIGRANTCOVER_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password for the new admin (at least 10 characters, upper and lower case, a digit and a symbol): ");
            password = ReadHidden();
        }

        await services.MigrateDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        await StaffAccounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        var errors = await StaffAccounts.CreateAsync(
            scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(),
            scope.ServiceProvider.GetRequiredService<TimeProvider>(),
            email.Trim(),
            Arg("--name") ?? email.Trim(),
            password,
            Roles.Admin);
        foreach (var error in errors)
        {
            await Console.Error.WriteLineAsync(error);
        }

        if (errors.Count == 0)
        {
            Console.WriteLine($"Admin account {email.Trim()} created.");
        }

        return errors.Count == 0 ? 0 : 1;
    }

    private static string ReadHidden()
    {
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? "";
        }

        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.WriteLine();
                return new string([.. chars]);
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (chars.Count > 0)
                {
                    chars.RemoveAt(chars.Count - 1);
                }
            }
            else
            {
                chars.Add(key.KeyChar);
            }
        }
    }
}
