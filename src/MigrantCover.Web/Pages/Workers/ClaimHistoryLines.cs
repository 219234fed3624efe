using MigrantCover.Web.Features.Claims;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>
/// A claim's history in the officer's words: one step per save (who, when), each said as sentences (the
/// report, the state it moved to, each checklist item, the outcome, the amount frozen, the payment's
/// reference, the rejection); the remaining recorded fields of the step stay available as they were saved.
/// </summary>
public static class ClaimHistoryLines
{
    public sealed record Step(DateTimeOffset At, string Who, IReadOnlyList<string> Sentences, IReadOnlyList<string> Details);

    // The fields a sentence already says, or bookkeeping that follows from them (ids beside the names, times).
    private static readonly HashSet<string> Said =
    [
        "state", "outcome", "outcomeOn", "amount", "paymentReference", "paidOn", "rejectionReason", "rejectionText",
        "verifiedBy", "verifiedAt", "verifiedByName", "approvedBy", "approvedAt", "approvedByName", "approvedOn",
    ];

    public static IReadOnlyList<Step> Of(IReadOnlyList<ClaimHistoryView> history, IStringLocalizer<ClaimsResource> text)
    {
        var steps = new List<Step>();
        foreach (var group in Group(history))
        {
            var sentences = new List<string>();
            var details = new List<string>();
            string? New(string field) => group.FirstOrDefault(h => h.Field == field)?.NewValue;
            foreach (var h in group)
            {
                switch (h.Field)
                {
                    case null:
                        var state = h.NewValue?.Split(' ').LastOrDefault();
                        sentences.Add(string.Format(CultureInfo.CurrentCulture, text["HistoryReported"].Value, StateLabel(state)));
                        break;
                    case "state":
                        sentences.Add(string.Format(CultureInfo.CurrentCulture, text["HistoryState"].Value, StateLabel(h.OldValue), StateLabel(h.NewValue)));
                        break;
                    case "outcome":
                        sentences.Add(string.Format(CultureInfo.CurrentCulture, text["HistoryOutcome"].Value, LabelOf<ClaimOutcome>(h.NewValue), DateText(New("outcomeOn"))));
                        break;
                    case "amount" when h.NewValue is not null:
                        sentences.Add(string.Format(CultureInfo.CurrentCulture, text["HistoryAmount"].Value, long.TryParse(h.NewValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var a) ? ClaimForms.Money(a) : h.NewValue));
                        break;
                    case "paymentReference" when h.NewValue is not null:
                        sentences.Add(string.Format(CultureInfo.CurrentCulture, text["HistoryPaid"].Value, DateText(New("paidOn")), h.NewValue));
                        break;
                    case "rejectionReason" when h.NewValue is not null:
                        sentences.Add(string.Format(CultureInfo.CurrentCulture, text["HistoryRejected"].Value, LabelOf<RejectionReason>(h.NewValue), New("rejectionText") ?? h.Reason ?? ""));
                        break;
                    case { } f when f.StartsWith("doc.", StringComparison.Ordinal):
                        var code = f[4..];
                        var value = h.NewValue ?? "";
                        var verified = value.StartsWith("true", StringComparison.Ordinal);
                        var reference = value.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? value[(space + 1)..] : null;
                        var label = RuleText.ClaimDocumentLabel(code, Localization.Language);
                        sentences.Add(verified
                            ? string.Format(CultureInfo.CurrentCulture, text["HistoryDocVerified"].Value, label) + (reference is null ? "" : $" ({reference})")
                            : string.Format(CultureInfo.CurrentCulture, text["HistoryDocWithdrawn"].Value, label));
                        break;
                    case { } f when Said.Contains(f):
                        break;
                    default:
                        var named = text["HistoryField_" + h.Field] is { ResourceNotFound: false } l ? l.Value : h.Field;
                        details.Add($"{named}: {h.OldValue ?? "—"} → {h.NewValue ?? "—"}");
                        break;
                }
            }

            if (sentences.Count == 0)
            {
                sentences.Add(text["HistoryRecorded"].Value);
            }

            steps.Add(new Step(group[0].At, group[0].ActorName, sentences, details));
        }

        return steps;
    }

    private static IEnumerable<List<ClaimHistoryView>> Group(IReadOnlyList<ClaimHistoryView> history)
    {
        var current = new List<ClaimHistoryView>();
        foreach (var h in history)
        {
            if (current.Count > 0 && (current[0].At != h.At || current[0].ActorName != h.ActorName))
            {
                yield return current;
                current = [];
            }

            current.Add(h);
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    private static string DateText(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? RuleText.Date(d, Localization.Language) : iso ?? "—";

    private static string StateLabel(string? code) => LabelOf<ClaimState>(code);

    private static string LabelOf<T>(string? code)
        where T : struct, Enum =>
        Codes.TryParse<T>(code, out var v) ? RuleText.Label(v, Localization.Language) : code ?? "—";
}
