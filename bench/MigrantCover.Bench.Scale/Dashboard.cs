using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantCover.Web.Data;
using MigrantCover.Web.Data.Entities;
using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Infrastructure;
using Npgsql;

namespace MigrantCover.Bench.Scale;

/// <summary>
/// `dashboard`: times, in one run, the plain GROUP BY baselines, the EnrollmentStats query service and
/// the real /Admin page over HTTP (the app in-process on Kestrel, loopback), and prints median, p95 and
/// the ratios to the baseline.
/// </summary>
public static partial class Dashboard
{
    private const string BenchAdmin = "bench-admin@bench.migrantcover.id";
    private const string BenchPassword = "Bench#Admin2026";

    public static async Task RunAsync(string connectionString, int runs)
    {
        // The schema the app would run on: apply any migration newer than the fill.
        await using (var db = new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseMigrantCoverPostgres(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString).Options))
        {
            await db.Database.MigrateAsync();
        }

        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await Fill.ExecAsync(conn, "VACUUM (ANALYZE) workers");
        await Fill.ExecAsync(conn, "VACUUM (ANALYZE) payments");
        await Fill.ExecAsync(conn, "VACUUM (ANALYZE) worker_tallies, departure_tallies, cover_tallies, payment_tallies");
        var workers = await ScalarAsync(conn, "SELECT count(*) FROM workers");
        Console.WriteLine($"Workers: {workers:N0}; {runs} runs each after 2 warm-ups; {Environment.ProcessorCount} cores");

        var results = new List<(string Name, double[] Ms)>
        {
            ("SQL: SELECT stage, count(*) FROM workers GROUP BY stage", await TimeAsync(runs, () => ScalarAsync(conn, "SELECT count(*) FROM (SELECT stage, count(*) FROM workers GROUP BY stage) s"))),
            ("SQL: SELECT destination_country, count(*) ... GROUP BY destination_country", await TimeAsync(runs, () => ScalarAsync(conn, "SELECT count(*) FROM (SELECT destination_country, count(*) FROM workers GROUP BY destination_country) s"))),
        };

