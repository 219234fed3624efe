using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using MigrantCover.Web.Features.Imports;
using MigrantCover.Web.Features.Messaging;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Demo;

/// <summary>Development only: the demo accounts and a demo population. Idempotent: a restart adds nothing.</summary>
public static class DemoSeeder
{
    public static async Task SeedAsync(IServiceProvider services, int? workers = null)
    {
        await SeedAccountsAsync(services);
        await SeedPopulationAsync(services, workers);
        await SeedImportAsync(services);
    }

    /// <summary>
    /// Development start-up: the accounts at once, the population in the background, so the sign-in
    /// page answers while the demo workers are being written.
    /// </summary>
    public static async Task SeedForDevelopmentAsync(WebApplication app)
    {
        await SeedAccountsAsync(app.Services);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MigrantCover.DemoSeeder");
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(async () =>
        {
            try
            {
                await SeedPopulationAsync(app.Services, null, app.Lifetime.ApplicationStopping);
                await SeedImportAsync(app.Services, app.Lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (ex is OperationCanceledException or DbUpdateException or InvalidOperationException)
            {
                logger.LogWarning("Demo population not seeded: {ExceptionType}", ex.GetType().Name);
            }
        }));
    }

    public static async Task SeedAccountsAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var clock = sp.GetRequiredService<TimeProvider>();
        await StaffAccounts.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        await OfficeCatalog.SeedAsync(sp.GetRequiredService<AppDbContext>(), clock);
        if (await users.FindByEmailAsync(DemoAccounts.OfficerEmail) is null)
        {
            await StaffAccounts.CreateAsync(users, clock, DemoAccounts.OfficerEmail, "Petugas Demo", DemoAccounts.OfficerPassword, Roles.Officer, OfficeCatalog.DemoOfficerOffice);
        }
        else if (await users.FindByEmailAsync(DemoAccounts.OfficerEmail) is { OfficeCode: null } officer)
        {
            // A demo database from before offices: the officer gets the demo office.
            officer.OfficeCode = OfficeCatalog.DemoOfficerOffice;
            await users.UpdateAsync(officer);
        }

        if (await users.FindByEmailAsync(DemoAccounts.AdminEmail) is null)
        {
            await StaffAccounts.CreateAsync(users, clock, DemoAccounts.AdminEmail, "Admin Demo", DemoAccounts.AdminPassword, Roles.Admin);
        }
    }

