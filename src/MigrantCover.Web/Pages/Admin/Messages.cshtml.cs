using Microsoft.AspNetCore.Mvc.RazorPages;
using MigrantCover.Web.Features.Messaging;
using MigrantCover.Web.Infrastructure.Jobs;

namespace MigrantCover.Web.Pages.Admin;

/// <summary>
/// The outbox for admins (decision 0022): counts by state and kind, the latest messages (with their text
/// once sent: in Development, the local outbox), retry a failed one, run the reminder scan now.
/// </summary>
public sealed class MessagesModel(AppDbContext db, MessageDispatcher dispatcher, BackgroundJobs jobs, IStringLocalizer<MessagesResource> text) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true, Name = "state")]
    public string? StateCode { get; set; }

    public IReadOnlyList<(MessageState State, int Count)> ByState { get; private set; } = [];

    public IReadOnlyList<(MessageKind Kind, int Count)> ByKind { get; private set; } = [];

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public DateTimeOffset? NextScan { get; private set; }

    public string? Notice { get; private set; }

    public sealed record Row(long Id, Guid WorkerId, string? WorkerName, MessageKind Kind, MessageChannel Channel, string Language, MessageState State, int Tries, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, string? LastError, string? Subject, string? Body);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        if (await dispatcher.RetryAsync(id, ct))
        {
            Notice = text["Retried"];
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostScanAsync(CancellationToken ct)
    {
        // Through the job engine, as the daily run: one instance runs it, never two at once.
        await jobs.TriggerNowAsync(ReminderScanJob.Name, ct);
        Notice = text["ScanStarted"];
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var states = await db.OutboxMessages.AsNoTracking().GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        ByState = [.. states.Select(s => (s.Key, s.Count)).OrderBy(s => s.Key)];
        var kinds = await db.OutboxMessages.AsNoTracking().GroupBy(m => m.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        ByKind = [.. kinds.Select(k => (k.Key, k.Count)).OrderBy(k => k.Key)];

        var query = db.OutboxMessages.AsNoTracking();
        if (Codes.TryParse<MessageState>(StateCode, out var state))
        {
            query = query.Where(m => m.State == state);
        }

        Rows = await query.OrderByDescending(m => m.Id).Take(Shown)
            .Select(m => new Row(m.Id, m.WorkerId, db.Workers.Where(w => w.Id == m.WorkerId).Select(w => w.FullName).FirstOrDefault(), m.Kind, m.Channel, m.Language, m.State, m.Tries, m.CreatedAt, m.NextAttemptAt, m.LastError, m.Subject, m.Body))
            .ToListAsync(ct);
        try
        {
            NextScan = await jobs.NextRunAsync(ReminderScanJob.Name, ct);
        }
        catch (Quartz.SchedulerException)
        {
            NextScan = null;
        }
    }
}
