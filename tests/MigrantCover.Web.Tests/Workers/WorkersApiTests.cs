using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Workers;

/// <summary>The officers' API and the worked examples of rule book §11, on each provider.</summary>
public abstract class WorkersApiTests(AppFactory factory) : ProviderTests(factory)
{
    private async Task<HttpClient> ApiAsync() => await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    public async Task RegistersWomanWhoseNikDayIsDayPlus40AndAnswersTheWorker()
    {
        var api = await ApiAsync();
        var response = await api.PostAsJsonAsync("/api/v1/workers", Body(new() { ["nik"] = "3302224907950003" }));
        var worker = await response.JsonAsync(HttpStatusCode.Created);
        var id = worker.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/workers/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("candidate", worker.GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, worker.GetProperty("membershipNumber").ValueKind);
        var coverage = worker.GetProperty("coverage");
        Assert.Equal("2026-03-01", coverage.GetProperty("asOf").GetString());
        Assert.Equal("permenaker-4-2023", coverage.GetProperty("ruleSet").GetString());
        Assert.Equal(["jkk", "jkm", "jht"], coverage.GetProperty("programmes").EnumerateArray().Select(p => p.GetProperty("programme").GetString()));
        Assert.Equal("not-paid", coverage.GetProperty("programmes")[0].GetProperty("reason").GetString());

        // R-NIK-4: the same NIK again is refused and names the existing worker.
        var again = await api.PostAsJsonAsync("/api/v1/workers", Body(new() { ["nik"] = "3302224907950003" }));
        var problem = await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(id, problem.GetProperty("id").GetString());
        Assert.Contains("R-NIK-4", problem.RuleIds("nik"));
    }

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    public async Task RefusesManWhoseNikHasTheWomansDay()
    {
        var api = await ApiAsync();
        var problem = await api.RefusedAsync(new() { ["nik"] = "3302224907950003", ["sex"] = "male" });
        Assert.Contains("R-NIK-3", problem.RuleIds("nik"));
        Assert.True(problem.GetProperty("errors").GetProperty("nik").GetArrayLength() > 0);
    }

    [Fact]
    [Trait("Rule", "R-NIK-2")]
    public async Task RefusesNikOfUnknownProvince99()
    {
        var api = await ApiAsync();
        var problem = await api.RefusedAsync(new() { ["nik"] = "9902220907950003", ["sex"] = "male" });
        Assert.Equal(["R-NIK-2"], problem.RuleIds("nik"));
    }

    [Fact]
    [Trait("Rule", "R-AGE-1")]
    public async Task PersonBornOn29FebruaryIsRefusedOn28FebruaryAndAcceptedOn1March()
    {
        var api = await ApiAsync();
        var dob = new DateOnly(2008, 2, 29);
        var refused = await api.RefusedAsync(new()
        {
            ["nik"] = NewNik(dob, Sex.Female),
            ["dateOfBirth"] = Iso(dob),
            ["registeredOn"] = "2026-02-28",
            ["placementAgreementSignedOn"] = "2026-02-01",
        });
        Assert.Equal(["R-AGE-1"], refused.RuleIds("dateOfBirth"));

        await api.RegisterAsync(new()
        {
            ["nik"] = NewNik(dob, Sex.Female),
            ["dateOfBirth"] = Iso(dob),
            ["registeredOn"] = "2026-03-01",
            ["placementAgreementSignedOn"] = "2026-02-01",
        });
    }

    [Fact]
    [Trait("Rule", "R-DST-2")]
    public async Task RefusesDomesticWorkerToSaudiArabiaNamingKepmenaker260()
    {
        var api = await ApiAsync();
        var problem = await api.RefusedAsync(new() { ["destinationCountry"] = "SA" });
        Assert.Equal(["R-DST-2"], problem.RuleIds("destinationCountry"));
        Assert.Contains("260", problem.GetProperty("errors").GetProperty("destinationCountry")[0].GetString());
    }

    [Fact]
    [Trait("Rule", "R-SCH-2")]
    public async Task RefusesIndividualSchemeForDomesticWorker()
    {
        var api = await ApiAsync();
        var problem = await api.RefusedAsync(new() { ["scheme"] = "individual" });
        Assert.Contains("R-SCH-2", problem.RuleIds("scheme"));
    }

