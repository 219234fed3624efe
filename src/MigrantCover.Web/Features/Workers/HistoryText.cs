using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Resources;

namespace MigrantCover.Web.Features.Workers;

/// <summary>
/// A history line in words, in the current UI language: "Dokumen: surat keterangan status perkawinan
/// diverifikasi (ref. REF-1)", "Pembayaran pra penempatan Rp37.500, 2 Desember 2026, BPJS-PRA-0001",
/// "Tahap: calon pekerja → ditempatkan (berangkat 2 Desember 2026)". Read from the raw audit fields
/// AppDbContext writes, so the page and the API's <c>description</c> say the same.
/// </summary>
public sealed class HistoryText(IStringLocalizer<WorkersResource> text)
{
    /// <summary>
    /// The worker's history in words (empty when the worker has none, i.e. does not exist); an heir's
    /// correction or ending names the heir (R-HEIR-6) by the current names of the worker's heirs, a claim's
    /// entries name the claim by its number. An heir's NIK is masked in the raw old and new values too
    /// (R-HEIR-6: masked in lists); the audit keeps it whole.
    /// </summary>
    public async Task<IReadOnlyList<HistoryView>> OfWorkerAsync(AppDbContext db, Guid id, CancellationToken ct = default)
    {
        var history = await WorkerQueries.HistoryAsync(db, id, ct);
        if (history.Count == 0)
        {
            return history;
        }

        var names = await WorkerQueries.HistoryNamesAsync(db, [id], ct);
        return [.. history.Select(h => MaskHeirNik(h) with { Description = Of(h, names) })];
    }

