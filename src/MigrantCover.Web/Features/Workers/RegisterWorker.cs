using System.Net.Mail;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using MigrantCover.Domain;
using MigrantCover.Web.Data;
using MigrantCover.Web.Data.Entities;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Workers;

/// <summary>Registering a candidate (R-REG-1 and everything Registration.Check enforces), for the page and the API.</summary>
public static class RegisterWorker
{
    /// <summary>
    /// The register body of the API contract. Dates and codes are text so that a wrong one gets a
    /// message next to its field ("not a real date") instead of a generic bad-body answer.
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

        /// <summary>Set after the officer has seen the possible duplicates and confirmed it is another person.</summary>
        public bool? ConfirmDuplicate { get; set; }
    }

    /// <summary>The typed values of a request that passed validation.</summary>
    public sealed record Parsed(RegistrationFacts Facts, string Nik, string FullName, string PlaceOfBirth, string Address, string Occupation, DateOnly RegisteredOn);

    /// <summary>Reads the text of the request; format problems go to <paramref name="reader"/>.</summary>
    public static RegistrationFacts Read(Request r, InputReader reader)
    {
        var email = reader.Text(r.Email, "email", 254);
        if (email is not null && !MailAddress.TryCreate(email, out _))
        {
            reader.Add("email", Say.T("Alamat email tidak valid. Contoh: nama@contoh.id.", "The e-mail address is not valid. Example: name@example.id."));
        }

        var phone = reader.Text(r.Phone, "phone", 20);
        if (phone is not null && !IsPhone(phone))
        {
            reader.Add("phone", Say.T(
                "Nomor telepon hanya berisi angka, boleh diawali +, 6 sampai 20 karakter. Contoh: +6281234567890.",
                "A phone number has only digits, optionally starting with +, 6 to 20 characters. Example: +6281234567890."));
        }

        return new RegistrationFacts
        {
            Nik = Bounded(r.Nik, 40),
            FamilyCardNumber = Bounded(r.FamilyCardNumber, 40),
            FullName = reader.Text(r.FullName, "fullName", 150, required: true),
            Sex = reader.Code<Sex>(r.Sex, "sex"),
            DateOfBirth = reader.Date(r.DateOfBirth, "dateOfBirth"),
            PlaceOfBirth = reader.Text(r.PlaceOfBirth, "placeOfBirth", 100, required: true),
            Address = reader.Text(r.Address, "address", 300, required: true),
            Phone = phone,
            Email = email,
            Purpose = reader.Code<Purpose>(r.Purpose, "purpose"),
            Category = reader.Code<Category>(r.Category, "category"),
            Scheme = reader.Code<Scheme>(r.Scheme, "scheme"),
            AgencyName = reader.Text(r.AgencyName, "agencyName", 150),
            AgencyLicence = reader.Text(r.AgencyLicence, "agencyLicence", 60),
            DestinationCountry = Bounded(r.DestinationCountry, 10),
            Occupation = reader.Text(r.Occupation, "occupation", 100, required: true),
            EmployerName = reader.Text(r.EmployerName, "employerName", 150),
            ContractMonths = r.ContractMonths,
            PlacementAgreementSignedOn = reader.Date(r.PlacementAgreementSignedOn, "placementAgreementSignedOn"),
            RegisteredOn = reader.Date(r.RegisteredOn, "registeredOn"),
        };
    }

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

    private static string? Bounded(string? value, int max) => value is { Length: > 0 } v && v.Length > max ? v[..max] + "?" : value;

    private static bool IsPhone(string s)
    {
        var start = s[0] == '+' ? 1 : 0;
        var digits = 0;
        for (var i = start; i < s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i]))
            {
                digits++;
            }
            else if (s[i] is not (' ' or '-'))
            {
                return false;
            }
        }

        return digits is >= 6 and <= 15;
    }

    /// <summary>
    /// The server's authority on a registration: every rule of Registration.Check, each failure on its
    /// field in the request's language, with its rule ID as the error code.
    /// </summary>
    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator(AppDbContext db, TimeProvider clock)
        {
            RuleFor(r => r).CustomAsync(async (request, context, ct) =>
            {
                var today = clock.Today();
                var reader = new InputReader();
                var facts = Read(request, reader);
                foreach (var failure in Registration.Check(facts, today, await WorkerQueries.RestrictionsAsync(db, ct)))
                {
                    reader.Add(failure);
                }

                foreach (var e in reader.Errors)
                {
                    context.AddFailure(new ValidationFailure(e.Field, e.Message) { ErrorCode = e.RuleId });
                }
            });
        }
    }

    public static IReadOnlyList<FieldError> ToErrors(ValidationResult result) =>
        [.. result.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage, string.IsNullOrEmpty(e.ErrorCode) || e.ErrorCode.EndsWith("Validator", StringComparison.Ordinal) ? null : e.ErrorCode))];

    public sealed class Handler(AppDbContext db, IValidator<Request> validator, TimeProvider clock)
    {
        public async Task<Outcome<Worker>> HandleAsync(Request request, CancellationToken ct = default)
        {
            var validation = await validator.ValidateAsync(request, ct);
            if (!validation.IsValid)
            {
                return Outcome<Worker>.Invalid(ToErrors(validation));
            }

            var today = clock.Today();
            var facts = Read(request, new InputReader());
            var nik = facts.Nik!.Trim();
            if (await ExistingAsync(nik, ct) is { } existing)
            {
                return existing;
            }

            // A possible duplicate: the same person under another NIK (same name and date of birth).
            if (request.ConfirmDuplicate != true)
            {
                var nameKey = Worker.NameKeyOf(facts.FullName!);
                var dob = facts.DateOfBirth!.Value;
                var candidates = await db.Workers.Where(w => w.NameKey == nameKey && w.DateOfBirth == dob)
                    .OrderBy(w => w.Id).Select(w => w.Id).Take(20).ToListAsync(ct);
                if (candidates.Count > 0)
                {
                    var message = Say.T(
                        "Sudah ada pekerja dengan nama dan tanggal lahir yang sama. Periksa apakah orang yang sama; jika bukan, konfirmasi lalu simpan lagi.",
                        "A worker with the same name and date of birth exists. Check whether it is the same person; if not, confirm and save again.");
                    return Outcome<Worker>.Conflict(
                        message,
                        [new FieldError("confirmDuplicate", message)],
                        new Dictionary<string, object?> { ["candidates"] = candidates });
                }
            }

            var worker = new Worker { Id = Guid.CreateVersion7(), Stage = Stage.Candidate };
            Apply(facts, worker, today);
            worker.StageEvents.Add(new StageEvent
            {
                Id = Guid.CreateVersion7(),
                WorkerId = worker.Id,
                Kind = StageEventKind.Registration,
                FromStage = null,
                ToStage = Stage.Candidate,
                OccurredOn = worker.RegisteredOn,
                RecordedAt = clock.GetUtcNow(),
                RecordedBy = db.Actor.Name,
            });
            WorkerCoverage.Refresh(worker, today);
            db.Workers.Add(worker);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another officer registered the same NIK a moment ago (R-NIK-4, unique index).
                db.ChangeTracker.Clear();
                if (await ExistingAsync(nik, ct) is { } raced)
                {
                    return raced;
                }

                throw;
            }

            return Outcome<Worker>.Created(worker);
        }

        private async Task<Outcome<Worker>?> ExistingAsync(string nik, CancellationToken ct)
        {
            // R-NIK-4: one NIK, one worker; the officer is shown the existing record.
            var id = await db.Workers.Where(w => w.Nik == nik).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct);
            return id is null
                ? null
                : Outcome<Worker>.Conflict(
                    NikTaken(),
                    [new FieldError("nik", NikTaken(), "R-NIK-4")],
                    new Dictionary<string, object?> { ["id"] = id.Value });
        }
    }

    public static string NikTaken() => Say.T(
        "NIK ini sudah terdaftar (R-NIK-4: satu NIK, satu pekerja). Buka data pekerja yang sudah ada.",
        "This NIK is already registered (R-NIK-4: one NIK, one worker). Open the existing worker's record.");
}
