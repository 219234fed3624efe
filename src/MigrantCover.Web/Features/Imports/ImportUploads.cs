using System.Security.Cryptography;
using MigrantCover.Web.Infrastructure.Jobs;

namespace MigrantCover.Web.Features.Imports;

/// <summary>
/// Starting an import (the page and <c>POST /api/v1/imports</c>): the file is checked as a whole first
/// (a bad file is answered at once, nothing stored), stored once per content, and its import queued as a
/// background job. Sending a file whose import (not a dry run) is still queued or running answers that
/// import instead of a second one; a finished one is run again and finds every row already registered.
/// </summary>
public sealed class ImportUploads(AppDbContext db, BackgroundJobs jobs, ImportOptions options, TimeProvider clock)
{
    public sealed record Started(Import? Import, FileProblem? Problem);

    public async Task<Started> StartAsync(string? fileName, long length, Func<Stream> open, bool dryRun, CancellationToken ct)
    {
        if (fileName is null)
        {
            return new(null, FileProblem.Bad("file.missing"));
        }

        if (length > options.MaxFileBytes)
        {
            return new(null, new FileProblem("file.too-large", StatusCodes.Status413PayloadTooLarge, Mb(options.MaxFileBytes)));
        }

        var format = ImportFiles.FormatOf(fileName);
        if (format is null)
        {
            return new(null, FileProblem.Bad("file.extension"));
        }

        if (length == 0)
        {
            return new(null, FileProblem.Bad("file.empty"));
        }

        byte[] content;
        await using (var stream = open())
        {
            using var buffer = new MemoryStream((int)length);
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }

        if (ImportFiles.Inspect(format, content, options, out var rows) is { } problem)
        {
            return new(null, problem);
        }

        var file = await StoreAsync(content, ct);
        return new(await QueueAsync(file.Id, Path.GetFileName(fileName), format, rows, dryRun, ct), null);
    }

    /// <summary>Commits a finished dry run: the same file, imported for real.</summary>
    public async Task<Import?> CommitAsync(long dryRunId, CancellationToken ct)
    {
        var dry = await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == dryRunId && i.DryRun && i.State == ImportStates.Done, ct);
        return dry is null ? null : await QueueAsync(dry.FileId, dry.FileName, dry.Format, dry.TotalRows, dryRun: false, ct);
    }

    private async Task<Import> QueueAsync(long fileId, string fileName, string format, int rows, bool dryRun, CancellationToken ct)
    {
        if (!dryRun && await db.Imports.AsNoTracking()
                .Where(i => i.FileId == fileId && !i.DryRun && (i.State == ImportStates.Queued || i.State == ImportStates.Running))
                .OrderBy(i => i.Id).FirstOrDefaultAsync(ct) is { } pending)
        {
            return pending;
        }

        var import = new Import
        {
            FileId = fileId,
            FileName = fileName.Length > 200 ? fileName[^200..] : fileName,
            Format = format,
            DryRun = dryRun,
            TotalRows = rows,
            CreatedById = db.Actor.Id,
            CreatedByName = db.Actor.Name,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Imports.Add(import);
        await db.SaveChangesAsync(ct);
        await jobs.EnqueueAsync<ImportJob, ImportInput>(ImportJob.Key(import.Id), new ImportInput(import.Id), ct);
        return import;
    }

    private async Task<ImportFile> StoreAsync(byte[] content, CancellationToken ct)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        if (await db.ImportFiles.AsNoTracking().Where(f => f.Sha256 == hash).Select(f => new ImportFile { Id = f.Id, Sha256 = f.Sha256 }).SingleOrDefaultAsync(ct) is { } known)
        {
            return known;
        }

        var file = new ImportFile { Sha256 = hash, Content = content, CreatedAt = clock.GetUtcNow() };
        db.ImportFiles.Add(file);
        try
        {
            await db.SaveChangesAsync(ct);
            return file;
        }
        catch (DbUpdateException)
        {
            // The same file, stored a moment ago by another request.
            db.ChangeTracker.Clear();
            return await db.ImportFiles.AsNoTracking().Where(f => f.Sha256 == hash).Select(f => new ImportFile { Id = f.Id, Sha256 = f.Sha256 }).SingleAsync(ct);
        }
    }

    private static string Mb(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);
}
