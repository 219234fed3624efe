using MigrantCover.Web.Data.Entities;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Imports;

/// <summary>
/// Acceptance 1 of issue 14 on each provider: a 1.000-row file as CSV and as XLSX, with good rows, a row
/// breaking each registration rule ID, in-file duplicates and already-registered rows: exact counts and
/// error lines in Indonesian and English; a dry run writes no worker; the commit registers exactly the
/// valid rows (audit, tallies as through the form); the same file again creates nothing.
/// </summary>
public abstract class ImportApiTests(AppFactory factory) : ProviderTests(factory)
{
    /// <summary>An instance of the app that runs jobs, on the fixture's database.</summary>
    protected AppFactory Node() =>
        Factory.Sibling().With("Jobs:Enabled", "true").With("Jobs:IdleWaitTime", "00:00:01")
            .With("Jobs:CheckinInterval", "00:00:01").With("Jobs:CheckinMisfireThreshold", "00:00:02");

    /// <summary>Good rows of the acceptance file: with the 34 others, 1.000 rows (MIGRANTCOVER_IMPORT_GOOD makes a quicker local run).</summary>
    private static readonly int Good = int.TryParse(Environment.GetEnvironmentVariable("MIGRANTCOVER_IMPORT_GOOD"), out var g) ? g : 1000 - 34;

