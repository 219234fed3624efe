namespace MigrantCover.Web.Data;

/// <summary>
/// Which messages a worker gets (decision 0022): one row per consented channel the worker has an address
/// for, never one without consent (UU 27/2022). The rows are added to the caller's context, so they are
/// saved in the same transaction as the change that causes them.
/// </summary>
public static class Outbox
{
    /// <summary>The channels a worker consented to and can be reached on (e-mail needs an address, SMS and WhatsApp a phone number).</summary>
    public static IReadOnlyList<MessageChannel> ChannelsOf(Worker w)
    {
        if (!w.RemindersConsent)
        {
            return [];
        }

        var channels = new List<MessageChannel>();
        foreach (var code in ParseChannels(w.ReminderChannels))
        {
            var reachable = code == MessageChannel.Email ? !string.IsNullOrWhiteSpace(w.Email) : !string.IsNullOrWhiteSpace(w.Phone);
            if (reachable)
            {
                channels.Add(code);
            }
        }

        return channels;
    }

    /// <summary>The stored channel codes ("email sms") as channels, unknown codes left out.</summary>
    public static IReadOnlyList<MessageChannel> ParseChannels(string? codes) =>
        [.. (codes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => Codes.TryParse<MessageChannel>(c, out var channel) ? (MessageChannel?)channel : null)
            .OfType<MessageChannel>()
            .Distinct()
            .Order()];

    /// <summary>The stored form of a set of channels.</summary>
    public static string? FormatChannels(IEnumerable<MessageChannel> channels)
    {
        var text = string.Join(' ', channels.Distinct().Order().Select(c => Codes.Of(c)));
        return text.Length == 0 ? null : text;
    }

    /// <summary>The period key of a cover message: the cover's last day.</summary>
    public static string PeriodKeyOf(DateOnly coverUntil) => coverUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The messages of one kind about one period for a worker, one per reachable consented channel (not yet added to a context).</summary>
    public static List<OutboxMessage> For(Worker w, MessageKind kind, string periodKey, DateOnly about, DateTimeOffset now) =>
        [.. ChannelsOf(w).Select(channel => new OutboxMessage
        {
            WorkerId = w.Id,
            Kind = kind,
            PeriodKey = periodKey,
            Channel = channel,
            Language = w.PreferredLanguage is "en" ? "en" : "id",
            State = MessageState.Queued,
            About = about,
            CreatedAt = now,
            NextAttemptAt = now,
        })];
}
