using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MigrantCover.Web.Data.Entities;
using MigrantCover.Web.Demo;

namespace MigrantCover.Browser.Tests;

/// <summary>
/// Issue 16, acceptance 3, in a real Chromium: an officer registers a worker with two heirs through the
/// form, pays, records the departure, reports a death during placement from the worker page, verifies the
/// checklist and the claim; the same officer may not approve (four eyes, R-CLM-9), a second officer
/// approves, the claim is paid with a reference; the family then sees the state on the coverage page.
/// Every claim page is checked with axe-core (no serious or critical violation).
/// </summary>
public sealed partial class ClaimJourneyTests(BrowserApp app) : JourneyTests(app), IClassFixture<BrowserApp>
{
    private const string Nik = "3302224907950003";
    private const string DateOfBirth = "1995-07-09";
    private const string SecondOfficerEmail = "petugas2@demo.migrantcover.id";
    private const string SecondOfficerPassword = "Petugas-Kedua#2026";

    [Fact]
    public async Task DeathDuringPlacement_FromTheWorkerPageToPaid_WithASecondApprover_R_CLM_9_AndTheFamilySeesTheState()
    {
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await StaffAccounts.CreateAsync(users, scope.ServiceProvider.GetRequiredService<TimeProvider>(), SecondOfficerEmail, "Petugas Kedua", SecondOfficerPassword, Roles.Officer, OfficeCatalog.DemoOfficerOffice);
        }

        var page = await App.NewPageAsync();
        await SignInAsync(page, DemoAccounts.OfficerEmail, DemoAccounts.OfficerPassword);

