using Microsoft.AspNetCore.Identity;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Offices;

/// <summary>Offices as data: accounts belong to one, workers are registered at it, its worklist, the dashboard by office, the admin's audit.</summary>
public abstract class OfficesTests(AppFactory factory) : ProviderTests(factory)
{
    private const string Password = "Nusantara#2026";

    /// <summary>A new office of its own and an officer there, so that its worklist holds only what the test arranges.</summary>
    private async Task<(string Office, string Email)> NewOfficeWithOfficerAsync()
    {
        var code = "LTSA-" + UniqueWord();
        var email = $"petugas.{Guid.NewGuid():N}@bp2mi.go.id";
        await Factory.AddAsync(new Office { Code = code, Name = "LTSA Uji " + code, Kind = OfficeKinds.Ltsa, ProvinceCode = "33", RegencyCode = "3302", CreatedAt = AppFactory.DefaultNow });
        await using var scope = Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.Empty(await StaffAccounts.CreateAsync(users, Factory.Clock, email, "Petugas " + code, Password, Roles.Officer, code));
        return (code, email);
    }

    [Fact]
    public async Task AnOfficerBelongsToAnOfficeAndTheWorkersTheyRegisterAreRegisteredThere()
    {
        var officer = await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == AppFactory.OfficerEmail));
        Assert.Equal(AppFactory.OfficerOffice, officer.OfficeCode);
        Assert.True(await Factory.WithDbAsync(db => db.Offices.CountAsync()) >= 40);

        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var id = Guid.Parse((await api.RegisterAsync()).GetProperty("id").GetString()!);
        Assert.Equal(AppFactory.OfficerOffice, await Factory.WithDbAsync(db => db.Workers.Where(w => w.Id == id).Select(w => w.OfficeCode).SingleAsync()));

        // An admin without an office registers a worker at no office.
        var admin = await Factory.CreateClient().AuthorizeAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var other = Guid.Parse((await admin.RegisterAsync()).GetProperty("id").GetString()!);
        Assert.Null(await Factory.WithDbAsync(db => db.Workers.Where(w => w.Id == other).Select(w => w.OfficeCode).SingleAsync()));
    }

    [Fact]
    [Trait("Rule", "R-COV-8")]
    [Trait("Rule", "R-COV-2")]
    public async Task TheWorklistGroupsAndCountsTheOfficesWorkersOfAKnownPopulation()
    {
        var (office, email) = await NewOfficeWithOfficerAsync();
        var api = await Factory.CreateClient().AuthorizeAsync(email, Password);

        // Blocked: nothing done yet (payment, documents, passport).
        var fresh = (await api.RegisterAsync(new() { ["fullName"] = "Sri Wahyuni" })).GetProperty("id").GetString()!;

        // Ready to depart: placement paid, every document verified: in no group.
        var ready = (await api.RegisterAsync(new() { ["fullName"] = "Sri Wahyuni", ["confirmDuplicate"] = true })).GetProperty("id").GetString()!;
        await api.PayAsync(ready, new { kind = "placement", amount = 332_500, paidOn = "2026-02-20", reference = "PL-" + UniqueWord() });
        await api.VerifyAllDocumentsAsync(ready);

        // Pre-placement cover paid long ago: lapsed (R-COV-2), and still blocked.
        var lapsed = (await api.RegisterAsync(new() { ["registeredOn"] = "2025-08-01", ["placementAgreementSignedOn"] = "2025-08-01" })).GetProperty("id").GetString()!;
        await api.PayAsync(lapsed, new { kind = "pre-placement", amount = 37_500, paidOn = "2025-08-01", reference = "PRA-" + UniqueWord() });
        var lapsedUntil = DateOnly.Parse((await api.GetWorkerAsync(lapsed)).Period("jkk", "pre-placement").GetProperty("until").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(lapsedUntil < DateOnly.FromDateTime(AppFactory.DefaultNow.UtcDateTime), $"pre-placement cover until {lapsedUntil}");

        // Placed: cover ending 2026-03-31 (within 30 days of 2026-03-01), and one ending in 2027.
        var ending = await api.DepartedAsync(new DateOnly(2024, 3, 1), 24, new DateOnly(2024, 2, 1), 332_500);
        await api.DepartedAsync(new DateOnly(2025, 3, 1), 24, new DateOnly(2025, 2, 1), 332_500);

        // Someone else's office: never on this worklist.
        var elsewhere = await (await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword)).RegisterAsync();

        var client = await Factory.SignedInBrowserAsync(email, Password);
        var page = await client.GetDocumentAsync("/Workers");
        Assert.Null(page.QuerySelector("#error-summary"));
        int Count(string group) => int.Parse(page.QuerySelector($"#worklist-counts [data-group='{group}']")!.TextContent, CultureInfo.InvariantCulture);
        string[] Links(string group) => [.. page.QuerySelectorAll($"#worklist-{group} tbody th a").Select(a => a.GetAttribute("href")!["/Workers/".Length..])];
        Assert.Equal((2, 1, 1), (Count(Worklist.Blocked), Count(Worklist.PreplacementCover), Count(Worklist.PlacementEnding)));
        Assert.Equal([fresh, lapsed], Links(Worklist.Blocked).Order());
        Assert.Equal([lapsed], Links(Worklist.PreplacementCover));
        Assert.Equal([ending], Links(Worklist.PlacementEnding));
        Assert.DoesNotContain(elsewhere.GetProperty("id").GetString()!, page.QuerySelector("#worklist")!.InnerHtml, StringComparison.Ordinal);

        // Each row says who (date of birth, last four digits of the NIK, destination by name) and what to do next.
        var row = page.QuerySelector($"#worklist-{Worklist.Blocked} tbody tr:has(a[href='/Workers/{fresh}'])")!;
        Assert.Contains("9 Juli 1995", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Hong Kong", row.TextContent, StringComparison.Ordinal);
        Assert.Matches("••••[0-9]{4}", row.TextContent);
        Assert.Contains(row.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Workers/{fresh}/Payment?Input.Kind=placement");
        Assert.Contains("verifikasi 8 dokumen", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll($"#worklist-{Worklist.PlacementEnding} a"), a => a.GetAttribute("href") == $"/Workers/{ending}/Stage/extension");

        // The same counts as the groups' queries over the rows.
        var today = DateOnly.FromDateTime(AppFactory.DefaultNow.UtcDateTime);
        foreach (var group in Worklist.Groups)
        {
            Assert.Equal(Count(group), await Factory.WithDbAsync(db => Worklist.Query(db, group, office, today).CountAsync()));
        }

        // Namesakes are told apart in the search results too.
        var found = await Forms.ParseAsync(await client.SubmitFormAsync("/Workers", new Dictionary<string, string?> { ["Filter.Search"] = "Sri Wahyuni" }));
        var rows = found.QuerySelectorAll("#workers tbody tr").Select(r => r.TextContent).ToList();
        Assert.True(rows.Count >= 2);
        Assert.Equal(rows.Count, rows.Distinct().Count());
    }

    [Fact]
    public async Task TheDashboardByOfficeEqualsAPlainCountOfTheWorkers()
    {
        var (office, email) = await NewOfficeWithOfficerAsync();
        var api = await Factory.CreateClient().AuthorizeAsync(email, Password);
        await api.RegisterAsync();
        await api.DepartedAsync(new DateOnly(2025, 3, 1), 24, new DateOnly(2025, 2, 1), 332_500);

        var stats = await Factory.CreateClient().AuthorizeAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var json = await (await stats.GetAsync("/api/v1/stats/enrollment")).JsonAsync(HttpStatusCode.OK);
        var byOffice = json.GetProperty("byOffice").EnumerateArray().ToDictionary(
            e => e.GetProperty("key").GetString()!,
            e => (e.GetProperty("candidates").GetInt32(), e.GetProperty("placed").GetInt32(), e.GetProperty("registered").GetInt32()));
        var plain = await Factory.WithDbAsync(db => db.Workers.GroupBy(w => w.OfficeCode ?? "")
            .Select(g => new { g.Key, Candidates = g.Count(w => w.Stage == Stage.Candidate), Placed = g.Count(w => w.Stage == Stage.Placed), All = g.Count() })
            .ToListAsync());
        Assert.Equal(plain.ToDictionary(p => p.Key, p => (p.Candidates, p.Placed, p.All)), byOffice);
        Assert.Equal((1, 1, 2), byOffice[office]);

        // The dashboard's table and the gap list filtered by the office.
        var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var dashboard = await admin.GetDocumentAsync("/Admin");
        Assert.Contains(dashboard.QuerySelectorAll("#table-byOffice tbody td"), td => td.TextContent.Contains("LTSA Uji " + office, StringComparison.Ordinal));
        var gaps = await admin.GetDocumentAsync($"/Admin/Gaps?kind=placement-ending-30&office={office}");
        Assert.Null(gaps.QuerySelector("#error-summary"));
    }

    [Fact]
    public async Task TheAuditHoldsEveryAdminActionFoundByAPartialEmail()
    {
        var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var email = $"baru.{Guid.NewGuid():N}@bp2mi.go.id";
        var created = await admin.SubmitFormAsync("/Admin/Accounts", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Petugas Baru",
            ["Input.Password"] = Password,
            ["Input.Role"] = "officer",
            ["Input.OfficeCode"] = AppFactory.OfficerOffice,
        }, "#create-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/Admin/Accounts", new Dictionary<string, string?>(), $"#disable-{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/Admin/Accounts", new Dictionary<string, string?>(), $"#enable-{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/Admin/Accounts", new Dictionary<string, string?> { ["newPassword"] = "Kepulauan#2027" }, $"#reset-{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/Admin/Accounts", new Dictionary<string, string?> { ["officeCode"] = "LTSA-CILACAP" }, $"#office-form-{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/Admin/Restrictions", new Dictionary<string, string?>
        {
            ["Input.CountryCode"] = "SY",
            ["Input.Category"] = "domestic",
            ["Input.ValidFrom"] = "2026-01-01",
            ["Input.LegalBasis"] = "Kepmen uji",
        }, "#add-form")).StatusCode);
        var officeCode = "UPT-" + UniqueWord();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/Admin/Offices", new Dictionary<string, string?>
        {
            ["Input.Code"] = officeCode,
            ["Input.Name"] = "UPT Uji",
            ["Input.Kind"] = "upt-bp3mi",
            ["Input.ProvinceCode"] = "52",
            ["Input.RegencyCode"] = "5203",
        }, "#add-form")).StatusCode);

        // A part of the admin's e-mail, in another case, finds each action.
        var audit = await admin.GetDocumentAsync("/Admin/Audit?actor=ADMIN%40DEMO");
        Assert.Null(audit.QuerySelector("#error-summary"));
        var rows = audit.QuerySelectorAll("#audit tbody tr").Select(r => r.TextContent).ToList();
        foreach (var (action, what) in new[] { ("akun", "dibuat"), ("akun", "dinonaktifkan"), ("akun", "diaktifkan kembali"), ("akun", "kata sandi diatur ulang"), ("akun", "kantor diubah") })
        {
            Assert.Contains(rows, r => r.Contains(action, StringComparison.Ordinal) && r.Contains(what, StringComparison.Ordinal) && r.Contains(email, StringComparison.Ordinal));
        }

        Assert.Contains(rows, r => r.Contains("pembatasan penempatan", StringComparison.Ordinal) && r.Contains("SY domestic 2026-01-01", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains(officeCode, StringComparison.Ordinal));

        // By the admin's name, and by action.
        var byName = await admin.GetDocumentAsync("/Admin/Audit?actor=admin%20uji&action=account");
        Assert.Equal(5, byName.QuerySelectorAll("#audit tbody tr").Count(r => r.TextContent.Contains(email, StringComparison.Ordinal)));
    }
}

public sealed class OfficesTestsOnSqlite(SqliteAppFactory f) : OfficesTests(f), IClassFixture<SqliteAppFactory>;

public sealed class OfficesTestsOnPostgres(PostgresAppFactory f) : OfficesTests(f), IClassFixture<PostgresAppFactory>;