    [Fact]
    [Trait("Rule", "R-NIK-4")]
    public async Task ThousandRowFileAsCsvAndXlsxGivesExactCountsAndErrorLinesDryRunWritesNothingCommitRegistersValidRowsResendCreatesNothing()
    {
        await using var node = Node();
        var api = await node.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var today = DateOnly.FromDateTime(AppFactory.DefaultNow.UtcDateTime);

        var already = new List<Dictionary<string, object?>>();
        for (var i = 0; i < 11; i++)
        {
            var body = Body();
            await api.RegisterAsync(body);
            already.Add(body);
        }

        var kit = ImportKit.Rows(Good, already, today);
        Assert.Equal(Good + 34, kit.Count);
        var expectedValid = kit.Count(r => r.Expect == "valid");
        var expectedInvalid = kit.Count(r => r.Expect is "invalid" or "in-file");
        var bodies = kit.Select(r => r.Body).ToList();
        var workersBefore = await Factory.WithDbAsync(db => db.Workers.CountAsync());

        // Dry runs of the CSV (semicolons, BOM, LF) and of the XLSX: the same counts, the same error lines, no worker.
        var csv = ImportKit.Csv(bodies, ';', bom: true, newline: "\n");
        var dryCsv = await api.FinishedAsync(await api.StartAsync(csv, "intake.csv", dryRun: true));
        var dryXlsx = await api.FinishedAsync(await api.StartAsync(ImportKit.Xlsx(bodies), "intake.xlsx", dryRun: true));
        Assert.Equal(workersBefore, await Factory.WithDbAsync(db => db.Workers.CountAsync()));

        var idErrors = await api.ErrorsAsync(dryCsv.GetProperty("id").GetInt64(), "id");
        var enErrors = await api.ErrorsAsync(dryCsv.GetProperty("id").GetInt64(), "en");
        var xlsxErrors = await api.ErrorsAsync(dryXlsx.GetProperty("id").GetInt64(), "en");
        Assert.Equal(enErrors.Select(e => (e[0], e[1], e[2], e[3])), xlsxErrors.Select(e => (e[0], e[1], e[2], e[3])));
        Assert.Equal(idErrors.Select(e => (e[0], e[1], e[2])), enErrors.Select(e => (e[0], e[1], e[2])));

        // Every refused row, on its line (the header is line 1), with its rule on its field; nothing else refused.
        var refusedLines = new HashSet<string>();
        for (var i = 0; i < kit.Count; i++)
        {
            var line = (i + 2).ToString(CultureInfo.InvariantCulture);
            var row = kit[i];
            var mine = enErrors.Where(e => e[0] == line).ToList();
            if (row.Expect is "valid" or "alreadyRegistered")
            {
                Assert.True(mine.Count == 0, $"line {line} ({row.Expect}) has errors: {string.Join(" | ", mine.Select(m => m[3]))}");
                continue;
            }

            refusedLines.Add(line);
            Assert.True(mine.Count > 0, $"line {line} should be refused ({row.RuleId} {row.Field} {row.Expect})");
            if (row.Expect == "in-file")
            {
                var other = kit.Select((k, j) => (k, j)).Single(x => x.j != i && Equals(x.k.Body["nik"], row.Body["nik"])).j + 2;
                var error = Assert.Single(mine);
                Assert.Equal(("nik", "R-NIK-4"), (error[1], error[2]));
                Assert.Contains($"line {other} ", error[3]);
                Assert.Contains($"baris {other} ", idErrors.Single(e => e[0] == line)[3]);
            }
            else
            {
                Assert.Contains(mine, e => e[1] == row.Field && (row.RuleId is null || e[2] == row.RuleId));
            }
        }

        foreach (var dry in new[] { dryCsv, dryXlsx })
        {
            Assert.Equal("done", dry.GetProperty("state").GetString());
            Assert.True(dry.GetProperty("dryRun").GetBoolean());
            Assert.Equal(kit.Count, dry.GetProperty("totalRows").GetInt32());
            Assert.Equal(kit.Count, dry.GetProperty("processedRows").GetInt32());
            Assert.Equal(expectedValid, dry.GetProperty("valid").GetInt32());
            Assert.Equal(0, dry.GetProperty("created").GetInt32());
            Assert.Equal(10, dry.GetProperty("alreadyRegistered").GetInt32());
            Assert.Equal(expectedInvalid, dry.GetProperty("invalid").GetInt32());
        }

        Assert.Equal(refusedLines.Order(), enErrors.Select(e => e[0]).Distinct().Order());
        var registeredOnFuture = kit.FindIndex(r => r.RuleId == "R-REG-1" && r.Field == "registeredOn") + 2;
        Assert.Contains("after today", enErrors.First(e => e[0] == registeredOnFuture.ToString(CultureInfo.InvariantCulture) && e[1] == "registeredOn")[3], StringComparison.Ordinal);
        Assert.NotEqual(enErrors.Select(e => e[3]), idErrors.Select(e => e[3]));

        // Commit: exactly the valid rows, each audited as registered by this import on its line; tallies as plain SQL.
        var commitId = await api.StartAsync(csv, "intake.csv", dryRun: false);
        var commit = await api.FinishedAsync(commitId);
        Assert.Equal("done", commit.GetProperty("state").GetString());
        Assert.Equal(expectedValid, commit.GetProperty("valid").GetInt32());
        Assert.Equal(expectedValid, commit.GetProperty("created").GetInt32());
        Assert.Equal(10, commit.GetProperty("alreadyRegistered").GetInt32());
        Assert.Equal(expectedInvalid, commit.GetProperty("invalid").GetInt32());
        Assert.Equal(workersBefore + expectedValid, await Factory.WithDbAsync(db => db.Workers.CountAsync()));
        var validNiks = kit.Where(r => r.Expect == "valid").Select(r => (string)r.Body["nik"]!).ToList();
        Assert.Equal(expectedValid, await Factory.WithDbAsync(db => db.Workers.CountAsync(w => validNiks.Contains(w.Nik))));
        var firstValid = kit.FindIndex(r => r.Expect == "valid");
        var nik0 = (string)kit[firstValid].Body["nik"]!;
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "registered" && db.Workers.Any(w => w.Id == a.WorkerId && w.Nik == nik0)).SingleAsync());
        Assert.Equal($"registered by import {commitId}, line {firstValid + 2}", audit.Reason);
        Assert.Equal(AppFactory.OfficerEmail, audit.ActorName);
        await ImportChecks.AssertTalliesEqualPlainSqlAsync(Factory);

        // The possible duplicate is registered and listed for review.
        Assert.Equal(1, commit.GetProperty("possibleDuplicates").GetInt32());

        // The same file again: nothing new.
        var again = await api.FinishedAsync(await api.StartAsync(csv, "intake.csv", dryRun: false));
        Assert.Equal(0, again.GetProperty("created").GetInt32());
        Assert.Equal(expectedValid + 10, again.GetProperty("alreadyRegistered").GetInt32());
        Assert.Equal(workersBefore + expectedValid, await Factory.WithDbAsync(db => db.Workers.CountAsync()));
        var xlsxAgain = await api.FinishedAsync(await api.StartAsync(ImportKit.Xlsx(bodies), "intake.xlsx", dryRun: false));
        Assert.Equal(0, xlsxAgain.GetProperty("created").GetInt32());
        Assert.Equal(workersBefore + expectedValid, await Factory.WithDbAsync(db => db.Workers.CountAsync()));
    }
}

