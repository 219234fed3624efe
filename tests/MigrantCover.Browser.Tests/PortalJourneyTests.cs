using Microsoft.EntityFrameworkCore;

namespace MigrantCover.Browser.Tests;

/// <summary>
/// The three journeys of the portal in a real Chromium: the officer's working day, the worker checking
/// her coverage on a phone in both languages, and the admin's totals and CSV. Every page the journeys
/// visit is checked with axe-core (no serious or critical violations), and every step is screenshotted.
/// </summary>
public sealed partial class PortalJourneyTests(BrowserApp app) : JourneyTests(app), IClassFixture<BrowserApp>
{
    private const string Nik = "3302224907950003";
    private const string WrongNik = "3302220907950003";
    private const string DateOfBirth = "1995-07-09";

    private static readonly SemaphoreSlim OfficerJourneyGate = new(1, 1);
    private static Task<string>? _officerJourney;

    [Fact]
    public async Task Journey1_OfficerRegistersVerifiesRecordsPaymentsAndDeparture()
    {
        var workerId = await OfficerJourneyOnceAsync();
        Assert.NotEmpty(workerId);
    }

    [Fact]
    public async Task Journey2_WorkerChecksHerCoverageOnAPhoneInBothLanguagesAndOpensTheProof()
    {
        await OfficerJourneyOnceAsync();
        var membershipNumber = await App.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AppDbContext>()
            .Workers.Where(w => w.Nik == Nik).Select(w => w.MembershipNumber).SingleAsync();
        Assert.NotNull(membershipNumber);

        var page = await App.NewPageAsync(phone: true);
        await page.GotoAsync("/Coverage");
        await AssertAccessibleAsync(page, "coverage (id)");
        await LookUpAsync(page, membershipNumber!);
        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("JKK");
        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("Aktif");
        await BrowserApp.ScreenshotAsync(page, "worker-coverage-phone-id", forDocs: true);
        await AssertAccessibleAsync(page, "coverage answer (id)");
        await page.ClickAsync("form[action*='Proof'] button[type=submit]");
        await Assertions.Expect(page.Locator("#proof-qr")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "proof (id)");

        await page.GotoAsync("/Coverage");
        await page.ClickAsync("a[lang=en]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await LookUpAsync(page, membershipNumber!);
        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("Active");
        await BrowserApp.ScreenshotAsync(page, "worker-coverage-phone-en", forDocs: true);
        await AssertAccessibleAsync(page, "coverage answer (en)");

        await page.ClickAsync("form[action*='Proof'] button[type=submit]");
        await Assertions.Expect(page.Locator("#proof-qr")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "worker-proof-phone", forDocs: true);
        await AssertAccessibleAsync(page, "proof (en)");
        var verifyUrl = (await page.Locator("#proof-link").InnerTextAsync()).Trim();
        Assert.Contains("/Coverage/Verify/", verifyUrl);
        Assert.DoesNotContain(membershipNumber!, verifyUrl);

        // An employer opens the link from the QR code, without signing in.
        var employer = await App.NewPageAsync(phone: true);
        await employer.GotoAsync(new Uri(verifyUrl).PathAndQuery);
        await Assertions.Expect(employer.Locator("main")).ToContainTextAsync(membershipNumber!);
        await Assertions.Expect(employer.Locator("main")).ToContainTextAsync("S*** A*****");
        await BrowserApp.ScreenshotAsync(employer, "verify-phone");
        await AssertAccessibleAsync(employer, "verify (id)");
    }

    [Fact]
    public async Task Journey3_AdminSeesTheWorkerInTheTotalsAndDownloadsACsv()
    {
        await OfficerJourneyOnceAsync();
        var page = await App.NewPageAsync();
        await SignInWithKeyboardAsync(page, DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
        await page.GotoAsync("/Admin");
        await Assertions.Expect(page.Locator("#table-totals")).ToBeVisibleAsync();

        // The only worker of this portal has departed: one placed worker, one participant.
        var placedRow = page.Locator("#table-totals tr", new() { HasTextRegex = PlacedRow() });
        await Assertions.Expect(placedRow).ToContainTextAsync("1");
        await BrowserApp.ScreenshotAsync(page, "admin-dashboard", forDocs: true);
        await AssertAccessibleAsync(page, "dashboard (id)");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#table-byDestination caption a"));
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path!);
        Assert.StartsWith("\uFEFF", await File.ReadAllTextAsync(path!, System.Text.Encoding.Latin1) is { } raw && raw.StartsWith("ï»¿", StringComparison.Ordinal) ? "\uFEFF" : "no BOM");
        Assert.Contains("HK", csv);

        await page.ClickAsync("a[lang=en]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await AssertAccessibleAsync(page, "dashboard (en)");
    }

    /// <summary>
    /// Issue 15 on a phone: the answer survives the language switch (no identifier in the address), the
    /// proof downloads as PNG and PDF and both QR codes decode to the verification link, an English-speaking
    /// employer gets the verification in English, and "who looked at my record" lists this journey's lookups.
    /// </summary>
    [Fact]
    public async Task Journey4_WorkerKeepsHerAnswerAcrossLanguagesDownloadsTheProofAndSeesWhoLooked()
    {
        await OfficerJourneyOnceAsync();
        var membershipNumber = await App.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<AppDbContext>()
            .Workers.Where(w => w.Nik == Nik).Select(w => w.MembershipNumber).SingleAsync();

        var page = await App.NewPageAsync(phone: true);
        await page.GotoAsync("/Coverage");
        await LookUpAsync(page, membershipNumber!);
        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("Aktif");
        await Assertions.Expect(page.Locator("#lookups tbody tr").First).ToHaveAttributeAsync("data-channel", "page");

        // The switch keeps the answer; nothing she typed is in the address.
        await page.ClickAsync("a[lang=en]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync("Active");
        await Assertions.Expect(page.Locator("#answer")).ToContainTextAsync(membershipNumber!);
        await Assertions.Expect(page.Locator("#how-to-claim")).ToContainTextAsync("If something happens");
        Assert.DoesNotContain(membershipNumber!, page.Url);
        Assert.DoesNotContain("1995", page.Url);
        await BrowserApp.ScreenshotAsync(page, "worker-coverage-kept-en", forDocs: true);
        await AssertAccessibleAsync(page, "kept answer (en)");

        await page.ClickAsync("form[action*='Proof'] button[type=submit]");
        await Assertions.Expect(page.Locator("#proof-qr")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "proof with downloads (en)");
        var link = await page.Locator("#proof-link").GetAttributeAsync("href");
        Assert.Contains("/Coverage/Verify/", link);

        var png = await DownloadAsync(page, "#proof-png");
        Assert.Equal(link, await DecodeQrAsync(page, png, null));

        var pdfBytes = await DownloadAsync(page, "#proof-pdf");
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(pdfBytes))
        {
            Assert.Equal(1, pdf.NumberOfPages);
            var pdfPage = pdf.GetPage(1);
            var text = string.Join(" ", pdfPage.GetWords().Select(w => w.Text));
            Assert.Contains("Proof of coverage", text);
            Assert.Contains("Wallet card", text);
            Assert.Contains(membershipNumber!, text);
            var image = pdfPage.GetImages().First();
            Assert.True(image.TryGetBytesAsMemory(out var gray), "the QR image of the PDF could not be read");
            Assert.Equal(link, await DecodeQrAsync(page, gray.ToArray(), (image.WidthInSamples, image.HeightInSamples)));
        }

        // An employer whose browser speaks English opens the link.
        var employer = await App.NewPageAsync(phone: true, locale: "en-US");
        await employer.GotoAsync(new Uri(link!).PathAndQuery);
        await Assertions.Expect(employer.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(employer.Locator("h1")).ToHaveTextAsync("Verify a proof of coverage");
        await Assertions.Expect(employer.Locator("#verify-as-of")).ToContainTextAsync("Hong Kong time");
        await AssertAccessibleAsync(employer, "verify (en)");

        // Back on her answer: the employer's verification is the newest lookup, then her own.
        await page.GotoAsync("/Coverage?result=1");
        var rows = page.Locator("#lookups tbody tr");
        await Assertions.Expect(rows.Nth(0)).ToHaveAttributeAsync("data-channel", "proof");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Proof verification");
        await Assertions.Expect(rows.Nth(1)).ToHaveAttributeAsync("data-channel", "page");
        await BrowserApp.ScreenshotAsync(page, "worker-who-looked", forDocs: true);
    }

    /// <summary>
    /// Issue 15: the first visit of /Coverage on a phone transfers under 60 KB, summed from what Chromium
    /// reports for every response of the visit (headers and the body as sent, compressed).
    /// </summary>
    [Fact]
    public async Task Journey5_TheFirstVisitOfTheCoveragePageTransfersUnder60Kilobytes()
    {
        var page = await App.NewPageAsync(phone: true);
        var visit = await FirstVisit.MeasureAsync(page, "/Coverage");
        Assert.NotEmpty(visit.Responses);

        Assert.Contains(visit.Responses, r => r.Path.Contains("bootstrap", StringComparison.Ordinal));
        TestContext.Current.TestOutputHelper?.WriteLine($"First visit of /Coverage: {visit}");
        File.WriteAllText(Path.Combine(BrowserApp.ScreenshotFolder, "coverage-first-visit.txt"), visit.ToString());
        Assert.True(visit.TotalBytes < 60 * 1024, $"The first visit transfers {visit}");
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string selector)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(selector));
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }

    /// <summary>Decodes a QR code with jsQR in the page: a PNG, or 8-bit grey samples of the given size (the PDF's image).</summary>
    private static async Task<string?> DecodeQrAsync(IPage page, byte[] image, (int Width, int Height)? gray)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Path.Combine(AppContext.BaseDirectory, "qr", "jsQR.js") });
        return await page.EvaluateAsync<string?>(
            """
            async ([b64, w, h]) => {
              const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
              let data, width, height;
              if (w > 0) {
                width = w; height = h; data = new Uint8ClampedArray(w * h * 4);
                for (let i = 0; i < w * h; i++) { data[i * 4] = data[i * 4 + 1] = data[i * 4 + 2] = bytes[i]; data[i * 4 + 3] = 255; }
              } else {
                const img = new Image();
                img.src = URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
                await img.decode();
                const canvas = document.createElement('canvas');
                canvas.width = width = img.naturalWidth; canvas.height = height = img.naturalHeight;
                const ctx = canvas.getContext('2d');
                ctx.drawImage(img, 0, 0);
                data = ctx.getImageData(0, 0, width, height).data;
              }
              const found = jsQR(data, width, height);
              return found ? found.data : null;
            }
            """,
            new object[] { Convert.ToBase64String(image), gray?.Width ?? 0, gray?.Height ?? 0 });
    }

    /// <summary>The officer's journey, run by whichever journey comes first; returns the worker's id.</summary>
    private Task<string> OfficerJourneyOnceAsync()
    {
        OfficerJourneyGate.Wait();
        try
        {
            return _officerJourney ??= OfficerJourneyAsync();
        }
        finally
        {
            OfficerJourneyGate.Release();
        }
    }

    private async Task<string> OfficerJourneyAsync()
    {
        var page = await App.NewPageAsync();
        await SignInWithKeyboardAsync(page, DemoAccounts.OfficerEmail, DemoAccounts.OfficerPassword);
        await AssertAccessibleAsync(page, "worker list (id)");

        // Register, first with a NIK whose day part is not a woman's: refused next to the field (R-NIK-3).
        await page.GotoAsync("/Workers/Register");
        await AssertAccessibleAsync(page, "registration (id)");
        await FillRegistrationAsync(page, WrongNik, DateOfBirth, App.Today);
        await page.ClickAsync("main form button.btn-primary");
        await Assertions.Expect(page.Locator("#Input_Nik_error")).ToContainTextAsync("R-NIK-3");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "officer-register-wrong-nik", forDocs: true);
        await AssertAccessibleAsync(page, "registration with errors (id)");

        await page.FillAsync("#Input_Nik", Nik);
        await page.ClickAsync("main form button.btn-primary");
        await page.WaitForURLAsync(WorkerUrl());
        var workerId = WorkerUrl().Match(page.Url).Groups[1].Value;

        // Verify the eight documents of R-DOC-1 in one form (the passport with its number, R-DOC-2).
        await VerifyAllDocumentsAsync(page);
        await Assertions.Expect(page.Locator("#confirmation")).ToContainTextAsync("paspor");
        foreach (var code in DocumentCodes)
        {
            await Assertions.Expect(page.Locator($"#document-{code} .badge")).ToHaveClassAsync(new Regex("text-bg-success"));
        }

        await AssertAccessibleAsync(page, "worker (id)");

        // The pre-placement and placement contributions (R-TAR-3): 37.500 and 332.500 for 24 months.
        foreach (var (kind, amount) in new[] { ("pre-placement", "37500"), ("placement", "332500") })
        {
            await StartPaymentAsync(page, workerId, kind, App.Today);
            await page.ClickAsync("button[formnovalidate]");
            await Assertions.Expect(page.Locator("#expected-amount")).ToContainTextAsync(kind == "placement" ? "332.500" : "37.500");
            await AssertAccessibleAsync(page, $"payment {kind} (id)");
            await RecordPaymentAsync(page, $"BPJS-{kind}-{workerId[..8]}", amount);
        }

        await BrowserApp.ScreenshotAsync(page, "officer-receipt");
        await ReceiptPrintsCompleteAsync(page);

        // Departure today (R-COV-8 satisfied), then the coverage time line.
        await SubmitDepartureAsync(page, workerId, App.Today);
        await BrowserApp.ScreenshotAsync(page, "officer-departure-submitted");
        await page.WaitForURLAsync(WorkerUrl());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Chan Family");
        await Assertions.Expect(page.Locator("main svg").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "officer-worker-timeline", forDocs: true);
        await TimelineLabelsClearTheBarsAsync(page);
        await AssertAccessibleAsync(page, "worker after departure (id)");

        await page.ClickAsync("a[lang=en]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await TimelineLabelsClearTheBarsAsync(page);
        await AssertAccessibleAsync(page, "worker (en)");
        await page.GotoAsync("/Workers");
        await AssertAccessibleAsync(page, "worker list (en)");
        await page.GotoAsync("/Workers/Register");
        await AssertAccessibleAsync(page, "registration (en)");
        await page.GotoAsync($"/Workers/{workerId}/Payment");
        await AssertAccessibleAsync(page, "payment (en)");
        return workerId;
    }

    /// <summary>
    /// The time line's row names end left of where its bars begin (the bars' axis starts at x = 60 of the
    /// drawing), so no name is drawn over a bar or cut off, in either language.
    /// </summary>
    private static async Task TimelineLabelsClearTheBarsAsync(IPage page)
    {
        var ends = await page.EvaluateAsync<double[]>(
            "() => [...document.querySelectorAll('svg.timeline-svg .tl-label')].map(t => { const b = t.getBBox(); return b.x + b.width; })");
        var axisStarts = await page.EvaluateAsync<double>("() => document.querySelector('svg.timeline-svg .tl-axis').x1.baseVal.value");
        Assert.Equal(3, ends.Length);
        Assert.All(ends, end => Assert.True(end < axisStarts, $"a time line label ends at {end}, past the bars' start at {axisStarts}"));
    }

    /// <summary>
    /// The receipt as the browser prints it (print media, A4, PDF from Chromium): the title, the receipt
    /// number and the signature line are in the PDF's text, on one page; a picture of it goes to docs.
    /// </summary>
    private static async Task ReceiptPrintsCompleteAsync(IPage page)
    {
        var number = (await page.Locator("#receipt-number").InnerTextAsync()).Trim();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await BrowserApp.ScreenshotAsync(page, "officer-receipt-print", forDocs: true);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        File.WriteAllBytes(Path.Combine(BrowserApp.ScreenshotFolder, "officer-receipt.pdf"), pdf);

        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        foreach (var expected in new[] { "Tanda terima pembayaran", number[..8], "Tanda tangan", "Cap kantor", "BPJS", "0003", "Lombok Timur", "Permenaker", "rupiah" })
        {
            Assert.True(text.Contains(expected, StringComparison.OrdinalIgnoreCase), $"the printed receipt lacks \"{expected}\": {text}");
        }

        // The site's own menu is not printed.
        Assert.DoesNotContain("Keluar", text, StringComparison.Ordinal);
    }

    private static async Task LookUpAsync(IPage page, string membershipNumber)
    {
        await page.FillAsync("#Input_Identifier", membershipNumber);
        await page.FillAsync("#Input_DateOfBirth", DateOfBirth);
        await page.Locator("#Input_DateOfBirth").PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    [GeneratedRegex("Ditempatkan|Placed")]
    private static partial Regex PlacedRow();
}
