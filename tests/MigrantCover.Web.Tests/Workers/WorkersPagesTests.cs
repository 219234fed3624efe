using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Workers;

/// <summary>The officers' pages, by posting their rendered forms (antiforgery included), on each provider.</summary>
public abstract class WorkersPagesTests(AppFactory factory) : ProviderTests(factory)
{
    private async Task<HttpClient> OfficerAsync()
    {
        var client = Factory.CreateBrowserClient();
        await client.SignInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        return client;
    }

    private static Dictionary<string, string?> Form(Dictionary<string, object?>? overrides = null)
    {
        var body = Body(overrides);
        return body.Where(kv => kv.Key != "confirmDuplicate")
            .ToDictionary(kv => "Input." + char.ToUpperInvariant(kv.Key[0]) + kv.Key[1..], kv => kv.Value is null ? "" : Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string WorkerIdOf(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/Workers/[0-9a-f-]{36}$", location);
        return location["/Workers/".Length..];
    }

    private static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Forms.ParseAsync(response);
    }

    /// <summary>The fields of the one documents form with <paramref name="types"/> ticked, each with its reference.</summary>
    private static Dictionary<string, string?> Documents(IEnumerable<string> types, string? passport = null)
    {
        var all = Codes.All<DocumentType>().ToList();
        var fields = new Dictionary<string, string?>();
        foreach (var type in types)
        {
            var i = all.IndexOf(type);
            fields[$"Docs[{i}].Checked"] = "true";
            fields[$"Docs[{i}].Reference"] = "REF-" + type;
        }

        if (passport is not null)
        {
            fields["Document.PassportNumber"] = passport;
        }

        return fields;
    }

    private async Task<string> RegisterAsync(HttpClient client, Dictionary<string, object?>? overrides = null) =>
        WorkerIdOf(await client.SubmitFormAsync("/Workers/Register", Form(overrides)));

    [Fact]
    public async Task PassportNumberOfAnotherWorkerAsksTheOfficerToConfirmOnTheWorkersPage()
    {
        var client = await OfficerAsync();
        var first = await RegisterAsync(client);
        var second = await RegisterAsync(client);
        var passport = NewPassport();
        var fields = Documents(["passport"], passport);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/Workers/{first}", fields, "#documents-form")).StatusCode);

        var warned = await PageAsync(await client.SubmitFormAsync($"/Workers/{second}", fields, "#documents-form"));
        Assert.Contains("sudah tercatat pada pekerja lain", warned.QuerySelector("#Document_PassportNumber_error")!.TextContent);
        Assert.NotNull(warned.QuerySelector($"#document-passport a[href='/Workers/{first}']"));

        var confirmed = await client.SubmitFormAsync(warned, $"/Workers/{second}", new Dictionary<string, string?>(Documents(["passport"], passport)) { ["Document.ConfirmDuplicate"] = "true" }, "#documents-form");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var saved = await Factory.WithDbAsync(db => db.Workers.Where(w => w.Id == Guid.Parse(second)).Select(w => w.PassportNumber).SingleAsync());
        Assert.Equal(passport, saved);
    }

    [Fact]
    public async Task RegistersThroughTheFormAndShowsTheWorkersPage()
    {
        var client = await OfficerAsync();
        var word = UniqueWord();
        var id = await RegisterAsync(client, new() { ["fullName"] = "Ani " + word });
        var page = await client.GetDocumentAsync($"/Workers/{id}");
        Assert.Equal("Ani " + word, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("calon pekerja", page.QuerySelector("#stage")!.TextContent.Trim());
        Assert.Contains("belum membayar iuran", page.QuerySelector("#coverage-status")!.TextContent);
        Assert.NotNull(page.QuerySelector("svg.timeline-svg line.tl-today"));
        Assert.Equal(8, page.QuerySelectorAll("#documents tbody tr").Length);
        Assert.Equal("Surat keterangan status perkawinan", page.QuerySelector("#document-marital-status th")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("#history td"), td => td.TextContent.Trim() == AppFactory.OfficerEmail);
    }

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    public async Task ShowsEachRuleErrorNextToItsFieldAndInTheSummaryInIndonesianThenEnglish()
    {
        var client = await OfficerAsync();
        var fields = Form(new() { ["nik"] = "3302224907950003", ["sex"] = "male", ["destinationCountry"] = "SA", ["dateOfBirth"] = "2025-02-30" });
        var page = await PageAsync(await client.SubmitFormAsync("/Workers/Register", fields));
        Assert.Contains("R-DST-2", page.QuerySelector("#Input_DestinationCountry_error")!.TextContent);
        Assert.Contains("TTTT-BB-HH", page.QuerySelector("#Input_DateOfBirth_error")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#Input_DestinationCountry")!.GetAttribute("aria-invalid"));
        Assert.Contains(page.QuerySelectorAll("#error-summary a"), a => a.GetAttribute("href") == "#Input_DestinationCountry");
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Workers.CountAsync(w => w.Nik == "3302224907950003" && w.Sex == Sex.Male)));

        // R-NIK-3 with a valid date of birth; then the same in English.
        fields["Input.DateOfBirth"] = "1995-07-09";
        fields["Input.DestinationCountry"] = "HK";
        page = await PageAsync(await client.SubmitFormAsync("/Workers/Register", fields));
        Assert.Contains("R-NIK-3", page.QuerySelector("#Input_Nik_error")!.TextContent);
        await client.GetAsync("/language?culture=en-US&returnUrl=/");
        page = await PageAsync(await client.SubmitFormAsync("/Workers/Register", fields));
        Assert.Contains("R-NIK-3", page.QuerySelector("#Input_Nik_error")!.TextContent);
        Assert.Contains("Register a migrant worker candidate", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    [Trait("Rule", "R-NIK-4")]
    public async Task ExistingNikLinksToTheExistingWorkerAndDuplicateNeedsConfirmation()
    {
        var client = await OfficerAsync();
        var first = Form();
        var id = WorkerIdOf(await client.SubmitFormAsync("/Workers/Register", first));

        var again = await PageAsync(await client.SubmitFormAsync("/Workers/Register", Form(new() { ["nik"] = first["Input.Nik"] })));
        Assert.Equal($"/Workers/{id}", again.QuerySelector("#existing-worker")!.GetAttribute("href"));

        var twin = Form(new() { ["fullName"] = first["Input.FullName"] });
        var warned = await client.SubmitFormAsync("/Workers/Register", twin);
        var warning = await PageAsync(warned);
        Assert.NotNull(warning.QuerySelector("#Input_ConfirmDuplicate"));
        Assert.Contains(warning.QuerySelectorAll("#Input_ConfirmDuplicate_box a"), a => a.GetAttribute("href") == $"/Workers/{id}");

        twin["Input.ConfirmDuplicate"] = "true";
        var confirmed = await client.SubmitFormAsync(warning, "/Workers/Register", twin);
        Assert.NotEqual(id, WorkerIdOf(confirmed));
    }

    [Fact]
    public async Task TheListWithoutParametersRendersTheWorkersAndNoBindingError()
    {
        var client = await OfficerAsync();
        var id = await RegisterAsync(client);
        foreach (var url in new[] { "/Workers", "/Workers/Index", "/Workers?Filter.Stage=" })
        {
            var page = await client.GetDocumentAsync(url);
            Assert.Null(page.QuerySelector("#error-summary"));
            Assert.DoesNotContain("is not valid", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains(page.QuerySelectorAll("#workers tbody a"), a => a.GetAttribute("href") == $"/Workers/{id}");
        }
    }

    [Fact]
    public async Task FindsByNikThroughThePostedSearchAndFiltersByGet()
    {
        var client = await OfficerAsync();
        var word = UniqueWord();
        var form = Form(new() { ["fullName"] = "Rina " + word, ["destinationCountry"] = "MY" });
        var id = WorkerIdOf(await client.SubmitFormAsync("/Workers/Register", form));

        var found = await PageAsync(await client.SubmitFormAsync("/Workers", new Dictionary<string, string?> { ["Filter.Search"] = form["Input.Nik"] }));
        var link = Assert.Single(found.QuerySelectorAll("#workers tbody a"));
        Assert.Equal($"/Workers/{id}", link.GetAttribute("href"));

        var byName = await PageAsync(await client.SubmitFormAsync("/Workers", new Dictionary<string, string?> { ["Filter.Search"] = "rina " + word.ToLowerInvariant() }));
        Assert.Single(byName.QuerySelectorAll("#workers tbody a"));

        var filtered = await client.GetDocumentAsync("/Workers?Filter.Stage=candidate&Filter.DestinationCountry=MY&Filter.Province=33&Filter.Scheme=agency");
        Assert.Contains(filtered.QuerySelectorAll("#workers tbody a"), a => a.GetAttribute("href") == $"/Workers/{id}");
        var none = await client.GetDocumentAsync("/Workers?Filter.Stage=placed&Filter.DestinationCountry=MY");
        Assert.DoesNotContain(none.QuerySelectorAll("#workers tbody a"), a => a.GetAttribute("href") == $"/Workers/{id}");
    }

    [Fact]
    [Trait("Rule", "R-COV-8")]
    public async Task CandidateGoesThroughDocumentsPaymentReceiptDepartureExtensionAndReturnOnThePages()
    {
        var client = await OfficerAsync();
        var id = await RegisterAsync(client, new() { ["registeredOn"] = "2025-12-01", ["placementAgreementSignedOn"] = "2025-12-01" });

        // R-COV-8: every unmet condition, each with a link to fix it.
        var blocked = await PageAsync(await client.SubmitFormAsync($"/Workers/{id}/Stage/departure", new Dictionary<string, string?> { ["Input.DepartedOn"] = "2026-02-01" }));
        var unmet = blocked.QuerySelectorAll("#unmet-conditions li");
        Assert.Equal(10, unmet.Length);
        Assert.Contains(unmet, li => li.TextContent.Contains("R-PAY-4", StringComparison.Ordinal) && li.QuerySelector("a")!.GetAttribute("href")!.Contains("/Payment", StringComparison.Ordinal));
        Assert.Contains(unmet, li => li.TextContent.Contains("R-DOC-2", StringComparison.Ordinal) && li.QuerySelector("a")!.GetAttribute("href") == $"/Workers/{id}#document-passport");

        // The expected amount is shown before submitting.
        var payment = await client.GetDocumentAsync($"/Workers/{id}/Payment?Input.Kind=placement&Input.PaidOn=2026-01-20");
        Assert.Contains("Rp332.500", payment.QuerySelector("#expected-amount")!.TextContent);
        var values = new Dictionary<string, string?> { ["Input.Kind"] = "placement", ["Input.PaidOn"] = "2026-01-20", ["Input.Reference"] = "PG-" + UniqueWord(), ["Input.Amount"] = "332500" };
        var saved = await client.SubmitFormAsync(payment, $"/Workers/{id}/Payment", values);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // R-PAY-2: submitting the same form again is the same payment.
        var twice = await client.SubmitFormAsync(payment, $"/Workers/{id}/Payment", values);
        Assert.Equal(saved.Headers.Location, twice.Headers.Location);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Payments.CountAsync(p => p.WorkerId == Guid.Parse(id))));

        var receipt = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.StartsWith("Pembayaran penempatan Rp332.500 dicatat", receipt.QuerySelector("#confirmation")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("tiga ratus tiga puluh dua ribu lima ratus rupiah", receipt.QuerySelector("#receipt-words")!.TextContent.Trim());
        Assert.Equal("Rp332.500", receipt.QuerySelector("#receipt-amount")!.TextContent.Trim());
        Assert.True(MembershipNumber.IsValid(receipt.QuerySelector("#receipt-membership")!.TextContent.Trim()));
        Assert.Contains("Permenaker", receipt.QuerySelector("#receipt-ruleset")!.TextContent);
        Assert.True(receipt.QuerySelector("link[href*='receipt']") is not null, receipt.Head!.InnerHtml);

        // The eight documents in one form: one save, one audit entry and one line of history per document.
        var details = await client.GetDocumentAsync($"/Workers/{id}");
        var none = await PageAsync(await client.SubmitFormAsync(details, $"/Workers/{id}", new Dictionary<string, string?>(), "#documents-form"));
        Assert.False(string.IsNullOrWhiteSpace(none.QuerySelector("#Docs_error")!.TextContent));
        var verified = await client.SubmitFormAsync(details, $"/Workers/{id}", Documents(Codes.All<DocumentType>(), "a1234567"), "#documents-form");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        details = await client.GetDocumentAsync($"/Workers/{id}");
        Assert.Contains("surat keterangan status perkawinan", details.QuerySelector("#confirmation")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(8, details.QuerySelectorAll("#documents .text-bg-success").Length);
        Assert.Equal(8, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.WorkerId == Guid.Parse(id) && a.Action == "document")));
        Assert.Contains(details.QuerySelectorAll("#history .history-what"), td => td.TextContent.Trim() == "Dokumen: surat keterangan status perkawinan diverifikasi (ref. REF-marital-status)");
        Assert.Contains("A1234567", details.QuerySelector("#identity-heading")!.ParentElement!.TextContent);

        var departed = await client.SubmitFormAsync($"/Workers/{id}/Stage/departure", new Dictionary<string, string?> { ["Input.DepartedOn"] = "2026-02-01", ["Input.EmployerName"] = "Mrs Wong" });
        Assert.Equal($"/Workers/{id}", departed.Headers.Location!.OriginalString);
        details = await client.GetDocumentAsync($"/Workers/{id}");
        Assert.Equal("ditempatkan", details.QuerySelector("#stage")!.TextContent.Trim());
        Assert.StartsWith("Keberangkatan dicatat: 1 Februari 2026", details.QuerySelector("#confirmation")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains(details.QuerySelectorAll("#history .history-what"), td => td.TextContent.Trim() == "Tahap: calon pekerja → ditempatkan (berangkat 1 Februari 2026)");
        Assert.Contains(details.QuerySelectorAll("#history .history-what"), td => td.TextContent.Trim().StartsWith("Pembayaran penempatan Rp332.500, 20 Januari 2026, PG-", StringComparison.Ordinal));

        // No verifying after departure.
        Assert.Null(details.QuerySelector("#verify-all"));
        Assert.Null(details.QuerySelector("#documents input[type=checkbox]"));

        // The extension's cost before saving (R-TAR-4).
        var cost = await client.GetDocumentAsync($"/Workers/{id}/Stage/extension?Input.Months=6&Input.PaidOn=2026-02-20");
        Assert.Contains("Rp81.000", cost.QuerySelector("#extension-cost")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("31 Januari 2028", details.QuerySelector("#contract-ends")!.TextContent);

        var extended = await client.SubmitFormAsync($"/Workers/{id}/Stage/extension", new Dictionary<string, string?> { ["Input.Months"] = "6", ["Input.Reference"] = "EX-" + UniqueWord(), ["Input.PaidOn"] = "2026-02-20" });
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        details = await client.GetDocumentAsync($"/Workers/{id}");
        Assert.Contains("31 Juli 2028", details.QuerySelector("#contract-ends")!.TextContent);
        Assert.Equal("Perpanjangan 6 bulan dicatat: Rp81.000, perlindungan sampai 31 Agustus 2028.", details.QuerySelector("#confirmation")!.TextContent.Trim());
        Assert.Contains("Rp81.000", details.QuerySelector("#payments")!.TextContent);

        var returned = await client.SubmitFormAsync($"/Workers/{id}/Stage/return", new Dictionary<string, string?> { ["Input.ArrivedOn"] = "2026-02-25" });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        details = await client.GetDocumentAsync($"/Workers/{id}");
        Assert.Equal("sudah pulang", details.QuerySelector("#stage")!.TextContent.Trim());
        Assert.Contains("25 Februari 2026 – 26 Maret 2026", details.QuerySelector("#cover-periods")!.TextContent);
    }

    [Fact]
    public async Task FailedDepartureWithdrawalAndDeathNeedTheirReasonsOnThePages()
    {
        var client = await OfficerAsync();
        var id = await RegisterAsync(client);
        var missing = await PageAsync(await client.SubmitFormAsync($"/Workers/{id}/Stage/withdrawal", new Dictionary<string, string?> { ["Input.Reason"] = "" }));
        Assert.False(string.IsNullOrWhiteSpace(missing.QuerySelector("#Input_Reason_error")!.TextContent));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/Workers/{id}/Stage/withdrawal", new Dictionary<string, string?> { ["Input.Reason"] = "Batal" })).StatusCode);
        Assert.Equal("dibatalkan", (await client.GetDocumentAsync($"/Workers/{id}")).QuerySelector("#stage")!.TextContent.Trim());

        var other = await RegisterAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/Workers/{other}/Stage/failed-departure", new Dictionary<string, string?> { ["Input.Reason"] = "Sakit" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/Workers/{other}/Stage/death", new Dictionary<string, string?> { ["Input.DiedOn"] = "2026-02-27" })).StatusCode);
        var page = await client.GetDocumentAsync($"/Workers/{other}");
        Assert.Equal("meninggal dunia", page.QuerySelector("#stage")!.TextContent.Trim());
        Assert.Contains(page.QuerySelectorAll("#history td"), td => td.TextContent.Trim() == "Sakit");
    }

    [Fact]
    public async Task SecondOfficerEditingTheSameWorkerGetsTheConflictAndLosesNothing()
    {
        var first = await OfficerAsync();
        var second = await OfficerAsync();
        var id = await RegisterAsync(first);
        var formOfFirst = await first.GetDocumentAsync($"/Workers/{id}/Edit");
        var formOfSecond = await second.GetDocumentAsync($"/Workers/{id}/Edit");

        var saved = await first.SubmitFormAsync(formOfFirst, $"/Workers/{id}/Edit", new Dictionary<string, string?> { ["Input.Address"] = "Jl. Pertama 1", ["Input.Reason"] = "Pindah" });
        Assert.Equal($"/Workers/{id}", saved.Headers.Location!.OriginalString);

        var conflict = await PageAsync(await second.SubmitFormAsync(formOfSecond, $"/Workers/{id}/Edit", new Dictionary<string, string?> { ["Input.Address"] = "Jl. Kedua 2", ["Input.Reason"] = "Salah ketik" }));
        Assert.Contains("Jl. Pertama 1", conflict.QuerySelector("#conflict")!.TextContent);
        Assert.Equal("Jl. Kedua 2", conflict.QuerySelector("#Input_Address")!.TextContent);
        Assert.Equal("Salah ketik", conflict.QuerySelector("#Input_Reason")!.TextContent);

        var worker = await Factory.WithDbAsync(db => db.Workers.SingleAsync(w => w.Id == Guid.Parse(id)));
        Assert.Equal("Jl. Pertama 1", worker.Address);
        var changes = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.WorkerId == Guid.Parse(id) && a.Action == "updated").ToListAsync());
        var change = Assert.Single(changes);
        Assert.Equal(("address", "Jl. Merdeka 1, Cilacap", "Jl. Pertama 1", "Pindah"), (change.Field, change.OldValue, change.NewValue, change.Reason));