/// <summary>Acceptance 3 of issue 14: the host stops midway through an import and starts again.</summary>
public abstract class ImportResumeTests(AppFactory factory) : ProviderTests(factory)
{
    private AppFactory Node() =>
        Factory.Sibling().With("Jobs:Enabled", "true").With("Jobs:InstanceId", "import-node").With("Jobs:IdleWaitTime", "00:00:01")
            .With("Jobs:CheckinInterval", "00:00:01").With("Jobs:CheckinMisfireThreshold", "00:00:02").With("Imports:BatchSize", "10");

    [Fact]
    [Trait("Rule", "R-NIK-4")]
    public async Task ImportStoppedMidwayResumesAndHoldsEachValidRowExactlyOnceWithTalliesEqualToPlainSql()
    {
        var bodies = Enumerable.Range(0, 120).Select(_ => Body()).ToList();
        bodies.Add(Body(new() { ["contractMonths"] = 0 }));
        var niks = bodies.Take(120).Select(b => (string)b["nik"]!).ToList();
        long id;
        var first = Node();
        try
        {
            var api = await first.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
            id = await api.StartAsync(ImportKit.Csv(bodies), "intake.csv", dryRun: false);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (await Factory.WithDbAsync(db => db.Imports.Where(i => i.Id == id).Select(i => i.ProcessedRows).SingleAsync()) == 0)
            {
                Assert.True(clock.Elapsed < ImportKit.Patience, "the import never started");
                await Task.Delay(20);
            }
        }
        finally
        {
            // The host stops while the import runs: the open batch is rolled back, the run handed back.
            await first.DisposeAsync();
        }

        var stopped = await Factory.WithDbAsync(db => db.Imports.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.InRange(stopped.ProcessedRows, 1, 120);
        Assert.Equal(stopped.ProcessedRows, stopped.Valid + stopped.Invalid + stopped.AlreadyRegistered);
        Assert.Equal(stopped.Created, await Factory.WithDbAsync(db => db.Workers.CountAsync(w => niks.Contains(w.Nik))));

        await using var second = Node();
        var again = await second.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var import = await again.FinishedAsync(id);
        var state = import.GetProperty("state").GetString();
        Assert.Contains(state, new[] { "done", "failed" });
        var held = await Factory.WithDbAsync(db => db.Workers.Where(w => niks.Contains(w.Nik)).GroupBy(w => w.Nik).Select(g => g.Count()).ToListAsync());
        Assert.All(held, n => Assert.Equal(1, n));
        if (state == "done")
        {
            Assert.Equal(120, held.Count);
            Assert.Equal(120, import.GetProperty("created").GetInt32());
            Assert.Equal(1, import.GetProperty("invalid").GetInt32());
            Assert.Equal(121, import.GetProperty("processedRows").GetInt32());
        }

        Assert.Equal(import.GetProperty("created").GetInt32(), held.Count);
        Assert.Equal(held.Count, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "registered" && a.Reason!.StartsWith($"registered by import {id},"))));
        await ImportChecks.AssertTalliesEqualPlainSqlAsync(Factory);
    }
}

public sealed class ImportResumeTestsOnSqlite(SqliteAppFactory f) : ImportResumeTests(f), IClassFixture<SqliteAppFactory>;

public sealed class ImportResumeTestsOnPostgres(PostgresAppFactory f) : ImportResumeTests(f), IClassFixture<PostgresAppFactory>;

public sealed class ImportApiTestsOnSqlite(SqliteAppFactory f) : ImportApiTests(f), IClassFixture<SqliteAppFactory>;

public sealed class ImportApiTestsOnPostgres(PostgresAppFactory f) : ImportApiTests(f), IClassFixture<PostgresAppFactory>;

public static class ImportChecks
{
    /// <summary>The registrations tally (every dimension "all") equals a GROUP BY of the workers themselves.</summary>
    public static async Task AssertTalliesEqualPlainSqlAsync(AppFactory factory)
    {
        var (tallies, plain) = await factory.WithDbAsync(async db =>
        {
            var t = (await db.WorkerTallies.Where(x => x.Dimension == TallyDimensions.All && x.Workers != 0).ToListAsync())
                .Select(x => $"{x.RegisteredMonth} {Codes.Of(x.Stage)} {x.Workers}").Order(StringComparer.Ordinal).ToList();
            var p = (await db.Workers.GroupBy(w => new { w.RegisteredMonth, w.Stage }).Select(g => new { g.Key.RegisteredMonth, g.Key.Stage, N = g.Count() }).ToListAsync())
                .Select(x => $"{x.RegisteredMonth} {Codes.Of(x.Stage)} {x.N}").Order(StringComparer.Ordinal).ToList();
            return (t, p);
        });
        Assert.Equal(plain, tallies);
    }
}
