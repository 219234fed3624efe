using MigrantCover.Web.Features.Imports;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>One import: its progress (polled by wwwroot/js/import.js; the page also reads without it), summary, refused rows, possible duplicates, commit of a dry run, the error report.</summary>
public sealed class ImportDetailsModel(AppDbContext db, ImportUploads uploads, TimeProvider clock) : FormPageModel
{
    /// <summary>How many refused fields the page lists (the report has them all).</summary>
    public const int Shown = 200;

    public Import Import { get; private set; } = null!;

    public ImportReports.Status Status { get; private set; } = null!;

    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public int ErrorCount { get; private set; }

    public IReadOnlyList<ImportDuplicate> Duplicates { get; private set; } = [];

    /// <summary>For a dry run: the import that registered its rows, once committed.</summary>
    public long? CommittedAs { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is not { } import)
        {
            return NotFound();
        }

        Import = import;
        Status = ImportReports.Of(import, clock.GetUtcNow());
        Errors = await ImportReports.ErrorsOf(db, id).Take(Shown).ToListAsync(ct);
        ErrorCount = await db.ImportErrors.CountAsync(e => e.ImportId == id, ct);
        Duplicates = await db.ImportDuplicates.AsNoTracking().Where(d => d.ImportId == id).OrderBy(d => d.Line).Take(Shown).ToListAsync(ct);
        if (import.DryRun)
        {
            CommittedAs = await db.Imports.Where(i => i.FileId == import.FileId && !i.DryRun && i.Id > import.Id).OrderBy(i => i.Id).Select(i => (long?)i.Id).FirstOrDefaultAsync(ct);
        }

        return Page();
    }

    /// <summary>The import's state as JSON, for the progress bar (same shape as GET /api/v1/imports/{id}).</summary>
    public async Task<IActionResult> OnGetProgressAsync(long id, CancellationToken ct) =>
        await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } import
            ? new JsonResult(ImportReports.Of(import, clock.GetUtcNow()))
            : NotFound();

    public async Task<IActionResult> OnGetErrorsAsync(long id, string? format, CancellationToken ct)
    {
        if (!await db.Imports.AnyAsync(i => i.Id == id, ct))
        {
            return NotFound();
        }

        var output = new MemoryStream();
        var errors = ImportReports.ErrorsOf(db, id).AsAsyncEnumerable();
        if (format == "xlsx")
        {
            await ImportReports.WriteXlsxAsync(errors, output, ct);
            output.Position = 0;
            return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"import-{id}-errors.xlsx");
        }

        await ImportReports.WriteCsvAsync(errors, output, ct);
        output.Position = 0;
        return File(output, "text/csv; charset=utf-8", $"import-{id}-errors.csv");
    }

    public async Task<IActionResult> OnPostCommitAsync(long id, CancellationToken ct) =>
        await uploads.CommitAsync(id, ct) is { } committed ? Redirect($"/Workers/Import/{committed.Id}") : Redirect($"/Workers/Import/{id}");
}
