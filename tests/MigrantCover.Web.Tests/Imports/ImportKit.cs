using System.Diagnostics;
using System.Net.Http.Headers;
using MigrantCover.Web.Features.Imports;
using MiniExcelLibs;
using nietras.SeparatedValues;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Imports;

/// <summary>One row of a test file and what the import must say about it.</summary>
public sealed record KitRow(Dictionary<string, object?> Body, string Expect, string? RuleId = null, string? Field = null);

/// <summary>Building import files (CSV, XLSX) from register bodies, sending them, waiting for their imports.</summary>
public static class ImportKit
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    /// <summary>A CSV of the rows: header of the register body's names, <paramref name="separator"/>, quoted where needed, CRLF.</summary>
    public static byte[] Csv(IEnumerable<Dictionary<string, object?>> rows, char separator = ',', bool bom = false, string newline = "\r\n")
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(separator, ImportColumns.All)).Append(newline);
        foreach (var row in rows)
        {
            sb.Append(string.Join(separator, ImportColumns.All.Select(c => Quote(Cell(row, c), separator)))).Append(newline);
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        return bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    /// <summary>The same rows as an XLSX workbook (first sheet, header in row 1; every cell text).</summary>
    public static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        var sheet = rows.Select(r => ImportColumns.All.ToDictionary(c => c, c => (object?)Cell(r, c))).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: "cpmi");
        return stream.ToArray();
    }

    public static string Cell(Dictionary<string, object?> row, string column) =>
        row.TryGetValue(column, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture)! : "";

    private static string Quote(string value, char separator) =>
        value.Contains(separator) || value.Contains('"') || value.Contains('\n') ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    public static async Task<HttpResponseMessage> SendAsync(this HttpClient api, byte[] content, string fileName, bool dryRun, string? language = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (dryRun)
        {
            form.Add(new StringContent("true"), "dryRun");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports") { Content = form };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        return await api.SendAsync(request);
    }

    /// <summary>Sends the file and answers the new import's id (asserting 202 and its Location).</summary>
    public static async Task<long> StartAsync(this HttpClient api, byte[] content, string fileName, bool dryRun)
    {
        var response = await api.SendAsync(content, fileName, dryRun);
        var body = await response.JsonAsync(HttpStatusCode.Accepted);
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/imports/{id}", response.Headers.Location!.OriginalString);
        return id;
    }

    /// <summary>Polls the import until it is done or failed (failing after <see cref="Patience"/>).</summary>
    public static async Task<JsonElement> FinishedAsync(this HttpClient api, long id)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var import = await (await api.GetAsync($"/api/v1/imports/{id}")).JsonAsync(HttpStatusCode.OK);
            var state = import.GetProperty("state").GetString();
            if (state is "done" or "failed")
            {
                return import;
            }

            Assert.True(clock.Elapsed < Patience, $"import {id} still {state} after {Patience.TotalSeconds} s");
            await Task.Delay(200);
        }
    }

    /// <summary>The error report as (line, field, ruleId, message) rows, in <paramref name="language"/>.</summary>
    public static async Task<List<string[]>> ErrorsAsync(this HttpClient api, long id, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/imports/{id}/errors");
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await api.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = new List<string[]>();
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).From(bytes);
        Assert.Equal(["line", "field", "ruleId", "message"], reader.Header.ColNames);
        foreach (var row in reader)
        {
            rows.Add([row[0].ToString(), row[1].ToString(), row[2].ToString(), row[3].ToString()]);
        }

        return rows;
    }

    /// <summary>
    /// The acceptance file: <paramref name="good"/> valid rows, one row per registration rule ID broken,
    /// two in-file NIK pairs, the rows of workers already registered (but the first of <paramref name="already"/>) (same NIK, name,
    /// date of birth), the first one's NIK with another name (R-NIK-4) and one possible duplicate.
    /// </summary>
    public static List<KitRow> Rows(int good, IReadOnlyList<Dictionary<string, object?>> already, DateOnly today)
    {
        var rows = new List<KitRow>();
        for (var i = 0; i < good; i++)
        {
            rows.Add(new(Body(), "valid"));
        }

        var young = today.AddYears(-16);
        Dictionary<string, object?> B(Dictionary<string, object?> o) => Body(o);
        var broken = new List<KitRow>
        {
            new(B(new() { ["nik"] = null }), "invalid", "R-REG-1", "nik"),
            new(B(new() { ["nik"] = "12345" }), "invalid", "R-NIK-1", "nik"),
            new(B(new() { ["nik"] = "9902224907950003" }), "invalid", "R-NIK-2", "nik"),
            new(B(new() { ["sex"] = "male" }), "invalid", "R-NIK-3", "nik"),
            new(B(new() { ["familyCardNumber"] = "123" }), "invalid", "R-KK-1", "familyCardNumber"),
            new(B(new() { ["dateOfBirth"] = Iso(young), ["nik"] = NewNik(young, Sex.Female) }), "invalid", "R-AGE-1", "dateOfBirth"),
            new(B(new() { ["dateOfBirth"] = Iso(today.AddDays(10)) }), "invalid", "R-AGE-2", "dateOfBirth"),
            new(B(new() { ["category"] = null }), "invalid", "R-CAT-1", "category"),
            new(B(new() { ["purpose"] = "study" }), "invalid", "R-CAT-2", "purpose"),
            new(B(new() { ["agencyName"] = null }), "invalid", "R-SCH-1", "agencyName"),
            new(B(new() { ["scheme"] = "individual", ["agencyName"] = null, ["agencyLicence"] = null }), "invalid", "R-SCH-2", "scheme"),
            new(B(new() { ["destinationCountry"] = "ID" }), "invalid", "R-DST-1", "destinationCountry"),
            new(B(new() { ["destinationCountry"] = "SA" }), "invalid", "R-DST-2", "destinationCountry"),
            new(B(new() { ["contractMonths"] = 500 }), "invalid", "R-COV-4", "contractMonths"),
            new(B(new() { ["placementAgreementSignedOn"] = Iso(today.AddDays(5)) }), "invalid", "R-PAY-3", "placementAgreementSignedOn"),
            new(B(new() { ["registeredOn"] = Iso(today.AddDays(1)) }), "invalid", "R-REG-1", "registeredOn"),
            new(B(new() { ["contractMonths"] = "two years" }), "invalid", null, "contractMonths"),
            new(B(new() { ["email"] = "=HYPERLINK(\"http://x\")" }), "invalid", null, "email"),
        };
        rows.AddRange(broken);
        foreach (var a in already.Skip(1))
        {
            rows.Add(new(new(a), "alreadyRegistered"));
        }

        // The first registered worker's NIK with another person's name and date of birth (R-NIK-4).
        rows.Add(new(Body(new() { ["nik"] = already[0]["nik"] }), "invalid", "R-NIK-4", "nik"));
        rows.Add(new(Body(new() { ["fullName"] = already[1]["fullName"] }), "valid"));
        for (var pair = 0; pair < 2; pair++)
        {
            var nik = NewNik(SampleWorker.Facts.DateOfBirth!.Value, Sex.Female);
            rows.Add(new(Body(new() { ["nik"] = nik }), "in-file"));
            rows.Add(new(Body(new() { ["nik"] = nik }), "in-file"));
        }

        // Shuffled the same way every time, so that the kinds are spread over the batches.
        var random = new Random(14);
        return [.. rows.OrderBy(_ => random.Next())];
    }
}
