using MigrantCover.Web.Features.Messaging;

namespace MigrantCover.Web.Tests.Messaging;

/// <summary>Workers who consented (or not) to reminders, in each cover situation the scan looks at.</summary>
public static class MessagingArrange
{
    public const string OwnPhone = "+6281234567890";

    public static DateOnly Today => DateOnly.FromDateTime(AppFactory.DefaultNow.ToOffset(OfficeTime.Wib).DateTime);

    /// <summary>A worker with the consent given (channels "email sms", ...) or not (null).</summary>
    public static Worker Worker(string? channels, string language = "id", string? email = "keep")
    {
        var w = TestData.Worker();
        w.Phone = OwnPhone;
        if (email != "keep")
        {
            w.Email = email;
        }

        w.RemindersConsent = channels is not null;
        w.ReminderChannels = channels;
        w.ConsentOn = channels is null ? null : w.RegisteredOn;
        w.PreferredLanguage = language;
        return w;
    }

    public static Payment Pay(Worker w, PaymentKind kind, DateOnly paidOn, long amount = 37_500)
    {
        var p = TestData.Payment(w.Id, kind, amount, paidOn);
        w.Payments.Add(p);
        return p;
    }

    /// <summary>R-COV-1: a candidate whose pre-placement payment on <paramref name="paidOn"/> covers them to paidOn + 5 months − 1 day.</summary>
    public static Worker Candidate(Worker w, DateOnly paidOn)
    {
        w.RegisteredOn = paidOn.AddDays(-3);
        w.PlacementAgreementSignedOn = w.RegisteredOn.AddDays(-1);
        Pay(w, PaymentKind.PrePlacement, paidOn);
        WorkerCoverage.Refresh(w, Today);
        return w;
    }

    /// <summary>R-COV-4: departed on <paramref name="departedOn"/> for <paramref name="months"/>, placement paid before.</summary>
    public static Worker Placed(Worker w, DateOnly departedOn, int months)
    {
        w.RegisteredOn = departedOn.AddDays(-40);
        w.PlacementAgreementSignedOn = w.RegisteredOn.AddDays(-1);
        w.ContractMonths = months;
        Pay(w, PaymentKind.Placement, departedOn.AddDays(-20), 1_500_000);
        w.Stage = Stage.Placed;
        w.DepartedOn = departedOn;
        WorkerCoverage.Refresh(w, Today);
        return w;
    }

    /// <summary>R-COV-6: returned on <paramref name="arrivedOn"/>; post-placement runs to arrivedOn + 29 days.</summary>
    public static Worker Returned(Worker w, DateOnly departedOn, DateOnly arrivedOn)
    {
        Placed(w, departedOn, 12);
        w.Stage = Stage.Returned;
        w.ArrivedOn = arrivedOn;
        WorkerCoverage.Refresh(w, Today);
        return w;
    }

    /// <summary>
    /// Saves the workers with their payments; the receipts those payments queued are removed, as these
    /// workers' payments stand for the past (the receipt of a payment recorded now is tested on its own).
    /// </summary>
    public static async Task ArrangeAsync(AppFactory factory, params Worker[] workers)
    {
        await factory.AddAsync(workers);
        var ids = workers.Select(w => w.Id).ToList();
        await factory.WithDbAsync(db => db.OutboxMessages.Where(m => ids.Contains(m.WorkerId) && m.Kind == MessageKind.PaymentReceipt).ExecuteDeleteAsync());
    }

    public static Task<List<OutboxMessage>> MessagesAsync(AppFactory factory, IEnumerable<Guid> workers)
    {
        var ids = workers.ToList();
        return factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => ids.Contains(m.WorkerId)).OrderBy(m => m.Id).ToListAsync());
    }

    public static async Task<int> ScanAsync(AppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderScan>().RunAsync();
    }

    public static async Task<int> DispatchAsync(AppFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MessageDispatcher>().RunAsync();
    }
}
