using System.Text.RegularExpressions;
using MigrantCover.Web.Features.Messaging;
using MigrantCover.Web.Tests.Workers;
using MimeKit;
using netDumbster.smtp;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static MigrantCover.Web.Tests.Messaging.MessagingArrange;

namespace MigrantCover.Web.Tests.Messaging;

/// <summary>A real SMTP server in-process and a real HTTP gateway (WireMock.Net) the app sends to; a sibling sends to them too.</summary>
public sealed class Channels : IAppSetup, IDisposable
{
    public const string GatewayKey = "test-gateway-key";

    public SimpleSmtpServer Smtp { get; } = SimpleSmtpServer.Start();

    public WireMockServer Gateway { get; } = WireMockServer.Start();

    public Channels() => Answer(200);

    /// <summary>The gateway answers every send with <paramref name="status"/>.</summary>
    public void Answer(int status)
    {
        Gateway.Reset();
        Gateway.Given(Request.Create().WithPath("/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(status).WithBody("{}"));
    }

    public void Configure(AppFactory factory) =>
        factory
            .With("Messaging:Email:Host", "127.0.0.1")
            .With("Messaging:Email:Port", Smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture))
            .With("Messaging:Email:Security", "None")
            .With("Messaging:Gateway:Url", Gateway.Urls[0] + "/send")
            .With("Messaging:Gateway:ApiKey", GatewayKey)
            .With("Messaging:Gateway:RetryDelay", "00:00:00.010")
            // Generous: on a loaded machine WireMock may take over a second, and a timed-out attempt is retried (sent twice).
            .With("Messaging:Gateway:AttemptTimeout", "00:00:10")
            .With("Messaging:Gateway:BreakerBreak", "00:00:00.500")
            .With("Messaging:MaxTries", "3")
            .With("Messaging:PublicBaseUrl", "https://portal.example");

    public void ConfigureSibling(AppFactory sibling) => Configure(sibling);

    public void Dispose()
    {
        Smtp.Dispose();
        Gateway.Stop();
        Gateway.Dispose();
    }
}

/// <summary>
/// Sending (decision 0022): the texts reach the SMTP server and the gateway in the worker's language, a
/// failing gateway is retried and ends as failed, nothing goes out without consent, the stop link stops.
/// </summary>
public abstract partial class MessageDeliveryTests(AppFactory factory, Channels channels) : ProviderTests(factory)
{
    [Fact]
    public async Task RemindersReachTheSmtpServerAndTheGatewayWithTheirTextsInTheWorkersLanguage()
    {
        var indonesian = Candidate(Worker("email sms"), new DateOnly(2025, 10, 12));
        var english = Candidate(Worker("email whatsapp", "en"), new DateOnly(2025, 10, 12));
        await ArrangeAsync(Factory, indonesian, english);
        await ScanAsync(Factory);
        var callsBefore = channels.Gateway.LogEntries.Count;

        await DispatchUntilDoneAsync();

        var messages = await MessagesAsync(Factory, [indonesian.Id, english.Id]);
        Assert.All(messages, m => Assert.Equal(MessageState.Sent, m.State));
        var mails = await MailsToAsync(indonesian.Email!, english.Email!);
        var toIndonesian = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == indonesian.Email && m.Subject?.Contains("sebelum bekerja", StringComparison.Ordinal) == true);
        Assert.Equal("Perlindungan sebelum bekerja Anda berakhir 11 Maret 2026", toIndonesian.Subject);
        Assert.Contains("Yth. " + indonesian.FullName, toIndonesian.TextBody, StringComparison.Ordinal);
        Assert.Contains("Jaminan Kecelakaan Kerja (JKK) dan Jaminan Kematian (JKM)", toIndonesian.TextBody, StringComparison.Ordinal);
        Assert.Contains("bayar iuran sebelum bekerja yang baru", toIndonesian.TextBody, StringComparison.Ordinal);
        Assert.Contains("BPJS Ketenagakerjaan", toIndonesian.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://portal.example/Reminders/Stop/", toIndonesian.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(indonesian.Nik, toIndonesian.TextBody, StringComparison.Ordinal);
        var toEnglish = Assert.Single(mails, m => m.To.Mailboxes.Single().Address == english.Email && m.Subject?.Contains("pre-placement", StringComparison.Ordinal) == true);
        Assert.Equal("Your pre-placement cover ends on 11 March 2026", toEnglish.Subject);
        Assert.Contains("Dear " + english.FullName, toEnglish.TextBody, StringComparison.Ordinal);
        Assert.Contains("Next step: if your departure is delayed", toEnglish.TextBody, StringComparison.Ordinal);

        var calls = channels.Gateway.LogEntries.Skip(callsBefore).Select(e => e.RequestMessage!).ToList();
        var bodies = calls.Select(c => JsonDocument.Parse(c.Body!).RootElement).ToList();
        var sms = Assert.Single(bodies, b => b.GetProperty("channel").GetString() == "sms" && b.GetProperty("text").GetString()!.Contains("11 Maret 2026", StringComparison.Ordinal));
        var whatsapp = Assert.Single(bodies, b => b.GetProperty("channel").GetString() == "whatsapp" && b.GetProperty("text").GetString()!.Contains("11 March 2026", StringComparison.Ordinal));
        Assert.Equal(OwnPhone, sms.GetProperty("to").GetString());
        Assert.StartsWith("MigrantCover: Perlindungan", sms.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("MigrantCover: Your pre-placement", whatsapp.GetProperty("text").GetString(), StringComparison.Ordinal);

        // A number may be a relative's: never the name, never the NIK in an SMS or WhatsApp text.
        foreach (var (body, worker) in new[] { (sms, indonesian), (whatsapp, english) })
        {
            Assert.DoesNotContain(worker.FullName, body.GetProperty("text").GetString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(worker.Nik, body.GetProperty("text").GetString(), StringComparison.Ordinal);
        }

        Assert.All(calls, c => Assert.Equal("Bearer " + Channels.GatewayKey, c.Headers!["Authorization"][0]));

        // Sent is sent: another run sends nothing again.
        var mailCount = channels.Smtp.ReceivedEmailCount;
        Assert.Equal(0, await DispatchAsync(Factory));
        Assert.Equal(mailCount, channels.Smtp.ReceivedEmailCount);
    }

    [Fact]
    public async Task AFailingGatewayIsRetriedWithBackOffAndTheMessageEndsAsFailedWithTheReason()
    {
        var w = Candidate(Worker("sms"), new DateOnly(2025, 10, 12));
        await ArrangeAsync(Factory, w);
        await ScanAsync(Factory);
        channels.Answer(503);
        try
        {
            // Another instance (its own clock and HTTP pipeline), so that its circuit breaker is its own.
            await using var node = Factory.Sibling();
            await node.InitializeAsync();
            var callsBefore = channels.Gateway.LogEntries.Count;

            await DispatchAsync(node);
            var first = Assert.Single(await MessagesAsync(Factory, [w.Id]));
            Assert.Equal(MessageState.Queued, first.State);
            Assert.Equal(1, first.Tries);
            Assert.Equal("gateway http 503", first.LastError);
            Assert.Equal(node.Clock.GetUtcNow().AddMinutes(1), first.NextAttemptAt);

            // The HTTP pipeline retried the call itself (Messaging:Gateway:Retries, 2 by default).
            Assert.Equal(3, channels.Gateway.LogEntries.Count - callsBefore);

            // Not due before its back-off; then the second try waits twice as long.
            Assert.Equal(0, await DispatchAsync(node));
            node.Clock.Advance(TimeSpan.FromMinutes(1));
            await DispatchAsync(node);
            var second = Assert.Single(await MessagesAsync(Factory, [w.Id]));
            Assert.Equal(2, second.Tries);
            Assert.Equal(node.Clock.GetUtcNow().AddMinutes(2), second.NextAttemptAt);

            node.Clock.Advance(TimeSpan.FromMinutes(2));
            await DispatchAsync(node);
            var last = Assert.Single(await MessagesAsync(Factory, [w.Id]));
            Assert.Equal(MessageState.Failed, last.State);
            Assert.Equal(3, last.Tries);
            Assert.StartsWith("gateway ", last.LastError, StringComparison.Ordinal);

            // An admin's retry queues it again; with the gateway back, it is sent once the circuit breaker,
            // opened by the failures above, lets calls through again (Messaging:Gateway:BreakerBreak, 0.5 s
            // here, in real time: the HTTP pipeline waits on the system clock, not the app's).
            // Tries the breaker still refuses are retried again (as an admin would), never lost.
            channels.Answer(200);
            await Task.Delay(TimeSpan.FromSeconds(1));
            var state = MessageState.Failed;
            for (var i = 0; i < 50 && state != MessageState.Sent; i++)
            {
                if (state == MessageState.Failed)
                {
                    await using var scope = node.Services.CreateAsyncScope();
                    Assert.True(await scope.ServiceProvider.GetRequiredService<MessageDispatcher>().RetryAsync(last.Id));
                }
                else
                {
                    node.Clock.Advance(TimeSpan.FromHours(1));
                    await Task.Delay(100);
                }

                await DispatchAsync(node);
                state = Assert.Single(await MessagesAsync(Factory, [w.Id])).State;
            }

            var sent = Assert.Single(await MessagesAsync(Factory, [w.Id]));
            Assert.Equal(MessageState.Sent, sent.State);
            Assert.Equal("gateway", sent.Via);
        }
        finally
        {
            channels.Answer(200);
        }
    }

    [Fact]
    public async Task NoMessageWithoutConsentAndConsentWithdrawnAfterQueuingCancelsTheMessage()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var without = await api.RegisterAsync();
        var with = await api.RegisterAsync(new() { ["email"] = $"consent.{WorkerKit.UniqueWord().ToLowerInvariant()}@example.id", ["remindersConsent"] = true, ["reminderChannels"] = new[] { "email" }, ["preferredLanguage"] = "en" });
        foreach (var id in new[] { without.GetProperty("id").GetString()!, with.GetProperty("id").GetString()! })
        {
            await api.PayAsync(id, new { kind = "pre-placement", amount = 37_500, paidOn = "2026-02-20", reference = "PP-" + WorkerKit.UniqueWord() });
        }

        var withId = Guid.Parse(with.GetProperty("id").GetString()!);
        var withoutId = Guid.Parse(without.GetProperty("id").GetString()!);

        // The payment queued its receipt in the same transaction, for the consenting worker only.
        Assert.Empty(await MessagesAsync(Factory, [withoutId]));
        var receipt = Assert.Single(await MessagesAsync(Factory, [withId]));
        Assert.Equal((MessageKind.PaymentReceipt, MessageChannel.Email, "en"), (receipt.Kind, receipt.Channel, receipt.Language));

        // Withdrawn at the office before it is sent: cancelled, nothing reaches the SMTP server.
        var mails = channels.Smtp.ReceivedEmailCount;
        await Factory.WithDbAsync(async db =>
        {
            var w = await db.Workers.SingleAsync(x => x.Id == withId);
            ReminderConsent.Withdraw(w, Today);
            await db.SaveChangesAsync();
        });
        await DispatchAsync(Factory);
        Assert.Equal(MessageState.Cancelled, Assert.Single(await MessagesAsync(Factory, [withId])).State);
        Assert.Equal(mails, channels.Smtp.ReceivedEmailCount);

        // The consent history is in the audit trail.
        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.WorkerId == withId).OrderBy(a => a.Id).Select(a => new { a.Action, a.Field, a.NewValue }).ToListAsync());
        Assert.Contains(audit, a => a.Action == "consent" && a.NewValue!.StartsWith("email 2026-03-01 en", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "updated" && a.Field == "remindersConsent" && a.NewValue == "false");
    }