    /// <summary>
    /// Entries of many workers (the admin's audit search) in words, by entry id; an entry of no worker (an
    /// admin action) has none. The heirs and claims are named as in each worker's own history.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, string>> OfEntriesAsync(AppDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct = default)
    {
        var workers = entries.Select(e => e.WorkerId).OfType<Guid>().Distinct().ToList();
        if (workers.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var names = await WorkerQueries.HistoryNamesAsync(db, workers, ct);
        return entries.Where(e => e.WorkerId is not null).ToDictionary(
            e => e.Id,
            e => Of(new HistoryView(e.At, e.ActorName, e.Action, e.Field, e.OldValue, e.NewValue, e.Reason), names));
    }

    /// <summary>
    /// A claim's entry that its own page says in full (who verified, the amount's basis, …): the worker's
    /// page leaves it out and keeps the claim's report, its state changes and its documents.
    /// </summary>
    public static bool IsClaimDetail(HistoryView h) =>
        h.Action == "claim" && h.Field is { } f && f.Contains('.', StringComparison.Ordinal) && !f.EndsWith(".state", StringComparison.Ordinal);

    /// <summary>A raw audit value as a list shows it: an heir's NIK (<c>heir:&lt;id&gt;.nik</c>) masked (R-HEIR-6), any other as it is.</summary>
    public static string? Listed(string? field, string? value) =>
        field is not null && field.StartsWith("heir:", StringComparison.Ordinal) && field.EndsWith(".nik", StringComparison.Ordinal) ? Heirs.MaskNik(value) : value;

    private static HistoryView MaskHeirNik(HistoryView h) => h with { OldValue = Listed(h.Field, h.OldValue), NewValue = Listed(h.Field, h.NewValue) };

    /// <param name="names">The worker's heirs' names and claims' numbers by their audit field (<c>heir:&lt;id&gt;</c>, <c>claim:&lt;id&gt;</c>).</param>
    public string Of(HistoryView h, IReadOnlyDictionary<string, string> names)
    {
        var lang = Infrastructure.Localization.Language;
        string Date(string? iso) => Input.Date(iso) is { } d ? RuleText.Date(d, lang) : iso ?? "";
        string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, text[key], args);
        string Number(string claim) => names.TryGetValue(claim, out var number) ? number : "—";
        var parts = h.NewValue?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        switch (h.Action)
        {
            case "registered":
                return text["History_registered"];
            case "payment" when parts.Length >= 4 && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var amount):
                return Format("History_payment", text["code." + parts[0]].ResourceNotFound ? parts[0] : Infrastructure.Localization.InSentence(text["code." + parts[0]].Value), RuleText.Rupiah(amount), Date(parts[2]), string.Join(' ', parts[3..]));
            case "document" when h.Field?.StartsWith("documents.", StringComparison.Ordinal) == true:
                var document = RuleText.Label(h.Field["documents.".Length..], lang);
                return parts.FirstOrDefault() == "true"
                    ? Format("History_document_verified", document, parts.Length > 1 ? Format("History_reference", string.Join(' ', parts[1..])) : "")
                    : Format("History_document_withdrawn", document);
            case "stage" when parts.Length >= 2 && Codes.TryParse<StageEventKind>(parts[0], out var kind):
                var from = Codes.TryParse<Stage>(h.OldValue, out var f) ? f : (Stage?)null;
                var to = from is { } s ? StageMachine.Next(s, kind) ?? s : (Stage?)null;
                var happened = Format("HistoryEvent_" + parts[0], Date(parts[1]));
                return from is { } a && to is { } b
                    ? Format("History_stage", RuleText.Label(Codes.Of(a), lang), RuleText.Label(Codes.Of(b), lang), happened)
                    : happened;
            case "heir" when h.Field is { } added && !added.Contains('.', StringComparison.Ordinal) && parts.Length >= 2:
                return Format("History_heir_added", string.Join(' ', parts[1..]), HeirValue("relationship", parts[0], lang));
            case "heir" or "heir-ended" when h.Field?.Split('.', 2) is [var heir, var heirField]:
                var name = names.TryGetValue(heir, out var n) ? n : "—";
                return heirField == "endedOn" && h.NewValue is not null
                    ? Format("History_heir_ended", name, Date(h.NewValue))
                    : Format("History_heir_updated", name, Label(heirField, lang), HeirValue(heirField, h.OldValue, lang), HeirValue(heirField, h.NewValue, lang));
            case "consent" when parts.Length >= 2:
                // "<channel> <channel>… <consent date> <language>", as AppDbContext writes it at registration (UU 27/2022).
                var dated = Input.Date(parts[^2]) is not null;
                var channels = string.Join(", ", parts[..^(dated ? 2 : 1)].Select(c => Word("channel", c)));
                return Format("History_consent", channels, Word("language", parts[^1]), dated ? Date(parts[^2]) : "—");
            case "claim" when h.Field is { } reported && !reported.Contains('.', StringComparison.Ordinal) && parts.Length >= 4:
                // "<number> <type> <incident day> <state>", as AppDbContext writes a claim's report.
                return Format("History_claim_reported", parts[0], Claim<ClaimType>(parts[1]), Date(parts[2]), Claim<ClaimState>(parts[3]));
            case "claim" when h.Field?.Split('.', 2) is [var claim, "state"]:
                return Format("History_claim_state", Number(claim), Claim<ClaimState>(h.OldValue), Claim<ClaimState>(h.NewValue));
            case "claim-document" when h.Field?.Split('.', 3) is [var claim, "doc", var code]:
                var item = RuleText.ClaimDocumentLabel(code, lang);
                return parts.FirstOrDefault() == "true"
                    ? Format("History_claim_document_verified", Number(claim), item, parts.Length > 1 ? Format("History_reference", string.Join(' ', parts[1..])) : "")
                    : Format("History_claim_document_withdrawn", Number(claim), item);
            case "claim" when h.Field?.Split('.', 2) is [var claim, _]:
                return Format("History_claim_details", Number(claim));
            case "updated" when h.Field is { } field:
                return Format("History_updated", Label(field, lang), WorkerValue(field, h.OldValue, lang), WorkerValue(field, h.NewValue, lang));
            default:
                return string.Join(" ", new[] { h.Field, h.OldValue, h.NewValue }.Where(v => !string.IsNullOrEmpty(v)));
        }
    }

    // A claim's code (type, state) as its label.
    private static string Claim<T>(string? code)
        where T : struct, Enum =>
        Codes.TryParse<T>(code, out var v) ? RuleText.Label(v, Infrastructure.Localization.Language) : code ?? "—";

    // An heir's value as the officer reads it: the NIK masked (R-HEIR-6), the codes in words, the rest as a worker's.
    private string HeirValue(string field, string? value, string lang) => value is null ? "—" : field switch
    {
        "nik" => Heirs.MaskNik(value) ?? "—",
        "relationship" when Codes.TryParse<HeirRelationship>(value, out var r) => RuleText.Label(r, lang),
        _ => WorkerValue(field, value, lang),
    };

    // A worker's value as the officer reads it: consent, channels, language and dates in words, codes as labels.
    private string WorkerValue(string field, string? value, string lang) => value is null ? "—" : field switch
    {
        "remindersConsent" => Word("consent", value),
        "reminderChannels" => string.Join(", ", value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => Word("channel", c))),
        "preferredLanguage" => Word("language", value),
        "sex" when Codes.TryParse<Sex>(value, out var s) => RuleText.Label(s, lang),
        "destinationCountry" => Countries.Name(value, lang),
        "category" or "purpose" or "scheme" or "stage" => RuleText.Label(value, lang),
        _ when Input.Date(value) is { } d => RuleText.Date(d, lang),
        _ => value,
    };

    // A channel or language code in words (History_channel_sms, History_language_en), or the code itself.
    private string Word(string kind, string code) => text[$"History_{kind}_{code}"] is { ResourceNotFound: false } w ? w.Value : code;

    private static string Label(string field, string lang) =>
        RuleText.Label(field, lang) is { Length: > 0 } l ? Infrastructure.Localization.Standalone(l) : field;
}
