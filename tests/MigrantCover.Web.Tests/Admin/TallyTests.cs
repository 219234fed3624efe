namespace MigrantCover.Web.Tests.Admin;

/// <summary>
/// Decision 0006: the tally tables behind the dashboard stay equal to a fresh GROUP BY over the workers
/// and payments after every kind of write through AppDbContext, roll back with the writes, and can be
/// rebuilt; partial-month ranges and gaps read from them equal plain counts.
/// </summary>
public abstract class TallyTests(AppFactory factory) : ProviderTests(factory)
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    [Fact]
    public async Task TalliesEqualAFreshGroupByAfterRegistrationsUpdatesAndPayments()
    {
        var ids = await RegisterAsync(
            W(Sex.Female, "HK", "PT Satu", new DateOnly(2026, 1, 6)),
            W(Sex.Male, "TW", null, new DateOnly(2026, 1, 31)),
            W(Sex.Female, "MY", "PT Dua", new DateOnly(2026, 2, 1)),
            W(Sex.Male, "KR", null, new DateOnly(2025, 12, 15)));
        await AssertTalliesMatchAsync();

        // Change of destination and agency (to none), of stage with departure, and payments with a membership number.
        await ChangeAndCheckAsync(async db =>
        {
            var a = await db.Workers.SingleAsync(w => w.Id == ids[0]);
            a.DestinationCountry = "SG";
            a.AgencyName = null;
            var b = await WithPaymentsAsync(db, ids[1]);
            b.Payments.Add(Pay(b.Id, PaymentKind.Placement, 300_000, new DateOnly(2026, 2, 3)));
            b.MembershipNumber = MembershipNumber.Issue(2026, 700_000 + Random.Shared.Next(99_999));
            b.Stage = Stage.Placed;
            b.DepartedOn = new DateOnly(2026, 2, 10);
            WorkerCoverage.Refresh(b, Today);
            await db.SaveChangesAsync();
        });

        // A payment alone, then a second change of the same worker's destination and stage.
        await ChangeAndCheckAsync(async db =>
        {
            var c = await WithPaymentsAsync(db, ids[2]);
            c.Payments.Add(Pay(c.Id, PaymentKind.PrePlacement, 37_500, new DateOnly(2026, 2, 2)));
            WorkerCoverage.Refresh(c, Today);
            await db.SaveChangesAsync();
            c.DestinationCountry = "JP";
            c.Stage = Stage.Withdrawn;
            c.WithdrawnOn = new DateOnly(2026, 2, 20);
            WorkerCoverage.Refresh(c, Today);
            await db.SaveChangesAsync();
        });

        // Synchronous SaveChanges takes the same path.
        await ChangeAndCheckAsync(async db =>
        {
            var d = await db.Workers.SingleAsync(w => w.Id == ids[3]);
            d.Sex = Sex.Female;
            d.Occupation = "fisher";
            db.SaveChanges();
        });
    }

    [Fact]
    public async Task TalliesJoinTheCallersTransactionAndRollBackWithIt()
    {
        var before = await TalliesAsync();
        await Factory.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Workers.Add(W(Sex.Female, "SA", "PT Tiga", new DateOnly(2026, 2, 14)));
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        });
        Assert.Equal(before, await TalliesAsync());

        Guid id = default;
        await Factory.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var w = W(Sex.Female, "SA", "PT Tiga", new DateOnly(2026, 2, 14));
            id = w.Id;
            db.Workers.Add(w);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        });
        Assert.NotEqual(before, await TalliesAsync());
        Assert.True(await Factory.WithDbAsync(db => db.Workers.AnyAsync(w => w.Id == id)));
        await AssertTalliesMatchAsync();
    }

    [Fact]
    public async Task RebuildRestoresTalliesThatWentWrong()
    {
        await RegisterAsync(W(Sex.Male, "HK", "PT Empat", new DateOnly(2026, 1, 20)));
        await Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("UPDATE worker_tallies SET workers = workers + 5"));
        await Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM payment_tallies"));
        await Factory.WithDbAsync(db => Tallies.RebuildAsync(db));
        await AssertTalliesMatchAsync();
    }

    [Fact]
    public async Task BackfillOfADimensionGivesItsRowsFromTheWorkersAlreadyThere()
    {
        await RegisterAsync(W(Sex.Female, "HK", "PT Tujuh", new DateOnly(2026, 1, 21)), W(Sex.Male, "TW", null, new DateOnly(2026, 2, 2)));

        // As the migration that adds a dimension finds it: workers, but no rows of the dimension yet.
        await Factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM worker_tallies WHERE dimension = {TallyDimensions.Agency.Name}"));
        await Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(TallySql.Backfill(TallyDimensions.Agency)));
        await AssertTalliesMatchAsync();
    }

    [Theory]
    [InlineData("2026-01-07", "2026-02-15")]
    [InlineData("2025-12-16", "2026-01-31")]
    [InlineData("2026-01-01", "2026-01-30")]
    [InlineData("2026-01-06", "2026-01-06")]
    [InlineData(null, "2026-01-20")]
    [InlineData("2026-01-31", null)]
    public async Task PartialMonthRangesEqualPlainCounts(string? fromText, string? toText)
    {
        await RegisterAsync(
            W(Sex.Female, "HK", "PT Lima", new DateOnly(2026, 1, 6)),
            W(Sex.Male, "TW", null, new DateOnly(2026, 1, 31)),
            W(Sex.Female, "MY", "PT Lima", new DateOnly(2026, 2, 15)),
            W(Sex.Male, "KR", null, new DateOnly(2025, 12, 16)));
        await Factory.WithDbAsync(async db =>
        {
            var w = await db.Workers.Include(x => x.Payments).OrderBy(x => x.Id).FirstAsync();
            w.Payments.Add(Pay(w.Id, PaymentKind.PrePlacement, 37_500, new DateOnly(2026, 1, 20)));
            w.Payments.Add(Pay(w.Id, PaymentKind.Jht, 100_000, new DateOnly(2026, 1, 7)));
            await db.SaveChangesAsync();
        });
        DateOnly? from = fromText is null ? null : DateOnly.Parse(fromText, System.Globalization.CultureInfo.InvariantCulture);
        DateOnly? to = toText is null ? null : DateOnly.Parse(toText, System.Globalization.CultureInfo.InvariantCulture);

        await using var scope = Factory.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<EnrollmentStats>().GetAsync(from, to);
        await Factory.WithDbAsync(async db =>
        {
            var workers = db.Workers.Where(w => (from == null || w.RegisteredOn >= from) && (to == null || w.RegisteredOn <= to));
            var payments = db.Payments.Where(p => (from == null || p.PaidOn >= from) && (to == null || p.PaidOn <= to));
            Assert.Equal(await workers.CountAsync(), report.Totals.Registered);
            Assert.Equal(await workers.CountAsync(w => w.Stage == Stage.Candidate), report.Totals.Candidates);
            Assert.Equal(await workers.CountAsync(w => w.MembershipNumber != null), report.Totals.Participants);
            Assert.Equal(
                (await workers.GroupBy(w => w.DestinationCountry).Select(g => new { g.Key, N = g.Count() }).ToListAsync()).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.N)),
                report.Breakdown(TallyDimensions.Destination).OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => (b.Key, b.Registered)));
            Assert.Equal(
                (await workers.GroupBy(w => w.AgencyName).Select(g => new { g.Key, N = g.Count() }).ToListAsync()).Select(g => (g.Key ?? "", g.N)).OrderBy(g => g.Item1, StringComparer.Ordinal),
                report.Breakdown(TallyDimensions.Agency).OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => (b.Key, b.Registered)));
            Assert.Equal(
                (await workers.GroupBy(w => w.RegisteredMonth).Select(g => new { g.Key, N = g.Count() }).ToListAsync()).OrderBy(g => g.Key).Select(g => g.N),
                report.ByMonth.Select(m => m.Registered));
            Assert.Equal(
                (await workers.Where(w => w.DepartedMonth != null).GroupBy(w => w.DepartedMonth).Select(g => new { g.Key, N = g.Count() }).ToListAsync()).OrderBy(g => g.Key).Select(g => g.N),
                report.ByDepartureMonth.Select(m => m.Departed));
            Assert.Equal(await payments.CountAsync(), report.Contributions.Payments);
            Assert.Equal((await payments.Select(p => p.Amount).ToListAsync()).Sum(), report.Contributions.Collected);
        });
    }

    [Fact]
    public async Task GapCountsFromTalliesEqualTheGapLists()
    {
        var ids = await RegisterAsync(
            W(Sex.Female, "HK", "PT Enam", new DateOnly(2026, 1, 6)),
            W(Sex.Male, "TW", null, new DateOnly(2026, 1, 10)),
            W(Sex.Female, "MY", "PT Enam", new DateOnly(2026, 1, 12)));
        await Factory.WithDbAsync(async db =>
        {
            var workers = await db.Workers.Include(w => w.Payments).Where(w => ids.Contains(w.Id)).ToListAsync();
            workers[0].Payments.Add(Pay(workers[0].Id, PaymentKind.PrePlacement, 37_500, new DateOnly(2026, 1, 7)));
            workers[1].Payments.Add(Pay(workers[1].Id, PaymentKind.Placement, 300_000, new DateOnly(2026, 1, 11)));
            workers[1].Stage = Stage.Placed;
            workers[1].DepartedOn = new DateOnly(2026, 1, 20);
            workers[2].Stage = Stage.Placed;
            workers[2].DepartedOn = new DateOnly(2026, 1, 25);
            foreach (var w in workers)
            {
                WorkerCoverage.Refresh(w, Today);
            }

            await db.SaveChangesAsync();
        });

        foreach (var day in new[] { new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 20), new DateOnly(2026, 6, 6), new DateOnly(2026, 7, 1) })
        {
            Factory.Clock.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));
            await using var scope = Factory.Services.CreateAsyncScope();
            var gaps = (await scope.ServiceProvider.GetRequiredService<EnrollmentStats>().GetAsync(null, null)).Gaps;
            var counted = await Factory.WithDbAsync(async db =>
            {
                async Task<int> Count(GapKind kind) => await CoverGaps.Query(db, kind, day).CountAsync();
                return new GapCounts(
                    await Count(GapKind.DepartedWithoutCover),
                    await Count(GapKind.PreplacementLapsed),
                    await Count(GapKind.PreplacementEndingIn30Days),
                    await Count(GapKind.PlacementEndingIn30Days),
                    await Count(GapKind.PlacementEndingIn60Days),
                    await Count(GapKind.PlacementEndingIn90Days));
            });
            Assert.Equal(counted, gaps);
        }

        Assert.True(await Factory.WithDbAsync(db => db.Workers.AnyAsync(w => w.CoveredUntil != null)));
    }

    private static Task<Worker> WithPaymentsAsync(AppDbContext db, Guid id) => db.Workers.Include(w => w.Payments).SingleAsync(w => w.Id == id);

    private static Worker W(Sex sex, string destination, string? agency, DateOnly registeredOn)
    {
        var w = TestData.Worker();
        w.Sex = sex;
        w.DestinationCountry = destination;
        w.AgencyName = agency;
        w.Scheme = agency is null ? Scheme.Individual : Scheme.Agency;
        w.RegisteredOn = registeredOn;
        return w;
    }

    private static Payment Pay(Guid workerId, PaymentKind kind, long amount, DateOnly paidOn) =>
        TestData.Payment(workerId, kind, amount, paidOn, months: kind == PaymentKind.Jht ? 1 : null);

    private async Task<List<Guid>> RegisterAsync(params Worker[] workers)
    {
        await Factory.WithDbAsync(async db =>
        {
            db.Workers.AddRange(workers);
            await db.SaveChangesAsync();
        });
        return [.. workers.Select(w => w.Id)];
    }

    // The non-zero tally rows, in a fixed order, as text.
    private Task<List<string>> TalliesAsync() => Factory.WithDbAsync(async db =>
    {
        var workers = (await db.WorkerTallies.Where(t => t.Workers != 0).ToListAsync())
            .Select(t => $"w {t.RegisteredMonth} {Codes.Of(t.Stage)} {t.Dimension} {t.Value} {t.Workers} {t.Participants}");
        var departures = (await db.DepartureTallies.Where(t => t.Workers != 0).ToListAsync())
            .Select(t => $"d {t.RegisteredMonth} {t.DepartedMonth} {t.Workers}");
        var covers = (await db.CoverTallies.Where(t => t.Workers != 0).ToListAsync())
            .Select(t => $"c {Codes.Of(t.Stage)} {t.CoverPhase} {t.CoveredUntil} {t.Workers}");
        var payments = (await db.PaymentTallies.Where(t => t.Payments != 0).ToListAsync())
            .Select(t => $"p {t.PaidMonth} {Codes.Of(t.Kind)} {t.Payments} {t.Amount}");
        return workers.Concat(departures).Concat(covers).Concat(payments).Order(StringComparer.Ordinal).ToList();
    });

    // The same rows computed afresh by grouping the workers and payments themselves: each declared
    // dimension by its property's value as stored ('' for none, enumerations by code).
    private Task<List<string>> GroupedAsync() => Factory.WithDbAsync(async db =>
    {
        var workers = await db.Workers.AsNoTracking().ToListAsync();
        static string Stored(object? value) => value switch
        {
            null => "",
            Enum e => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(e.ToString()),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
        };

        var dimensions = TallyDimensions.Breakdowns
            .Select(d => (d.Name, Value: (Func<Worker, string>)(w => Stored(typeof(Worker).GetProperty(d.Property)!.GetValue(w)))))
            .Prepend((TallyDimensions.All, _ => ""));
        var rows = dimensions.SelectMany(d => workers.GroupBy(w => (w.RegisteredMonth, w.Stage, Value: d.Value(w)))
            .Select(g => $"w {g.Key.RegisteredMonth} {Codes.Of(g.Key.Stage)} {d.Name} {g.Key.Value} {g.Count()} {g.Count(w => w.MembershipNumber != null)}")).ToList();
        rows.AddRange(workers.Where(w => w.DepartedMonth != null).GroupBy(w => (w.RegisteredMonth, w.DepartedMonth))
            .Select(g => $"d {g.Key.RegisteredMonth} {g.Key.DepartedMonth} {g.Count()}"));
        rows.AddRange(workers.GroupBy(w => (w.Stage, Phase: Stored(w.CoverPhase), w.CoveredUntil))
            .Select(g => $"c {Codes.Of(g.Key.Stage)} {g.Key.Phase} {(g.Key.CoveredUntil is { } d ? (d.Year * 10_000) + (d.Month * 100) + d.Day : 0)} {g.Count()}"));
        rows.AddRange((await db.Payments.GroupBy(p => new { p.PaidMonth, p.Kind })
            .Select(g => new { g.Key.PaidMonth, g.Key.Kind, N = g.Count(), Amount = g.Sum(p => p.Amount) }).ToListAsync())
            .Select(g => $"p {g.PaidMonth} {Codes.Of(g.Kind)} {g.N} {g.Amount}"));
        return rows.Order(StringComparer.Ordinal).ToList();
    });

    // A write through AppDbContext, then the tallies against the fresh GROUP BY.
    private async Task ChangeAndCheckAsync(Func<AppDbContext, Task> change)
    {
        await Factory.WithDbAsync(change);
        await AssertTalliesMatchAsync();
    }

    private async Task AssertTalliesMatchAsync() => Assert.Equal(await GroupedAsync(), await TalliesAsync());
}

public sealed class TallyTestsOnSqlite(SqliteAppFactory f) : TallyTests(f), IClassFixture<SqliteAppFactory>;

public sealed class TallyTestsOnPostgres(PostgresAppFactory f) : TallyTests(f), IClassFixture<PostgresAppFactory>;
