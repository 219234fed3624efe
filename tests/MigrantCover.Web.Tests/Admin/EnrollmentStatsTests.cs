using static MigrantCover.Web.Tests.Admin.DashboardTables;

namespace MigrantCover.Web.Tests.Admin;

/// <summary>
/// The dashboard, its CSV exports and GET /api/v1/stats/enrollment count a known population
/// exactly. The class has its own database, so the population below is all there is to count.
/// </summary>
public abstract class EnrollmentStatsTests(AppFactory factory) : ProviderTests(factory)
{
    /// <summary>"Today" for the gap figures.</summary>
    private static readonly DateOnly GapDay = new(2026, 6, 15);

    private static readonly DateTimeOffset GapNow = new(2026, 6, 15, 3, 0, 0, TimeSpan.Zero);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task> Arranged = [];

    private const string QuotedAgency = "PT \"Maju\", Jaya";

    // Placement cover runs from departure d to d + (m + 1) months − 1 day (R-COV-4); with m = 3 that is
    // d + 4 months − 1 day. Pre-placement cover runs p to p + 5 months − 1 day (R-COV-1).
    private static readonly PopulationWorker[] Population =
    [
        // Departed without active cover: no placement payment (cover stopped the day before departure) ...
        W("G1", Stage.Placed, "TW", "35", Sex.Female, Scheme.Agency, "PT Sejahtera", "caregiver", D(2025, 11, 20), D(2026, 1, 10), 24, (PaymentKind.PrePlacement, D(2025, 12, 1), 37_500)),
        // ... no payment at all ...
        W("G2", Stage.Placed, "MY", "33", Sex.Male, Scheme.Agency, "PT Sejahtera", "plantation worker", D(2025, 12, 3), D(2026, 2, 1), 24),
        // ... and cover that ended yesterday.
        W("G13", Stage.Placed, "HK", "35", Sex.Female, Scheme.Agency, QuotedAgency, "caregiver", D(2026, 1, 5), D(2026, 2, 15), 3, (PaymentKind.Placement, D(2026, 2, 1), 300_000)),

        // Placement cover ending today, in 5 days and exactly in 30 days: within 30, 60 and 90.
        W("G12", Stage.Placed, "HK", "52", Sex.Female, Scheme.Agency, QuotedAgency, "domestic helper", D(2026, 1, 6), D(2026, 2, 16), 3, (PaymentKind.Placement, D(2026, 2, 2), 300_000)),
        W("G3", Stage.Placed, "TW", "52", Sex.Female, Scheme.Government, null, "factory operator", D(2026, 1, 7), D(2026, 2, 21), 3, (PaymentKind.Placement, D(2026, 2, 3), 300_000)),
        W("G14", Stage.Placed, "TW", "33", Sex.Male, Scheme.Government, null, "factory operator", D(2026, 2, 8), D(2026, 3, 16), 3, (PaymentKind.Placement, D(2026, 3, 1), 300_000)),

        // Placement cover ending in 47 days (within 60 and 90) and in 87 days (within 90 only).
        W("G4", Stage.Placed, "KR", "32", Sex.Male, Scheme.Government, null, "fisher", D(2026, 2, 9), D(2026, 4, 2), 3, (PaymentKind.Placement, D(2026, 3, 20), 300_000)),
        W("G5", Stage.Placed, "MY", "32", Sex.Male, Scheme.Company, "PT Kebun Raya", "plantation worker", D(2026, 2, 10), D(2026, 5, 11), 3, (PaymentKind.Placement, D(2026, 4, 20), 300_000)),

        // Placement cover ending at the start of 2027: no gap.
        W("G6", Stage.Placed, "TW", "35", Sex.Female, Scheme.Agency, "PT Sejahtera", "caregiver", D(2025, 11, 21), D(2025, 12, 2), 12, (PaymentKind.PrePlacement, D(2025, 11, 22), 37_500), (PaymentKind.Placement, D(2025, 11, 25), 1_000_000)),

        // Candidates: pre-placement cover lapsed, ending in 15 days, ending in September, and unpaid.
        W("G7", Stage.Candidate, "HK", "35", Sex.Female, Scheme.Agency, "PT Sejahtera", "caregiver", D(2026, 1, 2), null, 24, (PaymentKind.PrePlacement, D(2026, 1, 5), 37_500)),
        W("G8", Stage.Candidate, "HK", "18", Sex.Female, Scheme.Agency, QuotedAgency, "domestic helper", D(2026, 1, 30), null, 24, (PaymentKind.PrePlacement, D(2026, 2, 1), 37_500)),
        W("G9", Stage.Candidate, "TW", "35", Sex.Female, Scheme.Agency, "PT Sejahtera", "caregiver", D(2026, 2, 20), null, 24, (PaymentKind.PrePlacement, D(2026, 5, 1), 37_500)),
        W("G10", Stage.Candidate, "SA", "52", Sex.Male, Scheme.Individual, null, "driver", D(2026, 2, 21), null, 24),

        // Other stages.
        W("E1", Stage.Withdrawn, "MY", "52", Sex.Female, Scheme.Agency, "PT Sejahtera", "domestic helper", D(2026, 1, 15), null, 24),
        W("E2", Stage.FailedDeparture, "SA", "33", Sex.Male, Scheme.Agency, "PT Kebun Raya", "driver", D(2025, 12, 15), null, 24, (PaymentKind.PrePlacement, D(2025, 12, 16), 37_500)),
        W("E3", Stage.Deceased, "HK", "35", Sex.Female, Scheme.Agency, QuotedAgency, "caregiver", D(2025, 10, 1), D(2025, 11, 1), 24, (PaymentKind.PrePlacement, D(2025, 10, 2), 37_500), (PaymentKind.Placement, D(2025, 10, 20), 1_500_000)),
        W("E4", Stage.Returned, "KR", "35", Sex.Male, Scheme.Government, null, "fisher", D(2025, 10, 10), D(2025, 10, 20), 3, (PaymentKind.Placement, D(2025, 10, 12), 300_000)),
        W("E5", Stage.Candidate, "TW", "35", Sex.Female, Scheme.Agency, "PT Sejahtera", "caregiver", D(2025, 10, 15), null, 24),
    ];

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static PopulationWorker W(string tag, Stage stage, string dest, string prov, Sex sex, Scheme scheme, string? agency, string occupation, DateOnly registered, DateOnly? departed, int contract, params (PaymentKind, DateOnly, long)[] payments) =>
        new(tag, stage, dest, prov, sex, scheme, agency, occupation, registered, departed, contract, payments);

