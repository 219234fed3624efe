using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Features.Workers;

/// <summary>
/// The worker's consent to reminders (UU 27/2022): recorded by the officer at registration, changed at the
/// office (the worker page) or stopped by the worker with the link in every message. Stored on the worker,
/// so every change is in its audit trail; the outbox queues nothing without it (Data/Outbox).
/// </summary>
public static class ReminderConsent
{
    public static string Languages => "id, en";

    public static string Channels => string.Join(", ", Codes.All<MessageChannel>());

    public static bool IsLanguage(string? value) => Input.IsBlank(value) || value!.Trim() is "id" or "en";

    public static bool IsChannel(string? value) => Input.Code<MessageChannel>(value) is not null;

    /// <summary>
    /// Sets the consent: given with at least one channel, or withdrawn (no channels kept). The day is
    /// <paramref name="on"/> (default today) when consent is given, today when it is withdrawn.
    /// </summary>
    public static void Apply(Worker w, bool? consent, IEnumerable<string>? channels, DateOnly? on, string? language, DateOnly today)
    {
        var parsed = (channels ?? []).Select(Input.Code<MessageChannel>).OfType<MessageChannel>().ToList();
        var given = consent == true && parsed.Count > 0;
        var stored = given ? Outbox.FormatChannels(parsed) : null;
        if (w.RemindersConsent != given || w.ReminderChannels != stored)
        {
            w.RemindersConsent = given;
            w.ReminderChannels = stored;
            w.ConsentOn = given ? on ?? today : today;
        }

        if (Input.Text(language) is "id" or "en")
        {
            w.PreferredLanguage = language!.Trim();
        }
    }

    /// <summary>Stops every further message (the link in a message, or the office at the worker's request).</summary>
    public static void Withdraw(Worker w, DateOnly today) => Apply(w, false, null, null, null, today);
}
