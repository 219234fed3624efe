using static MigrantCover.Web.Tests.Claims.ClaimKit;

namespace MigrantCover.Web.Tests.Claims;

/// <summary>
/// "Laporkan klaim" binds the API's claim request; the amount is the form's own text field, typed with or
/// without thousands dots, and a wrong one gets its message on its field (R-CLM-10).
/// </summary>
public abstract class ReportClaimPageTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    [Trait("Rule", "R-CLM-10")]
    public async Task TheAmountIsTypedWithThousandsDotsAndAWrongOneIsRefusedOnItsField()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var id = await api.PlacedAsync(D("2024-09-01"));
        var officer = Factory.CreateBrowserClient();
        officer.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await officer.SignInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var url = $"/Workers/{id}/Claims/New";
        Dictionary<string, string?> Form(string amount) => new()
        {
            ["Input.Type"] = "treatment-abroad",
            ["Input.IncidentOn"] = "2025-02-10",
            ["Input.ReportedOn"] = "2025-03-01",
            ["Input.ClaimedAmount"] = amount,
            ["Input.ReporterRole"] = "worker",
            ["Input.ReporterName"] = "Siti Aminah",
            ["Input.ReporterContact"] = "+6281234567890",
        };

        var capped = await Forms.ParseAsync(await officer.SubmitFormAsync(await officer.GetDocumentAsync(url), url + "?handler=Assess", Form("65.000.000")));
        Assert.Contains("Rp50.000.000", capped.QuerySelector("#assessment-amount")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(capped.QuerySelector("#Input_ClaimedAmount_error")!.TextContent.Trim());

        var wrong = await Forms.ParseAsync(await officer.SubmitFormAsync(capped, url + "?handler=Assess", Form("12,5 juta")));
        Assert.Null(wrong.QuerySelector("#assessment"));
        Assert.Contains("Isi jumlah rupiah bulat dari 1 sampai", wrong.QuerySelector("#Input_ClaimedAmount_error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("12,5 juta", wrong.QuerySelector("#Input_ClaimedAmount")!.GetAttribute("value"));

        var reported = await officer.SubmitFormAsync(wrong, url + "?handler=Report", Form("12.345.000"));
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var claimId = Guid.Parse(reported.Headers.Location!.OriginalString["/Claims/".Length..]);
        Assert.Equal(12_345_000, await Factory.WithDbAsync(db => db.Claims.Where(c => c.Id == claimId).Select(c => c.ClaimedAmount).SingleAsync()));
    }
}

public sealed class ReportClaimPageTestsOnSqlite(SqliteAppFactory f) : ReportClaimPageTests(f), IClassFixture<SqliteAppFactory>;

public sealed class ReportClaimPageTestsOnPostgres(PostgresAppFactory f) : ReportClaimPageTests(f), IClassFixture<PostgresAppFactory>;
