using MigrantCover.Web.Features.Imports;
using MigrantCover.Web.Resources;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>Bulk registration (docs/import.md): send a file (dry run first by default), the templates, the recent imports.</summary>
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class ImportModel(ImportUploads uploads, AppDbContext db, ImportOptions options, IStringLocalizer<ImportResource> text) : FormPageModel
{
    // The request limit of this page; the configured file limit (Imports:MaxFileBytes) is checked below it, with its message.
    private const long UploadLimit = 256L * 1024 * 1024;

    [BindProperty]
    public bool DryRun { get; set; } = true;

    public IReadOnlyList<Import> Recent { get; private set; } = [];

    public ImportOptions Options => options;

    public async Task OnGetAsync(CancellationToken ct) => Recent = await RecentAsync(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        var started = await uploads.StartAsync(file?.FileName, file?.Length ?? 0, () => file!.OpenReadStream(), DryRun, ct);
        if (started.Problem is { } problem)
        {
            ModelState.AddModelError("file", FileProblemText.Of(text, problem));
            Recent = await RecentAsync(ct);
            return Page();
        }

        return Redirect($"/Workers/Import/{started.Import!.Id}");
    }

    public IActionResult OnGetTemplate(string? format) =>
        format == "xlsx"
            ? File(ImportTemplate.Xlsx(text), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "template-cpmi.xlsx")
            : File(ImportTemplate.Csv(), "text/csv; charset=utf-8", "template-cpmi.csv");

    private async Task<IReadOnlyList<Import>> RecentAsync(CancellationToken ct) =>
        await db.Imports.AsNoTracking().OrderByDescending(i => i.Id).Take(20).ToListAsync(ct);
}
