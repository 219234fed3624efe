using MigrantCover.Web.Tests.Claims;
using static MigrantCover.Web.Tests.Admin.DashboardTables;
using static MigrantCover.Web.Tests.Claims.ClaimKit;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Admin;

/// <summary>
/// Issue 16, acceptance 4: the claims figures of the dashboard (HTML and CSV) and GET /api/v1/stats/claims
/// equal plain SQL over the claims table, for a known population carried through the real API (report,
/// checklist, verify, approve by a second officer, pay, reject). The class has its own database.
/// </summary>
public abstract class ClaimStatsTests(AppFactory factory) : ProviderTests(factory)
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AppFactory, Task> Arranged = [];

    private sealed record Group(string Type, string State, string Month, long Claims, long Estimated, long Amount);

    private Task ArrangeOnceAsync() => Arranged.GetValue(Factory, _ => ArrangeAsync());

    // Five claims in five states and two types, over three months of report; the clock is the factory's.
    private async Task ArrangeAsync()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var approver = await Factory.SecondOfficerAsync();

        // Paid: a death during placement, Rp85.000.000 (R-CLM-1), reported in June 2025.
        var a = await api.PlacedAsync(D("2024-03-01"), 24, Heir("spouse", "Ahmad Suami", "male", "1990-01-01"));
        var heir = (await (await api.GetAsync($"/api/v1/workers/{a}/heirs")).JsonAsync(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetString();
        await api.CarryToPaidAsync(approver, await api.ReportAsync(ClaimBody(a, "death", "2025-06-10", "2025-06-20")), new { payeeHeirId = heir });

        // Approved, not paid: medical care of Rp4.000.000 reported in January 2025.
        var b = await api.PlacedAsync(D("2024-04-01"));
        var approved = await api.ReportAsync(ClaimBody(b, "medical-care", "2025-01-05", "2025-01-20", claimedAmount: 4_000_000));
        var approvedId = approved.GetProperty("id").GetString()!;
        await api.StepAsync(approvedId, "outcome", new { outcome = "healed", outcomeOn = "2025-01-15" });
        await api.VerifyDocumentsAsync(await (await api.GetAsync($"/api/v1/claims/{approvedId}")).JsonAsync(HttpStatusCode.OK));
        await api.StepAsync(approvedId, "verify");
        await approver.StepAsync(approvedId, "approve");

        // Verified: medical care of Rp2.500.000, same worker, reported in January 2025.
        var verified = await api.ReportAsync(ClaimBody(b, "medical-care", "2025-01-12", "2025-01-25", claimedAmount: 2_500_000));
        var verifiedId = verified.GetProperty("id").GetString()!;
        await api.StepAsync(verifiedId, "outcome", new { outcome = "healed", outcomeOn = "2025-01-20" });
        await api.VerifyDocumentsAsync(await (await api.GetAsync($"/api/v1/claims/{verifiedId}")).JsonAsync(HttpStatusCode.OK));
        await api.StepAsync(verifiedId, "verify");

        // Awaiting the outcome: medical care of Rp1.250.000 reported in February 2025.
        var c = await api.PlacedAsync(D("2024-05-01"));
        await api.ReportAsync(ClaimBody(c, "medical-care", "2025-02-01", "2025-02-03", claimedAmount: 1_250_000));

        // Rejected: a death after the cover ended (R-CLM-2), reported in June 2025 (no expected amount).
        var d = await api.PlacedAsync(D("2023-01-02"));
        await api.RejectAsync(await api.ReportAsync(ClaimBody(d, "death", "2025-06-01", "2025-06-05")), "not-covered");
    }

    /// <summary>The claims table by type, state and month of report, as plain SQL over the rows.</summary>
    private Task<List<Group>> SqlAsync(string? from = null, string? to = null) => Factory.WithDbAsync(async db =>
    {
        var month = db.Database.IsNpgsql() ? "to_char(reported_on, 'YYYY-MM')" : "substr(reported_on, 1, 7)";
        var where = from is null ? "" : "WHERE reported_on >= {0} AND reported_on <= {1} ";
        object[] range = from is null ? [] : [DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to!, CultureInfo.InvariantCulture)];
        var sql = "SELECT type AS \"Type\", state AS \"State\", " + month + " AS \"Month\", count(*) AS \"Claims\", coalesce(sum(estimated_amount), 0) AS \"Estimated\", coalesce(sum(amount), 0) AS \"Amount\" FROM claims "
            + where + "GROUP BY type, state, " + month;
        var rows = await db.Database.SqlQueryRaw<SqlRow>(sql, range).ToListAsync();
        return rows.Select(r => new Group(r.Type, r.State, r.Month, r.Claims, r.Estimated, r.Amount)).ToList();
    });

    private sealed class SqlRow
    {
        public string Type { get; set; } = "";

        public string State { get; set; } = "";

        public string Month { get; set; } = "";

        public long Claims { get; set; }

        public long Estimated { get; set; }

        public long Amount { get; set; }
    }

    // What each table should hold, from the SQL groups (estimated amounts of rejected claims do not count).
    private static long Expected(IEnumerable<Group> g) => g.Where(x => x.State != "rejected").Sum(x => x.Estimated);

    private static long Paid(IEnumerable<Group> g, bool amount) => g.Where(x => x.State == "paid").Sum(x => amount ? x.Amount : x.Claims);

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static List<string[]> ByTypeOf(List<Group> sql) =>
        [.. Codes.All<ClaimType>().Select(t => sql.Where(x => x.Type == t).ToList()).Select((g, i) => new[]
        {
            Codes.All<ClaimType>()[i], N(g.Sum(x => x.Claims)), N(Paid(g, false)), N(g.Where(x => x.State == "rejected").Sum(x => x.Claims)), N(Expected(g)), N(Paid(g, true)),
        })];

    private static List<string[]> ByStateOf(List<Group> sql) =>
        [.. Codes.All<ClaimState>().Select(s => sql.Where(x => x.State == s).ToList()).Select((g, i) =>
        {
            var state = Codes.All<ClaimState>()[i];
            return new[] { state, N(g.Sum(x => x.Claims)), N(state is "approved" or "paid" ? g.Sum(x => x.Amount) : Expected(g)) };
        })];

    private static List<string[]> ByMonthOf(List<Group> sql) =>
        [.. sql.GroupBy(x => x.Month).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new[] { g.Key, N(g.Sum(x => x.Claims)), N(Expected(g)), N(Paid(g, false)), N(Paid(g, true)) })];

    [Fact]
    [Trait("Rule", "R-CLM-10")]
    public async Task ApiEqualsPlainSqlOverTheClaimsTable()
    {
        await ArrangeOnceAsync();
        var sql = await SqlAsync();
        Assert.Equal(5, sql.Sum(x => x.Claims));
        Assert.Equal(85_000_000, Paid(sql, true));

        var json = await ApiAsync("");
        var totals = json.GetProperty("totals");
        Assert.Equal(sql.Sum(x => x.Claims), totals.GetProperty("reported").GetInt64());
        Assert.Equal(sql.Where(x => x.State is not ("paid" or "rejected")).Sum(x => x.Claims), totals.GetProperty("open").GetInt64());
        Assert.Equal(sql.Where(x => x.State == "approved").Sum(x => x.Claims), totals.GetProperty("approved").GetInt64());
        Assert.Equal(Paid(sql, false), totals.GetProperty("paid").GetInt64());
        Assert.Equal(sql.Where(x => x.State == "rejected").Sum(x => x.Claims), totals.GetProperty("rejected").GetInt64());
        Assert.Equal(Expected(sql), totals.GetProperty("reportedAmount").GetInt64());
        Assert.Equal(sql.Where(x => x.State is "approved" or "paid").Sum(x => x.Amount), totals.GetProperty("approvedAmount").GetInt64());
        Assert.Equal(Paid(sql, true), totals.GetProperty("paidAmount").GetInt64());

        Assert.Equal(ByTypeOf(sql), [.. json.GetProperty("byType").EnumerateArray().Select(e => new[] { e.Str("key")!, e.Str("reported")!, e.Str("paid")!, e.Str("rejected")!, e.Str("reportedAmount")!, e.Str("paidAmount")! })]);
        Assert.Equal(ByStateOf(sql), [.. json.GetProperty("byState").EnumerateArray().Select(e => new[] { e.Str("key")!, e.Str("claims")!, e.Str("amount")! })]);
        Assert.Equal(ByMonthOf(sql), [.. json.GetProperty("byMonth").EnumerateArray().Select(e => new[] { e.Str("key")!, e.Str("reported")!, e.Str("reportedAmount")!, e.Str("paid")!, e.Str("paidAmount")! })]);

        // A range of report dates: January 2025 only (both ends included).
        var january = await SqlAsync("2025-01-01", "2025-01-31");
        Assert.Equal(2, january.Sum(x => x.Claims));
        var ranged = await ApiAsync("?from=2025-01-01&to=2025-01-31");
        Assert.Equal(ByMonthOf(january), [.. ranged.GetProperty("byMonth").EnumerateArray().Select(e => new[] { e.Str("key")!, e.Str("reported")!, e.Str("reportedAmount")!, e.Str("paid")!, e.Str("paidAmount")! })]);
        Assert.Equal(ByStateOf(january), [.. ranged.GetProperty("byState").EnumerateArray().Select(e => new[] { e.Str("key")!, e.Str("claims")!, e.Str("amount")! })]);
    }

    [Fact]
    public async Task DashboardTablesAndCsvEqualPlainSql()
    {
        await ArrangeOnceAsync();
        var sql = await SqlAsync();
        var client = Factory.CreateBrowserClient();
        await client.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var page = await client.GetDocumentAsync("/Admin");
        Assert.NotNull(page.QuerySelector("#claims-figures canvas#chart-claim-types"));
        Assert.NotNull(page.QuerySelector("#claims-figures canvas#chart-claim-months"));

        // Rows as the page shows them (row header, then the raw values), without the label column.
        static List<string[]> WithoutLabels(List<string[]> rows) => [.. rows.Select(r => r.Where((_, i) => i != 1).ToArray())];
        Assert.Equal(ByTypeOf(sql), WithoutLabels(Cells(page, "claimsByType")));
        Assert.Equal(ByStateOf(sql), WithoutLabels(Cells(page, "claimsByState")));
        Assert.Equal(ByMonthOf(sql), Cells(page, "claimsByMonth"));

        var open = sql.Where(x => x.State is not ("paid" or "rejected" or "approved")).ToList();
        var approved = sql.Where(x => x.State == "approved").ToList();
        Assert.Equal(
            new[]
            {
                new[] { N(sql.Sum(x => x.Claims)), N(Expected(sql)) },
                [N(open.Sum(x => x.Claims)), N(Expected(open))],
                [N(approved.Sum(x => x.Claims)), N(approved.Sum(x => x.Amount))],
                [N(Paid(sql, false)), N(Paid(sql, true))],
                [N(sql.Where(x => x.State == "rejected").Sum(x => x.Claims)), "0"],
            },
            Cells(page, "claimsTotals").Select(r => r[1..]));

        // The CSV of each claims table: the same rows as the page, through the one CSV writer.
        foreach (var table in new[] { "claimsTotals", "claimsByType", "claimsByState", "claimsByMonth" })
        {
            var csv = await ExportAsync(client, $"/Admin/Export?table={table}");
            Assert.Equal(Cells(page, table), csv.Skip(1).ToList());
        }

        var byType = await ExportAsync(client, "/Admin/Export?table=claimsByType");
        Assert.Equal(ByTypeOf(sql), WithoutLabels([.. byType.Skip(1)]));

        // The range applies to the claims section too.
        var january = await SqlAsync("2025-01-01", "2025-01-31");
        var ranged = await client.GetDocumentAsync("/Admin?from=2025-01-01&to=2025-01-31");
        Assert.Equal(ByMonthOf(january), Cells(ranged, "claimsByMonth"));
        Assert.Equal(ByTypeOf(january), WithoutLabels(Cells(ranged, "claimsByType")));
    }

    private async Task<JsonElement> ApiAsync(string query)
    {
        var client = await Factory.CreateClient().AuthorizeAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var response = await client.GetAsync("/api/v1/stats/claims" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }
}

public sealed class ClaimStatsTestsOnSqlite(SqliteAppFactory f) : ClaimStatsTests(f), IClassFixture<SqliteAppFactory>;

public sealed class ClaimStatsTestsOnPostgres(PostgresAppFactory f) : ClaimStatsTests(f), IClassFixture<PostgresAppFactory>;
