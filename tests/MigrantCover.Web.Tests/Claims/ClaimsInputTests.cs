using MigrantCover.Web.Data.Sql;
using static MigrantCover.Web.Tests.Claims.ClaimKit;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Claims;

/// <summary>
/// Malformed and hostile input to every heir and claim endpoint: 400/404/409 problem+json, never a 500,
/// never a half-written claim or heir; and the claims figures equal plain SQL (both providers).
/// </summary>
public abstract class ClaimsInputTests(AppFactory factory) : ProviderTests(factory)
{
    private async Task<HttpClient> ApiAsync() => await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);

    private Task<(int Claims, int Documents, int Heirs, int Workers)> CountsAsync() =>
        Factory.WithDbAsync(async db => (await db.Claims.CountAsync(), await db.ClaimDocuments.CountAsync(), await db.Heirs.CountAsync(), await db.Workers.CountAsync()));

    private static async Task Refused(HttpResponseMessage response, params HttpStatusCode[] allowed)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(allowed.Contains(response.StatusCode), $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    [Fact]
    [Trait("Rule", "R-CLM-10")]
    [Trait("Rule", "R-CLM-2")]
    public async Task HostileClaimBodiesAreProblemsAndWriteNothing()
    {
        var api = await ApiAsync();
        var id = await api.PlacedAsync(D("2024-09-01"), 24, Heir("parent", "Ibu"));
        var before = await CountsAsync();
        var bodies = new[]
        {
            "",
            "[]",
            "{",
            "null",
            """{"workerId":"not-a-guid","type":"death","incidentOn":"2025-01-01"}""",
            $$"""{"workerId":"{{id}}","type":5,"incidentOn":"2025-01-01"}""",
            $$"""{"workerId":"{{id}}","type":"death","incidentOn":"2025-02-30"}""",
            $$"""{"workerId":"{{id}}","type":"death","incidentOn":"2025-01-01","reportedOn":"31/12/2025"}""",
            $$"""{"workerId":"{{id}}","type":"treatment-abroad","incidentOn":"2025-02-10","claimedAmount":-5}""",
            $$"""{"workerId":"{{id}}","type":"treatment-abroad","incidentOn":"2025-02-10","claimedAmount":99999999999999999999999}""",
            $$"""{"workerId":"{{id}}","type":"treatment-abroad","incidentOn":"2025-02-10","claimedAmount":1.5}""",
            $$"""{"workerId":"{{id}}","type":"treatment-abroad","incidentOn":"2025-02-10"}""",
            $$"""{"workerId":"{{id}}","type":"nonsense","incidentOn":"2025-02-10"}""",
            $$"""{"workerId":"{{id}}","type":"death","incidentOn":"2099-01-01"}""",
            $$"""{"workerId":"{{id}}","type":"death","incidentOn":"2025-06-10","reportedOn":"2025-06-01"}""",
            $$"""{"workerId":"{{id}}","type":"failed-departure","incidentOn":"2024-10-01"}""",
            $$"""{"workerId":"{{id}}","type":"death","incidentOn":"2025-06-10","reporter":{"role":"martian","name":"x","contact":"y"} }""",
            $$"""{"workerId":"{{id}}","type":"death","incidentOn":"2025-06-10","reporter":"family"}""",
            $$"""{"workerId":"{{id}}","type":"death","incidentOn":"2025-06-10","reporter":{"role":"family","name":"{{new string('x', 5000)}}","contact":"y"} }""",
            $$"""{"workerId":"{{Guid.NewGuid()}}","type":"death","incidentOn":"2025-06-10"}""",
            $$"""{"workerId":"{{id}}","type":"death","incidentOn":"2025-06-10","reporter":{"role":"family","name":"x","contact":"y"} ,"payeeHeirId":"{{Guid.NewGuid()}}"}""",
        };
        foreach (var raw in bodies)
        {
            // (An unknown payee does not matter to the assessment, only to the report.)
            if (!raw.Contains("payeeHeirId", StringComparison.Ordinal))
            {
                await Refused(await api.PostAsync("/api/v1/claims/assess", Json(raw)), HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
            }

            await Refused(await api.PostAsync("/api/v1/claims", Json(raw)), HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        }

        // A report without its reporter (R-CLM-5).
        var noReporter = await (await api.PostAsJsonAsync("/api/v1/claims", new { workerId = id, type = "death", incidentOn = "2025-06-10" })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("R-CLM-5", noReporter.RuleIds("reporter.role"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    [Trait("Rule", "R-HEIR-4")]
    public async Task HostileStepsAndAnotherWorkersHeirAreProblemsAndChangeNothing()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var mine = await api.PlacedAsync(D("2024-09-01"), 24, Heir("parent", "Ibu Saya"));
        var other = await api.PlacedAsync(D("2024-09-01"), 24, Heir("parent", "Ibu Orang Lain"));
        var otherHeir = (await (await api.GetAsync($"/api/v1/workers/{other}/heirs")).JsonAsync(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetString();

        // Another worker's heir: not a payee here (400 on the report, 404 on the heir endpoints).
        var body = ClaimBody(mine, "death", "2025-06-10");
        body["payeeHeirId"] = otherHeir;
        var foreign = await (await api.PostAsJsonAsync("/api/v1/claims", body)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("R-HEIR-4", foreign.RuleIds("payeeHeirId"));
        await Refused(await api.PutAsJsonAsync($"/api/v1/workers/{mine}/heirs/{otherHeir}", Heir("parent", "X")), HttpStatusCode.NotFound);
        await Refused(await api.PostAsJsonAsync($"/api/v1/workers/{mine}/heirs/{otherHeir}/end", new { reason = "x" }), HttpStatusCode.NotFound);

        body.Remove("payeeHeirId");
        var claim = await api.ReportAsync(body);
        var cid = claim.GetProperty("id").GetString()!;
        claim = await api.VerifyDocumentsAsync(claim);
        var before = await Factory.WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(cid)));

        var steps = new (string Method, string Path, string Raw)[]
        {
            ("POST", $"/api/v1/claims/{cid}/verify", $$"""{"payeeHeirId":"{{otherHeir}}"}"""),
            ("POST", $"/api/v1/claims/{cid}/verify", """{"payeeHeirId":"nope"}"""),
            ("POST", $"/api/v1/claims/{cid}/verify", """{"certificateRelationships":["cousin"]}"""),
            ("POST", $"/api/v1/claims/{cid}/verify", """{"certificateRelationships":"parent"}"""),
            ("POST", $"/api/v1/claims/{cid}/outcome", """{"outcome":"healed","outcomeOn":"2025-06-11"}"""),
            ("POST", $"/api/v1/claims/{cid}/outcome", """{"outcome":"exploded","outcomeOn":"2025-13-01"}"""),
            ("POST", $"/api/v1/claims/{cid}/pay", """{"reference":"R-1","paidOn":"2026-02-31"}"""),
            ("POST", $"/api/v1/claims/{cid}/pay", $$"""{"reference":"{{new string('R', 400)}}","paidOn":"2026-03-01"}"""),
            ("POST", $"/api/v1/claims/{cid}/pay", "{"),
            ("POST", $"/api/v1/claims/{cid}/reject", """{"reason":"bogus","text":"x"}"""),
            ("POST", $"/api/v1/claims/{cid}/reject", """{"reason":"other"}"""),
            ("POST", $"/api/v1/claims/{cid}/reject", ""),
            ("PUT", $"/api/v1/claims/{cid}/documents/no-such-document", """{"verified":true}"""),
            ("PUT", $"/api/v1/claims/{cid}/documents/membership-card", """{"verified":"yes"}"""),
            ("PUT", $"/api/v1/claims/{cid}/documents/membership-card", """{}"""),
            ("POST", $"/api/v1/claims/{Guid.NewGuid()}/approve", ""),
            ("POST", $"/api/v1/claims/{Guid.NewGuid()}/pay", """{"reference":"R-1","paidOn":"2026-03-01"}"""),
            ("PUT", $"/api/v1/claims/{Guid.NewGuid()}/documents/membership-card", """{"verified":true}"""),
            ("POST", $"/api/v1/claims/{cid}/approve", ""),
        };
        foreach (var (method, path, raw) in steps)
        {
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json(raw) };
            await Refused(await api.SendAsync(request), HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Conflict);
        }

        var after = await Factory.WithDbAsync(db => db.Claims.AsNoTracking().SingleAsync(c => c.Id == Guid.Parse(cid)));
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.State, after.State);
        Assert.Null(after.PayeeHeirId);
        await Refused(await api.GetAsync($"/api/v1/claims/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await Refused(await api.GetAsync("/api/v1/claims?state=flying&pageSize=100000"), HttpStatusCode.BadRequest);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    public async Task HostileHeirsAreRefusedAndARegistrationWithABadHeirWritesNoWorker()
    {
        var api = await ApiAsync();
        var before = await CountsAsync();
        var workerBody = Body();
        var workerNik = (string)workerBody["nik"]!;

        // R-HEIR-3: not the worker's own NIK; R-NIK-3 against the heir's own date of birth.
        workerBody["heirs"] = new object[] { Heir("parent", "Ibu", nik: workerNik), Heir("sibling", "Adik", "male", "2000-01-01", nik: "3302224101000001") };
        var problem = await (await api.PostAsJsonAsync("/api/v1/workers", workerBody)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("R-HEIR-3", problem.RuleIds("heirs[0].nik"));
        Assert.NotEmpty(problem.RuleIds("heirs[1].nik"));
        foreach (var heirs in new object?[] { "x", 5, new object?[] { null }, new object[] { new { fullName = 5 } }, new object[] { Heir("cousin", "Sepupu") }, Enumerable.Range(0, 30).Select(i => Heir("child", "Anak " + i, dob: "2010-01-01")).ToArray() })
        {
            var b = Body();
            b["heirs"] = heirs;
            await Refused(await api.PostAsJsonAsync("/api/v1/workers", b), HttpStatusCode.BadRequest);
        }

        Assert.Equal(before, await CountsAsync());

        var id = await api.RegisteredAsync(D("2026-01-06"));
        foreach (var raw in new[] { "", "{", """{"fullName":"A","relationship":"parent","sex":"female","dateOfBirth":"1970-02-30"}""", """{"fullName":"A","relationship":"parent","sex":"female","dateOfBirth":"2099-01-01"}""", """{"fullName":"A","relationship":"parent","sex":"x","dateOfBirth":"1970-01-01"}""", """{"fullName":"A","relationship":"parent","sex":"female","dateOfBirth":"1970-01-01","nik":"abc"}""" })
        {
            await Refused(await api.PostAsync($"/api/v1/workers/{id}/heirs", Json(raw)), HttpStatusCode.BadRequest);
        }

        await Refused(await api.PostAsJsonAsync($"/api/v1/workers/{Guid.NewGuid()}/heirs", Heir("parent", "Ibu")), HttpStatusCode.NotFound);
        await Refused(await api.GetAsync($"/api/v1/workers/{Guid.NewGuid()}/heirs"), HttpStatusCode.NotFound);
        var end = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/heirs/{Guid.NewGuid()}/end", new { reason = "x" })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(404, end.GetProperty("status").GetInt32());
        Assert.Equal(before.Heirs, (await CountsAsync()).Heirs);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    public async Task ANikAlreadyRecordedForAnotherHeirIsRefusedOnItsFieldUntilThatHeirHasEnded()
    {
        var api = await ApiAsync();
        var nik = NewNik(D("1970-05-04"), Sex.Female);
        var id = await api.RegisteredAsync(D("2026-01-06"), 24, "agency", Heir("parent", "Ibu Sumiati", nik: nik));
        var first = (await (await api.GetAsync($"/api/v1/workers/{id}/heirs")).JsonAsync(HttpStatusCode.OK)).GetProperty("items")[0].GetProperty("id").GetString();
        var before = (await CountsAsync()).Heirs;

        // Added again under another relationship: 400 on the NIK, nothing stored.
        var again = await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/heirs", Heir("grandparent", "Nenek Sumiati", nik: " " + nik))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("R-HEIR-3", again.RuleIds("nik"));
        Assert.Equal(before, (await CountsAsync()).Heirs);

        // Another heir corrected to that NIK: refused too; the heir itself keeps its own NIK in a correction.
        var sibling = (await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/heirs", Heir("sibling", "Adik", "male", "2000-01-01"))).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString();
        var corrected = Heir("sibling", "Adik", "female", "1970-05-04", nik);
        corrected["reason"] = "Salah ketik";
        Assert.Contains("R-HEIR-3", (await (await api.PutAsJsonAsync($"/api/v1/workers/{id}/heirs/{sibling}", corrected)).AssertProblemAsync(HttpStatusCode.BadRequest)).RuleIds("nik"));
        var same = Heir("parent", "Ibu Sumiati Darto", nik: nik);
        same["reason"] = "Nama lengkap sesuai KTP";
        await (await api.PutAsJsonAsync($"/api/v1/workers/{id}/heirs/{first}", same)).JsonAsync(HttpStatusCode.OK);

        // Once that heir has ended (R-HEIR-6: kept in the history), the NIK may be recorded again.
        await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/heirs/{first}/end", new { reason = "Dicatat dengan hubungan yang salah" })).JsonAsync(HttpStatusCode.OK);
        await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/heirs", Heir("grandparent", "Nenek Sumiati", nik: nik))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(before + 2, (await CountsAsync()).Heirs);
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    public async Task R_HEIR_3_OneNikRecordedForEightHeirsAtTheSameMomentIsRecordedOnceAndTheOthersAreToldWhy()
    {
        var api = await ApiAsync();
        var id = await api.RegisteredAsync(D("2026-01-06"), 24, "agency", Heir("sibling", "Adik Satu", "male", "2000-01-01"), Heir("sibling", "Adik Dua", "male", "2001-01-01"),
            Heir("sibling", "Adik Tiga", "male", "2002-01-01"), Heir("sibling", "Adik Empat", "male", "2003-01-01"));
        var siblings = (await (await api.GetAsync($"/api/v1/workers/{id}/heirs")).JsonAsync(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToList();
        var nik = NewNik(D("1970-05-04"), Sex.Female);

        // Four officers add the mother, four correct a sibling's NIK to hers, all at once: each passes the check
        // before any has written; the unique live NIK lets exactly one through.
        var corrected = Heir("sibling", "Adik", "female", "1970-05-04", nik);
        corrected["reason"] = "Salah ketik";
        var answers = await Task.WhenAll(siblings.Select((sibling, i) => new[]
        {
            api.PostAsJsonAsync($"/api/v1/workers/{id}/heirs", Heir("parent", $"Ibu Sumiati {i}", nik: nik)),
            api.PutAsJsonAsync($"/api/v1/workers/{id}/heirs/{sibling}", corrected),
        }).SelectMany(a => a));

        Assert.Single(answers, a => a.IsSuccessStatusCode);
        foreach (var refused in answers.Where(a => !a.IsSuccessStatusCode))
        {
            Assert.Contains("R-HEIR-3", (await refused.AssertProblemAsync(HttpStatusCode.BadRequest)).RuleIds("nik"));
        }

        var workerId = Guid.Parse(id);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Heirs.CountAsync(h => h.WorkerId == workerId && h.Nik == nik && h.EndedOn == null)));
    }

    [Fact]
    [Trait("Rule", "R-HEIR-3")]
    public async Task R_HEIR_3_TheMigrationGuardsTheEarlierOfTwoLiveHeirsWithOneNikAndKeepsBoth()
    {
        var api = await ApiAsync();
        var id = await api.RegisteredAsync(D("2026-01-06"), 24, "agency", Heir("parent", "Ibu Sumiati"), Heir("grandparent", "Nenek Sumiati"), Heir("sibling", "Adik", "male", "2000-01-01"));
        var workerId = Guid.Parse(id);
        var nik = NewNik(D("1970-05-04"), Sex.Female);
        var at = new DateTimeOffset(2026, 1, 6, 3, 0, 0, TimeSpan.Zero);

        // As the migration finds data written before the check: three heirs with one NIK (the grandparent
        // recorded a minute after the parent, the sibling ended), and no guard yet.
        await Factory.WithDbAsync(db => db.Heirs.Where(h => h.WorkerId == workerId)
            .ExecuteUpdateAsync(u => u.SetProperty(h => h.Nik, nik).SetProperty(h => h.LiveNik, (string?)null).SetProperty(h => h.CreatedAt, at)));
        await Factory.WithDbAsync(db => db.Heirs.Where(h => h.WorkerId == workerId && h.Relationship == HeirRelationship.Grandparent).ExecuteUpdateAsync(u => u.SetProperty(h => h.CreatedAt, at.AddMinutes(1))));
        await Factory.WithDbAsync(db => db.Heirs.Where(h => h.WorkerId == workerId && h.Relationship == HeirRelationship.Sibling).ExecuteUpdateAsync(u => u.SetProperty(h => h.EndedOn, D("2026-01-07"))));

        await Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(HeirSql.BackfillLiveNik));

        var guards = await Factory.WithDbAsync(db => db.Heirs.Where(h => h.WorkerId == workerId).ToDictionaryAsync(h => h.Relationship, h => h.LiveNik));
        Assert.Equal(nik, guards[HeirRelationship.Parent]);
        Assert.Null(guards[HeirRelationship.Grandparent]);
        Assert.Null(guards[HeirRelationship.Sibling]);

        // Both live heirs stay listed; the later one is corrected only away from the NIK the earlier one holds.
        var items = (await (await api.GetAsync($"/api/v1/workers/{id}/heirs")).JsonAsync(HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal(2, items.EnumerateArray().Count(h => h.GetProperty("endedOn").ValueKind == JsonValueKind.Null));
        var later = items.EnumerateArray().Single(h => h.GetProperty("relationship").GetString() == "grandparent").GetProperty("id").GetString();
        var same = Heir("grandparent", "Nenek Sumiati", nik: nik);
        same["reason"] = "Nama lengkap";
        Assert.Contains("R-HEIR-3", (await (await api.PutAsJsonAsync($"/api/v1/workers/{id}/heirs/{later}", same)).AssertProblemAsync(HttpStatusCode.BadRequest)).RuleIds("nik"));
    }

    [Theory]
    [Trait("Rule", "R-HEIR-3")]
    [InlineData("dateOfBirth", "1970-02-30")]
    [InlineData("dateOfBirth", "04-05-1970")]
    [InlineData("relationship", "cousin")]
    [InlineData("sex", "x")]
    public async Task AnHeirFieldFilledInWronglyGetsOneMessageThatSaysWhatIsWrongNotAlsoThatItIsMissing(string field, string value)
    {
        var api = await ApiAsync();
        var id = await api.RegisteredAsync(D("2026-01-06"));
        var heir = Heir("parent", "Ibu Sumiati");
        heir[field] = value;
        foreach (var language in new[] { "id", "en" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/workers/{id}/heirs") { Content = JsonContent.Create(heir) };
            request.Headers.AcceptLanguage.ParseAdd(language);
            var problem = await (await api.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);
            var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
            var message = Assert.Single(messages);
            Assert.DoesNotContain(language == "en" ? "missing" : "belum", message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ClaimsFiguresEqualPlainSql()
    {
        var api = await ApiAsync();
        var approver = await Factory.SecondOfficerAsync();
        var a = await api.PlacedAsync(D("2024-09-01"));
        await api.CarryToPaidAsync(approver, await api.ReportAsync(ClaimBody(a, "treatment-abroad", "2025-02-10", "2025-03-01", claimedAmount: 65_000_000)));
        var rejected = await api.ReportAsync(ClaimBody(a, "medical-care", "2025-04-10", "2025-04-12", claimedAmount: 1_234_567));
        await api.StepAsync(rejected.GetProperty("id").GetString()!, "reject", new { reason = "duplicate", text = "Sudah dilaporkan lewat kantor lain." });
        await api.ReportAsync(ClaimBody(a, "home-care", "2025-04-15", "2025-04-20", claimedAmount: 5_000_000));
        var b = await api.PlacedAsync(D("2024-03-01"), 24, Heir("parent", "Ibu"));
        await api.ReportAsync(ClaimBody(b, "death", "2025-06-10", "2025-06-11"));

        var admin = await Factory.CreateClient().AuthorizeAsync(AppFactory.AdminEmail, AppFactory.AdminPassword);
        var stats = await (await admin.GetAsync("/api/v1/stats/claims")).JsonAsync(HttpStatusCode.OK);
        var ranged = await (await admin.GetAsync("/api/v1/stats/claims?from=2025-04-01&to=2025-04-30")).JsonAsync(HttpStatusCode.OK);
        await Refused(await admin.GetAsync("/api/v1/stats/claims?from=2025-13-01"), HttpStatusCode.BadRequest);
        await Refused(await api.GetAsync("/api/v1/stats/claims"), HttpStatusCode.Forbidden);

        long Sql(string sql) => Factory.WithDbAsync(db => db.Database.SqlQueryRaw<long>(sql).SingleAsync()).GetAwaiter().GetResult();
        var t = stats.GetProperty("totals");
        Assert.Equal(Sql("""SELECT COUNT(*) AS "Value" FROM claims """), t.GetProperty("reported").GetInt64());
        Assert.Equal(Sql("""SELECT COUNT(*) AS "Value" FROM claims WHERE state = 'paid'"""), t.GetProperty("paid").GetInt64());
        Assert.Equal(Sql("""SELECT COUNT(*) AS "Value" FROM claims WHERE state = 'rejected'"""), t.GetProperty("rejected").GetInt64());
        Assert.Equal(Sql("""SELECT COALESCE(SUM(amount), 0) AS "Value" FROM claims WHERE state = 'paid'"""), t.GetProperty("paidAmount").GetInt64());
        Assert.Equal(Sql("""SELECT COALESCE(SUM(estimated_amount), 0) AS "Value" FROM claims WHERE state <> 'rejected'"""), t.GetProperty("reportedAmount").GetInt64());
        Assert.Equal(50_000_000, t.GetProperty("paidAmount").GetInt64());
        var byType = stats.GetProperty("byType").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal(Sql("""SELECT COUNT(*) AS "Value" FROM claims WHERE type = 'death'"""), byType["death"].GetProperty("reported").GetInt64());
        var april = stats.GetProperty("byMonth").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "2025-04");
        Assert.Equal(Sql("""SELECT COUNT(*) AS "Value" FROM claims WHERE reported_on >= '2025-04-01' AND reported_on <= '2025-04-30'"""), april.GetProperty("reported").GetInt64());
        Assert.Equal(april.GetProperty("reported").GetInt64(), ranged.GetProperty("totals").GetProperty("reported").GetInt64());
        Assert.Equal(2, ranged.GetProperty("totals").GetProperty("reported").GetInt64());
    }
}

public sealed class ClaimsInputTestsOnSqlite(SqliteAppFactory f) : ClaimsInputTests(f), IClassFixture<SqliteAppFactory>;

public sealed class ClaimsInputTestsOnPostgres(PostgresAppFactory f) : ClaimsInputTests(f), IClassFixture<PostgresAppFactory>;
