using MigrantCover.Web.Demo;
using MigrantCover.Web.Features.Claims;
using MigrantCover.Web.Features.Messaging;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests;

/// <summary>The Development demo population: idempotent, every stage, and consistent with the rule book.</summary>
public abstract class DemoSeedTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    public async Task SeedsARealisticPopulationOnceAndARestartAddsNothing()
    {
        await DemoSeeder.SeedAsync(Factory.Services, workers: 400);
        await DemoSeeder.SeedAsync(Factory.Services, workers: 400);

        var workers = await Factory.WithDbAsync(db => db.Workers.AsNoTracking().Include(w => w.Payments).Include(w => w.Documents).ToListAsync());

        // The population and the four candidates of the demo import.
        Assert.Equal(404, workers.Count);
        Assert.Equal(Enum.GetValues<Stage>().Order(), workers.Select(w => w.Stage).Distinct().Order());
        var women = workers.Count(w => w.Sex == Sex.Female) * 100 / workers.Count;
        Assert.InRange(women, 50, 70);
        Assert.True(workers.Count(w => w.DestinationCountry == "TW") > workers.Count(w => w.DestinationCountry == "SG"));

        foreach (var w in workers)
        {
            // R-NIK-3, R-AGE-1: every demo NIK agrees with the sex and date of birth; everyone is adult.
            Assert.Empty(Nik.CheckAgainst(w.Nik, w.DateOfBirth, w.Sex));
            Assert.True(Age.On(w.DateOfBirth, w.RegisteredOn) >= 18);

            // R-KPJ-2: a participant is a worker who paid, and only they have a valid number.
            Assert.Equal(w.Payments.Count > 0, w.MembershipNumber is not null);
            Assert.True(w.MembershipNumber is null || MembershipNumber.IsValid(w.MembershipNumber));
            foreach (var p in w.Payments)
            {
                var expected = Tariff.Expected(p.Kind, w.Scheme, w.ContractMonths, p.PaidOn, p.Months, p.MonthlyAmount);
                Assert.Equal(expected.Amount, p.Amount);
                Assert.Equal(expected.RuleSet!.Id, p.RuleSet);
            }

            // R-COV-8: whoever departed had the eight documents verified and a passport number.
            if (w.DepartedOn is not null)
            {
                Assert.Equal(8, w.Documents.Count(d => d.Verified));
                Assert.Null(PassportNumber.Check(w.PassportNumber));
            }
        }

        Assert.Equal(workers.Count(w => w.MembershipNumber is not null), workers.Select(w => w.MembershipNumber).OfType<string>().Distinct().Count());
        var counters = await Factory.WithDbAsync(db => db.MembershipCounters.AsNoTracking().ToListAsync());
        Assert.Equal(workers.Count(w => w.MembershipNumber is not null), counters.Sum(c => c.LastSequence));

        // Issue 16: heirs and claims saved with the workers; approvals by another account than the verifier (R-CLM-9).
        var claims = await Factory.WithDbAsync(db => db.Claims.AsNoTracking().Include(c => c.Documents).ToListAsync());
        Assert.True(await Factory.WithDbAsync(db => db.Heirs.CountAsync()) > workers.Count / 2);
        Assert.True(claims.Count > 20, $"{claims.Count} demo claims");
        Assert.All(claims.Where(c => c.ApprovedBy is not null), c => Assert.NotEqual(c.VerifiedBy, c.ApprovedBy));
        Assert.All(claims.Where(c => c.State is ClaimState.Approved or ClaimState.Paid), c => Assert.NotNull(c.Amount));

        // The demo outbox (decision 0022): every state an admin meets on /Admin/Messages, several kinds, only
        // for workers who consented, once per (worker, kind, period, channel) even after the second seed.
        var messages = await Factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().ToListAsync());
        var states = messages.Select(m => m.State).Distinct().ToHashSet();
        Assert.Superset(new HashSet<MessageState> { MessageState.Sent, MessageState.Failed, MessageState.Queued, MessageState.Cancelled }, states);
        Assert.True(messages.Select(m => m.Kind).Distinct().Count() >= 3, string.Join(", ", messages.Select(m => m.Kind).Distinct()));
        Assert.True(messages.Select(m => m.Channel).Distinct().Count() >= 2);
        var consented = workers.Where(w => w.RemindersConsent || w.ConsentOn is not null).Select(w => w.Id).ToHashSet();
        Assert.All(messages.Where(m => m.State != MessageState.Cancelled), m => Assert.Contains(m.WorkerId, consented));
        Assert.All(messages.Where(m => m.State == MessageState.Failed), m => Assert.False(string.IsNullOrEmpty(m.LastError)));
        Assert.All(messages.Where(m => m.State == MessageState.Sent), m => Assert.Equal("local", m.Via));
        Assert.Equal(messages.Count, messages.Select(m => (m.WorkerId, m.Kind, m.PeriodKey, m.Channel)).Distinct().Count());

        // Every action the demo's audit holds (heirs, claims and consent among them) is one the admin's audit
        // search offers, and is named in both languages, never by its resource key.
        var actions = await Factory.WithDbAsync(db => db.AuditEntries.Select(a => a.Action).Distinct().ToListAsync());
        Assert.Subset(Pages.Admin.AuditModel.Actions.ToHashSet(), actions.ToHashSet());
        Assert.Superset(new HashSet<string> { "consent", "heir", "claim", "claim-document" }, actions.ToHashSet());
        foreach (var language in new[] { "id", "en" })
        {
            var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
            admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            var page = await admin.GetDocumentAsync("/Admin/Audit");
            var named = page.QuerySelectorAll("select[name=action] option").Where(o => o.GetAttribute("value") is { Length: > 0 }).Select(o => o.TextContent.Trim()).ToList();
            Assert.Equal(Pages.Admin.AuditModel.Actions.Count, named.Count);
            Assert.DoesNotContain(named.Concat(page.QuerySelectorAll("#audit tbody td").Select(td => td.TextContent)), t => t.Contains("Action_", StringComparison.Ordinal));

            // The outbox names each message's worker.
            var names = workers.ToDictionary(w => "/Workers/" + w.Id, w => w.FullName);
            var links = (await admin.GetDocumentAsync("/Admin/Messages")).QuerySelectorAll("tr[data-message] a[href^='/Workers/']").ToList();
            Assert.NotEmpty(links);
            Assert.All(links, a => Assert.Equal(names[a.GetAttribute("href")!], a.TextContent.Trim()));
        }
    }

    [Fact]
    public async Task SeedsOneFinishedImportWithRefusedRowsAndAPossibleDuplicate()
    {
        await DemoSeeder.SeedAsync(Factory.Services, workers: 400);
        await DemoSeeder.SeedAsync(Factory.Services, workers: 400);

        var import = Assert.Single(await Factory.WithDbAsync(db => db.Imports.AsNoTracking().ToListAsync()));
        Assert.Equal((ImportStates.Done, false, 12, 12), (import.State, import.DryRun, import.TotalRows, import.ProcessedRows));
        Assert.Equal((4, 4, 1, 7, 1), (import.Valid, import.Created, import.AlreadyRegistered, import.Invalid, import.PossibleDuplicates));

        // Refused rows with their rules, in both languages; the twins name each other's line (R-NIK-4).
        var errors = await Factory.WithDbAsync(db => db.ImportErrors.AsNoTracking().Where(e => e.ImportId == import.Id).ToListAsync());
        Assert.Equal(7, errors.Select(e => e.Line).Distinct().Count());
        Assert.Subset(errors.Select(e => e.RuleId).ToHashSet(), new HashSet<string?> { "R-NIK-4", "R-AGE-1", "R-SCH-1", "R-DST-1" });
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.MessageId) || string.IsNullOrWhiteSpace(e.MessageEn)));
        Assert.Contains(errors, e => e.Line == 11 && e.RuleId == "R-NIK-4" && e.MessageEn.Contains("12", StringComparison.Ordinal));

        // The possible duplicate: registered, and listed with the demo worker it may be.
        var duplicate = Assert.Single(await Factory.WithDbAsync(db => db.ImportDuplicates.AsNoTracking().Where(d => d.ImportId == import.Id).ToListAsync()));
        var pair = await Factory.WithDbAsync(db => db.Workers.AsNoTracking().Where(w => w.Id == duplicate.WorkerId || w.Id == duplicate.OtherWorkerId).ToListAsync());
        Assert.Equal(2, pair.Count);
        Assert.Single(pair.Select(w => (w.NameKey, w.DateOfBirth)).Distinct());
        var reason = $"registered by import {import.Id}, line ";
        Assert.Equal(4, await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "registered" && a.Reason != null && a.Reason.StartsWith(reason)).Select(a => a.WorkerId).Distinct().CountAsync()));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-6")]
    public async Task ADemoWorkersHistoryIsTheDemoOfficersFromTheRegistrationOnAsItWent()
    {
        await DemoSeeder.SeedAsync(Factory.Services, workers: 400);
        var officer = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == AppFactory.OfficerEmail));
        var admin = await Factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == AppFactory.AdminEmail));
        var now = Factory.Clock.GetUtcNow();

        // The population (not the import's candidates): every worker's audit, in the order it is read.
        var workers = await Factory.WithDbAsync(db => db.Workers.AsNoTracking().Include(w => w.Payments).Include(w => w.StageEvents)
            .Where(w => !db.AuditEntries.Any(a => a.WorkerId == w.Id && a.Reason != null && a.Reason.StartsWith("registered by import"))).ToListAsync());
        var audit = (await Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.WorkerId != null).OrderBy(a => a.Id).ToListAsync()))
            .ToLookup(a => a.WorkerId!.Value);
        var heirs = (await Factory.WithDbAsync(db => db.Heirs.AsNoTracking().ToListAsync())).ToLookup(h => h.WorkerId);
        Assert.Equal(400, workers.Count);
        Assert.True(workers.Count(w => audit[w.Id].Any(a => a.Action == "claim")) > 20);
        foreach (var w in workers)
        {
            // "registered" first, by the demo officer's account as a request records it (id and e-mail), on
            // the registration's day; everything after it in time, never after now, and by an account.
            var history = audit[w.Id].ToList();
            var registered = history[0];
            Assert.Equal(("registered", officer.Id, officer.Email), (registered.Action, registered.ActorId, registered.ActorName));
            Assert.Equal(w.RegisteredOn, DateOnly.FromDateTime(registered.At.UtcDateTime));
            Assert.Equal(history.Select(a => a.At).Order(), history.Select(a => a.At));
            Assert.True(history[^1].At <= now);

            // The officer's, but for the approvals of claims (the demo admin's, R-CLM-9) and the demo's one
            // withdrawal of consent, through the reminder's stop link today (no account, as that page records it).
            Assert.All(history.Where(a => a.ActorId == admin.Id), a => Assert.Equal(("claim", admin.Email), (a.Action, a.ActorName)));
            var others = history.Where(a => a.ActorId != officer.Id && a.ActorId != admin.Id).ToList();
            Assert.All(others, a => Assert.Equal((SystemActor.Instance.Id, "updated", now), (a.ActorId, a.Action, a.At)));
            Assert.All(others, a => Assert.Contains(a.Field, new[] { "consentOn", "reminderChannels", "remindersConsent" }));
            Assert.All(w.Payments, p => Assert.True(registered.At <= p.RecordedAt && p.RecordedBy == officer.Email));
            Assert.All(history.Where(a => a.Action is "payment" or "stage" or "claim"), a => Assert.True(registered.At <= a.At));
            Assert.All(w.StageEvents, s => Assert.Equal(officer.Email, s.RecordedBy));

            // R-HEIR-6: each heir recorded with the registration, by the officer's e-mail (as a real save stores it).
            Assert.All(heirs[w.Id], h => Assert.Equal((officer.Email, registered.At), (h.CreatedBy, h.CreatedAt)));
            Assert.Equal(heirs[w.Id].Select(h => AppDbContext.HeirField(h.Id, null)).Order(StringComparer.Ordinal), history.Where(a => a.Action == "heir").Select(a => a.Field!).Order(StringComparer.Ordinal));
            Assert.All(history.Where(a => a.Action == "heir"), a => Assert.Equal(registered.At, a.At));
        }

        // The API answers the same: a worker with a claim, registered by the officer before the claim's report.
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var claimed = workers.First(w => audit[w.Id].Any(a => a.Action == "claim") && heirs[w.Id].Any());
        var entries = (await (await api.GetAsync($"/api/v1/workers/{claimed.Id}/history")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(("registered", AppFactory.OfficerEmail), (entries[0].GetProperty("action").GetString(), entries[0].GetProperty("actorName").GetString()));
        var claimAt = entries.First(e => e.GetProperty("action").GetString() == "claim").GetProperty("at").GetDateTimeOffset();
        Assert.True(entries[0].GetProperty("at").GetDateTimeOffset() <= claimAt);
    }
}

