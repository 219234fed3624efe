namespace MigrantCover.Web.Tests.Coverage;

/// <summary>
/// R-COV-7 through the public page and the API, in Indonesian and English: every reason a
/// programme is inactive, every active phase, and JHT enrolled or not. "Today" is 1 March 2026.
/// </summary>
public abstract class CoverageStatusTests(AppFactory factory) : ProviderTests(factory)
{
    /// <summary>What the answer must say: JKK's state (a phase or a reason), JHT's, and the date the message names.</summary>
    public sealed record Expected(bool JkkActive, string JkkCode, bool JhtActive, string JhtCode, string? DateId, string? DateEn, string? PhraseId = null, string? PhraseEn = null);

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var scenario in Scenarios.Keys)
        {
            foreach (var language in new[] { "id", "en" })
            {
                data.Add(scenario, language, "page");
                data.Add(scenario, language, "api");
            }
        }

        return data;
    }

    private static readonly Dictionary<string, (Func<AppFactory, Task<Worker>> Arrange, Expected Expected)> Scenarios = new()
    {
        ["not-paid"] = (
            f => CoverageArrange.WorkerAsync(f),
            new(false, "not-paid", false, "not-enrolled", null, null, "Bayar iuran pra-penempatan sebelum berangkat", "pay the pre-placement contribution before you depart")),
        ["pre-placement"] = (
            f => CoverageArrange.WorkerAsync(f, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]),
            new(true, "pre-placement", false, "not-enrolled", "9 Juni 2026", "9 June 2026")),
        ["lapsed"] = (
            f => CoverageArrange.WorkerAsync(f, payments: [(PK.PrePlacement, new(2025, 9, 10), null)]),
            new(false, "lapsed", false, "not-enrolled", "9 Februari 2026", "9 February 2026", "masa perlindungan 5 bulan yang baru", "a new payment starts a new 5-month period")),
        ["awaiting-departure-payment"] = (
            f => CoverageArrange.WorkerAsync(f, Scheme.Individual),
            new(false, "awaiting-departure-payment", false, "not-enrolled", null, null, "bayar iuran penempatan sebelum berangkat", "pay the placement contribution before you depart")),
        ["placement"] = (
            f => CoverageArrange.WorkerAsync(f, payments: [(PK.PrePlacement, new(2026, 1, 10), null), (PK.Placement, new(2026, 1, 20), null)], departedOn: new(2026, 2, 1)),
            new(true, "placement", false, "not-enrolled", "29 Februari 2028", "29 February 2028")),
        ["post-placement"] = (
            f => CoverageArrange.WorkerAsync(f, payments: [(PK.PrePlacement, new(2024, 2, 1), null), (PK.Placement, new(2024, 2, 15), null)], departedOn: new(2024, 3, 1), arrivedOn: new(2026, 2, 20)),
            new(true, "post-placement", false, "not-enrolled", "21 Maret 2026", "21 March 2026")),
        ["ended"] = (
            f => CoverageArrange.WorkerAsync(f, payments: [(PK.PrePlacement, new(2022, 12, 1), null), (PK.Placement, new(2022, 12, 20), null)], departedOn: new(2023, 1, 10), arrivedOn: new(2025, 1, 20)),
            new(false, "ended", false, "not-enrolled", "18 Februari 2025", "18 February 2025", "daftar kembali", "register again")),
        ["failed-departure"] = (
            f => CoverageArrange.WorkerAsync(f, payments: [(PK.PrePlacement, new(2026, 1, 10), null)], failedOn: new(2026, 2, 1)),
            new(false, "failed-departure", false, "not-enrolled", "1 Februari 2026", "1 February 2026", "gagal berangkat", "failed-departure benefit")),
        ["deceased"] = (
            f => CoverageArrange.WorkerAsync(f, payments: [(PK.PrePlacement, new(2025, 12, 1), null), (PK.Placement, new(2025, 12, 20), null)], departedOn: new(2026, 1, 5), diedOn: new(2026, 2, 10)),
            new(false, "deceased", false, "deceased", "10 Februari 2026", "10 February 2026", "Jaminan Kematian", "death benefit")),
        ["jht-active"] = (
            f => CoverageArrange.WorkerAsync(f, payments: [(PK.PrePlacement, new(2026, 1, 10), null), (PK.Placement, new(2026, 1, 20), null), (PK.Jht, new(2026, 2, 3), 3)], departedOn: new(2026, 2, 1)),
            new(true, "placement", true, "", "30 April 2026", "30 April 2026")),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    [Trait("Rule", "R-COV-7")]
    public async Task AnswersStatusReasonAndNextStep(string scenario, string language, string channel)
    {
        var (arrange, expected) = Scenarios[scenario];
        var worker = await arrange(Factory);
        var date = language == "en" ? expected.DateEn : expected.DateId;
        var phrase = language == "en" ? expected.PhraseEn : expected.PhraseId;
        var nextStep = language == "en" ? "Next step" : "Langkah berikutnya";

        // Workers without a payment have no membership number yet: they look up with the NIK and the family card number (decision 0009).
        var identifier = worker.MembershipNumber ?? worker.Nik;
        if (channel == "api")
        {
            using var client = CoverageArrange.Client(Factory, language == "en" ? "en-US" : "id-ID");
            var response = await client.PostAsJsonAsync("/api/v1/coverage/lookup", worker.MembershipNumber is null
                ? new { nik = worker.Nik, dateOfBirth = "1995-07-09", familyCardNumber = worker.FamilyCardNumber } as object
                : new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" });
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, body);
            var json = JsonDocument.Parse(body).RootElement;
            Assert.Equal("2026-03-01", json.GetProperty("asOf").GetString());
            Assert.Equal("S*** A*****", json.GetProperty("fullName").GetString());
            Assert.Equal(Codes.Of(worker.Stage), json.GetProperty("stage").GetString());
            Assert.Equal("HK", json.GetProperty("destinationCountry").GetString());
            Assert.Equal("permenaker-4-2023", json.GetProperty("ruleSet").GetString());
            var programmes = json.GetProperty("programmes").EnumerateArray().ToList();
            Assert.Equal(["jkk", "jkm", "jht"], programmes.Select(p => p.GetProperty("programme").GetString()));
            AssertProgramme(programmes[0], expected.JkkActive, expected.JkkCode);
            AssertProgramme(programmes[2], expected.JhtActive, expected.JhtCode);
            var messages = string.Join(" ", programmes.Select(p => p.GetProperty("message").GetString()));
            AssertTexts(messages, date, phrase, expected, nextStep);
        }
        else
        {
            using var client = CoverageArrange.Client(Factory);
            if (language == "en")
            {
                await client.GetAsync("/language?culture=en-US&returnUrl=/Coverage");
            }

            var response = await client.SubmitFormAsync("/Coverage", new Dictionary<string, string?>
            {
                ["Input.Identifier"] = identifier,
                ["Input.DateOfBirth"] = "1995-07-09",
                ["Input.FamilyCardNumber"] = worker.MembershipNumber is null ? worker.FamilyCardNumber : null,
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await Forms.ParseAsync(response);
            Assert.Equal(language == "en" ? "en" : "id", page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("S*** A*****", page.QuerySelector("#answer-name")?.TextContent);
            Assert.Equal(language == "en" ? "Hong Kong" : "Hong Kong", page.QuerySelectorAll("#answer dd")[3].TextContent.Trim());
            var jkk = page.QuerySelector("#programme-jkk")!;
            var jht = page.QuerySelector("#programme-jht")!;
            Assert.Equal(expected.JkkActive ? "true" : "false", jkk.GetAttribute("data-active"));
            Assert.Equal(expected.JkkCode, jkk.GetAttribute(expected.JkkActive ? "data-phase" : "data-reason"));
            Assert.Equal(expected.JhtActive ? "true" : "false", jht.GetAttribute("data-active"));
            Assert.Equal(expected.JhtCode, jht.GetAttribute("data-reason"));
            var messages = string.Join(" ", page.QuerySelectorAll("#answer li p").Select(p => p.TextContent));
            AssertTexts(messages, date, phrase, expected, nextStep);

            // §10: what the worker is covered for, under the rule set in force, amounts as Rp85.000.000.
            Assert.Equal("Rp85.000.000", page.QuerySelector("#benefit-death td")?.TextContent);
            Assert.Contains(language == "en" ? "Work-accident treatment abroad" : "Perawatan kecelakaan kerja di luar negeri", page.QuerySelector("#benefit-accident-treatment-abroad")?.TextContent);
        }
    }

    private static void AssertProgramme(JsonElement p, bool active, string code)
    {
        Assert.Equal(active, p.GetProperty("active").GetBoolean());
        if (active)
        {
            Assert.Equal(code == "" ? null : code, p.GetProperty("phase").GetString());
            Assert.Equal(JsonValueKind.Null, p.GetProperty("reason").ValueKind);
            Assert.NotEqual(JsonValueKind.Null, p.GetProperty("coveredFrom").ValueKind);
        }
        else
        {
            Assert.Equal(code, p.GetProperty("reason").GetString());
            Assert.Equal(JsonValueKind.Null, p.GetProperty("coveredUntil").ValueKind);
        }
    }

    private static void AssertTexts(string messages, string? date, string? phrase, Expected expected, string nextStep)
    {
        if (date is not null)
        {
            Assert.Contains(date, messages);
        }

        if (phrase is not null)
        {
            Assert.Contains(phrase, messages, StringComparison.OrdinalIgnoreCase);
        }

        if (!expected.JkkActive)
        {
            Assert.Contains(nextStep, messages);
        }
    }
}

public sealed class CoverageStatusTestsOnSqlite(SqliteAppFactory<CoverageHost> f) : CoverageStatusTests(f), IClassFixture<SqliteAppFactory<CoverageHost>>;

public sealed class CoverageStatusTestsOnPostgres(PostgresAppFactory<CoverageHost> f) : CoverageStatusTests(f), IClassFixture<PostgresAppFactory<CoverageHost>>;
