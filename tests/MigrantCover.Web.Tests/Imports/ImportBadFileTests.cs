using System.IO.Compression;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Imports;

/// <summary>
/// Acceptance 4 of issue 14: every bad file gets its clear answer (400/413 problem+json naming what is
/// wrong, in the caller's language; a message on the page), nothing is stored, and 200 malformed files
/// never get a 500.
/// </summary>
public abstract class ImportBadFileTests(AppFactory factory) : ProviderTests(factory)
{
    private static readonly string Header = string.Join(",", Features.Imports.ImportColumns.All);

    private static byte[] Text(string s) => Encoding.UTF8.GetBytes(s);

    // A valid row, quoted where it needs it (the address holds a comma).
    private static string GoodLine() => Encoding.UTF8.GetString(ImportKit.Csv([Body()])).Split("\r\n")[1];

    public static TheoryData<string, string, string, string> BadFiles() => new()
    {
        { "wrong extension", "intake.txt", "", "file.extension" },
        { "empty csv", "intake.csv", "", "file.empty" },
        { "header only", "intake.csv", "HEADER\r\n", "file.no-rows" },
        { "missing columns", "intake.csv", "nik,fullName\r\n1,2\r\n", "file.missing-columns" },
        { "unknown columns", "intake.csv", "HEADER,shoeSize,hobby\r\nGOOD,,\r\n", "file.unknown-columns" },
        { "too many cells", "intake.csv", "HEADER\r\nGOOD\r\nGOOD,extra\r\n", "file.too-many-cells" },
        { "xlsx that is text", "intake.xlsx", "HEADER\r\nGOOD\r\n", "file.not-xlsx" },
        { "csv that is a zip", "intake.csv", "ZIP", "file.not-csv" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFileIsRefusedWithItsReasonInBothLanguagesAndNothingIsStored(string what, string fileName, string content, string code)
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var bytes = content == "ZIP" ? Zip() : Text(content.Replace("HEADER", Header).Replace("GOOD", GoodLine()));
        var importsBefore = await Factory.WithDbAsync(db => db.Imports.CountAsync());
        foreach (var language in new[] { "id", "en" })
        {
            var response = await api.SendAsync(bytes, fileName, dryRun: true, language);
            var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(code, problem.GetProperty("code").GetString());
            var detail = problem.GetProperty("errors").GetProperty("file")[0].GetString()!;
            Assert.False(string.IsNullOrWhiteSpace(detail), what);
            if (code == "file.missing-columns")
            {
                Assert.Contains("familyCardNumber", detail);
                Assert.DoesNotContain("fullName", detail);
            }

            if (code == "file.unknown-columns")
            {
                Assert.Contains("shoeSize, hobby", detail);
            }

            if (code == "file.too-many-cells")
            {
                Assert.Contains(language == "en" ? "Line 3 " : "Baris 3 ", detail);
            }
        }

        Assert.Equal(importsBefore, await Factory.WithDbAsync(db => db.Imports.CountAsync()));
    }

    [Theory]
    [InlineData("", "yes")]
    [InlineData("", "abc")]
    [InlineData("?dryRun=abc", null)]
    public async Task ADryRunThatIsNeitherTrueNorFalseIsRefusedNotRunAsARealImport(string query, string? field)
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var importsBefore = await Factory.WithDbAsync(db => db.Imports.CountAsync());
        foreach (var language in new[] { "id", "en" })
        {
            var problem = await (await PostAsync(api, query, field, language)).AssertProblemAsync(HttpStatusCode.BadRequest);
            var message = problem.GetProperty("errors").GetProperty("dryRun")[0].GetString()!;
            Assert.Contains("true, false", message, StringComparison.Ordinal);
        }

        Assert.Equal(importsBefore, await Factory.WithDbAsync(db => db.Imports.CountAsync()));
    }