/// <summary>The demo claims of 2,000 demo workers, in memory: every type and every state, each consistent with the rule book.</summary>
public sealed class DemoClaimsTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    [Trait("Rule", "R-CLM-10")]
    public void EveryTypeAndStateEachAsTheDomainComputesIt()
    {
        var workers = new DemoPopulation(Today).Generate(2000).ToList();
        var demo = new DemoClaims(Today, new("officer-id", "Petugas Demo"), new("admin-id", "Admin Demo"));
        var heirsOf = new Dictionary<Guid, List<Heir>>();
        var claims = new List<BenefitClaim>();
        foreach (var w in workers)
        {
            demo.Add(w);
            heirsOf[w.Id] = [.. demo.Heirs];
            claims.AddRange(demo.Claims);
            demo.Heirs.Clear();
            demo.Claims.Clear();
        }

        Assert.InRange(claims.Count, 250, 600);
        Assert.True(heirsOf.Values.Count(h => h.Count > 0) > workers.Count / 2);
        Assert.Equal(Enum.GetValues<ClaimType>().Order(), claims.Select(c => c.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<ClaimState>().Order(), claims.Select(c => c.State).Distinct().Order());
        var byWorker = workers.ToDictionary(w => w.Id);
        foreach (var c in claims)
        {
            var w = byWorker[c.WorkerId];
            var heirs = heirsOf[w.Id];
            var others = claims.Where(o => o.WorkerId == w.Id && o.Id != c.Id).Select(ClaimActions.Existing).ToList();
            Assert.True(c.ReportedOn <= Today && c.ReportedOn >= c.IncidentOn);

            // The assessment at report, as the pages would have made it (R-CLM-2, R-CLM-3, R-CLM-7, R-CLM-10).
            var atReport = Domain.Claims.Assess(ClaimActions.ReportOf(c, heirs) with { Outcome = null, OutcomeOn = null, Payee = null }, ClaimActions.WorkerFacts(w, heirs, others), c.ReportedOn);
            Assert.Equal(atReport.Eligible, c.Eligible);
            Assert.Equal(atReport.Amount?.Amount, c.EstimatedAmount);
            Assert.False(atReport.Expired);
            if (!c.Eligible)
            {
                Assert.True(c.State is ClaimState.Reported or ClaimState.Rejected, $"{c.Type} {c.State}");
            }

            if (c.State is ClaimState.Verified or ClaimState.Approved or ClaimState.Paid)
            {
                Assert.Empty(ClaimWorkflow.MissingDocuments(ClaimActions.Checklist(c)));
                Assert.Equal("officer-id", c.VerifiedBy);
            }

            if (c.State is ClaimState.Approved or ClaimState.Paid)
            {
                // Four eyes (R-CLM-9) and the amount frozen as the domain computes it on the approval day (R-CLM-10).
                Assert.Equal("admin-id", c.ApprovedBy);
                var fresh = Domain.Claims.Assess(ClaimActions.ReportOf(c, heirs), ClaimActions.WorkerFacts(w, heirs, others), c.ApprovedOn!.Value);
                Assert.True(fresh.Eligible, $"{c.Type} {fresh.Reason}");
                Assert.Equal(fresh.Amount!.Amount, c.Amount);
                Assert.True(c.Amount <= (RuleSets.For(c.IncidentOn)!.BenefitFor(c.Type).Amount ?? long.MaxValue) || c.Type == ClaimType.JhtWithdrawal || c.AmountBasis == AmountBasis.Claimed);
            }

            if (c.State == ClaimState.Paid)
            {
                Assert.NotNull(c.PaymentReference);
                Assert.True(c.PaidOn >= c.ApprovedOn && c.PaidOn <= Today);
            }
        }

        Assert.Equal(claims.Count(c => c.PaymentReference is not null), claims.Select(c => c.PaymentReference).OfType<string>().Distinct().Count());
    }
}

public sealed class DemoSeedTestsOnSqlite(SqliteAppFactory f) : DemoSeedTests(f), IClassFixture<SqliteAppFactory>;

public sealed class DemoSeedTestsOnPostgres(PostgresAppFactory f) : DemoSeedTests(f), IClassFixture<PostgresAppFactory>;
