using System.Buffers;
using System.Text;
using System.Text.Unicode;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace MigrantCover.Web.Features.Imports;

/// <summary>One data row of an import file: the file's line (the header is line 1; for XLSX the sheet row) and its cells by column name.</summary>
public sealed record ImportRow(int Line, IReadOnlyDictionary<string, string?> Cells);

/// <summary>
/// Why a file cannot be imported at all: a key of ImportResource (texts in both languages, docs/import.md
/// lists them) with its arguments (column names, a line number: never the file's content) and the HTTP status.
/// </summary>
public sealed record FileProblem(string Key, int Status, params string[] Args)
{
    public static FileProblem Bad(string key, params string[] args) => new(key, StatusCodes.Status400BadRequest, args);
}

/// <summary>A file that turned out to be unreadable while its rows were read.</summary>
public sealed class ImportFileException(FileProblem problem) : Exception(problem.Key)
{
    public FileProblem Problem { get; } = problem;
}

/// <summary>The <c>Imports:</c> configuration section (docs/import.md, "Limits").</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>The largest file accepted (bytes); larger ones are answered 413. Default 20 MB.</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>The most data rows a file may hold. Default 200.000.</summary>
    public int MaxRows { get; set; } = 200_000;

    /// <summary>Rows per batch: each batch is saved (or, in a dry run, checked) all-or-nothing.</summary>
    public int BatchSize { get; set; } = 250;
}