        // Registration with two heirs (R-HEIR-3): the second row comes from "add a row", without JavaScript.
        await page.GotoAsync("/Workers/Register");
        await FillRegistrationAsync(page, Nik, DateOfBirth, App.Today);
        await FillHeirAsync(page, 0, "Darto Sugiharto", "spouse", "male", "1990-02-14");
        await page.ClickAsync("#add-heir-row");
        await Assertions.Expect(page.Locator(".heir-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#Input_Heirs_0__fullName")).ToHaveValueAsync("Darto Sugiharto");
        await FillHeirAsync(page, 1, "Putri Aminah", "child", "female", "2016-08-01");
        await BrowserApp.ScreenshotAsync(page, "officer-register-heirs", forDocs: true);
        await AssertAccessibleAsync(page, "registration with heirs (id)");
        await page.ClickAsync("main form button.btn-primary");
        await page.WaitForURLAsync(WorkerUrl());
        var workerId = WorkerUrl().Match(page.Url).Groups[1].Value;
        await Assertions.Expect(page.Locator("#heirs li")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#heirs")).ToContainTextAsync("Darto Sugiharto");
        await Assertions.Expect(page.Locator("#heirs")).ToContainTextAsync("(A)");

        // Documents, the two contributions and the departure today: she is in placement.
        await VerifyAllDocumentsAsync(page);
        await Assertions.Expect(page.Locator("#confirmation")).ToBeVisibleAsync();
        foreach (var (kind, amount) in new[] { ("pre-placement", "37500"), ("placement", "332500") })
        {
            await StartPaymentAsync(page, workerId, kind, App.Today);
            await RecordPaymentAsync(page, $"BPJS-{kind}-{workerId[..8]}", amount);
        }

        await SubmitDepartureAsync(page, workerId, App.Today);
        await page.WaitForURLAsync(WorkerUrl());

        // "Laporkan klaim" from the worker page: a death during placement, reported by the family.
        await page.ClickAsync("#report-claim");
        await page.WaitForURLAsync(new Regex("/Claims/New$"));
        await AssertAccessibleAsync(page, "report a claim (id)");
        await page.SelectOptionAsync("#Input_Type", "death");
        await page.FillAsync("#Input_IncidentOn", App.Today);
        await page.SelectOptionAsync("#Input_ReporterRole", "family");
        await page.FillAsync("#Input_ReporterName", "Darto Sugiharto");
        await page.FillAsync("#Input_ReporterContact", "+6281333444555");
        await page.SelectOptionAsync("#Input_PayeeHeirId", new SelectOptionValue { Index = 1 });
        await page.ClickAsync("button[formaction*='handler=Assess']");

        // The assessment at once, in plain words: covered, in placement, Rp85.000.000 (R-CLM-1, R-CLM-10).
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("85.000.000");
        await BrowserApp.ScreenshotAsync(page, "officer-claim-assessment", forDocs: true);
        await AssertAccessibleAsync(page, "claim assessment (id)");
        await page.ClickAsync("button[formaction*='handler=Report']");
        await page.WaitForURLAsync(ClaimUrl());
        var claimUrl = new Uri(page.Url).AbsolutePath;
        await Assertions.Expect(page.Locator("#claim-state")).ToHaveAttributeAsync("data-state", "submitted");
        await AssertAccessibleAsync(page, "claim submitted (id)");

        // The checklist in one form (R-CLM-8): every item verified → documents-complete by itself.
        var boxes = page.Locator("input[type=checkbox][name^='Verified[']");
        for (var i = 0; i < await boxes.CountAsync(); i++)
        {
            await boxes.Nth(i).CheckAsync();
        }

        await page.Locator("form[action*='handler=Checklist'] tr", new() { HasText = "akta" }).Locator("input[type=text]").FillAsync("AKTA-KEMATIAN-0001");
        await page.ClickAsync("form[action*='handler=Checklist'] button[type=submit]");
        await Assertions.Expect(page.Locator("#claim-state")).ToHaveAttributeAsync("data-state", "documents-complete");
        await AssertAccessibleAsync(page, "claim documents complete (id)");

        await page.ClickAsync("#verify-button");
        await Assertions.Expect(page.Locator("#claim-state")).ToHaveAttributeAsync("data-state", "verified");
        await BrowserApp.ScreenshotAsync(page, "officer-claim-verified", forDocs: true);
        await AssertAccessibleAsync(page, "claim verified (id)");

        // Four eyes (R-CLM-9): the verifier's own approval is refused, next to nothing changed.
        await page.ClickAsync("#approve-button");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#error-summary")).ToContainTextAsync("R-CLM-9");
        await Assertions.Expect(page.Locator("#claim-state")).ToHaveAttributeAsync("data-state", "verified");
        await AssertAccessibleAsync(page, "claim approval refused (id)");

        // The second officer approves and pays with the transfer's reference (R-PAY-2: once).
        var second = await App.NewPageAsync();
        await SignInAsync(second, SecondOfficerEmail, SecondOfficerPassword);
        await second.GotoAsync(claimUrl);
        await second.ClickAsync("#approve-button");
        await Assertions.Expect(second.Locator("#claim-state")).ToHaveAttributeAsync("data-state", "approved");
        await Assertions.Expect(second.Locator("#approved-amount")).ToContainTextAsync("85.000.000");
        await AssertAccessibleAsync(second, "claim approved (id)");
        await second.FillAsync("#Reference", "BPJS-KLM-2026-000123");
        await second.ClickAsync("#pay-button");
        await Assertions.Expect(second.Locator("#claim-state")).ToHaveAttributeAsync("data-state", "paid");
        await Assertions.Expect(second.Locator("#claim-paid")).ToContainTextAsync("BPJS-KLM-2026-000123");
        // The history says who did what, in words: the report and verification by the first officer, the approval by the second.
        await Assertions.Expect(second.Locator("#claim-history")).ToContainTextAsync(DemoAccounts.OfficerEmail);
        await Assertions.Expect(second.Locator("#claim-history tr", new() { HasText = "Rp85.000.000" })).ToContainTextAsync(SecondOfficerEmail);
        await Assertions.Expect(second.Locator("#claim-history")).ToContainTextAsync("BPJS-KLM-2026-000123");
        await BrowserApp.ScreenshotAsync(second, "officer-claim-paid", forDocs: true);
        await AssertAccessibleAsync(second, "claim paid (id)");
        await second.ClickAsync("a[lang=en]");
        await Assertions.Expect(second.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(second.Locator("#claim-history")).ToContainTextAsync("Paid");
        await AssertAccessibleAsync(second, "claim paid (en)");

        // The claims list shows it, paid, and waiting for nothing.
        await page.GotoAsync("/Claims");
        await Assertions.Expect(page.Locator("#claims-list")).ToContainTextAsync("Siti Aminah");
        await BrowserApp.ScreenshotAsync(page, "officer-claims-list", forDocs: true);
        await AssertAccessibleAsync(page, "claims list (id)");

        // Approval recorded the stage deceased (R-CLM-9); the family looks her up on a phone.
        var membershipNumber = await App.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AppDbContext>()
            .Workers.Where(w => w.Nik == Nik).Select(w => w.MembershipNumber).SingleAsync();
        Assert.NotNull(membershipNumber);
        var family = await App.NewPageAsync(phone: true);
        await family.GotoAsync("/Coverage");
        await family.FillAsync("#Input_Identifier", membershipNumber!);
        await family.FillAsync("#Input_DateOfBirth", DateOfBirth);
        await family.Locator("#Input_DateOfBirth").PressAsync("Enter");
        await Assertions.Expect(family.Locator("#public-claims")).ToBeVisibleAsync();
        await Assertions.Expect(family.Locator("#public-claims li")).ToHaveAttributeAsync("data-state", "paid");
        await Assertions.Expect(family.Locator("#public-claims")).ToContainTextAsync("dibayar", new() { IgnoreCase = true });
        await Assertions.Expect(family.Locator("#public-claims")).Not.ToContainTextAsync("85.000.000");
        await Assertions.Expect(family.Locator("#public-claims")).Not.ToContainTextAsync("AKTA-KEMATIAN");
        await BrowserApp.ScreenshotAsync(family, "worker-coverage-claim-phone-id", forDocs: true);
        await AssertAccessibleAsync(family, "coverage answer with a claim (id)");
    }

    private static async Task FillHeirAsync(IPage page, int row, string name, string relationship, string sex, string dateOfBirth)
    {
        await page.FillAsync($"#Input_Heirs_{row}__fullName", name);
        await page.SelectOptionAsync($"#Input_Heirs_{row}__relationship", relationship);
        await page.SelectOptionAsync($"#Input_Heirs_{row}__sex", sex);
        await page.FillAsync($"#Input_Heirs_{row}__dateOfBirth", dateOfBirth);
    }

    [GeneratedRegex(@"/Claims/[0-9a-f-]{36}$")]
    private static partial Regex ClaimUrl();
}
