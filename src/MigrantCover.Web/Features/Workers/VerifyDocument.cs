using Microsoft.EntityFrameworkCore;
using MigrantCover.Domain;
using MigrantCover.Web.Data;
using MigrantCover.Web.Data.Entities;

namespace MigrantCover.Web.Features.Workers;

/// <summary>Recording one of the eight R-DOC-1 documents as verified (or not), with who, when and a reference.</summary>
public static class VerifyDocument
{
    public sealed record Request
    {
        public bool? Verified { get; set; }

        public string? Reference { get; set; }

        public string? PassportNumber { get; set; }

        /// <summary>Set after the officer has seen that another worker has this passport number and confirmed.</summary>
        public bool? ConfirmDuplicate { get; set; }
    }

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Outcome<Worker>> HandleAsync(Guid id, string? type, Request request, CancellationToken ct = default)
        {
            if (type is null || type.Length > 40 || !Codes.TryParse<DocumentType>(type, out var documentType))
            {
                return Outcome<Worker>.NotFound();
            }

            var worker = await WorkerQueries.LoadAsync(db, id, ct);
            if (worker is null)
            {
                return Outcome<Worker>.NotFound();
            }

            var reader = new InputReader();
            var verified = request.Verified ?? false;
            if (request.Verified is null)
            {
                reader.Add("verified", Say.Required("verified"));
            }

            var reference = reader.Text(request.Reference, "reference", 100);
            string? passport = null;
            if (documentType == DocumentType.Passport && verified)
            {
                // R-DOC-2: the passport number is recorded with the passport.
                passport = PassportNumber.Normalize(request.PassportNumber is { Length: > 40 } ? request.PassportNumber[..40] : request.PassportNumber);
                if (PassportNumber.Check(passport) is { } failure)
                {
                    reader.Add(failure);
                }
            }

            if (reader.HasErrors)
            {
                return Outcome<Worker>.Invalid(reader.Errors);
            }

            // A possible duplicate: another worker already holds this passport number (one person, one passport).
            if (passport is not null && passport != worker.PassportNumber && request.ConfirmDuplicate != true)
            {
                var candidates = await db.Workers.Where(w => w.PassportNumber == passport && w.Id != worker.Id)
                    .OrderBy(w => w.Id).Select(w => w.Id).Take(20).ToListAsync(ct);
                if (candidates.Count > 0)
                {
                    var message = Say.T(
                        "Nomor paspor ini sudah tercatat pada pekerja lain. Periksa apakah orang yang sama atau salah ketik; jika benar, konfirmasi lalu simpan lagi.",
                        "This passport number is already recorded for another worker. Check whether it is the same person or a typing error; if it is right, confirm and save again.");
                    return Outcome<Worker>.Conflict(
                        message,
                        [new FieldError("passportNumber", message)],
                        new Dictionary<string, object?> { ["candidates"] = candidates });
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
            record.Reference = reference;
            record.VerifiedAt = clock.GetUtcNow();
            record.VerifiedBy = db.Actor.Name;
            if (passport is not null)
            {
                worker.PassportNumber = passport;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Outcome<Worker>.Conflict(Say.Stale());
            }

            return Outcome<Worker>.Ok(worker);
        }
    }
}