/// <summary>
/// Reading import files as a stream of rows (decision 0018): CSV with Sep (UTF-8 with or without BOM,
/// <c>,</c> or <c>;</c> detected from the header, quotes, CRLF or LF), XLSX with MiniExcel (first sheet,
/// date cells as dates, formula cells as their stored values). Every way a file can be unreadable is a
/// <see cref="FileProblem"/>, never an exception escaping to the caller.
/// </summary>
public static class ImportFiles
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>"csv" or "xlsx" from the file name, else null.</summary>
    public static string? FormatOf(string? fileName) =>
        Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".csv" => "csv",
            ".xlsx" => "xlsx",
            _ => null,
        };

    /// <summary>Reads the whole file once (as the import will) and answers what is wrong with it, or null and the number of data rows.</summary>
    public static FileProblem? Inspect(string format, byte[] content, ImportOptions options, out int rows)
    {
        rows = 0;
        try
        {
            foreach (var _ in Read(format, content))
            {
                if (++rows > options.MaxRows)
                {
                    return FileProblem.Bad("file.too-many-rows", options.MaxRows.ToString("N0", CultureInfo.CurrentCulture));
                }
            }
        }
        catch (ImportFileException e)
        {
            return e.Problem;
        }

        return rows == 0 ? FileProblem.Bad("file.no-rows") : null;
    }

    /// <summary>The data rows, in file order; throws <see cref="ImportFileException"/> on the first thing that makes the file unreadable.</summary>
    public static IEnumerable<ImportRow> Read(string format, byte[] content) =>
        format == "xlsx" ? ReadXlsx(content) : ReadCsv(content);

    private static IEnumerable<ImportRow> ReadCsv(byte[] content)
    {
        var start = content.AsSpan().StartsWith(Bom) ? Bom.Length : 0;
        CheckText(content, start);
        var reader = Open(content, start);
        try
        {
            var columns = Header(reader.Header.ColNames);
            while (Next(reader, columns) is { } row)
            {
                if (row.Cells.Count > 0)
                {
                    yield return row;
                }
            }
        }
        finally
        {
            reader.Dispose();
        }
    }

    // A row (null at the end): its cells by column name; a blank row has none.
    private static ImportRow? Next(SepReader reader, string?[] columns)
    {
        bool more;
        try
        {
            more = reader.MoveNext();
        }
        catch (Exception e) when (e is not ImportFileException)
        {
            throw new ImportFileException(FileProblem.Bad("file.unreadable"));
        }

        if (!more)
        {
            return null;
        }

        var row = reader.Current;
        var line = row.LineNumberFrom;
        var cells = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < row.ColCount; i++)
        {
            var span = row[i].Span;
            if (i >= columns.Length)
            {
                if (!span.IsWhiteSpace())
                {
                    throw new ImportFileException(FileProblem.Bad("file.too-many-cells", Num(line), Num(columns.Length)));
                }

                continue;
            }

            if (!span.IsWhiteSpace())
            {
                cells[columns[i]!] = span.ToString();
            }
        }

        return new ImportRow(line, cells);
    }

    private static SepReader Open(byte[] content, int start)
    {
        if (content.AsSpan(start).IsEmpty || Encoding.UTF8.GetString(content, start, Math.Min(content.Length - start, 4096)).Trim().Length == 0)
        {
            throw new ImportFileException(FileProblem.Bad("file.empty"));
        }

        try
        {
            return Sep.Reader(o => o with { HasHeader = true, DisableColCountCheck = true, Unescape = true })
                .From(new MemoryStream(content, start, content.Length - start, writable: false));
        }
        catch (Exception)
        {
            throw new ImportFileException(FileProblem.Bad("file.unreadable"));
        }
    }

    // A CSV is UTF-8 text: not a zip (an XLSX renamed), no NUL bytes, no invalid sequence (named by its line).
    private static void CheckText(byte[] content, int start)
    {
        var bytes = content.AsSpan(start);
        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes[..Math.Min(bytes.Length, 8192)].Contains((byte)0))
        {
            throw new ImportFileException(FileProblem.Bad("file.not-csv"));
        }

        if (Utf8.IsValid(bytes))
        {
            return;
        }

        var buffer = ArrayPool<char>.Shared.Rent(65536);
        try
        {
            var offset = 0;
            while (offset < bytes.Length)
            {
                var status = Utf8.ToUtf16(bytes[offset..], buffer, out var read, out _, replaceInvalidSequences: false);
                offset += read;
                if (status == OperationStatus.InvalidData || status == OperationStatus.NeedMoreData)
                {
                    break;
                }
            }

            var line = bytes[..offset].Count((byte)'\n') + 1;
            throw new ImportFileException(FileProblem.Bad("file.utf8", Num(line)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    // The header: every name a column of ImportColumns, none twice, every required one there.
    private static string?[] Header(IReadOnlyList<string> names)
    {
        var columns = new string?[names.Count];
        var unknown = new List<string>();
        var twice = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(names[i]))
            {
                columns[i] = null;
                continue;
            }

            var match = ImportColumns.Match(names[i]);
            if (match is null)
            {
                unknown.Add(Shown(names[i]));
            }
            else if (Array.IndexOf(columns, match) >= 0)
            {
                twice.Add(match);
            }

            columns[i] = match;
        }

        if (unknown.Count > 0)
        {
            throw new ImportFileException(FileProblem.Bad("file.unknown-columns", string.Join(", ", unknown), string.Join(", ", ImportColumns.All)));
        }

        if (twice.Count > 0)
        {
            throw new ImportFileException(FileProblem.Bad("file.duplicate-columns", string.Join(", ", twice)));
        }

        var missing = ImportColumns.Required.Where(r => Array.IndexOf(columns, r) < 0).ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(FileProblem.Bad("file.missing-columns", string.Join(", ", missing)));
        }

        // A column with a blank header is ignored; cells after the last named column must be blank.
        var last = Array.FindLastIndex(columns, c => c is not null);
        return columns[..(last + 1)].Select((c, i) => c ?? "\u0000blank" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    private static IEnumerable<ImportRow> ReadXlsx(byte[] content)
    {
        if (!content.AsSpan().StartsWith("PK\u0003\u0004"u8))
        {
            throw new ImportFileException(FileProblem.Bad(content.Length == 0 ? "file.empty" : "file.not-xlsx"));
        }

        IEnumerator<IDictionary<string, object?>> rows;
        try
        {
            rows = MiniExcel.Query(new MemoryStream(content, writable: false), useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .GetEnumerator();
        }
        catch (Exception)
        {
            throw new ImportFileException(FileProblem.Bad("file.not-xlsx"));
        }

        using (rows)
        {
            string?[]? columns = null;
            var line = 0;
            while (true)
            {
                IDictionary<string, object?> cells;
                try
                {
                    if (!rows.MoveNext())
                    {
                        break;
                    }

                    cells = rows.Current;
                }
                catch (Exception)
                {
                    throw new ImportFileException(FileProblem.Bad("file.not-xlsx"));
                }

                line++;
                var values = cells.Values.Select(Text).ToList();
                if (columns is null)
                {
                    if (values.TrueForAll(string.IsNullOrWhiteSpace))
                    {
                        throw new ImportFileException(FileProblem.Bad("file.empty"));
                    }

                    columns = Header([.. values.Select(v => v ?? "")]);
                    continue;
                }

                var row = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < values.Count; i++)
                {
                    if (string.IsNullOrWhiteSpace(values[i]))
                    {
                        continue;
                    }

                    if (i >= columns.Length)
                    {
                        throw new ImportFileException(FileProblem.Bad("file.too-many-cells", Num(line), Num(columns.Length)));
                    }

                    row[columns[i]!] = values[i];
                }

                if (row.Count > 0)
                {
                    yield return new ImportRow(line, row);
                }
            }

            if (columns is null)
            {
                throw new ImportFileException(FileProblem.Bad("file.empty"));
            }
        }
    }

    // A cell as text: a date cell as YYYY-MM-DD, a whole number without decimals (a NIK typed as a number).
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => Validation.Input.Iso(DateOnly.FromDateTime(d)),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e17 => n.ToString("0", CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    // A header cell of the file, shown in a message: cut and stripped of control characters.
    private static string Shown(string name)
    {
        var s = new string([.. name.Trim().Where(c => !char.IsControl(c))]);
        return s.Length > 40 ? s[..40] + "…" : s;
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A file problem's text in the request's language.</summary>
public static class FileProblemText
{
    public static string Of(IStringLocalizer text, FileProblem problem) =>
        problem.Args.Length == 0 ? text[problem.Key] : text[problem.Key, problem.Args];
}
