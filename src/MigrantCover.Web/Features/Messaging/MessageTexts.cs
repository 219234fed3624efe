using MigrantCover.Web.Features.PublicCoverage;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Messaging;

/// <summary>A message as sent: the subject (e-mail only) and the text.</summary>
public sealed record RenderedMessage(string Subject, string Body);

/// <summary>
/// The texts of the messages (Resources/MessagesResource*.resx, in the worker's language): the programme,
/// the date, the next step, the office to contact and the stop link. Never the NIK; the name only in an
/// e-mail's greeting, never in an SMS or WhatsApp text (a number is often a relative's phone).
/// </summary>
public sealed class MessageTexts(IStringLocalizer<MessagesResource> text, CoverageTokens proofs, UnsubscribeTokens stops, MessagingOptions options)
{
    public RenderedMessage Render(OutboxMessage m, Worker w, Payment? payment)
    {
        var culture = m.Language == "en" ? Localization.English : Localization.Indonesian;
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = culture;
        try
        {
            return RenderIn(m, w, payment, culture);
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, formats);
        }
    }

    /// <summary>A date as the message shows it: "15 Maret 2026", "15 March 2026".</summary>
    public static string Day(DateOnly date, CultureInfo culture) => date.ToString("d MMMM yyyy", culture);

    private RenderedMessage RenderIn(OutboxMessage m, Worker w, Payment? payment, CultureInfo culture)
    {
        var kind = m.Kind.ToString();
        var about = Day(m.About, culture);
        var programmes = text["Programmes"].Value;
        var baseUrl = options.PublicBaseUrl.TrimEnd('/');
        string subject;
        string main;
        string next;
        switch (m.Kind)
        {
            case MessageKind.PaymentReceipt when payment is not null:
                subject = Format(kind + ".Subject", payment.Reference);
                main = Format(kind + ".Text", Day(payment.PaidOn, culture), payment.Amount.ToString("N0", Localization.Indonesian), text["PaymentKind." + Codes.Of(payment.Kind)].Value, payment.Reference);
                next = Format(kind + ".Next", baseUrl + "/Coverage");
                break;
            case MessageKind.DepartureProof:
                var (token, expires) = proofs.IssueProof(w.Id);
                subject = text[kind + ".Subject"];
                main = Format(kind + ".Text", about, programmes, $"{baseUrl}/Coverage/Verify/{token}");
                next = Format(kind + ".Next", Day(DateOnly.FromDateTime(expires.InWib().DateTime), culture));
                break;
            default:
                subject = Format(kind + ".Subject", about);
                main = Format(kind + ".Text", about, programmes);
                next = text[kind + ".Next"];
                break;
        }

        var lines = new List<string>();
        if (m.Channel == MessageChannel.Email)
        {
            lines.Add(Format("Greeting", w.FullName));
            lines.Add("");
        }
        else
        {
            main = text["SmsPrefix"] + " " + main;
        }

        lines.Add(main);
        lines.Add(next);
        lines.Add(text["Office"]);
        lines.Add(Format("Stop", stops.LinkFor(w.Id)));
        var separator = m.Channel == MessageChannel.Email ? "\n" : " ";
        return new RenderedMessage(subject, string.Join(separator, m.Channel == MessageChannel.Email ? lines : lines.Where(l => l.Length > 0)));
    }

    private string Format(string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, text[key].Value, args);
}
