using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Workers;

/// <summary>
/// Registering a candidate (R-REG-1 and everything Registration.Check enforces): the one path for the
/// page, the API and, row by row, a bulk import.
/// </summary>
public static class RegisterWorker
{
    /// <summary>
    /// The register body (docs/api.md). Dates and codes are text so that a wrong one gets a message next
    /// to its field ("not a real date") instead of a generic bad-body answer.
    /// </summary>
    public record Request
    {
        public string? Nik { get; set; }

        public string? FamilyCardNumber { get; set; }

        public string? FullName { get; set; }

        public string? Sex { get; set; }

        public string? DateOfBirth { get; set; }

        public string? PlaceOfBirth { get; set; }

        public string? Address { get; set; }

        public string? Phone { get; set; }

        public string? Email { get; set; }

        public string? Purpose { get; set; }

        public string? Category { get; set; }

        public string? Scheme { get; set; }

        public string? AgencyName { get; set; }

        public string? AgencyLicence { get; set; }

        public string? DestinationCountry { get; set; }

        public string? Occupation { get; set; }

        public string? EmployerName { get; set; }

        public int? ContractMonths { get; set; }

        public string? PlacementAgreementSignedOn { get; set; }

        public string? RegisteredOn { get; set; }

        /// <summary>R-HEIR-3: heirs named at registration (optional).</summary>
        public List<HeirInput?>? Heirs { get; set; }
        /// <summary>Whether the worker agrees to reminders (UU 27/2022); absent means no.</summary>
        public bool? RemindersConsent { get; set; }

        /// <summary>The consented channels: "email", "sms", "whatsapp".</summary>
        public List<string>? ReminderChannels { get; set; }

        /// <summary>The day consent was given; default: the day of registration.</summary>
        public string? ConsentOn { get; set; }

        /// <summary>The language of the worker's messages: "id" (default) or "en".</summary>
        public string? PreferredLanguage { get; set; }

        /// <summary>Set after the officer has seen the possible duplicates and confirmed it is another person.</summary>
        public bool? ConfirmDuplicate { get; set; }

        /// <summary>The typed facts the rule book checks, read once; a value the validator refuses reads as missing.</summary>
        public RegistrationFacts ToFacts() => new()
        {
            Nik = Bounded(Nik, 40),
            FamilyCardNumber = Bounded(FamilyCardNumber, 40),
            FullName = Input.Text(FullName, Max.FullName),
            Sex = Input.Code<Sex>(Sex),
            DateOfBirth = Input.Date(DateOfBirth),
            PlaceOfBirth = Input.Text(PlaceOfBirth, Max.PlaceOfBirth),
            Address = Input.Text(Address, Max.Address),
            Phone = Input.Text(Phone, Max.Phone),
            Email = Input.Text(Email, Max.Email),
            Purpose = Input.Code<Purpose>(Purpose),
            Category = Input.Code<Category>(Category),
            Scheme = Input.Code<Scheme>(Scheme),
            AgencyName = Input.Text(AgencyName, Max.AgencyName),
            AgencyLicence = Input.Text(AgencyLicence, Max.AgencyLicence),
            DestinationCountry = Bounded(DestinationCountry, 10),
            Occupation = Input.Text(Occupation, Max.Occupation),
            EmployerName = Input.Text(EmployerName, Max.EmployerName),
            ContractMonths = ContractMonths,
            PlacementAgreementSignedOn = Input.Date(PlacementAgreementSignedOn),
            RegisteredOn = Input.Date(RegisteredOn),
        };

        // Identifiers and codes the rule book reads as given: an absurd length is cut, never echoed whole.
        private static string? Bounded(string? value, int max) => value is { Length: > 0 } v && v.Length > max ? v[..max] + "?" : value;
    }

    /// <summary>The longest text each plain field takes (the columns' lengths).</summary>
    public static class Max
    {
        public const int FullName = 150;
        public const int PlaceOfBirth = 100;
        public const int Address = 300;
        public const int Phone = 20;
        public const int Email = 254;
        public const int AgencyName = 150;
        public const int AgencyLicence = 60;
        public const int Occupation = 100;
        public const int EmployerName = 150;
    }

