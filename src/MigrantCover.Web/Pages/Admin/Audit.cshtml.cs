using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Admin;

/// <summary>
/// Searching the audit trail by staff member (part of an e-mail or a name, any case), date range (WIB days) and action. A GET form: its fields
/// are staff e-mails, dates and action names, never a worker's personal data.
/// </summary>
public sealed class AuditModel(AppDbContext db, StatsRange.Reader ranges, HistoryText words, IStringLocalizer<AdminResource> text) : FormPageModel
{
    public const int PageSize = 50;

    /// <summary>Every action the audit writes (AppDbContext and the admin pages), each named in AdminResource as <c>Action_{action}</c>.</summary>
    public static readonly IReadOnlyList<string> Actions =
        ["registered", "updated", "consent", "payment", "document", "stage", "heir", "heir-ended", "claim", "claim-document", "account", "restriction", "office"];

    [BindProperty(SupportsGet = true, Name = "actor")]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public string QueryFor(int page) =>
        $"/Admin/Audit?actor={Uri.EscapeDataString(Actor ?? "")}&from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}&action={Uri.EscapeDataString(ActionName ?? "")}&p={page.ToString(CultureInfo.InvariantCulture)}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (range, failures) = ranges.Read(new(From, To));
        ModelState.AddFailures(failures, field => field);
        if (!string.IsNullOrEmpty(ActionName) && !Actions.Contains(ActionName))
        {
            ModelState.AddModelError("action", text["AuditActionUnknown"]);
        }

        if (!Features.Validation.Input.IsPlain(Actor, multiLine: false))
        {
            ModelState.AddModelError("actor", RuleText.Input("text.control", Localization.Language));
        }

        if (!ModelState.IsValid)
        {
            return;
        }

        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            // Part of the e-mail recorded, or of the account's name (the accounts are few; their ids are matched).
            var part = Actor.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // Translated to SQL lower(...) LIKE on both providers; no culture is involved.
            var named = await db.Users.Where(u => u.DisplayName.ToLower().Contains(part)).Select(u => u.Id).Take(100).ToListAsync(ct);
            q = q.Where(a => a.ActorName.ToLower().Contains(part) || named.Contains(a.ActorId));
#pragma warning restore CA1862
        }

        // Whole days in Indonesian western time (WIB). The first and last day a date can hold are open ends:
        // the WIB midnight before 0001-01-01 and after 9999-12-31 is past what a date and time can hold.
        if (range.From is { } f && f > DateOnly.MinValue)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), OfficeTime.Wib).ToUniversalTime();
            q = q.Where(a => a.At >= start);
        }

        if (range.To is { } t && t < DateOnly.MaxValue)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), OfficeTime.Wib).ToUniversalTime();
            q = q.Where(a => a.At < end);
        }

        if (!string.IsNullOrEmpty(ActionName))
        {
            q = q.Where(a => a.Action == ActionName);
        }

        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        Entries = await q.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);

        // The page's workers by name: their ids are time-ordered, so workers registered together share the
        // first characters and an id's start says nothing to the reader.
        var workers = Entries.Select(e => e.WorkerId).OfType<Guid>().Distinct().ToList();
        WorkerNames = await db.Workers.Where(w => workers.Contains(w.Id)).Select(w => new { w.Id, w.FullName }).ToDictionaryAsync(w => w.Id, w => w.FullName, ct);
        Descriptions = await words.OfEntriesAsync(db, Entries, ct);
    }

    /// <summary>Each change to a worker on this page in words, as the worker's history says it.</summary>
    public IReadOnlyDictionary<long, string> Descriptions { get; private set; } = new Dictionary<long, string>();

    /// <summary>The full name of each worker on this page.</summary>
    public IReadOnlyDictionary<Guid, string> WorkerNames { get; private set; } = new Dictionary<Guid, string>();
}