    [Fact]
    public async Task ADryRunAskedForInTheQueryIsADryRun()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var body = await (await PostAsync(api, "?dryRun=true", null, "en")).JsonAsync(HttpStatusCode.Accepted);
        var import = await (await api.GetAsync($"/api/v1/imports/{body.GetProperty("id").GetInt64()}")).JsonAsync(HttpStatusCode.OK);
        Assert.True(import.GetProperty("dryRun").GetBoolean());
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient api, string query, string? dryRunField, string language)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Text(Header + "\r\n" + GoodLine() + "\r\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", "intake.csv");
        if (dryRunField is not null)
        {
            form.Add(new StringContent(dryRunField), "dryRun");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/imports" + query) { Content = form };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await api.SendAsync(request);
    }

    [Fact]
    public async Task InvalidUtf8IsRefusedNamingItsLine()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        byte[] bytes = [.. Text(Header + "\n" + GoodLine() + "\n" + GoodLine() + "\n"), 0xC3, 0x28, .. Text(GoodLine()[2..] + "\n")];
        var problem = await (await api.SendAsync(bytes, "intake.csv", dryRun: true, "en")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("file.utf8", problem.GetProperty("code").GetString());
        Assert.Contains("line 4 ", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task FileOverTheSizeLimitIs413AndOverTheRowLimitIs400()
    {
        await using var small = Factory.Sibling().With("Imports:MaxFileBytes", "2048").With("Imports:MaxRows", "3");
        var api = await small.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var big = Text(Header + "\r\n" + string.Join("\r\n", Enumerable.Range(0, 10).Select(_ => GoodLine())) + "\r\n");
        var tooLarge = await (await api.SendAsync(big, "intake.csv", dryRun: true, "en")).AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("file.too-large", tooLarge.GetProperty("code").GetString());
        var rows = Text(Header + "\r\n" + string.Join("\r\n", Enumerable.Range(0, 4).Select(_ => GoodLine())) + "\r\n");
        Assert.True(rows.Length < 2048 * 2, "the row-limit file must stay under the size limit");
        await using var wide = Factory.Sibling().With("Imports:MaxRows", "3");
        var api2 = await wide.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var tooMany = await (await api2.SendAsync(rows, "intake.csv", dryRun: true, "en")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("file.too-many-rows", tooMany.GetProperty("code").GetString());
    }

    [Fact]
    public async Task PageShowsTheReasonNextToTheFileField()
    {
        var browser = Factory.CreateBrowserClient();
        await browser.SignInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var page = await browser.GetAsync("/Workers/Import");
        var html = await page.Content.ReadAsStringAsync();
        var token = new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("true"), "DryRun" },
            { new ByteArrayContent(Text("nik,fullName\r\n1,2\r\n")), "file", "intake.csv" },
        };
        var response = await browser.PostAsync("/Workers/Import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("familyCardNumber", doc.QuerySelector("#file_error")!.TextContent);
    }

    /// <summary>200 malformed files (cut, flipped bytes, stray quotes, NULs, random cells, zips): never a 500.</summary>
    [Fact]
    public async Task TwoHundredMalformedFilesNeverGetA500()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var random = new Random(20261202);
        var good = Text(Header + "\r\n" + string.Join("\r\n", Enumerable.Range(0, 5).Select(_ => GoodLine())) + "\r\n");
        var xlsx = ImportKit.Xlsx(Enumerable.Range(0, 5).Select(_ => Body()));
        for (var i = 0; i < 200; i++)
        {
            var baseFile = i % 3 == 0 ? xlsx : good;
            var bytes = (byte[])baseFile.Clone();
            switch (i % 5)
            {
                case 0:
                    bytes = bytes[..random.Next(bytes.Length)];
                    break;
                case 1:
                    for (var k = 0; k < 1 + random.Next(20); k++)
                    {
                        bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                    }

                    break;
                case 2:
                    bytes = [.. bytes, .. Text(new string('"', random.Next(1, 5)) + ",;\r\n\"" + new string(',', random.Next(0, 30)))];
                    break;
                case 3:
                    var noise = new byte[random.Next(1, 4000)];
                    random.NextBytes(noise);
                    bytes = random.Next(2) == 0 ? noise : [.. "PK\u0003\u0004"u8.ToArray(), .. noise];
                    break;
                default:
                    bytes = Text(string.Join(random.Next(2) == 0 ? "," : ";", Enumerable.Range(0, random.Next(1, 30)).Select(_ => Features.Imports.ImportColumns.All[random.Next(20)])) + "\n" + string.Join(",", Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next().ToString(CultureInfo.InvariantCulture))));
                    break;
            }

            var name = random.Next(4) == 0 ? "fuzz.xlsx" : "fuzz.csv";
            var response = await api.SendAsync(bytes, name, dryRun: true);
            Assert.True((int)response.StatusCode is 202 or 400 or 413, $"file {i} ({name}) answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
                Assert.StartsWith("file.", problem.GetProperty("code").GetString());
            }
        }

        // Not multipart at all (415 from the endpoint's declared body), and multipart without a file.
        var json = await api.PostAsJsonAsync("/api/v1/imports", new { file = "x" });
        await json.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        using var empty = new MultipartFormDataContent { { new StringContent("true"), "dryRun" } };
        var none = await api.PostAsync("/api/v1/imports", empty);
        Assert.Equal("file.missing", (await none.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("code").GetString());
    }

    private static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("a.txt").Open());
            entry.Write("not a workbook");
        }

        return stream.ToArray();
    }
}

public sealed class ImportBadFileTestsOnSqlite(SqliteAppFactory f) : ImportBadFileTests(f), IClassFixture<SqliteAppFactory>;

public sealed class ImportBadFileTestsOnPostgres(PostgresAppFactory f) : ImportBadFileTests(f), IClassFixture<PostgresAppFactory>;
