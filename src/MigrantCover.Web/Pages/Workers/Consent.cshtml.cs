using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>Changing the worker's reminders consent at the office (UU 27/2022); audited with its reason.</summary>
public sealed class ConsentModel(AppDbContext db, TimeProvider clock, IStringLocalizer<MessagesResource> text) : FormPageModel
{
    public Worker Worker { get; private set; } = null!;

    [BindProperty]
    public ConsentInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.Workers.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } worker)
        {
            return NotFound();
        }

        Worker = worker;
        Input = new ConsentInput
        {
            RemindersConsent = worker.RemindersConsent,
            ReminderChannels = [.. Outbox.ParseChannels(worker.ReminderChannels).Select(c => Codes.Of(c))],
            ConsentOn = WorkerForms.Iso(worker.RemindersConsent && worker.ConsentOn is { } on ? on : clock.Today()),
            PreferredLanguage = worker.PreferredLanguage,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await db.Workers.FirstOrDefaultAsync(w => w.Id == id, ct) is not { } worker)
        {
            return NotFound();
        }

        Worker = worker;
        var channels = (Input.ReminderChannels ?? []).Where(ReminderConsent.IsChannel).ToList();
        if (Input.RemindersConsent == true && channels.Count == 0)
        {
            ModelState.AddModelError("Input.ReminderChannels", text["ConsentNeedsChannel"]);
            return Page();
        }

        var today = clock.Today();
        var on = Features.Validation.Input.Date(Input.ConsentOn) is { } d && d <= today ? d : today;
        ReminderConsent.Apply(worker, Input.RemindersConsent, channels, on, ReminderConsent.IsLanguage(Input.PreferredLanguage) ? Input.PreferredLanguage : null, today);
        db.AuditReason = text["ConsentReason"];
        await db.SaveChangesAsync(ct);
        return Redirect($"/Workers/{id}#consent");
    }

    public sealed class ConsentInput
    {
        public bool? RemindersConsent { get; set; }

        public List<string>? ReminderChannels { get; set; }

        public string? ConsentOn { get; set; }

        public string? PreferredLanguage { get; set; }
    }
}