    [Fact]
    public async Task GivesFieldMessagesForImpossibleDateAndUnknownCodesInTheRequestedLanguage()
    {
        var api = await ApiAsync();
        api.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var problem = await api.RefusedAsync(new() { ["dateOfBirth"] = "2025-02-30", ["category"] = "nanny" });
        Assert.Contains("not a real date, use YYYY-MM-DD", problem.GetProperty("errors").GetProperty("dateOfBirth")[0].GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("domestic", problem.GetProperty("errors").GetProperty("category")[0].GetString());
    }

    [Fact]
    public async Task PossibleDuplicateNeedsConfirmation()
    {
        var api = await ApiAsync();
        var first = await api.RegisterAsync();
        var same = new Dictionary<string, object?> { ["fullName"] = first.GetProperty("fullName").GetString() };
        var problem = await api.RefusedAsync(same, HttpStatusCode.Conflict);
        Assert.Equal(first.GetProperty("id").GetString(), problem.GetProperty("candidates")[0].GetString());

        same["confirmDuplicate"] = true;
        await api.RegisterAsync(same);
    }

    [Theory]
    [Trait("Rule", "R-TAR-3")]
    [InlineData(24, "2025-01-10", 332_500)]
    [InlineData(18, "2025-01-10", 270_000)]
    [InlineData(23, "2025-03-01", 332_500)]
    [InlineData(30, "2025-06-01", 413_500)]
    [InlineData(5, "2025-09-01", 108_000)]
    [InlineData(24, "2020-06-01", 332_500)]
    [InlineData(12, "2020-06-01", 332_500)]
    public async Task PlacementPaymentMustBeTheRuleBooksAmount(int contractMonths, string paidOn, long expected)
    {
        var api = await ApiAsync();
        var registered = DateOnly.Parse(paidOn, System.Globalization.CultureInfo.InvariantCulture).AddDays(-30);
        var id = (await api.RegisterAsync(new() { ["contractMonths"] = contractMonths, ["registeredOn"] = Iso(registered), ["placementAgreementSignedOn"] = Iso(registered) }))
            .GetProperty("id").GetString()!;

        var wrong = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/payments", new { kind = "placement", amount = expected + 1, paidOn, reference = "W-" + UniqueWord() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(expected, wrong.GetProperty("expectedAmount").GetInt64());
        Assert.Contains("R-PAY-1", wrong.RuleIds("amount"));

        var payment = await api.PayAsync(id, new { kind = "placement", amount = expected, paidOn, reference = "P-" + UniqueWord() });
        Assert.Equal(expected, payment.GetProperty("amount").GetInt64());

        // R-KPJ-2: the first payment issues the membership number, with the payment's year.
        var number = payment.GetProperty("membershipNumber").GetString()!;
        Assert.True(MembershipNumber.IsValid(number));
        Assert.StartsWith(paidOn[2..4], number);
        Assert.Equal(number, (await api.GetWorkerAsync(id)).GetProperty("membershipNumber").GetString());
    }

    [Fact]
    [Trait("Rule", "R-TAR-3")]
    public async Task AgencyWorkerPaysPrePlacement37500ThenPlacement332500On20250110()
    {
        var api = await ApiAsync();
        var id = (await api.RegisterAsync(new() { ["registeredOn"] = "2025-01-02", ["placementAgreementSignedOn"] = "2025-01-02" })).GetProperty("id").GetString()!;
        var wrong = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/payments", new { kind = "pre-placement", amount = 37_000, paidOn = "2025-01-10", reference = "PP-" + UniqueWord() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(37_500, wrong.GetProperty("expectedAmount").GetInt64());
        var pre = await api.PayAsync(id, new { kind = "pre-placement", amount = 37_500, paidOn = "2025-01-10", reference = "PP-" + UniqueWord() });
        var placement = await api.PayAsync(id, new { kind = "placement", amount = 332_500, paidOn = "2025-01-10", reference = "PL-" + UniqueWord() });

        // The number is issued once, at the first payment.
        Assert.Equal(pre.GetProperty("membershipNumber").GetString(), placement.GetProperty("membershipNumber").GetString());
        var worker = await api.GetWorkerAsync(id);
        Assert.Equal(2, worker.GetProperty("payments").GetArrayLength());

        // R-COV-1/2: pre-placement 2025-01-10 to 2025-06-09, lapsed by today.
        var pp = worker.Period("jkk", "pre-placement");
        Assert.Equal("2025-01-10", pp.GetProperty("from").GetString());
        Assert.Equal("2025-06-09", pp.GetProperty("until").GetString());
        Assert.Equal("lapsed", worker.GetProperty("coverage").GetProperty("programmes")[0].GetProperty("reason").GetString());
    }

    [Fact]
    [Trait("Rule", "R-PAY-2")]
    public async Task SamePaymentSentTwiceIsOnePaymentAndSameReferenceWithOtherAmountIsAConflict()
    {
        var api = await ApiAsync();
        var id = (await api.RegisterAsync()).GetProperty("id").GetString()!;
        var reference = "BPJS-2026-" + UniqueWord();
        var body = new { kind = "placement", amount = 332_500, paidOn = "2026-01-20", reference };
        var first = await api.PayAsync(id, body);
        var second = await api.PayAsync(id, body with { }, HttpStatusCode.OK);
        Assert.Equal(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());

        // Two submissions at the same moment still make one payment.
        var racing = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => api.PostAsJsonAsync($"/api/v1/workers/{id}/payments", body)));
        Assert.All(racing, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var conflict = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/payments", new { kind = "placement", amount = 332_000, paidOn = "2026-01-20", reference }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("R-PAY-2", conflict.RuleIds("reference"));

        var count = await Factory.WithDbAsync(db => db.Payments.CountAsync(p => p.WorkerId == Guid.Parse(id)));
        Assert.Equal(1, count);
    }

