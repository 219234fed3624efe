using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Bench.Scale;

// Scale benchmark of the admin dashboard on PostgreSQL (see bench/README.md).
//   fill      [connection string] [--workers 1000000]
//   dashboard [connection string] [--runs 20]
// The connection string comes from the argument or MIGRANTCOVER_BENCH_POSTGRES.
public static class ScaleBench
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("fill" or "dashboard"))
        {
            Console.Error.WriteLine("Usage: fill|dashboard [connection string] [--workers N] [--runs N]  (or set MIGRANTCOVER_BENCH_POSTGRES)");
            return 2;
        }

        string? Option(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        var connectionString = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal)
            ? args[1]
            : Environment.GetEnvironmentVariable("MIGRANTCOVER_BENCH_POSTGRES");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine("Give a PostgreSQL connection string (argument or MIGRANTCOVER_BENCH_POSTGRES), e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=mc_bench");
            return 2;
        }

        var today = TimeProvider.System.Today();
        if (args[0] == "fill")
        {
            await Fill.RunAsync(connectionString, int.Parse(Option("--workers") ?? "1000000", System.Globalization.CultureInfo.InvariantCulture), today);
        }
        else
        {
            await Dashboard.RunAsync(connectionString, int.Parse(Option("--runs") ?? "20", System.Globalization.CultureInfo.InvariantCulture));
        }

        return 0;
    }
}