    [Fact]
    public async Task TheStopLinkInAMessageStopsFurtherMessagesWithoutSignInAndRefusesTamperedOrExpiredTokens()
    {
        var w = Candidate(Worker("email"), new DateOnly(2025, 10, 12));
        await ArrangeAsync(Factory, w);
        await ScanAsync(Factory);
        await DispatchUntilDoneAsync();
        var mail = Assert.Single(await MailsToAsync(w.Email!));
        var link = StopLink().Match(mail.TextBody ?? "").Value;
        Assert.DoesNotContain(w.Id.ToString(), link, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(w.Id.ToString("N"), link, StringComparison.OrdinalIgnoreCase);
        var path = new Uri(link).AbsolutePath;

        var visitor = Factory.CreateBrowserClient();

        // Tampered: refused, nothing changes.
        var tampered = path[..^3] + (path[^3] == 'A' ? "B" : "A") + path[^2..];
        var refused = await visitor.GetAsync(tampered);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        // Opening the link only asks; the button stops.
        var page = await visitor.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True((await Factory.WithDbAsync(db => db.Workers.SingleAsync(x => x.Id == w.Id))).RemindersConsent);
        var done = await visitor.SubmitFormAsync(path, new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("stop-done", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stopped = await Factory.WithDbAsync(db => db.Workers.SingleAsync(x => x.Id == w.Id));
        Assert.False(stopped.RemindersConsent);
        Assert.Contains(
            await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.WorkerId == w.Id && a.Field == "remindersConsent").Select(a => a.Reason).ToListAsync()),
            r => r!.Contains("tautan", StringComparison.Ordinal));

        // No further message: the next reminder is not even queued.
        await using (var later = Factory.Sibling())
        {
            later.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 5, 1, 0, 0, TimeSpan.Zero));
            await later.InitializeAsync();
            await ScanAsync(later);
        }