    [Fact]
    [Trait("Rule", "R-COV-8")]
    public async Task DepartureListsEveryUnmetCondition()
    {
        var api = await ApiAsync();
        var id = (await api.RegisterAsync()).GetProperty("id").GetString()!;
        var problem = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/departure", new { departedOn = "2026-02-01" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("R-PAY-4", problem.RuleIds("payments"));
        Assert.Contains("R-DOC-1", problem.RuleIds("documents"));
        Assert.Equal(8, problem.GetProperty("errors").GetProperty("documents").GetArrayLength());
        Assert.Contains("R-DOC-2", problem.RuleIds("passportNumber"));
        Assert.Equal("candidate", (await api.GetWorkerAsync(id)).GetProperty("stage").GetString());
    }

    [Fact]
    [Trait("Rule", "R-COV-4")]
    public async Task DepartedOn20240301For24MonthsIsCoveredTo20260331AndExtensionOf12PaidOn20260201CoversTo20270331()
    {
        var api = await ApiAsync();
        var id = await api.DepartedAsync(new DateOnly(2024, 3, 1), 24, new DateOnly(2024, 2, 1), 332_500);
        var worker = await api.GetWorkerAsync(id);
        Assert.Equal("placed", worker.GetProperty("stage").GetString());
        Assert.Equal("Mr Chan", worker.GetProperty("employerName").GetString());
        Assert.Equal("2026-02-28", worker.GetProperty("contractEndsOn").GetString());
        Assert.Equal("2026-03-31", worker.GetProperty("placementCoverEndsOn").GetString());
        Assert.Equal("2026-03-31", worker.Period("jkk", "placement").GetProperty("until").GetString());

        // R-COV-5 / R-TAR-4: 12 months at Rp13.500, amount computed when absent.
        var extended = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/extension", new { months = 12, reference = "EXT-" + UniqueWord(), paidOn = "2026-02-01" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2027-02-28", extended.GetProperty("contractEndsOn").GetString());
        Assert.Equal("2027-03-31", extended.GetProperty("placementCoverEndsOn").GetString());
        Assert.Equal(12, extended.GetProperty("extensionMonths").GetInt32());
        Assert.Contains(extended.GetProperty("payments").EnumerateArray(), p => p.GetProperty("kind").GetString() == "extension" && p.GetProperty("amount").GetInt64() == 162_000);
        Assert.Contains(extended.GetProperty("stageEvents").EnumerateArray(), e => e.GetProperty("kind").GetString() == "extension" && e.GetProperty("months").GetInt32() == 12);
        Assert.True(extended.GetProperty("coverage").GetProperty("programmes")[0].GetProperty("active").GetBoolean());
    }

    [Fact]
    [Trait("Rule", "R-COV-5")]
    public async Task ExtensionByTheReferenceOfAPaymentRecordedEarlierLinksItOnALaterDay()
    {
        var api = await ApiAsync();
        var id = await api.DepartedAsync(new DateOnly(2025, 6, 1), 24, new DateOnly(2025, 5, 20), 332_500);
        var reference = "EXT-" + UniqueWord();
        await api.PayAsync(id, new { kind = "extension", amount = 81_000, paidOn = "2026-02-20", reference, months = 6 });
        Factory.Clock.AdjustTime(AppFactory.DefaultNow.AddDays(45));
        try
        {
            api = await ApiAsync(); // the first token has expired by then
            // The contract's body: months and the reference only, sent weeks after the payment.
            var linked = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/extension", new { months = 6, reference = reference.ToLowerInvariant() })).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(6, linked.GetProperty("extensionMonths").GetInt32());
            var payment = Assert.Single(linked.GetProperty("payments").EnumerateArray(), p => p.GetProperty("kind").GetString() == "extension");
            Assert.Equal("2026-02-20", payment.GetProperty("paidOn").GetString());
            Assert.Single(linked.GetProperty("stageEvents").EnumerateArray(), e => e.GetProperty("kind").GetString() == "extension");

            // Without months, and again: the same payment, still one extension.
            var again = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/extension", new { reference })).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(6, again.GetProperty("extensionMonths").GetInt32());

            // Other months under that reference are another payment: the usual conflict (R-PAY-2).
            await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/extension", new { months = 12, reference })).AssertProblemAsync(HttpStatusCode.Conflict);
        }
        finally
        {
            Factory.Clock.AdjustTime(AppFactory.DefaultNow);
        }
    }

    [Fact]
    public async Task TheHistoryDescribesEachChangeInTheRequestsLanguage()
    {
        var api = await ApiAsync();
        var id = await api.DepartedAsync(new DateOnly(2026, 2, 1), 24, new DateOnly(2026, 1, 20), 332_500);
        async Task<List<string>> DescriptionsAsync(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/workers/{id}/history");
            request.Headers.AcceptLanguage.ParseAdd(language);
            var history = await (await api.SendAsync(request)).JsonAsync(HttpStatusCode.OK);
            Assert.All(history.EnumerateArray(), h => Assert.True(h.TryGetProperty("field", out _)));
            return [.. history.EnumerateArray().Select(h => h.GetProperty("description").GetString()!)];
        }

        var id_ = await DescriptionsAsync("id");
        Assert.Contains("Tahap: calon pekerja → ditempatkan (berangkat 1 Februari 2026)", id_);
        Assert.Contains("Tahap: calon pekerja → ditempatkan", id_);
        Assert.Contains(id_, d => d.StartsWith("Nomor kepesertaan (KPJ): — → ", StringComparison.Ordinal));
        Assert.DoesNotContain(id_, d => d.Contains("candidate", StringComparison.Ordinal) || d.Contains("MembershipNumber", StringComparison.Ordinal));
        Assert.Contains("Dokumen: surat keterangan status perkawinan diverifikasi (ref. DOC-marital-status)", id_);
        Assert.Contains(id_, d => d.StartsWith("Pembayaran penempatan Rp332.500, 20 Januari 2026, PL-", StringComparison.Ordinal));
        var en = await DescriptionsAsync("en");
        Assert.Contains("Stage: candidate → placed (departed on 1 February 2026)", en);
        Assert.Contains("Document: marital status certificate verified (ref. DOC-marital-status)", en);
        Assert.Contains(en, d => d.StartsWith("Payment placement Rp332.500, 20 January 2026, PL-", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-6")]
    public async Task TheHistoryNamesTheHeirOfEachAdditionCorrectionAndEndingAndMasksTheirNik()
    {
        var api = await ApiAsync();
        var id = await Claims.ClaimKit.RegisteredAsync(api, new DateOnly(2026, 1, 6), 24, "agency", Claims.ClaimKit.Heir("parent", "Ibu Sumiati"));
        var heir = (await (await api.GetAsync($"/api/v1/workers/{id}/heirs")).JsonAsync(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetString();
        var nik = NewNik(new DateOnly(1970, 5, 4), Sex.Female);
        var corrected = Claims.ClaimKit.Heir("parent", "Ibu Sumiati Darto", nik: nik);
        corrected["reason"] = "Sesuai KTP";
        await (await api.PutAsJsonAsync($"/api/v1/workers/{id}/heirs/{heir}", corrected)).JsonAsync(HttpStatusCode.OK);
        await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/heirs/{heir}/end", new { reason = "Meninggal dunia", endedOn = "2026-01-05" })).JsonAsync(HttpStatusCode.OK);

        var masked = Heirs.MaskNik(nik);
        var id_ = await api.HistoryDescriptionsAsync(id!, "id");
        Assert.Contains("Ahli waris dicatat: Ibu Sumiati (orang tua)", id_);
        Assert.Contains("Ahli waris Ibu Sumiati Darto: Nama lengkap: Ibu Sumiati → Ibu Sumiati Darto", id_);
        Assert.Contains($"Ahli waris Ibu Sumiati Darto: NIK: — → {masked}", id_);
        Assert.Contains("Ahli waris Ibu Sumiati Darto tidak lagi tercatat sejak 5 Januari 2026", id_);
        var en = await api.HistoryDescriptionsAsync(id!, "en");
        Assert.Contains("Heir recorded: Ibu Sumiati (parent)", en);
        Assert.Contains($"Heir Ibu Sumiati Darto: NIK: — → {masked}", en);
        Assert.Contains("Heir Ibu Sumiati Darto no longer recorded from 5 January 2026", en);
        Assert.DoesNotContain(id_.Concat(en), d => d.Contains(nik, StringComparison.Ordinal) || d.Contains("heir:", StringComparison.Ordinal));

        // The raw values of the correction are masked as well; the audit itself keeps the whole NIK.
        var raw = await (await api.GetAsync($"/api/v1/workers/{id}/history")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(nik, raw, StringComparison.Ordinal);
        Assert.Contains($"\"newValue\":\"{masked}\"", raw, StringComparison.Ordinal);
        var workerId = Guid.Parse(id);
        Assert.Contains(await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.WorkerId == workerId).Select(a => a.NewValue).ToListAsync()), v => v == nik);

        // So is the admin's audit search, which lists the raw values.
        var admin = await Factory.SignedInBrowserAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var audit = (await admin.GetDocumentAsync("/Admin/Audit?action=heir")).QuerySelector("#audit")!.TextContent;
        Assert.Contains(masked!, audit, StringComparison.Ordinal);
        Assert.Contains($"Ahli waris Ibu Sumiati Darto: NIK: — → {masked}", audit, StringComparison.Ordinal);
        Assert.DoesNotContain(nik, audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHistoryDescribesAConsentWithdrawnAndADateCorrectedInWords()
    {
        var api = await ApiAsync();
        var worker = await api.RegisterAsync(new() { ["email"] = $"consent.{UniqueWord().ToLowerInvariant()}@example.id", ["remindersConsent"] = true, ["reminderChannels"] = new[] { "email" }, ["registeredOn"] = "2026-01-06" });
        var id = worker.GetProperty("id").GetString()!;
        var body = Body(new()
        {
            ["nik"] = worker.GetProperty("nik").GetString(),
            ["fullName"] = worker.GetProperty("fullName").GetString(),
            ["email"] = worker.GetProperty("email").GetString(),
            ["registeredOn"] = "2026-01-05",
            ["reason"] = "Salah tanggal",
            ["version"] = worker.GetProperty("version").GetInt64(),
        });
        await (await api.PutAsJsonAsync($"/api/v1/workers/{id}", body)).JsonAsync(HttpStatusCode.OK);
        await Factory.WithDbAsync(async db =>
        {
            var w = await db.Workers.SingleAsync(x => x.Id == Guid.Parse(id));
            Features.Workers.ReminderConsent.Withdraw(w, new DateOnly(2026, 1, 7));
            await db.SaveChangesAsync();
        });
        var id_ = await api.HistoryDescriptionsAsync(id!, "id");
        Assert.Contains("Persetujuan pengingat: diberikan → ditarik", id_);
        Assert.Contains("Tanggal pendaftaran: 6 Januari 2026 → 5 Januari 2026", id_);
        var en = await api.HistoryDescriptionsAsync(id!, "en");
        Assert.Contains("Reminder consent: given → withdrawn", en);
        Assert.Contains("Registration date: 6 January 2026 → 5 January 2026", en);
    }

    [Fact]
    public async Task TheHistoryDescribesTheReminderConsentGivenAtRegistrationInWords()
    {
        var api = await ApiAsync();
        var id = (await api.RegisterAsync(new() { ["email"] = $"consent.{UniqueWord().ToLowerInvariant()}@example.id", ["phone"] = "+6281234567890", ["remindersConsent"] = true, ["reminderChannels"] = new[] { "email", "sms" }, ["preferredLanguage"] = "en", ["registeredOn"] = "2026-01-06" }))
            .GetProperty("id").GetString();
        async Task<string> ConsentAsync(string language) =>
            (await api.HistoryAsync(id!, language)).Single(h => h.GetProperty("action").GetString() == "consent").GetProperty("description").GetString()!;

        Assert.Matches(@"^Persetujuan pengingat diberikan: e-mail, SMS; bahasa pesan Inggris; sejak \d{1,2} \w+ \d{4}$", await ConsentAsync("id"));
        Assert.Matches(@"^Reminder consent given: e-mail, SMS; message language English; from \d{1,2} \w+ \d{4}$", await ConsentAsync("en"));
    }

    [Fact]
    [Trait("Rule", "R-COV-6")]
    public async Task ARefusedReturnDateSaysTheEarliestDateAccepted()
    {
        var api = await ApiAsync();
        var id = await api.DepartedAsync(new DateOnly(2026, 2, 1), 24, new DateOnly(2026, 1, 20), 332_500);
        var refused = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/return", new { arrivedOn = "2026-01-15" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var message = refused.GetProperty("errors").GetProperty("arrivedOn")[0].GetString()!;
        Assert.Contains("2 Februari 2026", message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "R-TAR-4")]
    public async Task ExtensionOf6MonthsPaidIn2025Costs81000()
    {
        var api = await ApiAsync();
        var id = await api.DepartedAsync(new DateOnly(2024, 6, 1), 24, new DateOnly(2024, 5, 20), 332_500);
        var wrong = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/extension", new { months = 6, reference = "EXT-" + UniqueWord(), paidOn = "2025-06-01", amount = 80_000 }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(81_000, wrong.GetProperty("expectedAmount").GetInt64());
        var payment = await api.PayAsync(id, new { kind = "extension", amount = 81_000, paidOn = "2025-06-01", reference = "EXT-" + UniqueWord(), months = 6 });
        Assert.Equal(6, payment.GetProperty("months").GetInt32());
        Assert.Equal(6, (await api.GetWorkerAsync(id)).GetProperty("extensionMonths").GetInt32());
    }

    [Fact]
    [Trait("Rule", "R-COV-6")]
    public async Task ReturnWithArrival20250805GivesPostPlacementTo20250903()
    {
        var api = await ApiAsync();
        var id = await api.DepartedAsync(new DateOnly(2024, 3, 1), 24, new DateOnly(2024, 2, 1), 332_500);
        var returned = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/return", new { arrivedOn = "2025-08-05" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("returned", returned.GetProperty("stage").GetString());
        var post = returned.Period("jkm", "post-placement");
        Assert.Equal("2025-08-05", post.GetProperty("from").GetString());
        Assert.Equal("2025-09-03", post.GetProperty("until").GetString());
        Assert.Equal("2025-08-04", returned.Period("jkk", "placement").GetProperty("until").GetString());
        Assert.Equal("ended", returned.GetProperty("coverage").GetProperty("programmes")[1].GetProperty("reason").GetString());

        // §9: a returned worker cannot return again.
        var again = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/return", new { arrivedOn = "2025-08-06" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("§9", again.RuleIds("stage"));
    }

    [Fact]
    public async Task FailedDepartureWithdrawalAndDeathAreStageEventsWithReasons()
    {
        var api = await ApiAsync();
        var failed = (await api.RegisterAsync()).GetProperty("id").GetString()!;
        var f = await (await api.PostAsJsonAsync($"/api/v1/workers/{failed}/failed-departure", new { reason = "Visa ditolak" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("failed-departure", f.GetProperty("stage").GetString());
        Assert.Equal("Visa ditolak", f.GetProperty("stageEvents").EnumerateArray().Last().GetProperty("reason").GetString());

        var withdrawn = (await api.RegisterAsync()).GetProperty("id").GetString()!;
        var missing = await (await api.PostAsJsonAsync($"/api/v1/workers/{withdrawn}/withdrawal", new { })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("reason", out _));
        var w = await (await api.PostAsJsonAsync($"/api/v1/workers/{withdrawn}/withdrawal", new { reason = "Tidak jadi berangkat" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("withdrawn", w.GetProperty("stage").GetString());

        // §9: withdrawal only before any payment.
        var paid = (await api.RegisterAsync()).GetProperty("id").GetString()!;
        await api.PayAsync(paid, new { kind = "placement", amount = 332_500, paidOn = "2026-01-20", reference = "WD-" + UniqueWord() });
        var refused = await (await api.PostAsJsonAsync($"/api/v1/workers/{paid}/withdrawal", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("§9", refused.RuleIds("stage"));

        var died = await (await api.PostAsJsonAsync($"/api/v1/workers/{paid}/death", new { diedOn = "2026-02-10", reason = "Sakit" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("deceased", died.GetProperty("stage").GetString());
        Assert.Equal("2026-02-10", died.GetProperty("diedOn").GetString());
    }

    [Fact]
    public async Task StaleEditIsRefusedNothingIsOverwrittenAndHistoryShowsOneChange()
    {
        var api = await ApiAsync();
        var worker = await api.RegisterAsync();
        var id = worker.GetProperty("id").GetString()!;
        var version = worker.GetProperty("version").GetInt64();

        var first = Body(new() { ["nik"] = worker.GetProperty("nik").GetString(), ["fullName"] = worker.GetProperty("fullName").GetString(), ["address"] = "Jl. Baru 2, Cilacap", ["reason"] = "Pindah alamat", ["version"] = version });
        var updated = await (await api.PutAsJsonAsync($"/api/v1/workers/{id}", first)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Jl. Baru 2, Cilacap", updated.GetProperty("address").GetString());

        var second = new Dictionary<string, object?>(first) { ["address"] = "Jl. Lain 3", ["reason"] = "Salah ketik" };
        await (await api.PutAsJsonAsync($"/api/v1/workers/{id}", second)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Jl. Baru 2, Cilacap", (await api.GetWorkerAsync(id)).GetProperty("address").GetString());

        var history = await (await api.GetAsync($"/api/v1/workers/{id}/history")).JsonAsync(HttpStatusCode.OK);
        var changes = history.EnumerateArray().Where(h => h.GetProperty("action").GetString() == "updated").ToList();
        var change = Assert.Single(changes);
        Assert.Equal("address", change.GetProperty("field").GetString());
        Assert.Equal("Jl. Merdeka 1, Cilacap", change.GetProperty("oldValue").GetString());
        Assert.Equal("Jl. Baru 2, Cilacap", change.GetProperty("newValue").GetString());
        Assert.Equal("Pindah alamat", change.GetProperty("reason").GetString());
        Assert.Equal(AppFactory.OfficerEmail, change.GetProperty("actorName").GetString());
    }

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    public async Task EditOfNikOrDateOfBirthIsRevalidatedAgainstTheRules()
    {
        var api = await ApiAsync();
        var worker = await api.RegisterAsync();
        var id = worker.GetProperty("id").GetString()!;
        var body = Body(new() { ["nik"] = worker.GetProperty("nik").GetString(), ["fullName"] = worker.GetProperty("fullName").GetString(), ["dateOfBirth"] = "1995-07-10", ["reason"] = "Koreksi", ["version"] = worker.GetProperty("version").GetInt64() });
        var problem = await (await api.PutAsJsonAsync($"/api/v1/workers/{id}", body)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("R-NIK-3", problem.RuleIds("nik"));

        var noReason = new Dictionary<string, object?>(body) { ["dateOfBirth"] = "1995-07-09", ["reason"] = null };
        var missing = await (await api.PutAsJsonAsync($"/api/v1/workers/{id}", noReason)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task EveryChangeAppearsInHistoryWithWhoWhenFieldOldAndNew()
    {
        var api = await ApiAsync();
        var id = await api.DepartedAsync(new DateOnly(2026, 2, 1), 24, new DateOnly(2026, 1, 20), 332_500);
        var history = await (await api.GetAsync($"/api/v1/workers/{id}/history")).JsonAsync(HttpStatusCode.OK);
        var entries = history.EnumerateArray().ToList();
        Assert.All(entries, e =>
        {
            Assert.Equal(AppFactory.OfficerEmail, e.GetProperty("actorName").GetString());
            Assert.Equal(AppFactory.DefaultNow, e.GetProperty("at").GetDateTimeOffset());
        });
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "registered");
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "payment" && e.GetProperty("newValue").GetString()!.StartsWith("placement 332500 2026-01-20", StringComparison.Ordinal));
        Assert.Equal(8, entries.Count(e => e.GetProperty("action").GetString() == "document"));
        Assert.Contains(entries, e => e.GetProperty("field").GetString() == "passportNumber" && PassportNumber.Check(e.GetProperty("newValue").GetString()) is null);
        Assert.Contains(entries, e => e.GetProperty("field").GetString() == "stage" && e.GetProperty("oldValue").GetString() == "candidate" && e.GetProperty("newValue").GetString() == "placed");
        Assert.Contains(entries, e => e.GetProperty("field").GetString() == "departedOn" && e.GetProperty("newValue").GetString() == "2026-02-01");
        Assert.Contains(entries, e => e.GetProperty("field").GetString() == "membershipNumber" && e.GetProperty("oldValue").ValueKind == JsonValueKind.Null);
        Assert.Contains(entries, e => e.GetProperty("action").GetString() == "stage" && e.GetProperty("newValue").GetString() == "departure 2026-02-01");
    }

    [Fact]
    public async Task PassportNumberOfAnotherWorkerIsAWarningTheOfficerMustConfirm()
    {
        var api = await ApiAsync();
        var first = (await api.RegisterAsync()).GetProperty("id").GetString()!;
        var second = (await api.RegisterAsync()).GetProperty("id").GetString()!;
        var passport = NewPassport();
        await (await api.PutAsJsonAsync($"/api/v1/workers/{first}/documents/passport", new { verified = true, passportNumber = passport })).JsonAsync(HttpStatusCode.OK);

        var clash = await api.PutAsJsonAsync($"/api/v1/workers/{second}/documents/passport", new { verified = true, passportNumber = passport.ToLowerInvariant() });
        var problem = await clash.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(first, Assert.Single(problem.GetProperty("candidates").EnumerateArray()).GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("passportNumber", out _));
        Assert.True((await api.GetWorkerAsync(second)).GetProperty("passportNumber").ValueKind == JsonValueKind.Null);

        var confirmed = await (await api.PutAsJsonAsync($"/api/v1/workers/{second}/documents/passport", new { verified = true, passportNumber = passport, confirmDuplicate = true })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(passport, confirmed.GetProperty("passportNumber").GetString());
    }

    [Fact]
    public async Task FindsWorkersByNikMembershipNumberPassportAndNamePrefixWithFilters()
    {
        var api = await ApiAsync();
        var word = UniqueWord();
        var worker = await api.RegisterAsync(new() { ["fullName"] = $"Dewi {word} Lestari", ["destinationCountry"] = "TW" });
        var id = worker.GetProperty("id").GetString()!;
        var payment = await api.PayAsync(id, new { kind = "placement", amount = 332_500, paidOn = "2026-01-20", reference = "S-" + UniqueWord() });
        await api.VerifyAllDocumentsAsync(id, "B7654321");

        foreach (var search in new[] { worker.GetProperty("nik").GetString()!, payment.GetProperty("membershipNumber").GetString()!, "b7654321", $"dewi {word.ToLowerInvariant()}" })
        {
            var page = await (await api.GetAsync($"/api/v1/workers?search={Uri.EscapeDataString(search)}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(id, Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
            Assert.Equal(1, page.GetProperty("total").GetInt32());
        }

        var filtered = await (await api.GetAsync($"/api/v1/workers?search=Dewi%20{word}&stage=candidate&destinationCountry=TW&province=33&scheme=agency&page=1&pageSize=10")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(filtered.GetProperty("items").EnumerateArray());
        var none = await (await api.GetAsync($"/api/v1/workers?search=Dewi%20{word}&stage=placed")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(none.GetProperty("items").EnumerateArray());
        var wildcard = await (await api.GetAsync("/api/v1/workers?search=%25")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(wildcard.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ApiNeedsAnOfficerTokenAndIsDocumentedInSwagger()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.CreateClient().GetAsync("/api/v1/workers")).StatusCode);
        var swagger = JsonDocument.Parse(await Factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json")).RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/workers", "/api/v1/workers/{id}", "/api/v1/workers/{id}/history", "/api/v1/workers/{id}/documents/{type}", "/api/v1/workers/{id}/payments", "/api/v1/workers/{id}/departure", "/api/v1/workers/{id}/extension", "/api/v1/workers/{id}/return", "/api/v1/workers/{id}/failed-departure", "/api/v1/workers/{id}/withdrawal" })
        {
            Assert.True(swagger.TryGetProperty(path, out _), path);
        }
    }
}

public sealed class WorkersApiTestsOnSqlite(SqliteAppFactory f) : WorkersApiTests(f), IClassFixture<SqliteAppFactory>;

public sealed class WorkersApiTestsOnPostgres(PostgresAppFactory f) : WorkersApiTests(f), IClassFixture<PostgresAppFactory>;
