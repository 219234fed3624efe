namespace MigrantCover.Web.Tests.Admin;

/// <summary>Reading the dashboard's tables as a person sees them: the page's rows and the CSV export of a table.</summary>
public static class DashboardTables
{
    /// <summary>Each body row of a dashboard table: first the row header, then the cells' raw values.</summary>
    public static List<string[]> Cells(IHtmlDocument page, string table) =>
        [.. page.QuerySelectorAll($"#table-{table} tbody tr").Select(tr => tr.Children
            .Select(c => c.LocalName == "th" ? c.TextContent.Trim() : c.GetAttribute("data-value") ?? c.TextContent.Trim())
            .ToArray())];

    /// <summary>GETs a CSV export, checks it is text/csv with a UTF-8 byte order mark, and reads its rows (header row first).</summary>
    public static async Task<List<string[]>> ExportAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return ParseCsv(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    /// <summary>An RFC 4180 reader, as a spreadsheet reads the file.</summary>
    public static List<string[]> ParseCsv(string csv)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        return rows;
    }
}
