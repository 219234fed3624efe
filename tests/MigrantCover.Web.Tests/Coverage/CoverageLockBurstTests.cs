using System.Text.Json;
using MigrantCover.Web.Features.PublicCoverage;

namespace MigrantCover.Web.Tests.Coverage;

/// <summary>
/// The per-identifier lock under parallel requests (issue 11, defect 1) and the NIK lookup's second factor
/// (defect 2, decision 0009): every failure is counted atomically, no more than the allowed failures are
/// answered as failures, a lock is never cleared before it ends, and guesses by NIK and by membership number
/// share one lock. Each class has a database of its own: the locks must not mix.
/// </summary>
public abstract class CoverageLockBurstTests(AppFactory factory) : ProviderTests(factory)
{
    private const int Allowed = 5;

    [Fact]
    public async Task ParallelWrongGuessesAnswerNoMoreThanTheAllowedFailuresAndTheRightDateOfBirthIsRefusedWhileLocked()
    {
        var worker = await PaidWorkerAsync();
        var clients = Enumerable.Range(0, 41).Select(_ => CoverageArrange.Client(Factory)).ToList();
        var failuresAnswered = 0;
        var fifthFailure = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var start = new SemaphoreSlim(0);

        // 40 wrong dates of birth released together, each from an address of its own (the per-address
        // limit is never reached); the right one as soon as the allowed failures were answered, while the
        // rest of the burst is still under way.
        var wrong = Enumerable.Range(0, 40).Select(async i =>
        {
            await start.WaitAsync();
            var response = await clients[i].PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = new DateOnly(1990, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
            if (response.StatusCode == HttpStatusCode.NotFound && Interlocked.Increment(ref failuresAnswered) == Allowed)
            {
                fifthFailure.TrySetResult();
            }

            return response.StatusCode;
        }).ToList();
        var right = Task.Run(async () =>
        {
            await fifthFailure.Task;
            return await clients[40].PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" });
        });
        start.Release(40);
        var statuses = await Task.WhenAll(wrong);
        var rightAnswer = await right.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(Allowed, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(40 - Allowed, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        await rightAnswer.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(rightAnswer.Headers.RetryAfter?.Delta);

        // No update was lost: every guess that reached the counter is on it, and the lock holds.
        // The worker's NIK counted every failure on its membership number too.
        var hasher = Factory.Services.GetRequiredService<CoverageHasher>();
        string[] hashes = [hasher.Identifier(LookupKey.Kpj, worker.MembershipNumber!), hasher.Identifier(LookupKey.NikKind, worker.Nik)];
        var counters = await Factory.WithDbAsync(db => db.LookupLocks.Where(l => hashes.Contains(l.IdentifierHash)).ToListAsync());
        Assert.Equal(2, counters.Count);
        Assert.All(counters, c => Assert.InRange(c.Failures, Allowed, 40));
        Assert.All(counters, c => Assert.Equal(Factory.Clock.GetUtcNow().AddMinutes(15), c.LockedUntil));

        // The same worker by NIK is locked too (one lock per worker), even with the right factors.
        var byNik = await clients[40].PostAsJsonAsync("/api/v1/coverage/lookup", new { nik = worker.Nik, dateOfBirth = "1995-07-09", familyCardNumber = worker.FamilyCardNumber });
        await byNik.AssertProblemAsync(HttpStatusCode.TooManyRequests);

        // Failures counted while locked never clear the lock; it ends when it ends.
        Factory.Clock.Advance(TimeSpan.FromMinutes(14));
        using var late = CoverageArrange.Client(Factory);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await late.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1990-01-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await late.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" })).StatusCode);
        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await late.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" })).StatusCode);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task ABurstOfGuessesFromManyAddressesGetsNoMoreThanTheAllowedGuessesEvaluated()
    {
        var worker = await PaidWorkerAsync();
        var clients = Enumerable.Range(0, 40).Select(_ => CoverageArrange.Client(Factory)).ToList();
        await CoverageArrange.LogWrittenAsync(Factory);
        var before = await Factory.WithDbAsync(db => db.CoverageLookups.CountAsync());
        using var start = new SemaphoreSlim(0);

        // 40 wrong dates of birth released together, each from an address of its own: the whole first
        // wave arrives before any failure is counted.
        var guesses = clients.Select(async (client, i) =>
        {
            await start.WaitAsync();
            var response = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = new DateOnly(1980, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
            return response.StatusCode;
        }).ToList();
        start.Release(40);
        var statuses = await Task.WhenAll(guesses);

        // Exactly the allowed guesses were evaluated (and counted); every other one was refused as locked
        // before its date of birth was compared, so a right guess among them could not have been answered.
        Assert.Equal(Allowed, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(40 - Allowed, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        var hasher = Factory.Services.GetRequiredService<CoverageHasher>();
        var hash = hasher.Identifier(LookupKey.Kpj, worker.MembershipNumber!);
        var counter = await Factory.WithDbAsync(db => db.LookupLocks.SingleAsync(l => l.IdentifierHash == hash));
        Assert.Equal(Allowed, counter.Failures);
        await CoverageArrange.LogWrittenAsync(Factory);
        var rows = await Factory.WithDbAsync(db => db.CoverageLookups.OrderBy(l => l.Id).Skip(before).Select(l => l.Outcome).ToListAsync());
        Assert.Equal(Allowed, rows.Count(o => o == "not-found"));
        Assert.Equal(40 - Allowed, rows.Count(o => o == "locked"));

        // Nothing is left waiting at the gate.
        Assert.Equal(0, Factory.Services.GetRequiredService<LookupGate>().Count);
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task ALookupThatWaitedTooLongBehindAnotherOnTheSameNumberIsAnsweredAsLockedForAMoment()
    {
        var worker = await PaidWorkerAsync();
        using var client = CoverageArrange.Client(Factory, "en-US");
        var gate = Factory.Services.GetRequiredService<LookupGate>();
        var hash = Factory.Services.GetRequiredService<CoverageHasher>().Identifier(LookupKey.Kpj, worker.MembershipNumber!);
        var wait = Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CoverageOptions>>().Value.SameIdentifierWaitMilliseconds;

        // Another lookup of the same number holds its turn for longer than a lookup waits.
        using (var held = await gate.EnterAsync(hash, TimeSpan.FromSeconds(1), CancellationToken.None))
        {
            Assert.NotNull(held);
            var refused = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" });
            await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal(TimeSpan.FromMilliseconds(wait).TotalSeconds, refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1.0);

            // Another number is not held up.
            var other = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = other.MembershipNumber, dateOfBirth = "1995-07-09" })).StatusCode);
        }

        // Its turn over, the number answers again; the refusal counted no failure.
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" })).StatusCode);
        Assert.False(await Factory.WithDbAsync(db => db.LookupLocks.AnyAsync(l => l.IdentifierHash == hash)));
        Assert.Equal(0, gate.Count);
    }

    [Fact]
    public async Task FailuresByNikAndByMembershipNumberOfOneWorkerCountAgainstOneLock()
    {
        var worker = await PaidWorkerAsync();
        using var client = CoverageArrange.Client(Factory);

        // Three wrong family card numbers by NIK, two wrong dates of birth by membership number.
        for (var i = 0; i < 3; i++)
        {
            CoverageArrange.UseAddress(client, CoverageArrange.NextAddress());
            var miss = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { nik = worker.Nik, dateOfBirth = "1995-07-09", familyCardNumber = $"330222010109000{i}" });
            Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            CoverageArrange.UseAddress(client, CoverageArrange.NextAddress());
            var miss = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = $"1990-01-0{i + 1}" });
            Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
        }

        // Five failures on the worker: both identifiers are locked, whichever the guesses used.
        CoverageArrange.UseAddress(client, CoverageArrange.NextAddress());
        await (await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" })).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        await (await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { nik = worker.Nik, dateOfBirth = "1995-07-09", familyCardNumber = worker.FamilyCardNumber })).AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    [Trait("Rule", "R-KK-1")]
    public async Task ANikLookupNeedsTheFamilyCardNumberAndNeverShowsTheFullMembershipNumber()
    {
        var worker = await PaidWorkerAsync();
        using var client = CoverageArrange.Client(Factory, "en-US");

        // The NIK and the date of birth it contains are not enough (R-NIK-3): 400 before any database access.
        var withoutCard = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { nik = worker.Nik, dateOfBirth = "1995-07-09" });
        var problem = await withoutCard.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("family card number", problem.GetProperty("errors").GetProperty("familyCardNumber")[0].GetString());
        var badCard = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { nik = worker.Nik, dateOfBirth = "1995-07-09", familyCardNumber = "9902220101090007" });
        Assert.Equal("R-KK-1", (await badCard.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("ruleIds").GetProperty("familyCardNumber")[0].GetString());

        // The right family card number finds the worker; the membership number shows its last four digits only.
        var found = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { nik = worker.Nik, dateOfBirth = "1995-07-09", familyCardNumber = worker.FamilyCardNumber });
        var body = await found.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("*******" + worker.MembershipNumber![^4..], JsonDocument.Parse(body).RootElement.GetProperty("membershipNumber").GetString());
        Assert.DoesNotContain(worker.MembershipNumber!, body, StringComparison.Ordinal);

        // The page: the same, with the family card field.
        var page = await CoverageProtectionTests.PageLookup(CoverageArrange.Client(Factory), worker.Nik, "9/7/1995", worker.FamilyCardNumber);
        Assert.NotNull(page.Page.QuerySelector("#answer"));
        Assert.DoesNotContain(worker.MembershipNumber!, page.Page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var noCard = await CoverageProtectionTests.PageLookup(CoverageArrange.Client(Factory), worker.Nik, "9/7/1995");
        Assert.Contains("Kartu Keluarga", noCard.Page.QuerySelector("#Input_FamilyCardNumber_error")!.TextContent);

        // By membership number the answer shows it in full, as before.
        var byNumber = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" });
        Assert.Equal(worker.MembershipNumber, JsonDocument.Parse(await byNumber.Content.ReadAsStringAsync()).RootElement.GetProperty("membershipNumber").GetString());
    }

    [Fact]
    public async Task EveryLookupLogRowOfABurstArrives()
    {
        var worker = await PaidWorkerAsync();
        await CoverageArrange.LogWrittenAsync(Factory);
        var before = await Factory.WithDbAsync(db => db.CoverageLookups.CountAsync());
        var clients = Enumerable.Range(0, 60).Select(_ => CoverageArrange.Client(Factory)).ToList();
        var statuses = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync("/api/v1/coverage/lookup", i % 2 == 0
            ? new { membershipNumber = worker.MembershipNumber!, dateOfBirth = "1995-07-09" }
            : new { membershipNumber = MembershipNumber.Issue(2097, 1_000 + i), dateOfBirth = "1995-07-09" })));
        Assert.All(statuses, s => Assert.True(s.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, s.StatusCode.ToString()));

        await CoverageArrange.LogWrittenAsync(Factory);
        var rows = await Factory.WithDbAsync(db => db.CoverageLookups.OrderBy(l => l.Id).Skip(before).ToListAsync());
        Assert.Equal(60, rows.Count);
        Assert.Equal(30, rows.Count(r => r.Outcome == "found" && r.WorkerId == worker.Id));
        Assert.Equal(30, rows.Count(r => r.Outcome == "not-found" && r.WorkerId == null));
        Assert.Equal(60, rows.Select(r => r.ClientHash).Distinct().Count());
        clients.ForEach(c => c.Dispose());
    }

    private Task<Data.Entities.Worker> PaidWorkerAsync() =>
        CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
}

public sealed class CoverageLockBurstTestsOnSqlite(SqliteAppFactory<CoverageHost> f) : CoverageLockBurstTests(f), IClassFixture<SqliteAppFactory<CoverageHost>>;

public sealed class CoverageLockBurstTestsOnPostgres(PostgresAppFactory<CoverageHost> f) : CoverageLockBurstTests(f), IClassFixture<PostgresAppFactory<CoverageHost>>;
