using System.Text;

namespace MigrantCover.Web.Infrastructure.Csv;

/// <summary>
/// The one writer of every CSV file the portal serves (the admin exports today, the bulk import's error
/// file next): RFC 4180 (CRLF line ends; a field with the separator, a quote or a line break in double
/// quotes, quotes doubled), UTF-8 with a byte-order mark, and no cell a spreadsheet runs as a formula.
/// </summary>
/// <remarks>
/// Formula injection (OWASP "CSV Injection"): a text cell that starts with <c>= + - @</c>, a tab or a
/// carriage return (also after leading spaces) gets a leading apostrophe, so that
/// <c>=HYPERLINK("http://…")</c> in an agency name is shown as text and never evaluated. Numbers (int,
/// long, decimal, double) are written as invariant digits and left alone, so a negative figure stays a
/// number; anything else is text. The separator is a comma unless the caller asks for another (a
/// semicolon for spreadsheets set to a locale whose decimal mark is the comma).
/// </remarks>
public sealed class CsvWriter(char separator = ',')
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    private readonly StringBuilder _text = new();

    public char Separator { get; } = separator is '"' or '\r' or '\n' ? throw new ArgumentOutOfRangeException(nameof(separator)) : separator;

    /// <summary>Appends one record (a header or a data row).</summary>
    public CsvWriter Row(IEnumerable<object?> cells)
    {
        var first = true;
        foreach (var cell in cells)
        {
            if (!first)
            {
                _text.Append(Separator);
            }

            _text.Append(Field(cell, Separator));
            first = false;
        }

        _text.Append("\r\n");
        return this;
    }

    public CsvWriter Row(params object?[] cells) => Row((IEnumerable<object?>)cells);

    /// <summary>The records written so far, as text.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>The file: UTF-8 with a byte-order mark (spreadsheets detect the encoding by it).</summary>
    public byte[] ToBytes() => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(_text.ToString())];

    /// <summary>One field as written: a number as invariant digits, any other value neutralised and quoted as needed.</summary>
    public static string Field(object? value, char separator = ',') => value switch
    {
        null => "",
        int or long or short or byte or decimal or double or float => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => Quote(Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""), separator),
    };

    /// <summary>The text with a leading apostrophe when a spreadsheet would read it as a formula.</summary>
    public static string Neutralise(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = text.AsSpan().TrimStart(' ');
        return Array.IndexOf(FormulaStarts, text[0]) >= 0 || (start.Length > 0 && Array.IndexOf(FormulaStarts, start[0]) >= 0) ? "'" + text : text;
    }

    /// <summary>RFC 4180 quoting: in double quotes (quotes doubled) when it holds the separator, a quote or a line break.</summary>
    public static string Quote(string field, char separator = ',') =>
        field.Contains(separator, StringComparison.Ordinal) || field.IndexOfAny(['"', '\r', '\n']) >= 0
            ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : field;
}