        Assert.Single(await MessagesAsync(Factory, [w.Id]));

        // Expired: 90 days later (Messaging:UnsubscribeLinkDays) the link is refused.
        await using var muchLater = Factory.Sibling();
        muchLater.Clock.SetUtcNow(AppFactory.DefaultNow.AddDays(91));
        await muchLater.InitializeAsync();
        var expired = await muchLater.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("kedaluwarsa", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // The SMTP server stores a mail once its session has ended, a moment after the client is done: wait for them.
    private async Task<List<MimeMessage>> MailsToAsync(params string[] addresses)
    {
        var expected = (await Factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Channel == MessageChannel.Email && m.State == MessageState.Sent).Select(m => m.WorkerId).ToListAsync())).Count;
        for (var i = 0; i < 200 && channels.Smtp.ReceivedEmailCount < expected; i++)
        {
            await Task.Delay(25);
        }

        return [.. channels.Smtp.ReceivedEmail
            .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .Where(m => addresses.Contains(m.To.Mailboxes.Single().Address))];
    }

    private async Task DispatchUntilDoneAsync()
    {
        for (var i = 0; i < 10 && await DispatchAsync(Factory) > 0; i++)
        {
        }
    }

    [GeneratedRegex(@"https://portal\.example/Reminders/Stop/[A-Za-z0-9_-]+")]
    private static partial Regex StopLink();
}

public sealed class MessageDeliveryTestsOnSqlite(SqliteAppFactory<Channels> f) : MessageDeliveryTests(f, f.Setup), IClassFixture<SqliteAppFactory<Channels>>;

public sealed class MessageDeliveryTestsOnPostgres(PostgresAppFactory<Channels> f) : MessageDeliveryTests(f, f.Setup), IClassFixture<PostgresAppFactory<Channels>>;
