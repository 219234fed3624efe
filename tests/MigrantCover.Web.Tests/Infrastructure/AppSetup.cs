using Microsoft.AspNetCore.Hosting;

namespace MigrantCover.Web.Tests.Infrastructure;

/// <summary>
/// What a family of test classes adds to the app, the same on either provider (<see cref="SqliteAppFactory{TSetup}"/>,
/// <see cref="PostgresAppFactory{TSetup}"/>): its settings, its test services, and what it owns (an
/// <see cref="IDisposable"/> setup is disposed with the factory, after the database is dropped).
/// </summary>
public interface IAppSetup
{
    /// <summary>Settings (<see cref="AppFactory.With"/>), given as the factory is built: the test's own settings come after them.</summary>
    void Configure(AppFactory factory);

    /// <summary>Changes to the host (test services, startup filters), after the base factory's.</summary>
    void ConfigureHost(IWebHostBuilder builder)
    {
    }

    /// <summary>A sibling (<see cref="AppFactory.Sibling"/>) gets none of the setup unless the setup gives it some here.</summary>
    void ConfigureSibling(AppFactory sibling)
    {
    }

    /// <summary>After the app has stopped and before its database is dropped: a last look at what the app wrote.</summary>
    Task StoppedAsync(AppFactory factory) => Task.CompletedTask;
}
