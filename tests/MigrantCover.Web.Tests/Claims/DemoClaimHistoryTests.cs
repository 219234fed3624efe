using MigrantCover.Web.Demo;
using MigrantCover.Web.Features.Claims;
using static MigrantCover.Web.Tests.Claims.ClaimKit;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Claims;

/// <summary>
/// The demo's claims have the history a claim carried through the real requests has (R-CLM-9): the report,
/// the outcome, each checklist item, the verification by the demo officer, the approval by the demo admin
/// and the payment, or the rejection with its text; each step by its account, as a request records it,
/// at its own time. Compared, entry by entry, with a claim of the same type carried through the API and
/// the claim's page in the same test.
/// </summary>
public abstract class DemoClaimHistoryTests(AppFactory factory) : ProviderTests(factory)
{
    // Two-stage types a placed worker reports and is healed of: the real claim is reported with the same type.
    private static readonly ClaimType[] Comparable = [ClaimType.TreatmentAbroad, ClaimType.MedicalCare, ClaimType.HomeCare];

    private sealed record Entry(DateTimeOffset At, string ActorId, string ActorName, string Action, string? Field, string? NewValue, string? Reason);

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public async Task APaidDemoClaimHasTheStepsOfARealPaidClaimByTheSameAccounts()
    {
        await DemoSeeder.SeedAsync(Factory.Services, workers: 400);
        var paid = await Factory.WithDbAsync(db => db.Claims.AsNoTracking().Include(c => c.Documents).Where(c => c.State == ClaimState.Paid).OrderBy(c => c.Id).ToListAsync());
        var demo = paid.First(c => Comparable.Contains(c.Type));

        // The same type carried through the requests: the API by the officer, the checklist in the claim
        // page's one form (the items the demo officer verified), the approval by the admin.
        var officer = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var admin = await Factory.CreateClient().AuthorizeAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var browser = await Factory.SignedInBrowserAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var worker = await officer.PlacedAsync(D("2024-09-01"));
        long? claimed = RuleSets.For(D("2025-02-10"))!.BenefitFor(demo.Type).Basis is AmountBasis.Cap or AmountBasis.Claimed ? 2_000_000 : null;
        var id = (await officer.ReportAsync(ClaimBody(worker, Codes.Of(demo.Type), "2025-02-10", "2025-03-01", claimedAmount: claimed))).GetProperty("id").GetString()!;
        Factory.Clock.Advance(TimeSpan.FromMinutes(3));
        await officer.StepAsync(id, "outcome", new { outcome = "healed", outcomeOn = "2025-02-20" });
        Factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var url = $"/Claims/{id}";
        var checklist = new Dictionary<string, string?>();
        foreach (var d in demo.Documents.Where(d => d.Verified))
        {
            checklist[$"Verified[{d.Code}]"] = "true";
            checklist[$"References[{d.Code}]"] = "DOK-" + d.Code;
        }

        var saved = await browser.SubmitFormAsync(await browser.GetDocumentAsync(url), url + "?handler=Checklist", checklist, "form[action*='Checklist']");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Factory.Clock.Advance(TimeSpan.FromMinutes(3));
        await officer.StepAsync(id, "verify");
        Factory.Clock.Advance(TimeSpan.FromMinutes(3));
        await admin.StepAsync(id, "approve");
        Factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var real = await officer.StepAsync(id, "pay", new { reference = "KLAIM-" + UniqueWord(), paidOn = "2026-03-01" });
        Assert.Equal("paid", real.GetProperty("state").GetString());

        // The same steps in the same order, each with the same entries (within one save their order is the
        // tracker's, not a fact), by the same accounts (id and e-mail, as requests record them).
        var realHistory = await HistoryAsync(Guid.Parse(id));
        var demoHistory = await HistoryAsync(demo.Id);
        Assert.Equal(StepKinds(realHistory), StepKinds(demoHistory));
        var staff = await StaffAsync();
        var actors = Steps(demoHistory).Select(s => (s[0].ActorId, s[0].ActorName)).ToList();
        Assert.Equal([staff.Officer, staff.Officer, staff.Officer, staff.Officer, staff.Admin, staff.Officer], actors);
        Assert.Equal(actors, Steps(realHistory).Select(s => (s[0].ActorId, s[0].ActorName)));

        // Each step at its own time, in order, on the days the claim records, never after now.
        var times = Steps(demoHistory).Select(s => s[0].At).ToList();
        Assert.Equal(times.Order(), times);
        Assert.Equal(times.Count, times.Distinct().Count());
        Assert.True(times[^1] <= Factory.Clock.GetUtcNow());
        Assert.Equal(demo.CreatedAt, times[0]);
        Assert.Equal(demo.VerifiedAt, times[3]);
        Assert.Equal(demo.ApprovedAt, times[4]);
        Assert.Equal(demo.PaidOn, DateOnly.FromDateTime(times[5].ToOffset(TimeSpan.FromHours(7)).DateTime));
        Assert.All(demo.Documents.Where(d => d.Verified), d => Assert.Equal((times[2], AppFactory.OfficerEmail), (d.VerifiedAt!.Value, d.VerifiedBy!)));
        Assert.Equal((AppFactory.OfficerEmail, AppFactory.OfficerEmail, AppFactory.AdminEmail), (demo.CreatedBy, demo.VerifiedByName, demo.ApprovedByName));
        Assert.Equal(6, demo.Version);

        // The API and the claim's page show them as they show the real claim's: one row per step, the staff
        // by their names with the e-mail recorded, the same sentences.
        var demoView = await (await officer.GetAsync($"/api/v1/claims/{demo.Id}")).JsonAsync(HttpStatusCode.OK);
        var realView = await (await officer.GetAsync($"/api/v1/claims/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(StepKinds(Entries(realView)), StepKinds(Entries(demoView)));
        var demoRows = await HistoryRowsAsync(browser, demo.Id);
        Assert.Equal((await HistoryRowsAsync(browser, Guid.Parse(id))).Select(r => (r.Who, r.Sentences.Count)), demoRows.Select(r => (r.Who, r.Sentences.Count)));
        Assert.Contains("Petugas Uji", demoRows[0].Who, StringComparison.Ordinal);
        Assert.Contains("Admin Uji", demoRows[4].Who, StringComparison.Ordinal);
        Assert.Contains(demoRows[4].Sentences, s => s.Contains("Jumlah disetujui", StringComparison.Ordinal));
        Assert.Contains(demoRows[5].Sentences, s => s.Contains(demo.PaymentReference!, StringComparison.Ordinal));
        Assert.Equal(demo.Documents.Count(d => d.Verified), demoRows[2].Sentences.Count(s => s.StartsWith("Dokumen diverifikasi", StringComparison.Ordinal)));
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public async Task ARejectedDemoClaimShowsItsRejectionAsARealRejectionDoes()
    {
        await DemoSeeder.SeedAsync(Factory.Services, workers: 400);
        var demo = await Factory.WithDbAsync(db => db.Claims.AsNoTracking().Where(c => c.State == ClaimState.Rejected).OrderBy(c => c.Id).FirstAsync());

        // R-CLM-2: an accident after the pre-placement cover lapsed, reported and rejected by the officer.
        var officer = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var worker = await officer.RegisteredAsync(D("2024-01-02"));
        await officer.PrePlacementAsync(worker, D("2024-01-10"));
        var reported = await officer.ReportAsync(ClaimBody(worker, "medical-care", "2024-07-01", claimedAmount: 3_000_000));
        Factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var id = (await officer.RejectAsync(reported, "not-covered")).GetProperty("id").GetString()!;

        // The report first, the rejection last: the same entries, by the officer, with the text as the reason.
        var realSteps = Steps(await HistoryAsync(Guid.Parse(id)));
        var demoSteps = Steps(await HistoryAsync(demo.Id));
        Assert.Equal(2, realSteps.Count);
        Assert.Equal(Kinds(realSteps[0]), Kinds(demoSteps[0]));
        Assert.Equal(Kinds(realSteps[^1]), Kinds(demoSteps[^1]));
        var staff = await StaffAsync();
        Assert.All(demoSteps.SelectMany(s => s), e => Assert.Equal(staff.Officer, (e.ActorId, e.ActorName)));
        Assert.All(demoSteps[^1], e => Assert.Equal(demo.RejectionText, e.Reason));
        Assert.Contains(demoSteps[^1], e => e.Field!.EndsWith(".state", StringComparison.Ordinal) && e.NewValue == "rejected");
        Assert.True(demoSteps[^1][0].At > demoSteps[0][0].At && demoSteps[^1][0].At <= Factory.Clock.GetUtcNow());

        var browser = await Factory.SignedInBrowserAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var rows = await HistoryRowsAsync(browser, demo.Id);
        Assert.Contains(rows[^1].Sentences, s => s.StartsWith("Ditolak: ", StringComparison.Ordinal) && s.Contains(demo.RejectionText!, StringComparison.Ordinal));
        Assert.Contains("Petugas Uji", rows[^1].Who, StringComparison.Ordinal);
    }

    // The claim's audit entries as saved, in order (ClaimQueries.HistoryAsync reads the same).
    private Task<List<Entry>> HistoryAsync(Guid claimId)
    {
        var prefix = AppDbContext.ClaimField(claimId, null);
        return Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Field != null && a.Field.StartsWith(prefix)).OrderBy(a => a.Id)
            .Select(a => new Entry(a.At, a.ActorId, a.ActorName, a.Action, a.Field!.Substring(prefix.Length), a.NewValue, a.Reason)).ToListAsync());
    }

    // The history the API answers (the field relative to the claim; no account id there: the e-mail stands for it).
    private static List<Entry> Entries(JsonElement claim) =>
        [.. claim.GetProperty("history").EnumerateArray().Select(h => new Entry(
            h.GetProperty("at").GetDateTimeOffset(), h.Str("actorName")!, h.Str("actorName")!, h.Str("action")!, h.Str("field") is { } f ? "." + f : "", h.Str("newValue"), h.Str("reason")))];

    private async Task<((string Id, string Email) Officer, (string Id, string Email) Admin)> StaffAsync()
    {
        var officer = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == AppFactory.OfficerEmail));
        var admin = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == AppFactory.AdminEmail));
        return ((officer.Id, officer.Email!), (admin.Id, admin.Email!));
    }

    // One step per save: the entries of one account at one time (as the claim's page groups them).
    private static List<List<Entry>> Steps(List<Entry> history)
    {
        var steps = new List<List<Entry>>();
        foreach (var e in history)
        {
            if (steps.Count == 0 || steps[^1][0].At != e.At || steps[^1][0].ActorId != e.ActorId)
            {
                steps.Add([]);
            }

            steps[^1].Add(e);
        }

        return steps;
    }

    private static List<string> Kinds(IEnumerable<Entry> entries) => [.. entries.Select(e => $"{e.ActorName} {e.Action} {e.Field}").Order(StringComparer.Ordinal)];

    private static List<List<string>> StepKinds(List<Entry> history) => [.. Steps(history).Select(s => Kinds(s))];

    private static async Task<List<(string Who, List<string> Sentences)>> HistoryRowsAsync(HttpClient browser, Guid claimId)
    {
        var page = await browser.GetDocumentAsync($"/Claims/{claimId}");
        return [.. page.QuerySelectorAll("#claim-history tbody tr").Select(r => (r.Children[1].TextContent.Trim(), r.Children[2].Children.Where(c => c.LocalName == "div").Select(c => c.TextContent.Trim()).ToList()))];
    }
}

