using MigrantCover.Domain;

namespace MigrantCover.Browser.Tests;

/// <summary>
/// Acceptance 2 of issue 14 in a real Chromium: the officer uploads a file, sees the dry run's summary and
/// refused rows, downloads the errors, commits, watches the progress and finds the workers in the list;
/// axe finds no serious or critical violation on the import pages.
/// </summary>
public sealed partial class ImportJourneyTests(BrowserApp app) : JourneyTests(app), IClassFixture<BrowserApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task OfficerUploadsSeesTheDryRunDownloadsErrorsCommitsWatchesProgressAndFindsTheWorkers()
    {
        var page = await App.NewPageAsync();
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        await SignInAsync(page, DemoAccounts.OfficerEmail, DemoAccounts.OfficerPassword);

        await page.ClickAsync("a[href='/Workers/Import']");
        await AssertAccessibleAsync(page, "import upload");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "intake.csv", MimeType = "text/csv", Buffer = File(out var names) });
        await page.ClickAsync("#upload");
        await page.WaitForURLAsync(ImportUrl());

        // The dry run: its summary, the refused row with its line, rule and message.
        await Assertions.Expect(page.Locator("#import-state")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Assertions.Expect(page.Locator("#sum-valid")).ToHaveTextAsync("5");
        await Assertions.Expect(page.Locator("#sum-invalid")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#sum-created")).ToHaveTextAsync("0");
        await Assertions.Expect(page.Locator("#import-errors tbody tr").First).ToContainTextAsync("R-NIK-1");
        await Assertions.Expect(page.Locator("#import-errors tbody tr").First.Locator("td").First).ToHaveTextAsync("7");
        await AssertAccessibleAsync(page, "import dry run");
        await BrowserApp.ScreenshotAsync(page, "import-dry-run");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#errors-csv"));
        var report = await System.IO.File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("line,field,ruleId,message", report.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("7,nik,R-NIK-1,", report, StringComparison.Ordinal);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#errors-xlsx"));
        Assert.EndsWith(".xlsx", xlsx.SuggestedFilename, StringComparison.Ordinal);

        // Commit: a new import, its progress bar, then the registered workers.
        await page.ClickAsync("#commit");
        await page.WaitForURLAsync(ImportUrl());
        await Assertions.Expect(page.Locator("#import-progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#import-state")).ToHaveAttributeAsync("data-state", "done", new() { Timeout = (float)Patience.TotalMilliseconds });

        // (No axe check while it runs: the page reloads itself when the import ends, import.js, which can
        // destroy axe's script context halfway; the finished page is checked below.)
        await Assertions.Expect(page.Locator("#sum-created")).ToHaveTextAsync("5");
        Assert.Equal("6", await page.Locator("#import-progress").GetAttributeAsync("value"));
        await AssertAccessibleAsync(page, "import done");
        await BrowserApp.ScreenshotAsync(page, "import-done");

        await page.ClickAsync("#see-workers");
        await page.FillAsync("#Filter_Search", names[0]);
        await page.Locator("#Filter_Search").PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(names[0]);

        await page.ClickAsync("a[lang=en]");
        await page.GotoAsync("/Workers/Import");
        await AssertAccessibleAsync(page, "import list (en)");
    }

    // Five good candidates and, on line 7, a NIK of five digits (R-NIK-1); semicolons as Indonesian Excel saves.
    private static byte[] File(out List<string> names)
    {
        var dob = new DateOnly(1995, 7, 9);
        var sb = new StringBuilder("nik;familyCardNumber;fullName;sex;dateOfBirth;placeOfBirth;address;purpose;category;scheme;agencyName;agencyLicence;destinationCountry;occupation;contractMonths;placementAgreementSignedOn;registeredOn\r\n");
        names = [];
        var serial = 5000 + Random.Shared.Next(4000);
        for (var i = 0; i < 6; i++)
        {
            var name = "Siti Impor " + (char)('A' + i) + serial.ToString(CultureInfo.InvariantCulture);
            names.Add(name);
            var nik = i == 5 ? "12345" : Nik.Build("33", "02", "22", dob, Sex.Female, serial + i);
            sb.Append(CultureInfo.InvariantCulture, $"{nik};3302220101090007;{name};female;09/07/1995;Cilacap;\"Jl. Merdeka 1; Cilacap\";work;domestic;agency;PT Contoh Jaya;KEP.123/2024;HK;caregiver;24;2026-01-05;2026-01-06\r\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    [GeneratedRegex(@"/Workers/Import/\d+$")]
    private static partial Regex ImportUrl();
}
