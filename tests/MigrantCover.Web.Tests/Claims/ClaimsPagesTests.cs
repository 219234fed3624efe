using static MigrantCover.Web.Tests.Claims.ClaimKit;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Claims;

/// <summary>
/// The officer's heir and claim pages through real forms (no JavaScript): heirs in the registration
/// form, "Laporkan klaim" with the assessment, the claim's page to paid with a second officer approving,
/// the claims list; and the family's coverage answer shows the claim's state, never its documents.
/// </summary>
public abstract class ClaimsPagesTests(AppFactory factory) : ProviderTests(factory)
{
    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        var client = Factory.CreateBrowserClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await client.SignInAsync(email, password);
        return client;
    }

    private static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}");
        return await Forms.ParseAsync(response);
    }

    private static string Redirected(HttpResponseMessage response, string prefix)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        return location;
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    [Trait("Rule", "R-CLM-9")]
    public async Task OfficerRegistersWithTwoHeirsReportsADeathAndFollowsTheClaimToPaidWithASecondOfficer()
    {
        var officer = await SignedInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        await Factory.SecondOfficerAsync();
        var second = await SignedInAsync(SecondOfficerEmail, SecondOfficerPassword);

        // The registration form: "add row" redraws with a second empty row (no JavaScript), empty rows are ignored.
        var body = Body(new() { ["registeredOn"] = "2024-01-20", ["placementAgreementSignedOn"] = "2024-01-19" });
        var form = body.Where(kv => kv.Key != "confirmDuplicate").ToDictionary(kv => "Input." + char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..], kv => kv.Value is null ? "" : Convert.ToString(kv.Value, CultureInfo.InvariantCulture));
        form["Input.Heirs[0].fullName"] = "Sumiati Darto";
        form["Input.Heirs[0].relationship"] = "parent";
        form["Input.Heirs[0].sex"] = "female";
        form["Input.Heirs[0].dateOfBirth"] = "1968-02-03";
        var redrawn = await PageAsync(await officer.SubmitFormAsync("/Workers/Register", form, submitName: "AddHeirRow"));
        Assert.Equal(2, redrawn.QuerySelectorAll(".heir-row").Length);
        form["Input.Heirs[1].fullName"] = "Budi Darto";
        form["Input.Heirs[1].relationship"] = "sibling";
        form["Input.Heirs[1].sex"] = "male";
        form["Input.Heirs[1].dateOfBirth"] = "1998-11-12";
        var id = Redirected(await officer.SubmitFormAsync(redrawn, "/Workers/Register", form), "/Workers/")["/Workers/".Length..];

        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        await api.PlacementAsync(id, D("2024-02-10"));
        await api.DepartAsync(id, D("2024-03-01"));
        var details = await officer.GetDocumentAsync($"/Workers/{id}");
        Assert.Contains("(B1)", details.QuerySelector("#heirs")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("(B2)", details.QuerySelector("#heirs")!.TextContent, StringComparison.Ordinal);

        // Laporkan klaim: assess first (writes nothing), then report.
        var claimForm = new Dictionary<string, string?>
        {
            ["Input.Type"] = "death",
            ["Input.IncidentOn"] = "2025-06-10",
            ["Input.ReportedOn"] = "2025-06-20",
            ["Input.ReporterRole"] = "family",
            ["Input.ReporterName"] = "Budi Darto",
            ["Input.ReporterContact"] = "+6281333444555",
        };
        var newPage = await officer.GetDocumentAsync($"/Workers/{id}/Claims/New");
        var assess = await PageAsync(await officer.SubmitFormAsync(newPage, $"/Workers/{id}/Claims/New?handler=Assess", claimForm));
        Assert.Contains("Rp85.000.000", assess.QuerySelector("#assessment-amount")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("bukan keputusan akhir BPJS", assess.QuerySelector("#assessment")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Claims.CountAsync(c => c.WorkerId == Guid.Parse(id))));
        var claimUrl = Redirected(await officer.SubmitFormAsync(assess, $"/Workers/{id}/Claims/New?handler=Report", claimForm), "/Claims/");

        // The claim's page: the checklist in one form, verify with the parent as payee, approve by the other officer, pay.
        var page = await officer.GetDocumentAsync(claimUrl);

        // Labels that stand alone start with a capital; what the claim waits for is said once, not "Menunggu: menunggu …".
        Assert.Equal("Kartu peserta BPJS Ketenagakerjaan", page.QuerySelector("label[for=doc_membership-card]")!.TextContent.Trim());
        Assert.Contains("Kartu peserta BPJS Ketenagakerjaan", page.QuerySelectorAll("#assessment li").Select(li => li.TextContent.Trim()));
        Assert.StartsWith("Kematian", page.QuerySelector("main h1 + p strong")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Keterangan: menunggu dokumen", page.QuerySelector("#claim-waits")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var checks = page.QuerySelectorAll("input[type=checkbox][name^='Verified[']").Cast<IHtmlInputElement>().ToList();
        var all = checks.ToDictionary(c => c.Name!, _ => (string?)"true");
        Redirected(await officer.SubmitFormAsync(page, claimUrl + "?handler=Checklist", all, "form[action*='Checklist']"), "/Claims/");
        page = await officer.GetDocumentAsync(claimUrl);
        Assert.Equal("documents-complete", page.QuerySelector("#claim-state")!.GetAttribute("data-state"));
        var parent = await Factory.WithDbAsync(db => db.Heirs.Where(h => h.WorkerId == Guid.Parse(id) && h.Relationship == HeirRelationship.Parent).Select(h => h.Id).SingleAsync());
        Redirected(await officer.SubmitFormAsync(page, claimUrl + "?handler=Verify", new Dictionary<string, string?> { ["PayeeHeirId"] = parent.ToString() }, "form[action*='Verify']"), "/Claims/");

        // Four eyes: the verifier's approval is refused on the page, with the rule.
        page = await officer.GetDocumentAsync(claimUrl);
        var refused = await PageAsync(await officer.SubmitFormAsync(page, claimUrl + "?handler=Approve", new Dictionary<string, string?>(), "form[action*='Approve']"));
        Assert.Contains("R-CLM-9", refused.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        page = await second.GetDocumentAsync(claimUrl);
        Redirected(await second.SubmitFormAsync(page, claimUrl + "?handler=Approve", new Dictionary<string, string?>(), "form[action*='Approve']"), "/Claims/");
        page = await officer.GetDocumentAsync(claimUrl);
        Redirected(await officer.SubmitFormAsync(page, claimUrl + "?handler=Pay", new Dictionary<string, string?> { ["Reference"] = "KLAIM-" + UniqueWord() }, "form[action*='Pay']"), "/Claims/");
        page = await officer.GetDocumentAsync(claimUrl);
        Assert.Equal("paid", page.QuerySelector("#claim-state")!.GetAttribute("data-state"));
        Assert.Contains("Rp85.000.000", page.QuerySelector("#approved-amount")!.TextContent, StringComparison.Ordinal);

        // The history names the staff by their display names, with the e-mail the audit recorded beside.
        var whos = page.QuerySelectorAll("#claim-history tbody tr").Select(r => r.Children[1].TextContent).ToList();
        Assert.Contains(whos, w => w.Contains("Petugas Uji", StringComparison.Ordinal) && w.Contains(AppFactory.OfficerEmail, StringComparison.Ordinal));
        Assert.Contains(whos, w => w.Contains("Petugas Kedua", StringComparison.Ordinal) && w.Contains(SecondOfficerEmail, StringComparison.Ordinal));

        Assert.Equal($"Diverifikasi oleh Petugas Uji ({AppFactory.OfficerEmail})", page.QuerySelector("#claim-verified-by")!.TextContent.Trim());
        Assert.Equal($"Disetujui oleh Petugas Kedua ({SecondOfficerEmail})", page.QuerySelector("#claim-approved-by")!.TextContent.Trim());

        // Its recorded details are named in words (the amount's basis, rule set and phase, the certificate's heirs), not by field names.
        var recorded = string.Join("\n", page.QuerySelectorAll("#claim-history details li, #claim-history details div").Select(d => d.TextContent));
        Assert.Contains("Aturan untuk jumlah: — → permenaker-4-2023", recorded, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b[a-z]+[A-Z][A-Za-z]+\b", recorded);

        // The list, filtered by state and type.
        var list = await officer.GetDocumentAsync("/Claims?State=paid&Type=death");
        Assert.Contains(list.QuerySelectorAll("#claims-list a"), a => a.GetAttribute("href") == claimUrl);
        Assert.Empty((await officer.GetDocumentAsync("/Claims?State=rejected&Type=death")).QuerySelectorAll("#claims-list"));

        // The family's coverage answer: the claim's state, never its documents.
        var membership = await Factory.WithDbAsync(db => db.Workers.Where(w => w.Id == Guid.Parse(id)).Select(w => w.MembershipNumber).SingleAsync());
        var family = Factory.CreateBrowserClient();
        family.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var answer = await PageAsync(await family.SubmitFormAsync("/Coverage", new Dictionary<string, string?> { ["Input.Identifier"] = membership, ["Input.DateOfBirth"] = "09/07/1995" }));
        var claims = answer.QuerySelector("#public-claims");
        Assert.NotNull(claims);
        Assert.Contains("paid", claims!.QuerySelector("li")!.GetAttribute("data-state"), StringComparison.Ordinal);
        // In English: the public page follows the family's Accept-Language (decision 0026).
        Assert.Contains("not BPJS Ketenagakerjaan's final decision", claims.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("heir", claims.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-6")]
    public async Task HeirsPageAddsCorrectsAndEndsWithAReason()
    {
        var officer = await SignedInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var id = await api.RegisteredAsync(D("2026-01-06"));
        var url = $"/Workers/{id}/Heirs";
        Redirected(await officer.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.FullName"] = "Ahmad", ["Input.Relationship"] = "spouse", ["Input.Sex"] = "male", ["Input.DateOfBirth"] = "1990-01-01" }, "form[action*='Save']"), url);
        var bad = await PageAsync(await officer.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.FullName"] = "", ["Input.Relationship"] = "child", ["Input.Sex"] = "female", ["Input.DateOfBirth"] = "2099-01-01" }, "form[action*='Save']"));
        Assert.NotEmpty(bad.QuerySelector("#Input_DateOfBirth_error")!.TextContent);
        var heir = await Factory.WithDbAsync(db => db.Heirs.SingleAsync(h => h.WorkerId == Guid.Parse(id)));
        var noReason = await PageAsync(await officer.SubmitFormAsync(url, new Dictionary<string, string?>(), $"form[action*='heirId={heir.Id}']"));
        Assert.Contains("R-HEIR-6", noReason.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Redirected(await officer.SubmitFormAsync(url, new Dictionary<string, string?> { ["EndReason"] = "Bercerai" }, $"form[action*='heirId={heir.Id}']"), url);
        var ended = await officer.GetDocumentAsync(url);
        Assert.Contains("Bercerai", ended.QuerySelector("#heirs-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-6")]
    public async Task EachHeirChangeIsConfirmedByNameAndAnEndedHeirIsNotOpenedForCorrection()
    {
        var officer = await SignedInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var id = await api.RegisteredAsync(D("2026-01-06"));
        var url = $"/Workers/{id}/Heirs";
        string Confirmation(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("#confirmation")!.TextContent.Trim();

        Redirected(await officer.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.FullName"] = "Ahmad", ["Input.Relationship"] = "spouse", ["Input.Sex"] = "male", ["Input.DateOfBirth"] = "1990-01-01" }, "form[action*='Save']"), url);
        Assert.Equal("Ahli waris Ahmad dicatat.", Confirmation(await officer.GetDocumentAsync(url)));
        var heir = await Factory.WithDbAsync(db => db.Heirs.SingleAsync(h => h.WorkerId == Guid.Parse(id)));

        var edit = $"{url}?edit={heir.Id}";
        Assert.Equal("Ahmad", (await officer.GetDocumentAsync(edit)).QuerySelector("#Input_FullName")!.GetAttribute("value"));
        Redirected(await officer.SubmitFormAsync(edit, new Dictionary<string, string?> { ["Input.FullName"] = "Ahmad Fauzi", ["Input.Reason"] = "Sesuai KTP" }, "form[action*='Save']"), url);
        Assert.Equal("Data ahli waris Ahmad Fauzi diperbaiki.", Confirmation(await officer.GetDocumentAsync(url)));

        Redirected(await officer.SubmitFormAsync(url, new Dictionary<string, string?> { ["EndReason"] = "Bercerai" }, $"form[action*='heirId={heir.Id}']"), url);
        Assert.StartsWith("Ahli waris Ahmad Fauzi tidak lagi tercatat", Confirmation(await officer.GetDocumentAsync(url)), StringComparison.Ordinal);

        // The ended heir's old correction link opens the form to add an heir, not a correction form.
        var stale = await officer.GetDocumentAsync(edit);
        Assert.Null(stale.QuerySelector("#confirmation"));
        Assert.Contains("Tambah ahli waris", stale.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(stale.QuerySelector("#Input_FullName")!.GetAttribute("value")));
        Assert.DoesNotContain("edit=", stale.QuerySelector("form[action*='Save']")!.GetAttribute("action"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimsListFiltersByTheWorkersOfficeAndSaysWhatEachWaitsFor()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var offices = await Factory.WithDbAsync(db => db.Offices.OrderBy(o => o.Code).Select(o => o.Code).Take(2).ToListAsync());
        var (here, there) = (offices[0], offices[1]);
        var a = await api.PlacedAsync(D("2024-06-01"));
        var b = await api.PlacedAsync(D("2024-06-01"));
        await Factory.WithDbAsync(db => db.Workers.Where(w => w.Id == Guid.Parse(a)).ExecuteUpdateAsync(u => u.SetProperty(w => w.OfficeCode, here)));
        await Factory.WithDbAsync(db => db.Workers.Where(w => w.Id == Guid.Parse(b)).ExecuteUpdateAsync(u => u.SetProperty(w => w.OfficeCode, there)));
        var ca = (await api.ReportAsync(ClaimBody(a, "medical-care", "2025-01-05", "2025-01-10", claimedAmount: 3_000_000))).GetProperty("number").GetString()!;
        var cb = (await api.ReportAsync(ClaimBody(b, "medical-care", "2025-01-06", "2025-01-10", claimedAmount: 3_000_000))).GetProperty("number").GetString()!;

        var officer = await SignedInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var list = await officer.GetDocumentAsync($"/Claims?State=awaiting-outcome&Type=medical-care&Office={here}");
        var rows = list.QuerySelectorAll("#claims-list tbody tr").ToList();
        var row = Assert.Single(rows, r => r.TextContent.Contains(ca, StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.TextContent.Contains(cb, StringComparison.Ordinal));
        var waits = ClaimWorkflow.WaitsFor(ClaimState.AwaitingOutcome);
        Assert.Contains(row.Children[5].TextContent.Trim(), new[] { RuleText.Label(waits, "id"), RuleText.Label(waits, "en") });
        Assert.Equal(here, list.QuerySelector("#Office option[selected]")!.GetAttribute("value"));

        var json = await (await api.GetAsync($"/api/v1/claims?office={there}&type=medical-care")).JsonAsync(HttpStatusCode.OK);
        var numbers = json.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("number").GetString()).ToList();
        Assert.Contains(cb, numbers);
        Assert.DoesNotContain(ca, numbers);
        var none = await (await api.GetAsync("/api/v1/claims?office=NO-SUCH-OFFICE")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    // "Laporkan klaim" binds the API's claim request; the amount is the form's own text field.
    [Fact]
    [Trait("Rule", "R-CLM-10")]
    public async Task TheReportedAmountIsTypedWithThousandsDotsAndAWrongOneIsRefusedOnItsField()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var id = await api.PlacedAsync(D("2024-09-01"));
        var officer = await SignedInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
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

        var capped = await PageAsync(await officer.SubmitFormAsync(await officer.GetDocumentAsync(url), url + "?handler=Assess", Form("65.000.000")));
        Assert.Contains("Rp50.000.000", capped.QuerySelector("#assessment-amount")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(capped.QuerySelector("#Input_ClaimedAmount_error")!.TextContent.Trim());

        var wrong = await PageAsync(await officer.SubmitFormAsync(capped, url + "?handler=Assess", Form("12,5 juta")));
        Assert.Null(wrong.QuerySelector("#assessment"));
        Assert.Contains("Isi jumlah rupiah bulat dari 1 sampai", wrong.QuerySelector("#Input_ClaimedAmount_error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("12,5 juta", wrong.QuerySelector("#Input_ClaimedAmount")!.GetAttribute("value"));

        var claimUrl = Redirected(await officer.SubmitFormAsync(wrong, url + "?handler=Report", Form("12.345.000")), "/Claims/");
        var claimId = Guid.Parse(claimUrl["/Claims/".Length..]);
        Assert.Equal(12_345_000, await Factory.WithDbAsync(db => db.Claims.Where(c => c.Id == claimId).Select(c => c.ClaimedAmount).SingleAsync()));
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public async Task AClaimFormValueThatCannotBeReadIsSaidInTheUsersLanguageAndChangesNothing()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var id = await api.PlacedAsync(D("2024-03-01"), 24, ClaimKit.Heir("spouse", "Dodi Suami", "male", "1988-01-01"));
        var claim = await api.VerifyDocumentsAsync(await api.ReportAsync(ClaimBody(id, "death", "2025-06-10", "2025-06-20")));
        Assert.Equal("documents-complete", claim.GetProperty("state").GetString());
        var claimUrl = "/Claims/" + claim.GetProperty("id").GetString();
        var version = claim.GetProperty("version").GetInt64();
        var officer = await SignedInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);

        // A payee that is not an ID: one message on the field, in Indonesian, no English framework text.
        var page = await officer.GetDocumentAsync(claimUrl);
        var payee = await PageAsync(await officer.SubmitFormAsync(page, claimUrl + "?handler=Verify", new Dictionary<string, string?> { ["PayeeHeirId"] = "bukan-id" }, "form[action*='Verify']"));
        Assert.Equal(RuleText.Input("form.unreadable", "id"), payee.QuerySelector("#PayeeHeirId_error")!.TextContent.Trim());
        Assert.DoesNotContain("is not valid", payee.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("bukan-id", payee.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);

        // A checklist tick that is not true/false: refused as a whole, the documents stay verified.
        var checks = page.QuerySelectorAll("input[type=checkbox][name^='Verified[']").Cast<IHtmlInputElement>().ToDictionary(c => c.Name!, _ => (string?)"ya");
        var checklist = await PageAsync(await officer.SubmitFormAsync(page, claimUrl + "?handler=Checklist", checks, "form[action*='Checklist']"));
        Assert.Contains(RuleText.Input("form.unreadable", "id"), checklist.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", checklist.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var claimId = Guid.Parse(claim.GetProperty("id").GetString()!);
        var after = await Factory.WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == claimId));
        Assert.Equal(ClaimState.DocumentsComplete, after.State);
        Assert.Equal(version, after.Version);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-1")]
    public async Task ThePayeeChoicesListTheHeirsInTheRuleBooksOrderOnEveryLoad()
    {
        // Registered sibling, child, parent, spouse: offered spouse and child (A), parent (B1), sibling (B2).
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var id = await api.PlacedAsync(D("2024-03-01"), 24, ClaimKit.Heir("sibling", "Aan Saudara", "male", "1992-01-01"),
            ClaimKit.Heir("child", "Bunga Anak", "female", "2012-01-01"), ClaimKit.Heir("parent", "Citra Ibu", "female", "1960-01-01"),
            ClaimKit.Heir("spouse", "Dodi Suami", "male", "1988-01-01"));
        var officer = await SignedInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);

        for (var load = 0; load < 3; load++)
        {
            var form = await officer.GetDocumentAsync($"/Workers/{id}/Claims/New");
            var names = form.QuerySelectorAll("#Input_PayeeHeirId option").Skip(1).Select(o => o.TextContent.Split(" · ")[0]).ToArray();
            Assert.Equal(["Dodi Suami", "Bunga Anak", "Citra Ibu", "Aan Saudara"], names);
        }
    }
}

public sealed class ClaimsPagesTestsOnSqlite(SqliteAppFactory f) : ClaimsPagesTests(f), IClassFixture<SqliteAppFactory>;

public sealed class ClaimsPagesTestsOnPostgres(PostgresAppFactory f) : ClaimsPagesTests(f), IClassFixture<PostgresAppFactory>;