    private Task ArrangeOnceAsync() =>
        Arranged.GetValue(Factory, f => StatsPopulation.ArrangeAsync(f, Population, GapDay));

    // The known population, "today" the gap day, and an admin's browser signed in.
    private async Task<HttpClient> AdminOnGapDayAsync()
    {
        await ArrangeOnceAsync();
        Factory.Clock.AdjustTime(GapNow);
        var client = Factory.CreateBrowserClient();
        await client.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        return client;
    }

    private async Task<JsonElement> ApiAsync(string query = "")
    {
        var client = await Factory.CreateClient().AuthorizeAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var response = await client.GetAsync("/api/v1/stats/enrollment" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static Dictionary<string, (int Candidates, int Placed)> Split(IEnumerable<PopulationWorker> workers, Func<PopulationWorker, string> key) =>
        workers.GroupBy(key).ToDictionary(
            g => g.Key,
            g => (g.Count(w => w.Stage == Stage.Candidate), g.Count(w => w.Stage == Stage.Placed)));

    private static Dictionary<string, (int Candidates, int Placed)> Split(JsonElement array) =>
        array.EnumerateArray().ToDictionary(
            e => e.GetProperty("key").GetString()!,
            e => (e.GetProperty("candidates").GetInt32(), e.GetProperty("placed").GetInt32()));

    [Fact]
    public async Task ApiCountsEveryFigureOfAKnownPopulation()
    {
        await ArrangeOnceAsync();
        Factory.Clock.AdjustTime(GapNow);
        var json = await ApiAsync();

        Assert.Equal("2026-06-15", json.GetProperty("asOf").GetString());
        var totals = json.GetProperty("totals");
        Assert.Equal(18, totals.GetProperty("registered").GetInt32());
        Assert.Equal(5, totals.GetProperty("candidates").GetInt32());
        Assert.Equal(9, totals.GetProperty("placed").GetInt32());
        Assert.Equal(1, totals.GetProperty("returned").GetInt32());
        Assert.Equal(1, totals.GetProperty("failedDeparture").GetInt32());
        Assert.Equal(1, totals.GetProperty("withdrawn").GetInt32());
        Assert.Equal(1, totals.GetProperty("deceased").GetInt32());
        Assert.Equal(Population.Count(p => p.Payments.Length > 0), totals.GetProperty("participants").GetInt32());
        Assert.Equal(14, totals.GetProperty("participants").GetInt32());

        Assert.Equal(Split(Population, p => p.Destination), Split(json.GetProperty("byDestination")));
        Assert.Equal((2, 4), Split(json.GetProperty("byDestination"))["TW"]);
        Assert.Equal(Split(Population, p => p.Province), Split(json.GetProperty("byProvince")));
        Assert.Equal(Split(Population, p => Codes.Of(p.Sex)), Split(json.GetProperty("bySex")));
        Assert.Equal(Split(Population, p => Codes.Of(p.Scheme)), Split(json.GetProperty("byScheme")));
        Assert.Equal(Split(Population, p => p.Agency ?? ""), Split(json.GetProperty("byAgency")));
        Assert.Equal(Split(Population, p => p.Occupation), Split(json.GetProperty("byOccupation")));
        var ntb = json.GetProperty("byProvince").EnumerateArray().Single(e => e.GetProperty("key").GetString() == "52");
        Assert.Equal("Nusa Tenggara Barat", ntb.GetProperty("name").GetString());

        // Breakdowns list the largest first (candidates + placed).
        var sums = json.GetProperty("byDestination").EnumerateArray().Select(e => e.GetProperty("candidates").GetInt32() + e.GetProperty("placed").GetInt32()).ToList();
        Assert.Equal(sums.OrderDescending(), sums);

        var months = json.GetProperty("byMonth").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("registered").GetInt32());
        Assert.Equal(
            Population.GroupBy(p => p.RegisteredOn.ToString("yyyy-MM", CultureInfo.InvariantCulture)).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            months);
        Assert.Equal(["2025-10", "2025-11", "2025-12", "2026-01", "2026-02"], months.Keys);
        var departures = json.GetProperty("byDepartureMonth").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("departed").GetInt32());
        Assert.Equal(
            Population.Where(p => p.DepartedOn is not null).GroupBy(p => p.DepartedOn!.Value.ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.Count()),
            departures);

        var contributions = json.GetProperty("contributions");
        Assert.Equal(Population.SelectMany(p => p.Payments).Sum(p => p.Amount), contributions.GetProperty("collected").GetInt64());
        Assert.Equal(4_862_500, contributions.GetProperty("collected").GetInt64());
        var byKind = contributions.GetProperty("byKind").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("amount").GetInt64());
        Assert.Equal(
            Population.SelectMany(p => p.Payments).GroupBy(p => Codes.Of(p.Kind)).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount)),
            byKind);

        var gaps = json.GetProperty("gaps");
        Assert.Equal([3, 1, 1, 3, 4, 5], Gaps(gaps));
    }

    [Fact]
    public async Task GapsMoveWithToday()
    {
        await ArrangeOnceAsync();

        // 2026-07-16: G14's cover ended yesterday; only G4 (2026-08-01) and G5 (2026-09-10) still run.
        Factory.Clock.AdjustTime(new DateTimeOffset(2026, 7, 16, 3, 0, 0, TimeSpan.Zero));
        var gaps = (await ApiAsync()).GetProperty("gaps");
        Assert.Equal([6, 2, 0, 1, 2, 2], Gaps(gaps));
    }

    [Fact]
    public async Task RangeCountsWorkersRegisteredAndPaymentsPaidWithinIt()
    {
        await ArrangeOnceAsync();
        Factory.Clock.AdjustTime(GapNow);
        var from = D(2025, 12, 1);
        var to = D(2026, 1, 31);
        var json = await ApiAsync("?from=2025-12-01&to=2026-01-31");
        var inRange = Population.Where(p => p.RegisteredOn >= from && p.RegisteredOn <= to).ToList();

        Assert.Equal(8, json.GetProperty("totals").GetProperty("registered").GetInt32());
        Assert.Equal(inRange.Count, json.GetProperty("totals").GetProperty("registered").GetInt32());
        Assert.Equal(inRange.Count(p => p.Stage == Stage.Placed), json.GetProperty("totals").GetProperty("placed").GetInt32());
        Assert.Equal(Split(inRange, p => p.Destination), Split(json.GetProperty("byDestination")));
        Assert.Equal(Split(inRange, p => p.Province), Split(json.GetProperty("byProvince")));
        Assert.Equal(
            Population.SelectMany(p => p.Payments).Where(p => p.PaidOn >= from && p.PaidOn <= to).Sum(p => p.Amount),
            json.GetProperty("contributions").GetProperty("collected").GetInt64());

        // Gaps ignore the range: always over all workers, as of today.
        Assert.Equal(3, json.GetProperty("gaps").GetProperty("departedWithoutCover").GetInt32());
    }

    [Theory]
    [InlineData("?from=2026-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?from=2026-02-01&to=2026-01-01", "to")]
    public async Task BadRangeIsAProblemNamingTheField(string query, string field)
    {
        var client = await Factory.CreateClient().AuthorizeAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var problem = await (await client.GetAsync("/api/v1/stats/enrollment" + query)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), problem.ToString());
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
        Assert.True(problem.TryGetProperty("ruleIds", out _));
    }

    [Fact]
    public async Task FiguresEqualPlainSqlGroupBy()
    {
        await ArrangeOnceAsync();
        Factory.Clock.AdjustTime(GapNow);
        var json = await ApiAsync();
        var byStage = await Factory.WithDbAsync(db => db.Database
            .SqlQueryRaw<KeyCount>("SELECT stage AS \"Key\", count(*) AS \"Count\" FROM workers GROUP BY stage").ToListAsync());
        var byDestination = await Factory.WithDbAsync(db => db.Database
            .SqlQueryRaw<KeyCount>("SELECT destination_country AS \"Key\", count(*) AS \"Count\" FROM workers WHERE stage = 'placed' GROUP BY destination_country").ToListAsync());
        var byProvince = await Factory.WithDbAsync(db => db.Database
            .SqlQueryRaw<KeyCount>("SELECT province_code AS \"Key\", count(*) AS \"Count\" FROM workers WHERE stage = 'candidate' GROUP BY province_code").ToListAsync());
        var collected = await Factory.WithDbAsync(db => db.Database
            .SqlQueryRaw<KeyCount>("SELECT kind AS \"Key\", sum(amount) AS \"Count\" FROM payments GROUP BY kind").ToListAsync());

        var stages = byStage.ToDictionary(r => r.Key, r => r.Count);
        var totals = json.GetProperty("totals");
        Assert.Equal(stages.Values.Sum(), totals.GetProperty("registered").GetInt64());
        Assert.Equal(stages["candidate"], totals.GetProperty("candidates").GetInt64());
        Assert.Equal(stages["placed"], totals.GetProperty("placed").GetInt64());
        Assert.Equal(stages["returned"], totals.GetProperty("returned").GetInt64());
        Assert.Equal(stages["failed-departure"], totals.GetProperty("failedDeparture").GetInt64());
        Assert.Equal(stages["withdrawn"], totals.GetProperty("withdrawn").GetInt64());
        Assert.Equal(
            byDestination.ToDictionary(r => r.Key, r => r.Count),
            json.GetProperty("byDestination").EnumerateArray().Where(e => e.GetProperty("placed").GetInt32() > 0)
                .ToDictionary(e => e.GetProperty("key").GetString()!, e => (long)e.GetProperty("placed").GetInt32()));
        Assert.Equal(
            byProvince.ToDictionary(r => r.Key, r => r.Count),
            json.GetProperty("byProvince").EnumerateArray().Where(e => e.GetProperty("candidates").GetInt32() > 0)
                .ToDictionary(e => e.GetProperty("key").GetString()!, e => (long)e.GetProperty("candidates").GetInt32()));
        Assert.Equal(
            collected.ToDictionary(r => r.Key, r => r.Count),
            json.GetProperty("contributions").GetProperty("byKind").EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("amount").GetInt64()));
    }

    [Fact]
    public async Task DashboardPageShowsTheSameFiguresAsTheApi()
    {
        await ArrangeOnceAsync();
        Factory.Clock.AdjustTime(GapNow);
        var json = await ApiAsync();
        var client = Factory.CreateBrowserClient();
        await client.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var page = await client.GetDocumentAsync("/Admin");

        var totals = Cells(page, "totals");
        Assert.Equal(8, totals.Count);
        Assert.Equal(
            new[] { "registered", "candidates", "placed", "returned", "failedDeparture", "withdrawn", "deceased", "participants" }
                .Select(k => json.GetProperty("totals").GetProperty(k).GetInt32().ToString(CultureInfo.InvariantCulture)),
            totals.Select(r => r[1]));

        // Each gap count links to its list; the numbers are the API's.
        var gapLinks = page.QuerySelectorAll("#table-gaps tbody td a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal(
            [("/Admin/Gaps?kind=departed-without-cover", "3"), ("/Admin/Gaps?kind=preplacement-lapsed", "1"), ("/Admin/Gaps?kind=preplacement-ending-30", "1"),
             ("/Admin/Gaps?kind=placement-ending-30", "3"), ("/Admin/Gaps?kind=placement-ending-60", "4"), ("/Admin/Gaps?kind=placement-ending-90", "5")],
            gapLinks);

        var provinces = Cells(page, "byProvince");
        Assert.Equal(
            json.GetProperty("byProvince").EnumerateArray().Select(e => new[]
            {
                e.GetProperty("key").GetString(), e.GetProperty("name").GetString(),
                e.GetProperty("candidates").GetInt32().ToString(CultureInfo.InvariantCulture), e.GetProperty("placed").GetInt32().ToString(CultureInfo.InvariantCulture),
            }),
            provinces.Select(r => r.Take(4).ToArray()));
        var destinations = Cells(page, "byDestination");
        Assert.Equal(
            json.GetProperty("byDestination").EnumerateArray().Select(e => e.GetProperty("key").GetString() + "=" + e.GetProperty("candidates").GetInt32() + "/" + e.GetProperty("placed").GetInt32()),
            destinations.Select(r => r[0] + "=" + r[2] + "/" + r[3]));

        // Countries by name in the page's language (ICU data), beside the code.
        Assert.Contains(destinations, r => r[0] == "HK" && r[1] == "Hong Kong DAK Tiongkok");
        Assert.Equal(
            json.GetProperty("byMonth").EnumerateArray().Select(e => e.GetProperty("key").GetString() + "=" + e.GetProperty("registered").GetInt32()),
            Cells(page, "byMonth").Select(r => r[0] + "=" + r[1]));
        Assert.Contains(RuleText.Rupiah(4_862_500), page.QuerySelector("#collected")!.TextContent, StringComparison.Ordinal);

        // Charts: a labelled canvas with its data in attributes (no inline script under the CSP).
        var chart = page.QuerySelector("canvas#chart-provinces")!;
        Assert.Equal("img", chart.GetAttribute("role"));
        Assert.False(string.IsNullOrWhiteSpace(chart.GetAttribute("aria-label")));
        Assert.Contains("Nusa Tenggara Barat", chart.GetAttribute("data-labels"), StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
        Assert.All(page.QuerySelectorAll("table"), t => Assert.NotNull(t.QuerySelector("caption")));
    }

    [Fact]
    public async Task DashboardRangeFilterIsAGetFormAndBadDatesShowAnError()
    {
        var client = await AdminOnGapDayAsync();
        var page = await client.GetDocumentAsync("/Admin?from=2025-12-01&to=2026-01-31");
        Assert.Equal("8", Cells(page, "totals")[0][1]);
        Assert.Equal("get", page.QuerySelector("main form")!.GetAttribute("method"));
        Assert.Contains("/Admin/Export?table=byProvince&from=2025-12-01&to=2026-01-31", page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        var bad = await client.GetDocumentAsync("/Admin?from=2026-02-01&to=2026-01-01");
        Assert.NotNull(bad.QuerySelector("#error-summary"));
        Assert.NotNull(bad.QuerySelector("#to-error"));
        Assert.Equal("true", bad.QuerySelector("#to")!.GetAttribute("aria-invalid"));
        Assert.Contains("to-error", bad.QuerySelector("#to")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GapListShowsItsWorkersWithLinksById()
    {
        var client = await AdminOnGapDayAsync();
        var page = await client.GetDocumentAsync("/Admin/Gaps?kind=placement-ending-60");
        var expected = Population.Where(p => p.Tag is "G3" or "G4" or "G12" or "G14").ToList();
        var links = page.QuerySelectorAll("#gap-list tbody th a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(expected.Select(p => "/Workers/" + p.Id).Order(), links.Order());
        Assert.All(expected, p => Assert.Contains(p.Name, page.Body!.TextContent, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Admin/Gaps?kind=everyone")).StatusCode);
    }

    [Fact]
    public async Task CsvExportMatchesTheTableWithBomAndQuoting()
    {
        var client = await AdminOnGapDayAsync();
        var page = await client.GetDocumentAsync("/Admin");

        foreach (var table in new[] { "byProvince", "byAgency", "totals", "contributionsByKind" })
        {
            var rows = await ExportAsync(client, $"/Admin/Export?table={table}&from=&to=");

            var headers = page.QuerySelectorAll($"#table-{table} thead th").Select(th => th.TextContent.Trim()).ToList();
            Assert.Equal(headers, rows[0]);
            var cells = Cells(page, table);
            Assert.Equal(cells.Count, rows.Count - 1);
            for (var i = 0; i < cells.Count; i++)
            {
                Assert.Equal(cells[i], rows[i + 1]);
            }
        }

        var provinces = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/Admin/Export?table=byProvince"));
        Assert.Contains("\r\n52,Nusa Tenggara Barat,", provinces, StringComparison.Ordinal);
        var agencies = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/Admin/Export?table=byAgency"));
        Assert.Contains("\r\n\"PT \"\"Maju\"\", Jaya\",", agencies, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Admin/Export?table=everything")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Admin/Export?table=totals&from=junk")).StatusCode);
    }

    /// <summary>The six gap counts, in the order departed without cover, pre-placement lapsed, pre-placement ending in 30 days, placement ending in 30, 60 and 90 days.</summary>
    private static int[] Gaps(JsonElement gaps) =>
        [.. new[] { "departedWithoutCover", "preplacementLapsed", "preplacementEndingIn30Days", "placementEndingIn30Days", "placementEndingIn60Days", "placementEndingIn90Days" }
            .Select(name => gaps.GetProperty(name).GetInt32())];

    public sealed class KeyCount
    {
        public string Key { get; set; } = "";

        public long Count { get; set; }
    }
}

public sealed class EnrollmentStatsTestsOnSqlite(SqliteAppFactory f) : EnrollmentStatsTests(f), IClassFixture<SqliteAppFactory>;

public sealed class EnrollmentStatsTestsOnPostgres(PostgresAppFactory f) : EnrollmentStatsTests(f), IClassFixture<PostgresAppFactory>;