    /// <summary>The shape of a register body; its content is the rule book's (<see cref="CheckAsync"/>).</summary>
    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.FullName).Required().Name(Max.FullName);
            RuleFor(r => r.Sex).Code<Request, Sex>();
            RuleFor(r => r.DateOfBirth).IsoDate();
            RuleFor(r => r.PlaceOfBirth).Required().Name(Max.PlaceOfBirth);
            RuleFor(r => r.Address).Required().Text(Max.Address);
            RuleFor(r => r.Phone).Phone(Max.Phone);
            RuleFor(r => r.Email).Email(Max.Email);
            RuleFor(r => r.Purpose).Code<Request, Purpose>();
            RuleFor(r => r.Category).Code<Request, Category>();
            RuleFor(r => r.Scheme).Code<Request, Scheme>();
            RuleFor(r => r.AgencyName).Name(Max.AgencyName);
            RuleFor(r => r.AgencyLicence).Name(Max.AgencyLicence);
            RuleFor(r => r.Occupation).Required().Text(Max.Occupation);
            RuleFor(r => r.EmployerName).Name(Max.EmployerName);
            RuleFor(r => r.PlacementAgreementSignedOn).IsoDate();
            RuleFor(r => r.RegisteredOn).IsoDate();
            RuleFor(r => r.ConsentOn).IsoDate();
            RuleFor(r => r.PreferredLanguage).Check((_, v) => ReminderConsent.IsLanguage(v), "code.unknown", (_, _) => [("allowed", ReminderConsent.Languages)]);
            RuleFor(r => r.ReminderChannels).Check((r, v) => r.RemindersConsent != true || v is { Count: > 0 }, "required", (_, field) => [("field", field)]);
            RuleForEach(r => r.ReminderChannels).Check((_, v) => ReminderConsent.IsChannel(v), "code.unknown", (_, _) => [("allowed", ReminderConsent.Channels)]);
        }
    }

    /// <summary>
    /// The server's authority on a registration or its correction: the input failures, then every rule
    /// of Registration.Check, each on its field with its rule ID.
    /// </summary>
    public static async Task<List<Failure>> CheckAsync(AppDbContext db, IReadOnlyList<Failure> input, RegistrationFacts facts, DateOnly today, CancellationToken ct) =>
        RuleBook.After(input, Registration.Check(facts, today, await WorkerQueries.RestrictionsAsync(db, ct)));

    /// <summary>R-NIK-4: one NIK, one worker; the conflict names the worker who has it (other than <paramref name="except"/>).</summary>
    public static async Task<Outcome<Worker>?> NikTakenAsync(AppDbContext db, string nik, Guid? except, CancellationToken ct)
    {
        var holders = db.Workers.Where(w => w.Nik == nik);
        if (except is { } self)
        {
            holders = holders.Where(w => w.Id != self);
        }

        var id = await holders.Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct);
        return id is { } holder ? NikTaken(holder) : null;
    }

    /// <summary>R-NIK-4: the conflict that names the worker <paramref name="holder"/> who has the NIK.</summary>
    public static Outcome<Worker> NikTaken(Guid holder) =>
        Outcome<Worker>.Conflict(Failure.Input("nik", "nik.taken") with { RuleId = "R-NIK-4" }) with { ExistingId = holder };

    /// <summary>Copies the registration facts onto the worker (new or corrected).</summary>
    public static void Apply(RegistrationFacts f, Worker w, DateOnly today)
    {
        w.Nik = f.Nik!.Trim();
        w.FamilyCardNumber = f.FamilyCardNumber!.Trim();
        w.FullName = f.FullName!;
        w.Sex = f.Sex!.Value;
        w.DateOfBirth = f.DateOfBirth!.Value;
        w.PlaceOfBirth = f.PlaceOfBirth!;
        w.Address = f.Address!;
        w.Phone = f.Phone;
        w.Email = f.Email;
        w.Purpose = f.Purpose!.Value;
        w.Category = f.Category!.Value;
        w.Scheme = f.Scheme!.Value;

        // R-SCH-1: only the agency scheme names an agency.
        w.AgencyName = f.Scheme == Domain.Scheme.Agency ? f.AgencyName : null;
        w.AgencyLicence = f.Scheme == Domain.Scheme.Agency ? f.AgencyLicence : null;
        w.DestinationCountry = f.DestinationCountry!.Trim();
        w.Occupation = f.Occupation!;
        w.EmployerName = f.EmployerName;
        w.ContractMonths = f.ContractMonths!.Value;
        w.PlacementAgreementSignedOn = f.PlacementAgreementSignedOn;
        w.RegisteredOn = f.RegisteredOn ?? today;
    }

    public sealed class Handler(AppDbContext db, IValidator<Request> validator, TimeProvider clock, IValidator<HeirInput>? heirValidator = null)
    {
        public async Task<Outcome<Worker>> HandleAsync(Request request, CancellationToken ct = default)
        {
            var today = clock.Today();
            var facts = request.ToFacts();
            var failures = await CheckAsync(db, validator.Check(request), facts, today, ct);
            failures.AddRange(HeirInput.CheckAll(request.Heirs, facts.Nik?.Trim(), today, heirValidator ?? new HeirInput.Validator()));
            if (failures.Count > 0)
            {
                return Outcome<Worker>.Invalid(failures);
            }

            // R-NIK-4 and the possible duplicates (same name and date of birth) in one query; with the
            // duplicates confirmed, the NIK is left to the unique index (the answer is the same, below).
            var nik = facts.Nik!.Trim();
            if (request.ConfirmDuplicate != true)
            {
                var nameKey = Worker.NameKeyOf(facts.FullName!);
                var dob = facts.DateOfBirth!.Value;
                var found = await db.Workers
                    .Where(w => w.Nik == nik || (w.NameKey == nameKey && w.DateOfBirth == dob))
                    .OrderBy(w => w.Nik == nik ? 0 : 1).ThenBy(w => w.Id)
                    .Select(w => new { w.Id, SameNik = w.Nik == nik })
                    .Take(PossibleDuplicates.Listed)
                    .ToListAsync(ct);
                if (found is [{ SameNik: true } holder, ..])
                {
                    return NikTaken(holder.Id);
                }

                // A possible duplicate: the same person under another NIK.
                if (found.Count > 0)
                {
                    return PossibleDuplicates.Of([.. found.Select(f => f.Id)], "confirmDuplicate", "duplicate.person");
                }
            }

            var worker = new Worker { Id = Guid.CreateVersion7(), Stage = Stage.Candidate };
            Apply(facts, worker, today);
            ReminderConsent.Apply(worker, request.RemindersConsent, request.ReminderChannels, Input.Date(request.ConsentOn), request.PreferredLanguage, today);
            worker.OfficeCode = await WorkerQueries.OfficeOfAsync(db, ct); // registered at the officer's office
            worker.StageEvents.Add(StageEvent.Of(worker, StageEventKind.Registration, null, Stage.Candidate, worker.RegisteredOn, clock.GetUtcNow(), db.Actor.Name));
            WorkerCoverage.Refresh(worker, today);
            db.Workers.Add(worker);
            db.Heirs.AddRange((request.Heirs ?? []).Select(h => HeirInput.NewHeir(h!, worker.Id, clock.GetUtcNow(), db.Actor.Name)));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another officer registered the same NIK a moment ago (R-NIK-4, unique index).
                db.ChangeTracker.Clear();
                if (await NikTakenAsync(db, nik, null, ct) is { } raced)
                {
                    return raced;
                }

                throw;
            }

            if (db.Database.CurrentTransaction is null)
            {
                // Not a row of an import (its batch transaction is open): those count as import rows.
                PortalMetrics.Registrations.Add(1);
            }

            return Outcome<Worker>.Created(worker);
        }
    }
}
