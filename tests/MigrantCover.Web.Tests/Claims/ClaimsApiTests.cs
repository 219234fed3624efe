using static MigrantCover.Web.Tests.Claims.ClaimKit;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Claims;

/// <summary>
/// Rule book §15's worked examples of claims end to end through the API (register, pay, depart or fail,
/// report, assess, verify the documents, verify, approve by another account, pay), on each provider.
/// </summary>
public abstract class ClaimsApiTests(AppFactory factory) : ProviderTests(factory)
{
    private async Task<HttpClient> ApiAsync() => await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);

    private Task<int> CountAsync<T>()
        where T : class =>
        Factory.WithDbAsync(db => db.Set<T>().CountAsync());

    [Fact]
    [Trait("Rule", "R-CLM-1")]
    [Trait("Rule", "R-CLM-9")]
    [Trait("Rule", "R-HEIR-4")]
    public async Task Example1DeathDuringPlacementPays85MillionToAParentAndRecordsDeceased()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var id = await api.PlacedAsync(D("2024-03-01"), 24, Heir("parent", "Sumiati Darto", "female", "1968-02-03"), Heir("sibling", "Budi Darto", "male", "1998-11-12"));
        var heirs = (await (await api.GetAsync($"/api/v1/workers/{id}/heirs")).JsonAsync(HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal(["B1", "B2"], heirs.EnumerateArray().Select(h => h.GetProperty("class").GetString()));
        var parent = heirs[0].GetProperty("id").GetString();
        var sibling = heirs[1].GetProperty("id").GetString();

        var body = ClaimBody(id, "death", "2025-06-10", "2025-06-20");
        var assessment = await api.AssessAsync(body);
        Assert.True(assessment.GetProperty("eligible").GetBoolean());
        Assert.Equal("placement", assessment.GetProperty("phase").GetString());
        Assert.Equal("permenaker-4-2023", assessment.GetProperty("ruleSet").GetString());
        Assert.Equal(85_000_000, assessment.GetProperty("amount").GetInt64());
        Assert.Equal("fixed", assessment.GetProperty("amountBasis").GetString());
        Assert.Equal(JsonValueKind.Null, assessment.GetProperty("lastReportOn").ValueKind);
        Assert.Equal("B1", assessment.GetProperty("payeeClass").GetString());

        var claim = await api.ReportAsync(body);
        Assert.Equal("submitted", claim.GetProperty("state").GetString());
        Assert.Equal("membership-card", claim.GetProperty("documents")[0].GetProperty("code").GetString());
        Assert.StartsWith("KLM-2025-", claim.GetProperty("number").GetString(), StringComparison.Ordinal);

        // R-HEIR-4: the brother is not of the class that is paid.
        claim = await api.VerifyDocumentsAsync(claim);
        var wrongPayee = await api.StepAsync(claim.GetProperty("id").GetString()!, "verify", new { payeeHeirId = sibling }, HttpStatusCode.BadRequest);
        Assert.Contains("R-HEIR-4", wrongPayee.RuleIds("payeeHeirId"));

        var paid = await api.CarryToPaidAsync(approver, claim, new { payeeHeirId = parent });
        Assert.Equal(85_000_000, paid.GetProperty("approvedAmount").GetProperty("amount").GetInt64());
        Assert.Equal("permenaker-4-2023", paid.GetProperty("approvedAmount").GetProperty("ruleSet").GetString());

        // R-CLM-9: approving a death records the stage deceased on t.
        var worker = await api.GetWorkerAsync(id);
        Assert.Equal("deceased", worker.GetProperty("stage").GetString());
        Assert.Equal("2025-06-10", worker.GetProperty("diedOn").GetString());
        Assert.Contains(paid.GetProperty("history").EnumerateArray(), h => h.GetProperty("field").GetString() == "state" && h.GetProperty("newValue").GetString() == "paid");
    }

    [Fact]
    [Trait("Rule", "R-CLM-1")]
    public async Task Example3DeathAfterReturnIsPostPlacement42Million()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var id = await api.PlacedAsync(D("2024-03-01"), 24, Heir("spouse", "Ahmad Suami", "male", "1990-01-01"));
        await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/return", new { arrivedOn = "2025-08-05" })).JsonAsync(HttpStatusCode.OK);
        var body = ClaimBody(id, "death", "2025-08-20");
        var a = await api.AssessAsync(body);
        Assert.Equal("post-placement", a.GetProperty("phase").GetString());
        Assert.Equal(42_000_000, a.GetProperty("amount").GetInt64());
        var heir = (await (await api.GetAsync($"/api/v1/workers/{id}/heirs")).JsonAsync(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetString();
        var paid = await api.CarryToPaidAsync(approver, await api.ReportAsync(body), new { payeeHeirId = heir });
        Assert.Equal(42_000_000, paid.GetProperty("approvedAmount").GetProperty("amount").GetInt64());
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    public async Task Example4AccidentAfterPrePlacementCoverIsLapsed()
    {
        var api = await ApiAsync();
        var id = await api.RegisteredAsync(D("2024-01-02"));
        await api.PrePlacementAsync(id, D("2024-01-10"));
        var a = await api.AssessAsync(ClaimBody(id, "medical-care", "2024-07-01", claimedAmount: 3_000_000));
        Assert.False(a.GetProperty("eligible").GetBoolean());
        Assert.Equal("lapsed", a.GetProperty("reason").GetString());
        await api.RejectAsync(await api.ReportAsync(ClaimBody(id, "medical-care", "2024-07-01", claimedAmount: 3_000_000)), "not-covered");
    }

    [Theory]
    [Trait("Rule", "R-CLM-3")]
    [Trait("Rule", "R-CLM-4")]
    [InlineData("2024-01-10", "2024-04-15", "employer-withdrew", 10_000_000, "permenaker-4-2023")]
    [InlineData("2021-09-01", "2021-11-20", "visa-refused", 7_500_000, "permenaker-18-2018")]
    [InlineData("2023-01-20", "2023-03-06", "employer-withdrew", 10_000_000, "permenaker-4-2023")]
    public async Task Examples5To7FailedDepartureIsPricedByTheRuleSetOfTheIncident(string paidOn, string failedOn, string cause, long amount, string ruleSet)
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var id = await api.RegisteredAsync(D(paidOn).AddDays(-10));
        await api.PrePlacementAsync(id, D(paidOn));
        await api.FailDepartureAsync(id, D(failedOn));
        var body = ClaimBody(id, "failed-departure", failedOn, Iso(D(failedOn).AddDays(5)), cause: cause);
        var a = await api.AssessAsync(body);
        Assert.True(a.GetProperty("eligible").GetBoolean(), a.ToString());
        Assert.Equal(amount, a.GetProperty("amount").GetInt64());
        Assert.Equal(ruleSet, a.GetProperty("ruleSet").GetString());
        Assert.False(a.GetProperty("twoStage").GetBoolean());
        var paid = await api.CarryToPaidAsync(approver, await api.ReportAsync(body));
        Assert.Equal(amount, paid.GetProperty("approvedAmount").GetProperty("amount").GetInt64());
    }

    [Fact]
    [Trait("Rule", "R-CLM-4")]
    public async Task Example8FailedDepartureCausedByTheAgencyIsFault()
    {
        var api = await ApiAsync();
        var id = await api.RegisteredAsync(D("2024-01-01"));
        await api.PrePlacementAsync(id, D("2024-01-10"));
        await api.FailDepartureAsync(id, D("2024-04-15"));
        var a = await api.AssessAsync(ClaimBody(id, "failed-departure", "2024-04-15", cause: "agency-fault"));
        Assert.False(a.GetProperty("eligible").GetBoolean());
        Assert.Equal("fault", a.GetProperty("reason").GetString());
        Assert.Contains("R-CLM-4", a.GetProperty("ruleIds").EnumerateArray().Select(r => r.GetString()));
        await api.RejectAsync(await api.ReportAsync(ClaimBody(id, "failed-departure", "2024-04-15", cause: "agency-fault")), "fault");
    }

    [Theory]
    [Trait("Rule", "R-CLM-6")]
    [Trait("Rule", "R-CLM-10")]
    [InlineData(65_000_000, 50_000_000)]
    [InlineData(12_345_000, 12_345_000)]
    public async Task Examples9And10TreatmentAbroadPaysAtMostTheCapAfterTheOutcome(long bill, long amount)
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var id = await api.PlacedAsync(D("2024-09-01"));
        var body = ClaimBody(id, "treatment-abroad", "2025-02-10", "2025-03-01", claimedAmount: bill);
        var a = await api.AssessAsync(body);
        Assert.Equal(amount, a.GetProperty("amount").GetInt64());
        Assert.Equal("cap", a.GetProperty("amountBasis").GetString());
        Assert.Equal("2030-02-09", a.GetProperty("lastReportOn").GetString());
        Assert.True(a.GetProperty("twoStage").GetBoolean());
        var claim = await api.ReportAsync(body);
        Assert.Equal("awaiting-outcome", claim.GetProperty("state").GetString());
        var paid = await api.CarryToPaidAsync(approver, claim);
        Assert.Equal(amount, paid.GetProperty("approvedAmount").GetProperty("amount").GetInt64());
        Assert.Equal("cap", paid.GetProperty("approvedAmount").GetProperty("amountBasis").GetString());
    }

    [Fact]
    [Trait("Rule", "R-CLM-7")]
    public async Task Example12UnderRuleSet18Of2018TheClaimExpiresAfterTwoYears()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var id = await api.PlacedAsync(D("2019-10-01"));
        var late = await (await api.PostAsJsonAsync("/api/v1/claims", ClaimBody(id, "medical-care", "2020-03-01", "2022-03-01", claimedAmount: 900_000))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["R-CLM-7"], late.RuleIds("reportedOn"));
        var claim = await api.ReportAsync(ClaimBody(id, "medical-care", "2020-03-01", "2022-02-28", claimedAmount: 900_000));
        Assert.Equal("permenaker-18-2018", claim.GetProperty("assessment").GetProperty("ruleSet").GetString());
        await api.CarryToPaidAsync(approver, claim);
    }

    [Fact]
    [Trait("Rule", "R-CLM-1")]
    public async Task Example13RapeIsNotInRuleSet18Of2018AndPays50MillionUnder4Of2023()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var id = await api.PlacedAsync(D("2022-06-01"), 24);
        var before = await api.ReportAsync(ClaimBody(id, "rape", "2022-10-01", "2022-10-20"));
        Assert.Equal("not-in-rule-set", before.GetProperty("assessment").GetProperty("reason").GetString());
        await api.RejectAsync(before, "not-in-rule-set");
        var after = await api.ReportAsync(ClaimBody(id, "rape", "2023-10-01"));
        Assert.Equal(50_000_000, after.GetProperty("assessment").GetProperty("amount").GetInt64());
        await api.CarryToPaidAsync(approver, after);
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    public async Task Examples14And15IndividualSchemeBeforeDepartureHasJkmOnly()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var id = await api.RegisteredAsync(D("2025-04-20"), 24, "individual-formal", Heir("parent", "Ibu Sarinah", "female", "1966-03-03"));
        await api.PlacementAsync(id, D("2025-05-01"), 24, Scheme.Individual);
        await api.DepartAsync(id, D("2025-05-20"));
        var accident = await api.AssessAsync(ClaimBody(id, "medical-care", "2025-05-10", claimedAmount: 1_000_000));
        Assert.False(accident.GetProperty("eligible").GetBoolean());
        var death = await api.AssessAsync(ClaimBody(id, "death", "2025-05-10"));
        Assert.True(death.GetProperty("eligible").GetBoolean());
        Assert.Equal(42_000_000, death.GetProperty("amount").GetInt64());
        await api.RejectAsync(await api.ReportAsync(ClaimBody(id, "medical-care", "2025-05-10", claimedAmount: 1_000_000)), "not-covered");
    }

    [Fact]
    [Trait("Rule", "R-CLM-2")]
    public async Task Example16NoPaymentIsNotPaid()
    {
        var api = await ApiAsync();
        var id = await api.RegisteredAsync(D("2025-01-10"));
        var a = await api.AssessAsync(ClaimBody(id, "death", "2025-02-01"));
        Assert.Equal("not-paid", a.GetProperty("reason").GetString());
        await api.RejectAsync(await api.ReportAsync(ClaimBody(id, "death", "2025-02-01")), "not-covered");
    }

    [Fact]
    [Trait("Rule", "R-HEIR-1")]
    [Trait("Rule", "R-HEIR-2")]
    public async Task Examples17And18PayeeClassIsTheHighestRecorded()
    {
        var api = await ApiAsync();
        var unmarried = await api.PlacedAsync(D("2024-03-01"), 24, Heir("parent", "Ayah", "male", "1960-01-01"), Heir("parent", "Ibu", "female", "1962-01-01"), Heir("sibling", "Adik", "male", "2000-01-01"));
        var a = await api.AssessAsync(ClaimBody(unmarried, "death", "2025-06-10"));
        Assert.Equal("B1", a.GetProperty("payeeClass").GetString());
        Assert.Equal(["parent"], a.GetProperty("payeeRelationships").EnumerateArray().Select(r => r.GetString()));

        var married = await api.PlacedAsync(D("2024-03-01"), 24, Heir("spouse", "Suami", "male", "1990-01-01"), Heir("child", "Anak", "female", "2015-01-01"), Heir("parent", "Ibu", "female", "1962-01-01"));
        var b = await api.AssessAsync(ClaimBody(married, "death", "2025-06-10"));
        Assert.Equal("A", b.GetProperty("payeeClass").GetString());
        Assert.Equal(["spouse", "child"], b.GetProperty("payeeRelationships").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task AJhtPaymentInTheHistoryKeepsItsAcronym()
    {
        var api = await ApiAsync();
        var id = await api.RegisteredAsync(D("2024-01-02"));
        await api.PrePlacementAsync(id, D("2024-01-10"));
        var reference = "JHT-" + UniqueWord();
        await api.PayAsync(id, new { kind = "jht", amount = 1_200_000, monthlyAmount = 100_000, months = 12, paidOn = "2024-01-10", reference });

        foreach (var (language, said) in new[] { ("id", "Pembayaran JHT (Jaminan Hari Tua) Rp1.200.000, 10 Januari 2024, "), ("en", "Payment JHT (old-age savings) Rp1.200.000, 10 January 2024, ") })
        {
            Assert.Contains(said + reference, await api.HistoryDescriptionsAsync(id, language));
        }
    }

    [Fact]
    [Trait("Rule", "R-CLM-11")]
    public async Task Example19JhtWithdrawalAfterAFailedDepartureIsTheBalance()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var id = await api.RegisteredAsync(D("2024-01-02"));
        await api.PrePlacementAsync(id, D("2024-01-10"));
        await api.PayAsync(id, new { kind = "jht", amount = 1_200_000, monthlyAmount = 100_000, months = 12, paidOn = "2024-01-10", reference = "JHT-" + UniqueWord() });
        await api.FailDepartureAsync(id, D("2024-04-15"));
        var body = ClaimBody(id, "jht-withdrawal", "2024-04-15", trigger: "failed-departure");
        var a = await api.AssessAsync(body);
        Assert.Equal(1_200_000, a.GetProperty("amount").GetInt64());
        Assert.Equal("balance", a.GetProperty("amountBasis").GetString());
        var paid = await api.CarryToPaidAsync(approver, await api.ReportAsync(body));
        Assert.Equal(1_200_000, paid.GetProperty("approvedAmount").GetProperty("amount").GetInt64());
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public async Task AssessWritesNothingAndTheSameClaimTwiceIsAConflictNamingTheFirst()
    {
        var api = await ApiAsync();
        var id = await api.PlacedAsync(D("2024-09-01"));
        var claims = await CountAsync<BenefitClaim>();
        var audit = await CountAsync<AuditEntry>();
        var documents = await CountAsync<ClaimDocumentItem>();
        var body = ClaimBody(id, "treatment-abroad", "2025-02-10", "2025-03-01", claimedAmount: 65_000_000);
        body["payeeHeirId"] = Guid.NewGuid();
        body.Remove("payeeHeirId");
        for (var i = 0; i < 3; i++)
        {
            await api.AssessAsync(body);
        }

        Assert.Equal(claims, await CountAsync<BenefitClaim>());
        Assert.Equal(audit, await CountAsync<AuditEntry>());
        Assert.Equal(documents, await CountAsync<ClaimDocumentItem>());

        var first = await api.ReportAsync(body);
        var again = await (await api.PostAsJsonAsync("/api/v1/claims", body)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.Contains("R-CLM-9", again.RuleIds("type"));
        Assert.Equal(claims + 1, await CountAsync<BenefitClaim>());
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public async Task TheSameClaimReportedManyTimesAtOnceIsRecordedOnceAndTheOthersAreConflicts()
    {
        var api = await ApiAsync();
        var id = await api.PlacedAsync(D("2024-09-01"));
        var claims = await CountAsync<BenefitClaim>();
        var body = ClaimBody(id, "treatment-abroad", "2025-02-10", "2025-03-01", claimedAmount: 65_000_000);

        // The unique index (worker, type, incident date) refuses all but one at the database: the others are
        // the 409 of the duplicate, naming the claim recorded, never a 500.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.PostAsJsonAsync("/api/v1/claims", body)));
        var texts = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.True(answers.All(a => a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict), string.Join(Environment.NewLine, answers.Select((a, i) => $"{(int)a.StatusCode} {texts[i]}")));
        var created = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        var first = (await created.JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        foreach (var conflict in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal(first, (await conflict.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("id").GetString());
        }

        Assert.Equal(claims + 1, await CountAsync<BenefitClaim>());
    }

    // One claim step sent 8 times at once by one account: every copy 200 with the claim in <paramref name="state"/>
    // at one version, and the move to that state audited once.
    private async Task<JsonElement> BurstAsync(HttpClient who, string cid, string step, object body, string state)
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => who.PostAsJsonAsync($"/api/v1/claims/{cid}/{step}", body)));
        var texts = await Task.WhenAll(answers.Select(a => a.Content.ReadAsStringAsync()));
        Assert.True(answers.All(a => a.StatusCode == HttpStatusCode.OK), step + ": " + string.Join(Environment.NewLine, answers.Select((a, i) => $"{(int)a.StatusCode} {texts[i]}")));
        var claims = await Task.WhenAll(answers.Select(a => a.JsonAsync(HttpStatusCode.OK)));
        Assert.All(claims, c => Assert.Equal(state, c.GetProperty("state").GetString()));
        Assert.Single(claims.Select(c => c.GetProperty("version").GetInt64()).Distinct());
        var field = AppDbContext.ClaimField(Guid.Parse(cid), "state");
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Field == field && a.NewValue == state)));
        return claims[0];
    }

    [Fact]
    [Trait("Rule", "R-PAY-2")]
    public async Task TheSamePaymentOfAClaimSentManyTimesAtOnceIsRecordedOnceAndEveryAnswerIsThePaidClaim()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var claim = await api.CarryToApprovedAsync(approver, await api.ReportAsync(ClaimBody(await api.PlacedAsync(D("2024-09-01")), "medical-care", "2025-02-10", claimedAmount: 1_500_000)));
        var cid = claim.GetProperty("id").GetString()!;
        var body = new { reference = "KLAIM-" + UniqueWord(), paidOn = PaidOnApprovalDay(claim) };
        var audit = await CountAsync<AuditEntry>();

        // The audit writes the moment of approval as ISO 8601 UTC, as the API answers it (not "12/04/2026 ...").
        var approvedField = AppDbContext.ClaimField(Guid.Parse(cid), "approvedAt");
        var approvedAt = await Factory.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.Field == approvedField).Select(a => a.NewValue).SingleAsync());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", approvedAt);
        Assert.Equal(claim.GetProperty("approvedAt").GetDateTimeOffset().ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), approvedAt);

        // A retrying client (or an officer's double tap) sends the same payment 8 times at once: the losers of
        // the race see the winner's payment and answer as a repeat does (R-PAY-2), never "someone else changed it".
        var paid = await BurstAsync(api, cid, "pay", body, "paid");
        Assert.Equal(body.reference, paid.GetProperty("paymentReference").GetString());

        // Recorded once: the audit has the one payment's entries, not eight.
        var once = await Factory.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.NewValue == body.reference).CountAsync());
        Assert.Equal(1, once);
        Assert.True(await CountAsync<AuditEntry>() - audit is > 0 and < 8);
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public async Task EachClaimStepSentManyTimesAtOnceByTheSameOfficerIsMadeOnceAndEveryCopyAnswersTheClaim()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var claim = await api.ReportAsync(ClaimBody(await api.PlacedAsync(D("2024-09-01")), "medical-care", "2025-02-10", claimedAmount: 1_500_000));
        var cid = claim.GetProperty("id").GetString()!;

        await BurstAsync(api, cid, "outcome", new { outcome = "healed", outcomeOn = "2025-02-10" }, "submitted");
        await api.VerifyDocumentsAsync(await (await api.GetAsync($"/api/v1/claims/{cid}")).JsonAsync(HttpStatusCode.OK));
        await BurstAsync(api, cid, "verify", new { }, "verified");
        await BurstAsync(approver, cid, "approve", new { }, "approved");

        // Another step of another officer, or the same step with other input, is still refused.
        Assert.Contains("R-CLM-9", (await api.StepAsync(cid, "approve", null, HttpStatusCode.Conflict)).RuleIds("state"));
        var other = await api.ReportAsync(ClaimBody(await api.PlacedAsync(D("2024-09-01")), "medical-care", "2025-02-11", claimedAmount: 1_500_000));
        cid = other.GetProperty("id").GetString()!;
        await BurstAsync(api, cid, "reject", new { reason = "duplicate", text = "Sudah dilaporkan lewat kantor lain." }, "rejected");
        await api.StepAsync(cid, "reject", new { reason = "duplicate", text = "Teks lain" }, HttpStatusCode.Conflict);
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public async Task StepsOutOfOrderAreConflictsAndARejectedClaimIsFinal()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var id = await api.PlacedAsync(D("2024-09-01"));
        var claim = await api.ReportAsync(ClaimBody(id, "medical-care", "2025-02-10", claimedAmount: 2_000_000));
        var cid = claim.GetProperty("id").GetString()!;
        Assert.Contains("R-CLM-9", (await api.StepAsync(cid, "verify", null, HttpStatusCode.Conflict)).RuleIds("state"));
        Assert.Contains("R-CLM-9", (await approver.StepAsync(cid, "approve", null, HttpStatusCode.Conflict)).RuleIds("state"));
        Assert.Contains("R-CLM-9", (await api.StepAsync(cid, "pay", new { reference = "X-" + UniqueWord(), paidOn = "2026-03-01" }, HttpStatusCode.Conflict)).RuleIds("state"));
        var noText = await api.StepAsync(cid, "reject", new { reason = "other" }, HttpStatusCode.BadRequest);
        Assert.Contains("R-CLM-9", noText.RuleIds("text"));
        await api.StepAsync(cid, "reject", new { reason = "other", text = "Dilaporkan ganda lewat kantor lain." });
        Assert.Contains("R-CLM-9", (await api.StepAsync(cid, "reject", new { reason = "other", text = "lagi" }, HttpStatusCode.Conflict)).RuleIds("state"));
        var locked = await api.PutAsJsonAsync($"/api/v1/claims/{cid}/documents/membership-card", new { verified = true });
        await locked.AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    [Trait("Rule", "R-PAY-2")]
    public async Task AReferenceIsRecordedOnceAcrossClaimsAndAPaidClaimIsNotPaidAgainDifferently()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var first = await api.CarryToPaidAsync(approver, await api.ReportAsync(ClaimBody(await api.PlacedAsync(D("2024-09-01")), "medical-care", "2025-02-10", claimedAmount: 1_500_000)));
        var reference = first.GetProperty("paymentReference").GetString();
        var other = await api.ReportAsync(ClaimBody(await api.PlacedAsync(D("2024-09-01")), "medical-care", "2025-02-11", claimedAmount: 1_500_000));
        var oid = other.GetProperty("id").GetString()!;
        other = await api.StepAsync(oid, "outcome", new { outcome = "healed", outcomeOn = "2025-02-20" });
        await api.VerifyDocumentsAsync(other);
        await api.StepAsync(oid, "verify");
        await approver.StepAsync(oid, "approve");
        var used = await api.StepAsync(oid, "pay", new { reference, paidOn = "2026-03-01" }, HttpStatusCode.Conflict);
        Assert.Contains("R-PAY-2", used.RuleIds("reference"));
        var changed = await api.StepAsync(first.GetProperty("id").GetString()!, "pay", new { reference = "OTHER-" + UniqueWord(), paidOn = "2026-03-01" }, HttpStatusCode.Conflict);
        Assert.Contains("R-PAY-2", changed.RuleIds("reference"));
    }

    [Fact]
    [Trait("Rule", "R-CLM-9")]
    public async Task TheWorkersHistorySaysEachClaimsReportStatesAndDocumentsInWordsAndLeavesItsDetailsToTheClaimsPage()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var wid = await api.PlacedAsync(D("2024-09-01"));
        var claim = await api.ReportAsync(ClaimBody(wid, "medical-care", "2025-02-10", claimedAmount: 1_500_000));
        var number = claim.GetProperty("number").GetString();
        await api.CarryToPaidAsync(approver, claim);

        var id_ = await api.HistoryDescriptionsAsync(wid, "id");
        Assert.Contains(id_, d => d.StartsWith($"Klaim {number} dilaporkan: perawatan medis kecelakaan kerja, kejadian 10 Februari 2025; status: ", StringComparison.Ordinal));
        Assert.Contains($"Klaim {number}: status disetujui → dibayar", id_);
        Assert.Contains(id_, d => d.StartsWith($"Klaim {number}: dokumen ", StringComparison.Ordinal) && d.Contains(" diverifikasi (ref. DOC-", StringComparison.Ordinal));
        Assert.Contains($"Klaim {number}: rincian dicatat (lihat halaman klaim)", id_);
        var en = await api.HistoryDescriptionsAsync(wid, "en");
        Assert.Contains($"Claim {number}: state approved → paid", en);
        Assert.DoesNotContain(id_.Concat(en), d => d.Contains("claim:", StringComparison.Ordinal));

        // The worker's page keeps the report, the states and the documents; the claim's page has the rest.
        var page = await (await Factory.SignedInBrowserAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword)).GetDocumentAsync($"/Workers/{wid}");
        var lines = page.QuerySelectorAll("#history .history-what").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains($"Klaim {number}: status disetujui → dibayar", lines);
        Assert.DoesNotContain(lines, l => l.Contains("rincian dicatat", StringComparison.Ordinal) || l.Contains("claim:", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    [Trait("Rule", "R-HEIR-6")]
    public async Task HeirsAreAddedCorrectedAndEndedWithReasonsInTheHistoryAndTheirNikMasked()
    {
        var api = await ApiAsync();
        var heirNik = NewNik(D("1970-05-04"), Sex.Female);
        var id = await api.RegisteredAsync(D("2026-01-06"), 24, "agency", Heir("parent", "Ibu Kandung", nik: heirNik));
        var list = (await (await api.GetAsync($"/api/v1/workers/{id}/heirs")).JsonAsync(HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal("************" + heirNik[^4..], list[0].GetProperty("nik").GetString());

        var added = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/heirs", Heir("sibling", "Kakak", "male", "1990-02-02"))).JsonAsync(HttpStatusCode.Created);
        var hid = added.GetProperty("id").GetString();
        Assert.Equal("B2", added.GetProperty("class").GetString());
        var noReason = await (await api.PutAsJsonAsync($"/api/v1/workers/{id}/heirs/{hid}", Heir("sibling", "Kakak Sulung", "male", "1990-02-02"))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("R-HEIR-6", noReason.RuleIds("reason"));
        var corrected = Heir("sibling", "Kakak Sulung", "male", "1990-02-02");
        corrected["reason"] = "Salah ketik nama";
        Assert.Equal("Kakak Sulung", (await (await api.PutAsJsonAsync($"/api/v1/workers/{id}/heirs/{hid}", corrected)).JsonAsync(HttpStatusCode.OK)).GetProperty("fullName").GetString());
        var ended = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/heirs/{hid}/end", new { reason = "Meninggal dunia" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-03-01", ended.GetProperty("endedOn").GetString());
        await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/heirs/{hid}/end", new { reason = "lagi" })).AssertProblemAsync(HttpStatusCode.Conflict);

        var history = (await (await api.GetAsync($"/api/v1/workers/{id}/history")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("action").GetString() == "heir" && h.Str("reason") == "Salah ketik nama" && h.Str("newValue") == "Kakak Sulung");
        Assert.Contains(history, h => h.GetProperty("action").GetString() == "heir-ended" && h.Str("reason") == "Meninggal dunia");
        Assert.Equal(2, (await (await api.GetAsync($"/api/v1/workers/{id}/heirs")).JsonAsync(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }
}

/// <summary>The examples whose days are after the test clock's today: a database and clock of their own, moved forward only.</summary>
public abstract class ClaimsLaterApiTests(AppFactory factory) : ProviderTests(factory)
{
    private async Task<HttpClient> ApiAsync() => await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);

    private async Task<T> AtAsync<T>(string today, Func<Task<T>> work)
    {
        Factory.Clock.SetUtcNow(new DateTimeOffset(D(today).ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));
        try
        {
            return await work();
        }
        finally
        {
            // The clock only moves forward; the next example is later still.
        }
    }

    /// <summary>§15 rows 2 and 11, in the order of their days (the clock moves forward only).</summary>
    [Fact]
    [Trait("Rule", "R-CLM-2")]
    [Trait("Rule", "R-CLM-7")]
    public async Task Examples2And11()
    {
        await Example2SameWorkerNotReturnedDiesAfterCoverEndedIsEnded();
        await Example11ReportOnTheLastDayIsAcceptedTheDayAfterIsRefusedExpired();
    }

    private Task<bool> Example2SameWorkerNotReturnedDiesAfterCoverEndedIsEnded() => AtAsync("2026-05-01", async () =>
    {
        var api = await ApiAsync();
        var id = await api.PlacedAsync(D("2024-03-01"));
        var a = await api.AssessAsync(ClaimBody(id, "death", "2026-04-02"));
        Assert.False(a.GetProperty("eligible").GetBoolean());
        Assert.Equal("ended", a.GetProperty("reason").GetString());
        Assert.Equal(JsonValueKind.Null, a.GetProperty("amount").ValueKind);
        var claim = await api.ReportAsync(ClaimBody(id, "death", "2026-04-02"));
        await api.RejectAsync(claim, "not-covered");
        return true;
    });

    private Task<bool> Example11ReportOnTheLastDayIsAcceptedTheDayAfterIsRefusedExpired() => AtAsync("2028-05-01", async () =>
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var id = await api.PlacedAsync(D("2023-01-15"));
        var late = await (await api.PostAsJsonAsync("/api/v1/claims", ClaimBody(id, "medical-care", "2023-04-01", "2028-04-01", claimedAmount: 4_000_000))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("R-CLM-7", late.RuleIds("reportedOn"));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Claims.CountAsync(c => c.WorkerId == Guid.Parse(id))));

        var claim = await api.ReportAsync(ClaimBody(id, "medical-care", "2023-04-01", "2028-03-31", claimedAmount: 4_000_000));
        Assert.Equal("2028-03-31", claim.GetProperty("assessment").GetProperty("lastReportOn").GetString());
        var paid = await api.CarryToPaidAsync(approver, claim);
        Assert.Equal(4_000_000, paid.GetProperty("approvedAmount").GetProperty("amount").GetInt64());
        Assert.Equal("claimed", paid.GetProperty("approvedAmount").GetProperty("amountBasis").GetString());
        return true;
    });

}

public sealed class ClaimsLaterApiTestsOnSqlite(SqliteAppFactory f) : ClaimsLaterApiTests(f), IClassFixture<SqliteAppFactory>;

public sealed class ClaimsLaterApiTestsOnPostgres(PostgresAppFactory f) : ClaimsLaterApiTests(f), IClassFixture<PostgresAppFactory>;

public sealed class ClaimsApiTestsOnSqlite(SqliteAppFactory f) : ClaimsApiTests(f), IClassFixture<SqliteAppFactory>;

public sealed class ClaimsApiTestsOnPostgres(PostgresAppFactory f) : ClaimsApiTests(f), IClassFixture<PostgresAppFactory>;
