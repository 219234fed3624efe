using Microsoft.AspNetCore.Authorization;
using MigrantCover.Web.Features.Messaging;
using MigrantCover.Web.Features.PublicCoverage;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Reminders;

/// <summary>
/// The "stop these messages" link of every message (UU 27/2022): no sign-in, a signed expiring token
/// (<see cref="UnsubscribeTokens"/>). The link only shows a button, so that a mail scanner opening it stops
/// nothing; the POST withdraws the consent, audited, and every queued message of the worker is cancelled.
/// </summary>
[AllowAnonymous]
public sealed class StopModel(AppDbContext db, UnsubscribeTokens tokens, TimeProvider clock, IStringLocalizer<MessagesResource> text) : FormPageModel
{
    public string? Refusal { get; private set; }

    public bool Done { get; private set; }

    public IActionResult OnGet(string token)
    {
        Check(token);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var check = Check(token);
        if (check.State != TokenState.Valid)
        {
            return Page();
        }

        if (await db.Workers.FirstOrDefaultAsync(w => w.Id == check.WorkerId, ct) is { } worker)
        {
            ReminderConsent.Withdraw(worker, clock.Today());
            db.AuditReason = text["StopReason"];
            await db.SaveChangesAsync(ct);
            await db.OutboxMessages
                .Where(m => m.WorkerId == worker.Id && m.State == MessageState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MessageState.Cancelled).SetProperty(m => m.LastError, "no consent"), ct);
        }

        Done = true;
        return Page();
    }

    private TokenCheck Check(string token)
    {
        var check = tokens.Check(token);
        if (check.State != TokenState.Valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Refusal = check.State == TokenState.Expired ? text["StopExpired"] : text["StopInvalid"];
        }

        return check;
    }
}
