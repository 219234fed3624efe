using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using MigrantCover.Web.Infrastructure;
using MigrantCover.Web.Tests.Coverage;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MigrantCover.Web.Tests.Observability;

/// <summary>
/// OpenTelemetry through the real middleware (decision 0025): a lookup's request span with its database
/// spans, the counter it increments, no personal identifier in any span, and the Prometheus scrape
/// endpoint for admins and the scrape key only. The portal's counters are process-wide, so these classes
/// run alone (their collection is not parallel) and count differences.
/// </summary>
public abstract class TelemetryTests(AppFactory factory, TelemetryExport export) : ProviderTests(factory)
{
    private TelemetryExport Export => export;

    [Fact]
    [Trait("Rule", "R-COV-7")]
    public async Task ALookupMakesARequestSpanWithItsDatabaseSpansAndCountsOneFoundLookup()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var client = CoverageArrange.Client(Factory);
        var before = Export.Counts(Factory.Services, "migrantcover.lookups");

        // The client starts the trace (traceparent), so the spans of this one request can be told apart.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/coverage/lookup")
        {
            Content = JsonContent.Create(new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var spans = await Export.SpansOfAsync(traceId, s => s.Kind == ActivityKind.Server);
        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.Equal("/api/v1/coverage/lookup", server.GetTagItem("url.path"));
        Assert.Equal("api/v1/coverage/lookup", server.GetTagItem("http.route")?.ToString()?.TrimStart('/'));
        Assert.Equal(200, Convert.ToInt32(server.GetTagItem("http.response.status_code"), CultureInfo.InvariantCulture));
        if (Factory.Provider == "Postgres")
        {
            // Npgsql's spans of the lookup's statements, children of the request's span.
            var database = spans.Where(s => s.Source.Name == "Npgsql").ToList();
            Assert.NotEmpty(database);
            Assert.All(database, d => Assert.Equal(ActivityKind.Client, d.Kind));
            Assert.All(database, d => Assert.True(IsWithin(d, server, spans), $"{d.DisplayName} is not under the request's span"));
        }

        // No personal identifier in any span of the request: not the membership number, NIK, name, date of birth, nor the worker's id.
        var secrets = new[] { worker.MembershipNumber!, worker.Nik, worker.FullName, "1995-07-09", worker.Id.ToString(), worker.Id.ToString("N") };
        foreach (var span in spans)
        {
            var text = span.DisplayName + " " + string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase));
        }

        var after = Export.Counts(Factory.Services, "migrantcover.lookups");
        Assert.Equal(1, Delta(before, after, "outcome=found,channel=api"));
        Assert.Equal(0, Delta(before, after, "outcome=not-found,channel=api"));
        Assert.Equal(0, Delta(before, after, "outcome=locked,channel=api"));
    }

    [Fact]
    public async Task AFailedLookupAndAPaymentCountUnderTheirOwnTags()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var client = CoverageArrange.Client(Factory);
        var before = Export.Counts(Factory.Services, "migrantcover.lookups");
        var wrong = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1990-01-01" });
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        var after = Export.Counts(Factory.Services, "migrantcover.lookups");
        Assert.Equal(1, Delta(before, after, "outcome=not-found,channel=api"));
        Assert.Equal(0, Delta(before, after, "outcome=found,channel=api"));
    }

    [Fact]
    public async Task TheScrapeEndpointAnswersAdminsAndTheScrapeKeyWithTheCountersAndRefusesEveryoneElse()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var lookupClient = CoverageArrange.Client(Factory);
        Assert.Equal(HttpStatusCode.OK, (await lookupClient.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" })).StatusCode);

        // Anonymous, a wrong key, and an officer: 401, and not a line of the metrics.
        using var anonymous = Factory.CreateClient();
        var refused = await anonymous.GetAsync(Telemetry.ScrapePath);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("migrantcover", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var wrongKey = Factory.CreateClient();
        wrongKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TelemetryExport.ScrapeKey + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrongKey.GetAsync(Telemetry.ScrapePath)).StatusCode);
        using var officer = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync(Telemetry.ScrapePath)).StatusCode);

        // An admin's bearer token, and the scraper's key: the counters in Prometheus' text format.
        using var admin = await Factory.CreateClient().AuthorizeAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        using var scraper = Factory.CreateClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TelemetryExport.ScrapeKey);
        foreach (var reader in new[] { admin, scraper })
        {
            var scraped = await reader.GetAsync(Telemetry.ScrapePath);
            Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
            var text = await scraped.Content.ReadAsStringAsync();
            Assert.Matches(@"migrantcover_lookups_total\{[^}]*outcome=""found""[^}]*\} [1-9]", text);
            Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
            Assert.Contains("dotnet_", text, StringComparison.Ordinal);
            Assert.DoesNotContain(worker.MembershipNumber!, text, StringComparison.Ordinal);
            Assert.DoesNotContain(worker.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static long Delta(IReadOnlyDictionary<string, long> before, IReadOnlyDictionary<string, long> after, string tags) =>
        after.GetValueOrDefault(tags) - before.GetValueOrDefault(tags);

    // Whether span's chain of parents reaches ancestor within the exported spans.
    private static bool IsWithin(Activity span, Activity ancestor, IReadOnlyList<Activity> spans)
    {
        var current = span;
        for (var depth = 0; current is not null && depth < 20; depth++)
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }

            current = spans.FirstOrDefault(s => s.SpanId == current.ParentSpanId);
        }

        return false;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (process-wide counters)";
}