/// <summary>The demo's histories in memory: each one, replayed on its claim as reported, gives the claim as carried.</summary>
public sealed class DemoClaimHistoryReplayTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public void EachHistoryReplayedOnTheReportedClaimGivesTheCarriedClaimStepByStepInTime()
    {
        var now = new DateTimeOffset(2026, 3, 1, 3, 0, 0, TimeSpan.Zero);
        var demo = new DemoClaims(Today, new("officer-id", "petugas@demo"), new("admin-id", "admin@demo"), now: now);
        foreach (var w in new DemoPopulation(Today).Generate(2000))
        {
            demo.Add(w);
        }

        Assert.Equal(demo.Claims.Select(c => c.Id), demo.Histories.Select(h => h.AsReported.Id));
        foreach (var (claim, (reported, history)) in demo.Claims.Zip(demo.Histories))
        {
            Assert.NotSame(claim, reported);
            Assert.Contains(reported.State, new[] { ClaimState.Reported, ClaimState.AwaitingOutcome, ClaimState.Submitted });
            Assert.Null(history[0].Change);
            Assert.All(history.Skip(1), s => Assert.NotNull(s.Change));
            Assert.All(history, s => Assert.True(s.At <= now));
            Assert.Equal(history.Select(s => s.At).Order(), history.Select(s => s.At));
            ClaimHistoryStep.Replay(reported, history);
            Assert.Equal(JsonSerializer.Serialize(claim), JsonSerializer.Serialize(reported));

            // The approval is the admin's, every other step the officer's.
            Assert.All(history, s => Assert.Equal(s.At == reported.ApprovedAt ? "admin-id" : "officer-id", s.By.Id));
        }
    }
}

public sealed class DemoClaimHistoryTestsOnSqlite(SqliteAppFactory f) : DemoClaimHistoryTests(f), IClassFixture<SqliteAppFactory>;

public sealed class DemoClaimHistoryTestsOnPostgres(PostgresAppFactory f) : DemoClaimHistoryTests(f), IClassFixture<PostgresAppFactory>;
