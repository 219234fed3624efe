using System.Diagnostics;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Commands;

/// <summary>`rebuild-tallies`: migrates, then recomputes the dashboard's tallies from the rows (the repair procedure).</summary>
public static class RebuildTalliesCommand
{
    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await services.MigrateDatabaseAsync();
        await using var scope = services.CreateAsyncScope();
        var started = Stopwatch.StartNew();
        await Tallies.RebuildAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        Console.WriteLine($"Tallies rebuilt in {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }
}