    public static async Task SeedPopulationAsync(IServiceProvider services, int? workers, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var clock = sp.GetRequiredService<TimeProvider>();
        var config = sp.GetRequiredService<IConfiguration>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("MigrantCover.DemoSeeder");
        var db = sp.GetRequiredService<AppDbContext>();
        var count = workers ?? config.GetValue("Seed:DemoWorkers", 0);
        if (count <= 0 || await db.Workers.AnyAsync(ct))
        {
            return;
        }

        var today = clock.Today();
        var population = new DemoPopulation(today);
        var generated = population.Generate(count).ToList();

        // The counters first: a number issued while the demo loads (or after a stop halfway) comes after
        // the demo's. Then one transaction per chunk, so that on SQLite (one writer at a time) a sign-in or a
        // registration waits for one chunk at most, never for the whole load.
        foreach (var (year, last) in population.Sequences)
        {
            db.MembershipCounters.Add(new MembershipCounter { Year = year, LastSequence = last });
        }

        await db.SaveChangesAsync(ct);

        // Heirs and claims (issue 16): verified by the demo officer, approved by the demo admin (four eyes),
        // each named as a request names its account in the audit (its id and e-mail, HttpAuditActor).
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        var officer = await users.FindByEmailAsync(DemoAccounts.OfficerEmail);
        var admin = await users.FindByEmailAsync(DemoAccounts.AdminEmail);
        var now = clock.GetUtcNow();
        var recorder = officer is null ? null : new DemoClaims.Staff(officer.Id, officer.Email ?? DemoAccounts.OfficerEmail);
        var claims = recorder is null || admin is null ? null
            : new DemoClaims(today, recorder, new(admin.Id, admin.Email ?? DemoAccounts.AdminEmail), now: now);
        var (heirCount, claimCount) = (0, 0);
        for (var i = 0; i < generated.Count; i += ConsentEvery)
        {
            GiveConsent(generated[i], i / ConsentEvery);
        }

        foreach (var chunk in generated.Chunk(200))
        {
            foreach (var w in chunk)
            {
                w.OfficeCode ??= OfficeCatalog.For(w.Nik[..4]);
                claims?.Add(w);
                if (recorder is null)
                {
                    db.Workers.Add(w);
                }
                else
                {
                    AddAsRecorded(db, w, recorder, now);
                }
            }

            if (claims is not null)
            {
                foreach (var h in claims.Heirs)
                {
                    // Recorded with the registration, by its account (as RegisterWorker saves them).
                    h.CreatedAt = Min(h.CreatedAt, now);
                    db.AddMade(h, recorder!, h.CreatedAt);
                }

                // Each claim with its history, audited step by step as the requests of its steps would be.
                foreach (var (claim, history) in claims.Histories)
                {
                    db.AddClaim(claim, history);
                }

                (heirCount, claimCount) = (heirCount + claims.Heirs.Count, claimCount + claims.Histories.Count);
                claims.Heirs.Clear();
                claims.Claims.Clear();
                claims.Histories.Clear();
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Seeded {Count} demo workers, {Heirs} heirs, {Claims} claims", count, heirCount, claimCount);
        await SeedMessagesAsync(sp, today, ct);
    }

    /// <summary>
    /// A demo worker as the demo officer's requests would have recorded her, by his account (its id and
    /// e-mail, HttpAuditActor): the registration at its time, then each stage event, payment and document
    /// check at its own time, never after now; each audited by the code that audits every save
    /// (<see cref="AppDbContext.AddMade"/>), and "recorded by" him as those requests store it.
    /// </summary>
    private static void AddAsRecorded(AppDbContext db, Worker w, DemoClaims.Staff by, DateTimeOffset now)
    {
        var registered = Min(w.StageEvents.First(e => e.Kind == StageEventKind.Registration).RecordedAt, now);
        db.AddMade(w, by, registered);
        foreach (var s in w.StageEvents)
        {
            (s.RecordedAt, s.RecordedBy) = (Min(s.RecordedAt, now), by.Name);
            db.AddMade(s, by, s.RecordedAt);
        }

        foreach (var p in w.Payments)
        {
            (p.RecordedAt, p.RecordedBy) = (Min(p.RecordedAt, now), by.Name);
            db.AddMade(p, by, p.RecordedAt);
        }

        foreach (var d in w.Documents)
        {
            (d.VerifiedAt, d.VerifiedBy) = (Min(d.VerifiedAt, now), by.Name);
            db.AddMade(d, by, d.VerifiedAt);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>One demo worker in this many agreed to reminders at registration.</summary>
    private const int ConsentEvery = 20;

    // Consent on a few channels and both languages; an e-mail address where e-mail was chosen (the demo
    // population has none otherwise). The receipts of their payments are queued by the same save (Outbox).
    private static void GiveConsent(Worker w, int n)
    {
        var channels = (n % 4) switch { 0 => "email", 1 => "sms", 2 => "email whatsapp", _ => "whatsapp" };
        w.RemindersConsent = true;
        w.ReminderChannels = channels;
        w.ConsentOn = w.RegisteredOn;
        w.PreferredLanguage = n % 3 == 0 ? "en" : "id";
        if (channels.Contains("email", StringComparison.Ordinal))
        {
            w.Email ??= $"pekerja{n + 1}@demo.migrantcover.id";
        }
    }

    /// <summary>
    /// The demo outbox, through the real code (decision 0022): the daily scan queues the reminders due
    /// today; a provider that refuses everything makes a few messages fail for good and a few wait for
    /// their retry; one worker withdraws consent, so the dispatcher cancels hers; the local outbox sends
    /// the rest. /Admin/Messages then shows every state and kind.
    /// </summary>
    private static async Task SeedMessagesAsync(IServiceProvider sp, DateOnly today, CancellationToken ct)
    {
        await sp.GetRequiredService<ReminderScan>().RunAsync(ct);
        var options = sp.GetRequiredService<MessagingOptions>();
        var refusing = new DemoRefusingProvider();
        MessageDispatcher Refused(int maxTries, int batch) => ActivatorUtilities.CreateInstance<MessageDispatcher>(
            sp,
            (IEmailTransport)refusing,
            (IMessageGateway)new DemoRefusingProvider(),
            new MessagingOptions { MaxTries = maxTries, BatchSize = batch, RetryDelay = options.RetryDelay, MaxRetryDelay = options.MaxRetryDelay, PublicBaseUrl = options.PublicBaseUrl });

        // The warnings these failures log are on purpose: say so first, so a newcomer does not go looking.
        sp.GetRequiredService<ILoggerFactory>().CreateLogger("MigrantCover.DemoSeeder").LogInformation(
            "Demo outbox: a few messages go through a demo provider that refuses everything, so /Admin/Messages shows failed and retried messages; the warnings below are expected");
        await Refused(maxTries: 1, batch: 6).RunAsync(ct);
        await Refused(maxTries: 5, batch: 6).RunAsync(ct);

        var db = sp.GetRequiredService<AppDbContext>();
        db.ChangeTracker.Clear();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var withdrawing = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.State == MessageState.Queued && m.NextAttemptAt <= now)
            .OrderByDescending(m => m.Id)
            .Select(m => (Guid?)m.WorkerId)
            .FirstOrDefaultAsync(ct);
        if (withdrawing is { } workerId)
        {
            var w = await db.Workers.SingleAsync(x => x.Id == workerId, ct);
            ReminderConsent.Withdraw(w, today);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        var dispatcher = sp.GetRequiredService<MessageDispatcher>();
        for (var round = 0; round < 50 && await dispatcher.RunAsync(ct) > 0; round++)
        {
        }
    }

    /// <summary>The demo's unreachable provider: every send is refused, as a provider that is down would.</summary>
    private sealed class DemoRefusingProvider : IEmailTransport, IMessageGateway
    {
        public string Via => "demo";

        public Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken) =>
            throw new DeliveryException("smtp 421");

        public Task SendAsync(MessageChannel channel, string to, string text, string reference, CancellationToken cancellationToken) =>
            throw new DeliveryException("gateway http 503");
    }

    /// <summary>The demo import's file name (docs/import.md): one finished import for a newcomer to look at.</summary>
    public const string DemoImportFileName = "contoh-p3mi-angkatan-1.csv";

    /// <summary>
    /// One finished import by the demo officer, run inline through the import job's own row path
    /// (<see cref="ImportJob"/>, the registration rules of every row): new candidates, a possible duplicate
    /// of a demo worker listed for review, a row already registered, and refused rows (R-NIK-4 on file and
    /// twice in the file, R-AGE-1, R-SCH-1, R-DST-1, a contract length in words). Once: not when any
    /// import exists, nor without demo workers.
    /// </summary>
    public static async Task SeedImportAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var on = await db.Workers.AsNoTracking().OrderBy(w => w.RegisteredOn).ThenBy(w => w.Id)
            .Select(w => new { w.Nik, w.FullName, w.DateOfBirth, w.Sex }).Take(3).ToListAsync(ct);
        if (on.Count < 3 || await db.Imports.AnyAsync(ct)
            || await sp.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(DemoAccounts.OfficerEmail) is not { } officer)
        {
            return;
        }

        var today = clock.Today();
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string NewNik(DateOnly dob, Sex sex, int serial) => Nik.Build("52", "03", "98", dob, sex, serial);
        var csv = new StringBuilder("nik,familyCardNumber,fullName,sex,dateOfBirth,placeOfBirth,address,purpose,category,scheme,agencyName,agencyLicence,destinationCountry,occupation,contractMonths,placementAgreementSignedOn\n");
        void Row(string nik, string name, Sex sex, DateOnly dob, string destination = "TW", string? agency = "PT Sinar Jaya Abadi", string months = "24") =>
            csv.Append(CultureInfo.InvariantCulture, $"{nik},{nik[..6]}2001980001,{name},{Codes.Of(sex)},{Iso(dob)},Selong,Jl. Pahlawan 12 Selong,work,domestic,agency,{agency},KEP.123/2024,{destination},pengasuh lansia,{months},{Iso(today.AddDays(-7))}\n");

        var twin = NewNik(new DateOnly(1999, 2, 14), Sex.Female, 10);
        Row(NewNik(new DateOnly(1998, 4, 12), Sex.Female, 1), "Sri Wahyuni", Sex.Female, new DateOnly(1998, 4, 12));
        Row(NewNik(new DateOnly(1996, 11, 3), Sex.Male, 2), "Agus Santoso", Sex.Male, new DateOnly(1996, 11, 3), destination: "KR");
        Row(NewNik(new DateOnly(2000, 6, 21), Sex.Female, 3), "Dewi Lestari", Sex.Female, new DateOnly(2000, 6, 21), destination: "HK");
        Row(NewNik(on[0].DateOfBirth, on[0].Sex, 4), on[0].FullName, on[0].Sex, on[0].DateOfBirth);
        Row(on[1].Nik, on[1].FullName, on[1].Sex, on[1].DateOfBirth);
        Row(on[2].Nik, "Ratna Kumalasari", on[2].Sex, on[2].DateOfBirth);
        Row(NewNik(today.AddYears(-16), Sex.Female, 5), "Nur Aini", Sex.Female, today.AddYears(-16));
        Row(NewNik(new DateOnly(1997, 8, 30), Sex.Female, 6), "Lilis Suryani", Sex.Female, new DateOnly(1997, 8, 30), agency: "");
        Row(NewNik(new DateOnly(1995, 1, 9), Sex.Female, 7), "Yuliana", Sex.Female, new DateOnly(1995, 1, 9), destination: "ID");
        Row(twin, "Wulan Sari", Sex.Female, new DateOnly(1999, 2, 14));
        Row(twin, "Wulan Sari Dewi", Sex.Female, new DateOnly(1999, 2, 14));
        Row(NewNik(new DateOnly(1994, 3, 17), Sex.Male, 8), "Bambang Irawan", Sex.Male, new DateOnly(1994, 3, 17), months: "dua tahun");

        var content = Encoding.UTF8.GetBytes(csv.ToString());
        var file = new ImportFile { Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), Content = content, CreatedAt = clock.GetUtcNow() };
        db.ImportFiles.Add(file);
        await db.SaveChangesAsync(ct);
        var import = new Import
        {
            FileId = file.Id,
            FileName = DemoImportFileName,
            Format = "csv",
            TotalRows = 12,
            CreatedById = officer.Id,
            CreatedByName = officer.DisplayName,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync(ct);
        await ActivatorUtilities.CreateInstance<ImportJob>(sp).RunAsync(import.Id, ct);
        sp.GetRequiredService<ILoggerFactory>().CreateLogger("MigrantCover.DemoSeeder").LogInformation("Seeded demo import {ImportId}", import.Id);
    }
}
