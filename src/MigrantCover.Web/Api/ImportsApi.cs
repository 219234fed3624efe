using MigrantCover.Web.Features.Imports;
using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Infrastructure;
using MigrantCover.Web.Resources;

namespace MigrantCover.Web.Api;

/// <summary>Bulk registration (docs/api.md, "Bulk registration"; docs/import.md): send a file, follow its import, fetch its errors.</summary>
public static class ImportsApi
{
    public static void MapImportsApi(this RouteGroupBuilder api, ImportOptions options)
    {
        var imports = api.MapOfficerGroup("/imports", "Imports");

        imports.MapPost("/", async (HttpRequest request, ImportUploads uploads, IStringLocalizer<ImportResource> text, CancellationToken ct) =>
            {
                if (!request.HasFormContentType)
                {
                    return Problems.BadFile("file.missing", 400, text["file.missing"]);
                }

                IFormCollection form;
                try
                {
                    form = await request.ReadFormAsync(ct);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException)
                {
                    return Problems.BadFile("file.missing", 400, text["file.missing"]);
                }

                var file = form.Files.GetFile("file");

                // dryRun=true as the form field of the contract, or in the query: a value that is neither
                // true nor false is refused, never read as a real import.
                var dryRunText = form.ContainsKey("dryRun") ? form["dryRun"].ToString() : request.Query["dryRun"].ToString();
                if (!DryRun(dryRunText, out var dryRun))
                {
                    return Problems.Invalid([Failure.Input("dryRun", "code.unknown", ("allowed", "true, false"))]);
                }

                var started = await uploads.StartAsync(file?.FileName, file?.Length ?? 0, () => file!.OpenReadStream(), dryRun, ct);
                if (started.Problem is { } problem)
                {
                    return Problems.BadFile(problem.Key, problem.Status, FileProblemText.Of(text, problem));
                }

                var id = started.Import!.Id;
                return Results.Accepted($"/api/v1/imports/{id}", new { id, state = started.Import.State });
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(options.MaxFileBytes + (1024 * 1024)))
            .WithSummary("Send a .csv or .xlsx file of candidates (multipart field `file`, optional `dryRun=true`); 202 with the import's address.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        imports.MapGet("/{id:long}", async (long id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
                await db.Imports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct) is { } import
                    ? Results.Ok(ImportReports.Of(import, clock.GetUtcNow()))
                    : Problems.NotFound())
            .WithSummary("An import: state (queued, running, done, failed), counts and times.")
            .Produces<ImportReports.Status>().ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/{id:long}/errors", async (long id, AppDbContext db, HttpContext http, CancellationToken ct) =>
            {
                if (!await db.Imports.AnyAsync(i => i.Id == id, ct))
                {
                    return Problems.NotFound();
                }

                return Results.Stream(
                    output => ImportReports.WriteCsvAsync(ImportReports.ErrorsOf(db, id).AsAsyncEnumerable(), output, http.RequestAborted),
                    "text/csv; charset=utf-8",
                    $"import-{id}-errors.csv");
            })
            .WithSummary("The refused fields of an import as CSV: line,field,ruleId,message (message in the caller's language).")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
    }

    // Absent or empty: a real import (the contract's default); otherwise "true" or "false", nothing else.
    private static bool DryRun(string text, out bool dryRun)
    {
        dryRun = false;
        return string.IsNullOrWhiteSpace(text) || bool.TryParse(text, out dryRun);
    }
}
