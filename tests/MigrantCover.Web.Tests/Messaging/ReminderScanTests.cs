using MigrantCover.Web.Features.Messaging;
using static MigrantCover.Web.Tests.Messaging.MessagingArrange;

namespace MigrantCover.Web.Tests.Messaging;

/// <summary>
/// The daily reminder scan over a known population (today 2026-03-01 WIB): exactly the reminders of
/// R-COV-1/2/4/5/6 for the workers who consented, once, whatever the number of scans or instances.
/// </summary>
public abstract class ReminderScanTests(AppFactory factory) : ProviderTests(factory)
{
    private static readonly MessageKind[] ScanKinds =
        [MessageKind.PreplacementLapsing, MessageKind.PreplacementLapsed, MessageKind.PlacementEnding, MessageKind.PostplacementEnding];

    [Fact]
    public async Task TheScanQueuesExactlyTheDueRemindersOfTheConsentingWorkersOnceAndASecondScanOrInstanceAddsNone()
    {
        // R-COV-1: paid 2025-10-12, covered to 2026-03-11 (today + 10): lapsing within 14 days.
        var lapsing = Candidate(Worker("email sms"), new DateOnly(2025, 10, 12));
        var lapsingWithoutConsent = Candidate(Worker(null), new DateOnly(2025, 10, 12));

        // Covered to 2026-03-31 (today + 30): not yet.
        var notYet = Candidate(Worker("email"), new DateOnly(2025, 11, 1));

        // R-COV-2: covered to 2026-02-19, lapsed 10 days ago; in English, on WhatsApp.
        var lapsed = Candidate(Worker("whatsapp", "en"), new DateOnly(2025, 9, 20));

        // Lapsed in October: long past, the officers' gap list, no message.
        var longLapsed = Candidate(Worker("email"), new DateOnly(2025, 6, 1));

        // R-COV-4: departed 2025-02-15 for 12 months, placement cover to 2026-03-14 (today + 13).
        var placementEnding = Placed(Worker("email"), new DateOnly(2025, 2, 15), 12);

        // Placement cover to 2026-06-14: not within 30 days.
        var placementLater = Placed(Worker("email"), new DateOnly(2025, 5, 15), 12);

        // R-COV-6: arrived 2026-02-05, post-placement cover to 2026-03-06 (today + 5).
        var postEnding = Returned(Worker("email"), new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 5));

        // Consented to e-mail only, but has no address: nothing to send it to.
        var noAddress = Candidate(Worker("email", email: null), new DateOnly(2025, 10, 12));

        Worker[] population = [lapsing, lapsingWithoutConsent, notYet, lapsed, longLapsed, placementEnding, placementLater, postEnding, noAddress];
        await ArrangeAsync(Factory, population);
        Assert.Equal(new DateOnly(2026, 3, 11), lapsing.CoveredUntil);
        Assert.Equal(new DateOnly(2026, 3, 14), placementEnding.CoveredUntil);
        Assert.Equal(new DateOnly(2026, 3, 6), postEnding.CoveredUntil);

        var added = await ScanAsync(Factory);

        var expected = new[]
        {
            (lapsing.Id, MessageKind.PreplacementLapsing, MessageChannel.Email, new DateOnly(2026, 3, 11), "id"),
            (lapsing.Id, MessageKind.PreplacementLapsing, MessageChannel.Sms, new DateOnly(2026, 3, 11), "id"),
            (lapsed.Id, MessageKind.PreplacementLapsed, MessageChannel.Whatsapp, new DateOnly(2026, 2, 19), "en"),
            (placementEnding.Id, MessageKind.PlacementEnding, MessageChannel.Email, new DateOnly(2026, 3, 14), "id"),
            (postEnding.Id, MessageKind.PostplacementEnding, MessageChannel.Email, new DateOnly(2026, 3, 6), "id"),
        }.OrderBy(e => e.Id).ThenBy(e => e.Item3).ToList();
        var reminders = await RemindersAsync(population);
        Assert.Equal(expected, reminders.Select(m => (m.WorkerId, m.Kind, m.Channel, m.About, m.Language)).OrderBy(e => e.WorkerId).ThenBy(e => e.Channel).ToList());
        Assert.All(reminders, m => Assert.Equal(Outbox.PeriodKeyOf(m.About), m.PeriodKey));
        Assert.All(reminders, m => Assert.Equal(MessageState.Queued, m.State));
        Assert.Equal(expected.Count, added);

        // Again on this instance, then on a second instance of the app on the same database: nothing new.
        Assert.Equal(0, await ScanAsync(Factory));
        await using (var sibling = Factory.Sibling())
        {
            await sibling.InitializeAsync();
            Assert.Equal(0, await ScanAsync(sibling));
        }

        Assert.Equal(reminders.Select(m => m.Id), (await RemindersAsync(population)).Select(m => m.Id));
    }

    [Fact]
    public async Task TwoInstancesScanningAtTheSameMomentQueueEachReminderOnce()
    {
        var workers = Enumerable.Range(0, 20).Select(_ => Candidate(Worker("email sms"), new DateOnly(2025, 10, 12))).ToArray();
        await ArrangeAsync(Factory, workers);
        await using var sibling = Factory.Sibling();
        await sibling.InitializeAsync();

        var counts = await Task.WhenAll(ScanAsync(Factory), ScanAsync(sibling));

        var reminders = await RemindersAsync(workers);
        Assert.Equal(40, reminders.Count);
        Assert.Equal(40, counts.Sum());
        Assert.Equal(40, reminders.Select(m => (m.WorkerId, m.Channel)).Distinct().Count());
    }

    [Fact]
    public async Task ANewPaymentIsANewCoverPeriodAndItsEndIsRemindedAgain()
    {
        // R-COV-2: lapsed on 2026-02-19; a new pre-placement payment on 2026-02-25 covers to 2026-07-24.
        var w = Candidate(Worker("email"), new DateOnly(2025, 9, 20));
        await ArrangeAsync(Factory, w);
        await ScanAsync(Factory);
        await Factory.WithDbAsync(async db =>
        {
            var tracked = await db.Workers.Include(x => x.Payments).SingleAsync(x => x.Id == w.Id);
            Pay(tracked, PaymentKind.PrePlacement, new DateOnly(2026, 2, 25));
            WorkerCoverage.Refresh(tracked, Today);
            await db.SaveChangesAsync();
        });

        // On 2026-07-15 (another instance, its own clock), the new period lapses within 14 days.
        await using var later = Factory.Sibling();
        later.Clock.SetUtcNow(new DateTimeOffset(2026, 7, 15, 1, 0, 0, TimeSpan.Zero));
        await later.InitializeAsync();
        await ScanAsync(later);

        var reminders = await RemindersAsync([w]);
        Assert.Equal(
            [(MessageKind.PreplacementLapsed, new DateOnly(2026, 2, 19)), (MessageKind.PreplacementLapsing, new DateOnly(2026, 7, 24))],
            reminders.Select(m => (m.Kind, m.About)));
    }

    private async Task<List<OutboxMessage>> RemindersAsync(IEnumerable<Worker> workers) =>
        [.. (await MessagesAsync(Factory, workers.Select(w => w.Id))).Where(m => ScanKinds.Contains(m.Kind))];
}

public sealed class ReminderScanTestsOnSqlite(SqliteAppFactory f) : ReminderScanTests(f), IClassFixture<SqliteAppFactory>;

public sealed class ReminderScanTestsOnPostgres(PostgresAppFactory f) : ReminderScanTests(f), IClassFixture<PostgresAppFactory>;
