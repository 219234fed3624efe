using System.Data.Common;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace MigrantCover.Web.Tests.Coverage;

/// <summary>
/// The public coverage tests' app: behind a proxy on the loopback (forwarded headers on,
/// the default known proxy), so the test client chooses its address by X-Forwarded-For, and static assets
/// are served as from a build (precompressed .gz included, see UseStaticWebAssets).
/// </summary>
public sealed class CoverageHost : IAppSetup
{
    public void Configure(AppFactory factory) => CoverageArrange.Configure(factory);

    public void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseStaticWebAssets();
        CoverageArrange.ConfigureHost(builder);
    }
}

/// <summary>Workers in each situation of R-COV-7, arranged as the officer pages would record them.</summary>
public static class CoverageArrange
{
    /// <summary>
    /// Holds the write lock of <c>coverage_lookups</c> in a transaction on a connection of the test's own:
    /// reads go on, the writer's COPY or INSERT waits until the returned lock is disposed (PostgreSQL:
    /// EXCLUSIVE mode; SQLite locks the whole file, so a write transaction held open keeps every writer
    /// waiting).
    /// </summary>
    public static async Task<IAsyncDisposable> LockLogTableAsync(AppFactory factory)
    {
        var connection = await factory.OpenConnectionAsync();
        await using var take = connection.CreateCommand();
        take.CommandText = factory.Provider == "Postgres" ? "BEGIN; LOCK TABLE coverage_lookups IN EXCLUSIVE MODE" : "BEGIN IMMEDIATE";
        await take.ExecuteNonQueryAsync();
        return new TableLock(connection);
    }

    private sealed class TableLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var commit = connection.CreateCommand())
            {
                commit.CommandText = "COMMIT";
                await commit.ExecuteNonQueryAsync();
            }

            await connection.DisposeAsync();
        }
    }

    public static readonly DateOnly BirthDate = new(1995, 7, 9);

    private static int _address;

    public static AppFactory Configure(AppFactory factory) =>
        factory.With("ForwardedHeaders:Enabled", "true")
            .With("Coverage:HashKey", Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()))
            .With("Coverage:PerClientPerMinute", "10")
            .With("Coverage:FailuresBeforeLock", "5")

            // Serve the build's precompressed assets as they are, as a published app does; the
            // development re-compression (for files changed after the build) sends gzip uncompressed.
            .With("ReloadStaticAssetsAtRuntime", "false");

    /// <summary>Connections come from the loopback, as from a proxy on the same machine (the test server has no peer).</summary>
    public static void ConfigureHost(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new LoopbackPeer()));

    /// <summary>A browser (cookies, no redirects) with an address of its own, so rate limits do not mix.</summary>
    public static HttpClient Client(AppFactory factory, string? acceptLanguage = null)
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", NextAddress());
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(acceptLanguage));
        }

        return client;
    }

    /// <summary>Waits until every lookup log row queued so far is written (the log is written in batches, off the request path).</summary>
    public static Task LogWrittenAsync(AppFactory factory) =>
        factory.Services.GetRequiredService<MigrantCover.Web.Features.PublicCoverage.LookupLog>().FlushAsync();

    public static string NextAddress()
    {
        var n = Interlocked.Increment(ref _address);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    public static void UseAddress(HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove("X-Forwarded-For");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
    }

    /// <summary>Registration plus the given payments and stage events; membership number at the first payment (R-KPJ-2).</summary>
    public static async Task<Worker> WorkerAsync(
        AppFactory factory,
        Scheme scheme = Scheme.Agency,
        (PaymentKind Kind, DateOnly PaidOn, int? Months)[]? payments = null,
        DateOnly? departedOn = null,
        DateOnly? arrivedOn = null,
        DateOnly? failedOn = null,
        DateOnly? diedOn = null)
    {
        var w = TestData.Worker();
        w.Scheme = scheme;
        if (scheme == Scheme.Individual)
        {
            w.AgencyName = null;
            w.AgencyLicence = null;
        }

        w.RegisteredOn = new DateOnly(2022, 11, 1);
        w.PlacementAgreementSignedOn = new DateOnly(2022, 10, 30);
        var events = new List<StageEvent> { Event(w, StageEventKind.Registration, null, Stage.Candidate, w.RegisteredOn) };
        payments ??= [];
        void Step(DateOnly? on, StageEventKind kind, Stage to, Action<DateOnly> record)
        {
            if (on is { } day)
            {
                record(day);
                events.Add(Event(w, kind, w.Stage, to, day));
                w.Stage = to;
            }
        }

        Step(departedOn, StageEventKind.Departure, Stage.Placed, d =>
        {
            w.DepartedOn = d;
            w.PassportNumber = "C1234567";
            w.EmployerName = "Employer Ltd";
        });
        Step(arrivedOn, StageEventKind.Return, Stage.Returned, a => w.ArrivedOn = a);
        Step(failedOn, StageEventKind.FailedDeparture, Stage.FailedDeparture, f => w.FailedDepartureOn = f);
        Step(diedOn, StageEventKind.Death, Stage.Deceased, died => w.DiedOn = died);

        await factory.WithDbAsync(async db =>
        {
            if (payments.Length > 0)
            {
                w.MembershipNumber = await MembershipNumbers.IssueAsync(db, payments.Min(p => p.PaidOn).Year);
            }

            foreach (var (kind, paidOn, months) in payments)
            {
                var amount = kind switch
                {
                    PaymentKind.PrePlacement => 37_500,
                    PaymentKind.Placement => 332_500,
                    PaymentKind.Jht => 50_000L * (months ?? 1),
                    _ => 13_500L * (months ?? 1),
                };
                var payment = TestData.Payment(w.Id, kind, amount, paidOn, months);
                payment.MonthlyAmount = kind == PaymentKind.Jht ? 50_000 : null;
                w.Payments.Add(payment);
            }

            w.StageEvents.AddRange(events);
            WorkerCoverage.Refresh(w, new DateOnly(2026, 3, 1));
            db.Workers.Add(w);
            await db.SaveChangesAsync();
        });
        return w;
    }

    /// <summary>Records a failed departure on an existing candidate, as the officer page does.</summary>
    public static Task RecordFailedDepartureAsync(AppFactory factory, Guid workerId, DateOnly on) =>
        factory.WithDbAsync(async db =>
        {
            var w = await db.Workers.Include(x => x.Payments).SingleAsync(x => x.Id == workerId);
            w.FailedDepartureOn = on;
            db.StageEvents.Add(Event(w, StageEventKind.FailedDeparture, w.Stage, Stage.FailedDeparture, on));
            w.Stage = Stage.FailedDeparture;
            db.AuditReason = "test: failed departure";
            WorkerCoverage.Refresh(w, on);
            await db.SaveChangesAsync();
        });

    private static StageEvent Event(Worker w, StageEventKind kind, Stage? from, Stage to, DateOnly on)
    {
        var e = StageEvent.Of(w, kind, from, to, on, AppFactory.DefaultNow, "test");
        e.Reason = kind is StageEventKind.FailedDeparture or StageEventKind.Death ? "recorded by test" : null;
        return e;
    }
}

/// <summary>Gives a request without a peer address (the test server's) the loopback's, before the forwarded headers are read.</summary>
internal sealed class LoopbackPeer : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextMiddleware) =>
        {
            http.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            await nextMiddleware(http);
        });
        next(app);
    };
}