        // The query service alone, as the page and the API use it.
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseMigrantCoverPostgres(connectionString));
        services.AddScoped<EnrollmentStats>();
        await using (var provider = services.BuildServiceProvider())
        {
            EnrollmentReport? report = null;
            results.Add(("EnrollmentStats.GetAsync (all figures)", await TimeAsync(runs, async () =>
            {
                await using var scope = provider.CreateAsyncScope();
                report = await scope.ServiceProvider.GetRequiredService<EnrollmentStats>().GetAsync(null, null);
                return report.Totals.Registered;
            })));
            await CheckAsync(conn, report!);

            // A range that starts and ends inside months: whole months from the tallies, edge days from the rows.
            var today = report!.AsOf;
            var from = new DateOnly(today.Year - 1, today.Month, 10);
            var to = new DateOnly(today.Year, today.Month, 1).AddDays(-12);
            EnrollmentReport? ranged = null;
            results.Add(($"EnrollmentStats.GetAsync, range {from:yyyy-MM-dd} .. {to:yyyy-MM-dd} (partial first and last month)", await TimeAsync(runs, async () =>
            {
                await using var scope = provider.CreateAsyncScope();
                ranged = await scope.ServiceProvider.GetRequiredService<EnrollmentStats>().GetAsync(from, to);
                return ranged.Totals.Registered;
            })));
            var registered = await ScalarAsync(conn, $"SELECT count(*) FROM workers WHERE registered_on BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'");
            var placedInRange = await ScalarAsync(conn, $"SELECT count(*) FROM workers WHERE stage = 'placed' AND registered_on BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'");
            var collected = await ScalarAsync(conn, $"SELECT coalesce(sum(amount), 0) FROM payments WHERE paid_on BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'");
            if (registered != ranged!.Totals.Registered || placedInRange != ranged.Totals.Placed || collected != ranged.Contributions.Collected)
            {
                throw new InvalidOperationException("The ranged dashboard differs from plain counts.");
            }

            Console.WriteLine($"  range check: registered {registered:N0}, placed {placedInRange:N0}, collected Rp{collected:N0} equal plain counts");
            Console.WriteLine($"  registered {report!.Totals.Registered:N0}, candidates {report.Totals.Candidates:N0}, placed {report.Totals.Placed:N0}, participants {report.Totals.Participants:N0}, collected Rp{report.Contributions.Collected:N0}, departed without cover {report.Gaps.DepartedWithoutCover:N0}, placement ending in 30 days {report.Gaps.PlacementEndingIn30Days:N0}");
        }

        // The real page over HTTP.
        await using (var app = new BenchApp(connectionString))
        {
            app.UseKestrel(0);
            app.StartServer();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await StaffAccounts.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
                await StaffAccounts.CreateAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), TimeProvider.System, BenchAdmin, "Bench Admin", BenchPassword, Roles.Admin);
            }

            using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(address) };
            await SignInAsync(http);
            results.Add(("GET /Admin (page over HTTP, signed in)", await TimeAsync(runs, async () =>
            {
                using var response = await http.GetAsync("/Admin");
                response.EnsureSuccessStatusCode();
                return (await response.Content.ReadAsByteArrayAsync()).Length;
            })));
        }

        var baseline = Median(results[0].Ms);
        Console.WriteLine();
        Console.WriteLine("| Measurement | Median ms | p95 ms | Ratio to GROUP BY stage |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, ms) in results)
        {
            Console.WriteLine($"| {name} | {Median(ms):0.0} | {Percentile(ms, 0.95):0.0} | {Median(ms) / baseline:0.00} |");
        }
    }

    // The figures read from the tallies against plain GROUP BYs over the same rows; throws on a difference.
    // Public for the HTTP benchmark, which checks the tallies after its registrations and payments.
    public static async Task CheckAsync(NpgsqlConnection conn, EnrollmentReport report)
    {
        var differences = new List<string>();
        void Compare(string what, IEnumerable<(string Key, long N)> expected, IEnumerable<(string Key, long N)> actual)
        {
            var e = expected.Where(x => x.N != 0).OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
            var a = actual.Where(x => x.N != 0).OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
            if (!e.SequenceEqual(a))
            {
                differences.Add(what);
            }
        }

        async Task<List<(string Key, long N)>> Rows(string sql)
        {
            var rows = new List<(string, long)>();
            await using var cmd = new NpgsqlCommand(sql, conn);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.IsDBNull(0) ? "" : Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!, Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)));
            }

            return rows;
        }

        var t = report.Totals;
        Compare("stages", await Rows("SELECT stage, count(*) FROM workers GROUP BY stage"), [
            ("candidate", t.Candidates), ("placed", t.Placed), ("returned", t.Returned), ("failed-departure", t.FailedDeparture), ("withdrawn", t.Withdrawn), ("deceased", t.Deceased)]);
        Compare("participants", await Rows("SELECT 'p', count(membership_number) FROM workers"), [("p", t.Participants)]);
        Compare("destinations", await Rows("SELECT destination_country, count(*) FROM workers GROUP BY destination_country"), report.Breakdown(TallyDimensions.Destination).Select(b => (b.Key, (long)b.Registered)));
        Compare("provinces", await Rows("SELECT province_code, count(*) FROM workers GROUP BY province_code"), report.Breakdown(TallyDimensions.Province).Select(b => (b.Key, (long)b.Registered)));
        Compare("agencies", await Rows("SELECT agency_name, count(*) FROM workers GROUP BY agency_name"), report.Breakdown(TallyDimensions.Agency).Select(b => (b.Key, (long)b.Registered)));
        Compare("departure months", await Rows("SELECT departed_month, count(*) FROM workers WHERE departed_month IS NOT NULL GROUP BY departed_month"), report.ByDepartureMonth.Select(d => (d.Key.Replace("-", "", StringComparison.Ordinal), (long)d.Departed)));
        Compare("collected", await Rows("SELECT kind, sum(amount) FROM payments GROUP BY kind"), report.Contributions.ByKind.Select(k => (k.Key, k.Amount)));
        Compare("departed without cover", await Rows($"SELECT 'g', count(*) FROM workers WHERE stage = 'placed' AND (covered_until IS NULL OR covered_until < '{report.AsOf:yyyy-MM-dd}')"), [("g", report.Gaps.DepartedWithoutCover)]);
        Compare("placement ending in 30 days", await Rows($"SELECT 'g', count(*) FROM workers WHERE stage = 'placed' AND cover_phase = 'placement' AND covered_until >= '{report.AsOf:yyyy-MM-dd}' AND covered_until <= '{report.AsOf.AddDays(CoverGaps.SoonDays1):yyyy-MM-dd}'"), [("g", report.Gaps.PlacementEndingIn30Days)]);
        if (differences.Count > 0)
        {
            throw new InvalidOperationException("The dashboard differs from plain GROUP BYs in: " + string.Join(", ", differences));
        }

        Console.WriteLine("  check: stages, participants, destinations, provinces, agencies, departure months, contributions by kind and two gap counts equal plain GROUP BYs");
    }

    private static async Task SignInAsync(HttpClient http)
    {
        var form = await http.GetStringAsync("/Account/SignIn");
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var response = await http.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = BenchAdmin,
            ["Input.Password"] = BenchPassword,
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}.");
        }
    }

    private static async Task<double[]> TimeAsync<T>(int runs, Func<Task<T>> work)
    {
        for (var i = 0; i < 2; i++)
        {
            await work();
        }

        var ms = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await work();
            ms[i] = sw.Elapsed.TotalMilliseconds;
        }

        return ms;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static double Median(double[] ms) => Percentile(ms, 0.5);

    private static double Percentile(double[] ms, double p)
    {
        var sorted = ms.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private static string WebProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "MigrantCover.Web");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Run the benchmark from inside the repository (src/MigrantCover.Web not found).");
    }

    private sealed class BenchApp(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseContentRoot(WebProjectFolder());
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Postgres", connectionString);
            builder.UseSetting("Https:Redirect", "false");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Warning");
        }
    }
}
