using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Features.Workers;

/// <summary>Recording one of the eight R-DOC-1 documents as verified (or not), with who, when and a reference.</summary>
public static class VerifyDocument
{
    /// <summary>
    /// A document's verification; <c>confirmDuplicate</c> is set after the officer has seen that another
    /// worker has this passport number and confirmed.
    /// </summary>
    public sealed record Request(bool? Verified = null, string? Reference = null, string? PassportNumber = null, bool? ConfirmDuplicate = null);

    public sealed class Validator : AbstractValidator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Verified).Required();
            RuleFor(r => r.Reference).Text(100);
        }
    }

    public sealed class Handler(AppDbContext db, IValidator<Request> validator, TimeProvider clock)
    {
        public async Task<Outcome<Worker>> HandleAsync(Guid id, string? type, Request request, CancellationToken ct = default)
        {
            if (Input.Code<DocumentType>(type) is not { } documentType)
            {
                return Outcome<Worker>.NotFound();
            }

            var worker = await WorkerQueries.LoadAsync(db, id, ct);
            if (worker is null)
            {
                return Outcome<Worker>.NotFound();
            }

            var failures = validator.Check(request);
            var verified = request.Verified ?? false;
            string? passport = null;
            if (documentType == DocumentType.Passport && verified)
            {
                // R-DOC-2: the passport number is recorded with the passport.
                passport = PassportNumber.Normalize(request.PassportNumber is { Length: > 40 } ? request.PassportNumber[..40] : request.PassportNumber);
                failures = RuleBook.After(failures, PassportNumber.Check(passport) is { } failure ? [failure] : []);
            }

            if (failures.Count > 0)
            {
                return Outcome<Worker>.Invalid(failures);
            }

            // A possible duplicate: another worker already holds this passport number (one person, one passport).
            if (passport is not null && passport != worker.PassportNumber && request.ConfirmDuplicate != true)
            {
                var holders = db.Workers.Where(w => w.PassportNumber == passport && w.Id != worker.Id);
                if (await PossibleDuplicates.FindAsync(holders, "passportNumber", "duplicate.passport", ct) is { } duplicate)
                {
                    return duplicate;
                }
            }

            var record = worker.Documents.SingleOrDefault(d => d.Type == documentType);
            if (record is null)
            {
                record = new DocumentVerification { Id = Guid.CreateVersion7(), WorkerId = worker.Id, Type = documentType };
                worker.Documents.Add(record);
            }

            // R-DOC-1: each record keeps who verified it and when.
            record.Verified = verified;
            record.Reference = Input.Text(request.Reference);
            record.VerifiedAt = clock.GetUtcNow();
            record.VerifiedBy = db.Actor.Name;
            if (passport is not null)
            {
                worker.PassportNumber = passport;
            }

            return await WorkerSaves.SaveAsync<DbUpdateException>(db, worker, ct);
        }
    }
}
