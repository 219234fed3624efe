using MigrantCover.Web.Demo;

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
}

public sealed class DemoSeedTestsOnSqlite(SqliteAppFactory f) : DemoSeedTests(f), IClassFixture<SqliteAppFactory>;

public sealed class DemoSeedTestsOnPostgres(PostgresAppFactory f) : DemoSeedTests(f), IClassFixture<PostgresAppFactory>;
