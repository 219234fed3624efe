using MigrantCover.Web.Demo;
using MigrantCover.Web.Features.Messaging;

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
        Assert.Equal(400, workers.Count);
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
    }
}

public sealed class DemoSeedTestsOnSqlite(SqliteAppFactory f) : DemoSeedTests(f), IClassFixture<SqliteAppFactory>;

public sealed class DemoSeedTestsOnPostgres(PostgresAppFactory f) : DemoSeedTests(f), IClassFixture<PostgresAppFactory>;