        // The conflict page starts from the stored version: saving it now is deliberate and works.
        var resaved = await second.SubmitFormAsync(conflict, $"/Workers/{id}/Edit", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, resaved.StatusCode);
    }

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    public async Task EditRevalidatesNikAgainstDateOfBirth()
    {
        var client = await OfficerAsync();
        var id = await RegisterAsync(client);
        var page = await PageAsync(await client.SubmitFormAsync($"/Workers/{id}/Edit", new Dictionary<string, string?> { ["Input.DateOfBirth"] = "1995-07-10", ["Input.Reason"] = "Koreksi" }));
        Assert.Contains("R-NIK-3", page.QuerySelector("#Input_Nik_error")!.TextContent);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    public async Task HeirFormsOfferTheSexInThePagesLanguage()
    {
        var client = await OfficerAsync();
        var id = await RegisterAsync(client);
        foreach (var (culture, male, female) in new[] { ("id-ID", "Laki-laki", "Perempuan"), ("en-US", "Male", "Female") })
        {
            await client.GetAsync($"/language?culture={culture}&returnUrl=/");
            foreach (var (url, select) in new[] { ("/Workers/Register", "select[name='Input.Heirs[0].sex']"), ($"/Workers/{id}/Heirs", "select[name='Input.Sex']") })
            {
                var page = await client.GetDocumentAsync(url);
                var options = page.QuerySelectorAll(select + " option").Where(o => o.GetAttribute("value") is { Length: > 0 }).ToDictionary(o => o.GetAttribute("value")!, o => o.TextContent.Trim());
                Assert.Equal(male, options["male"]);
                Assert.Equal(female, options["female"]);
            }
        }
    }

    [Fact]
    public async Task WorkersPageAndReceiptSpeakThePagesLanguageNamesAndTimesIncluded()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var id = await api.DepartedAsync(new DateOnly(2026, 2, 1), 24, new DateOnly(2026, 1, 20), 332_500);
        var paymentId = (await api.GetWorkerAsync(id)).GetProperty("payments")[0].GetProperty("id").GetString();
        var client = await OfficerAsync();
        var months = new Dictionary<string, string>
        {
            ["id-ID"] = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember",
            ["en-US"] = "January|February|March|April|May|June|July|August|September|October|November|December",
        };
        foreach (var (culture, language, destinationLabel, crumbs) in new[] { ("id-ID", "id", "Negara tujuan", "Posisi halaman"), ("en-US", "en", "Destination country", "You are here") })
        {
            await client.GetAsync($"/language?culture={culture}&returnUrl=/");
            var page = await client.GetDocumentAsync($"/Workers/{id}");

            // The destination by name, not its code; labels start with a capital in both languages.
            var identity = page.QuerySelectorAll("dl dt").ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
            Assert.NotEqual("HK", Countries.Name("HK", language));
            Assert.StartsWith(Countries.Name("HK", language) + " · ", identity[destinationLabel], StringComparison.Ordinal);
            Assert.All(identity.Keys.Concat(page.QuerySelectorAll("th[scope=col]").Select(th => th.TextContent.Trim())).Where(k => k.Length > 0), k => Assert.True(char.IsUpper(k[0]), $"label \"{k}\" in {culture}"));

            // Times as the dates are given ("3 Desember 2026 15:24 WIB"), never as ISO.
            var times = page.QuerySelectorAll("#history tbody tr").Select(r => r.Children[0].TextContent.Trim()).ToList();
            Assert.NotEmpty(times);
            Assert.All(times, t => Assert.Matches($@"^\d{{1,2}} ({months[culture]}) \d{{4}} \d{{2}}:\d{{2}} WIB$", t));

            // The breadcrumb's name for screen readers, in the page's language.
            Assert.Equal(crumbs, page.QuerySelector("ol.breadcrumb")!.ParentElement!.GetAttribute("aria-label"));

            var receipt = await client.GetDocumentAsync($"/Workers/{id}/Receipts/{paymentId}");
            Assert.All(receipt.QuerySelectorAll("dl dt").Select(dt => dt.TextContent.Trim()), k => Assert.True(char.IsUpper(k[0]), $"receipt label \"{k}\" in {culture}"));
        }
    }

    [Fact]
    public async Task APostThatNamesNoHandlerOfThePageIsABadRequestNotAServerError()
    {
        var client = await OfficerAsync();
        var id = await RegisterAsync(client);
        foreach (var url in new[] { $"/Workers/{id}", $"/Workers/{id}/Heirs", $"/Workers/{id}/Claims/New", $"/Workers/{id}/Heirs?handler=Nothing" })
        {
            var page = await client.GetDocumentAsync(url);
            var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}");
            Assert.Contains("Permintaan tidak dapat diproses", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryPageRendersItsTextsInBothLanguagesWithoutInlineStylesOrScripts()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var id = await api.DepartedAsync(new DateOnly(2026, 2, 1), 24, new DateOnly(2026, 1, 20), 332_500);
        var paymentId = (await api.GetWorkerAsync(id)).GetProperty("payments")[0].GetProperty("id").GetString();
        var urls = new[] { "/Workers", "/Workers/Register", $"/Workers/{id}", $"/Workers/{id}/Edit", $"/Workers/{id}/Payment", $"/Workers/{id}/Receipts/{paymentId}" }
            .Concat(new[] { "departure", "extension", "return", "failed-departure", "withdrawal", "death" }.Select(a => $"/Workers/{id}/Stage/{a}"));
        var client = await OfficerAsync();
        foreach (var culture in new[] { "id-ID", "en-US" })
        {
            await client.GetAsync($"/language?culture={culture}&returnUrl=/");
            foreach (var url in urls)
            {
                var response = await client.GetAsync(url);
                var html = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
                Assert.DoesNotMatch(@"\b(code|action|help|reason|audit)\.[a-z-]+\b", html);
                Assert.DoesNotContain(" style=", html, StringComparison.Ordinal);
                Assert.DoesNotMatch("<script>", html);
            }
        }
    }

    [Fact]
    public async Task NoLogLineCarriesTheNikOrDateOfBirthOfARegisteredWorker()
    {
        var client = await OfficerAsync();
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var dob = new DateOnly(1991, 11, 23);
        var pageNik = NewNik(dob, Sex.Male);
        var apiNik = NewNik(dob, Sex.Male);
        Factory.LogLines.Clear();
        await RegisterAsync(client, new() { ["nik"] = pageNik, ["sex"] = "male", ["dateOfBirth"] = Iso(dob) });
        await api.RegisterAsync(new() { ["nik"] = apiNik, ["sex"] = "male", ["dateOfBirth"] = Iso(dob) });
        await client.SubmitFormAsync("/Workers", new Dictionary<string, string?> { ["Filter.Search"] = pageNik });

        Assert.NotEmpty(Factory.LogLines);
        Assert.Contains(Factory.LogLines, l => l.Contains("/Workers/Register", StringComparison.Ordinal));
        foreach (var secret in new[] { pageNik, apiNik, Iso(dob), "23/11/1991", "11/23/1991" })
        {
            Assert.DoesNotContain(Factory.LogLines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }
}

public sealed class WorkersPagesTestsOnSqlite(SqliteAppFactory f) : WorkersPagesTests(f), IClassFixture<SqliteAppFactory>;

public sealed class WorkersPagesTestsOnPostgres(PostgresAppFactory f) : WorkersPagesTests(f), IClassFixture<PostgresAppFactory>;
