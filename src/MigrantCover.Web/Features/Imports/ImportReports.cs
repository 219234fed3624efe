using System.Text;
using MigrantCover.Web.Infrastructure;
using MigrantCover.Web.Infrastructure.Csv;
using MiniExcelLibs;

namespace MigrantCover.Web.Features.Imports;

/// <summary>
/// An import's state for the API and the pages, and its error report (<c>line,field,ruleId,message</c>,
/// docs/api.md) as CSV or XLSX, in the caller's language. Cells are neutralised for spreadsheets: one
/// that begins with <c>= + - @</c>, a tab or a carriage return gets a leading apostrophe, so nothing from a
/// file is ever run as a formula.
/// </summary>
public static class ImportReports
{
    /// <summary>The contract's answer of <c>GET /api/v1/imports/{id}</c>, plus the possible duplicates to review.</summary>
    public sealed record Status(
        long Id,
        string FileName,
        string State,
        bool DryRun,
        int TotalRows,
        int ProcessedRows,
        int Valid,
        int Created,
        int AlreadyRegistered,
        int Invalid,
        int PossibleDuplicates,
        DateTimeOffset? StartedAt,
        DateTimeOffset? FinishedAt,
        double RowsPerSecond,
        string? FailureKey);

    public static Status Of(Import i, DateTimeOffset now)
    {
        var seconds = i.StartedAt is { } s ? ((i.FinishedAt ?? now) - s).TotalSeconds : 0;
        var rate = seconds > 0 ? Math.Round(i.ProcessedRows / seconds, 1) : 0;
        return new(i.Id, i.FileName, i.State, i.DryRun, i.TotalRows, i.ProcessedRows, i.Valid, i.Created, i.AlreadyRegistered, i.Invalid, i.PossibleDuplicates, i.StartedAt, i.FinishedAt, rate, i.FailureKey);
    }

    public static IQueryable<ImportError> ErrorsOf(AppDbContext db, long id) =>
        db.ImportErrors.AsNoTracking().Where(e => e.ImportId == id).OrderBy(e => e.Line).ThenBy(e => e.Id);

    public static readonly string[] Header = ["line", "field", "ruleId", "message"];

    /// <summary>The error report as CSV (UTF-8 with BOM so that spreadsheets read it as UTF-8, comma-separated, CRLF).</summary>
    public static async Task WriteCsvAsync(IAsyncEnumerable<ImportError> errors, Stream output, CancellationToken ct)
    {
        var english = Localization.Language == "en";
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true);
        await writer.WriteAsync(string.Join(",", Header) + "\r\n");
        await foreach (var e in errors.WithCancellation(ct))
        {
            await writer.WriteAsync(string.Join(",", [e.Line.ToString(CultureInfo.InvariantCulture), Csv(e.Field), Csv(e.RuleId ?? ""), Csv(english ? e.MessageEn : e.MessageId)]) + "\r\n");
        }
    }

    /// <summary>The error report as XLSX (one sheet, the same columns), cells neutralised as in the CSV.</summary>
    public static async Task WriteXlsxAsync(IAsyncEnumerable<ImportError> errors, Stream output, CancellationToken ct)
    {
        var english = Localization.Language == "en";
        var rows = new List<Dictionary<string, object>>();
        await foreach (var e in errors.WithCancellation(ct))
        {
            rows.Add(new Dictionary<string, object>
            {
                ["line"] = e.Line,
                ["field"] = Neutral(e.Field),
                ["ruleId"] = Neutral(e.RuleId ?? ""),
                ["message"] = Neutral(english ? e.MessageEn : e.MessageId),
            });
        }

        using var buffer = new MemoryStream();
        await buffer.SaveAsAsync(rows.Count == 0 ? [Header.ToDictionary(h => h, _ => (object)"")] : rows, sheetName: "errors", cancellationToken: ct);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    // One rule for every file the portal writes (Infrastructure/Csv, decision 0014): no cell runs as a formula.
    private static string Neutral(string value) => CsvWriter.Neutralise(value);

    private static string Csv(string value) => CsvWriter.Field(value);
}
