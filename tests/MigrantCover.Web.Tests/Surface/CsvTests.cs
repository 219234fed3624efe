using MigrantCover.Web.Infrastructure.Csv;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Surface;

/// <summary>Defect 5 of issue 11: no cell of a CSV the portal writes is run as a formula (OWASP CSV injection).</summary>
public sealed class CsvWriterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]
    [InlineData("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "\"'\r=1\"")]
    [InlineData("  =1", "'  =1")]
    [InlineData("PT Maju, Jaya", "\"PT Maju, Jaya\"")]
    [InlineData("Jawa Tengah", "Jawa Tengah")]
    [InlineData("", "")]
    public void TextCellsAreNeutralisedAndQuoted(string value, string written) =>
        Assert.Equal(written, CsvWriter.Field(value));

    [Fact]
    public void NumbersStayNumbers()
    {
        Assert.Equal("-5", CsvWriter.Field(-5));
        Assert.Equal("4862500", CsvWriter.Field(4_862_500L));
        Assert.Equal("1.5", CsvWriter.Field(1.5m));
    }

    [Fact]
    public void ASemicolonSeparatorQuotesSemicolons()
    {
        var csv = new CsvWriter(';').Row("a;b", "=x", 3).ToString();
        Assert.Equal("\"a;b\";'=x;3\r\n", csv);
        Assert.Equal([0xEF, 0xBB, 0xBF], new CsvWriter().Row("x").ToBytes()[..3]);
    }
}

/// <summary>The admin's export writes an agency name that looks like a formula as text, on both providers.</summary>
public abstract class CsvExportTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    public async Task AnAgencyNameLikeAFormulaIsExportedAsText()
    {
        var api = await SurfaceSetup.Client(Factory).AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        await api.RegisterAsync(new() { ["agencyName"] = "=HYPERLINK(\"http://evil.example\",\"klik\")" });
        await api.RegisterAsync(new() { ["agencyName"] = "@SUM(1+1)" });

        var admin = Factory.CreateBrowserClient();
        admin.DefaultRequestHeaders.Add(SurfaceSetup.PeerHeader, SurfaceSetup.NextAddress());
        await admin.SignInAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var response = await admin.GetAsync("/Admin/Export?table=byAgency");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var lines = csv.Split("\r\n");
        Assert.Contains(lines, l => l.StartsWith("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\",", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("'@SUM(1+1),", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.TrimStart('\uFEFF', '"').StartsWith('=') || l.TrimStart('\uFEFF', '"').StartsWith('@'));
    }
}

public sealed class CsvExportTestsOnSqlite(SqliteAppFactory<SurfaceSetup> f) : CsvExportTests(f), IClassFixture<SqliteAppFactory<SurfaceSetup>>;

public sealed class CsvExportTestsOnPostgres(PostgresAppFactory<SurfaceSetup> f) : CsvExportTests(f), IClassFixture<PostgresAppFactory<SurfaceSetup>>;