/// <summary>The telemetry tests' app: the coverage pages' setup (CoverageArrange), and the spans and metric snapshots it exported to memory.</summary>
public sealed class TelemetryExport : IAppSetup
{
    public const string ScrapeKey = "scrape-key-for-the-tests-0123456789";

    private readonly LockedList<Activity> _spans = [];
    private readonly LockedList<MetricSnapshot> _metrics = [];

    public void Configure(AppFactory factory) => CoverageArrange.Configure(factory);

    public void ConfigureHost(IWebHostBuilder builder)
    {
        CoverageArrange.ConfigureHost(builder);
        builder.UseSetting("Telemetry:ScrapeKey", ScrapeKey).ConfigureTestServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_spans));
            services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics));
        });
    }

    /// <summary>The spans of one trace, once one of them matches <paramref name="until"/> (a request's span ends after its answer is sent).</summary>
    public async Task<IReadOnlyList<Activity>> SpansOfAsync(ActivityTraceId traceId, Func<Activity, bool> until)
    {
        for (var i = 0; i < 100; i++)
        {
            var of = _spans.Snapshot().Where(s => s.TraceId == traceId).ToList();

            if (of.Any(until))
            {
                return of;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the request's span was never exported");
        return [];
    }

    /// <summary>The current sums of a counter by its tags ("outcome=found,channel=api"), read after a flush.</summary>
    public IReadOnlyDictionary<string, long> Counts(IServiceProvider services, string name)
    {
        var provider = services.GetRequiredService<MeterProvider>();
        _metrics.Clear();

        // The Prometheus reader only answers scrapes (its flush reports false); the in-memory one exports now.
        provider.ForceFlush(10_000);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var metric in _metrics.Snapshot().Where(m => m.Name == name))
        {
            foreach (var point in metric.MetricPoints)
            {
                var tags = new List<string>();
                foreach (var tag in point.Tags)
                {
                    tags.Add($"{tag.Key}={tag.Value}");
                }

                var key = string.Join(",", tags.OrderBy(t => t.StartsWith("outcome", StringComparison.Ordinal) ? 0 : 1).ThenBy(t => t, StringComparer.Ordinal));
                counts[key] = point.GetSumLong();
            }
        }

        return counts;
    }
}

/// <summary>A list the exporters add to from their threads while a test reads it.</summary>
public sealed class LockedList<T> : System.Collections.ObjectModel.Collection<T>
{
    public List<T> Snapshot()
    {
        lock (Items)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (Items)
        {
            base.InsertItem(index, item);
        }
    }

    protected override void ClearItems()
    {
        lock (Items)
        {
            base.ClearItems();
        }
    }
}

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTestsOnSqlite(SqliteAppFactory<TelemetryExport> f) : TelemetryTests(f, f.Setup), IClassFixture<SqliteAppFactory<TelemetryExport>>;

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTestsOnPostgres(PostgresAppFactory<TelemetryExport> f) : TelemetryTests(f, f.Setup), IClassFixture<PostgresAppFactory<TelemetryExport>>;
