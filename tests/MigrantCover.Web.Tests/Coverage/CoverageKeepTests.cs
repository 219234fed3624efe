using MigrantCover.Web.Features.PublicCoverage;

namespace MigrantCover.Web.Tests.Coverage;

/// <summary>
/// The coverage page a worker keeps (issue 15, decision 0026): the answer survives the language switch
/// without an identifier in any URL, times are in WIB and at her destination, the answer says how to claim
/// and lists who looked at her record, the verification follows the visitor's language, and the proof
/// downloads as a PDF.
/// </summary>
public abstract class CoverageKeepTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    public async Task TheAnswerSurvivesTheLanguageSwitchWithoutIdentifiersInAnyUrlAndANewVisitForgetsIt()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var client = CoverageArrange.Client(Factory);
        var answer = await CoverageProofTests.AnswerAsync(client, worker.MembershipNumber!);
        Assert.Equal("S*** A*****", answer.QuerySelector("#answer-name")!.TextContent);

        // The switch on the answer comes back to the kept answer: the address names no identifier.
        var english = answer.QuerySelector("a[lang=en]")!.GetAttribute("href")!;
        Assert.Equal("/language?culture=en-US&returnUrl=%2FCoverage%3Fresult%3D1", english);
        var switched = await client.GetAsync(english);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var back = switched.Headers.Location!.OriginalString;
        Assert.Equal("/Coverage?result=1", back);
        foreach (var url in new[] { english, back })
        {
            Assert.DoesNotContain(worker.MembershipNumber!, url, StringComparison.Ordinal);
            Assert.DoesNotContain(worker.Nik, url, StringComparison.Ordinal);
            Assert.DoesNotContain("1995", url, StringComparison.Ordinal);
        }

        var kept = await client.GetDocumentAsync(back);
        Assert.Equal("en", kept.DocumentElement.GetAttribute("lang"));
        Assert.Equal("S*** A*****", kept.QuerySelector("#answer-name")!.TextContent);
        Assert.Contains(worker.MembershipNumber!, kept.QuerySelector("#answer")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Active", kept.QuerySelector("#programme-jkk")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("If something happens", kept.QuerySelector("#how-to-claim")!.TextContent, StringComparison.Ordinal);

        // And back to Indonesian.
        var indonesian = await client.GetAsync(kept.QuerySelector("a[lang=id]")!.GetAttribute("href")!);
        var again = await client.GetDocumentAsync(indonesian.Headers.Location!.OriginalString);
        Assert.Equal("id", again.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Aktif", again.QuerySelector("#programme-jkk")!.TextContent, StringComparison.Ordinal);

        // The proof page keeps it too.
        var proof = await client.SubmitFormAsync(again, "/Coverage", new Dictionary<string, string?>(), "form[action='/Coverage/Proof']");
        var proofPage = await Forms.ParseAsync(proof);
        var proofSwitch = await client.GetAsync(proofPage.QuerySelector("a[lang=en]")!.GetAttribute("href")!);
        Assert.Equal("/Coverage/Proof?result=1", proofSwitch.Headers.Location!.OriginalString);
        var keptProof = await client.GetDocumentAsync("/Coverage/Proof?result=1");
        Assert.NotNull(keptProof.QuerySelector("#proof-qr"));
        Assert.Equal("en", keptProof.DocumentElement.GetAttribute("lang"));

        // A plain visit is a new lookup: the form, and the kept answer is forgotten.
        var fresh = await client.GetDocumentAsync("/Coverage");
        Assert.NotNull(fresh.QuerySelector("#Input_Identifier"));
        Assert.Null(fresh.QuerySelector("#answer"));
        var forgotten = await client.GetDocumentAsync("/Coverage?result=1");
        Assert.Null(forgotten.QuerySelector("#answer"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/Coverage/Proof?result=1")).StatusCode);
    }

    [Fact]
    public async Task AKeptAnswerNeedsItsOwnUntamperedCookieAndEndsWithItsLifetime()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var client = CoverageArrange.Client(Factory);
        var response = await client.SubmitFormAsync("/Coverage", new Dictionary<string, string?>
        {
            ["Input.Identifier"] = worker.MembershipNumber,
            ["Input.DateOfBirth"] = "1995-07-09",
        });
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("mc_coverage_result=", StringComparison.Ordinal));
        Assert.Contains("path=/Coverage", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var value = cookie.Split(';')[0]["mc_coverage_result=".Length..];
        Assert.DoesNotContain(worker.Id.ToString("N"), value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(worker.MembershipNumber!, value, StringComparison.Ordinal);

        // Another visitor with a changed cookie gets the form, not somebody's answer.
        using var stranger = Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        stranger.DefaultRequestHeaders.Add("X-Forwarded-For", CoverageArrange.NextAddress());
        var i = value.Length / 2;
        var tampered = value[..i] + (value[i] == 'A' ? 'B' : 'A') + value[(i + 1)..];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Coverage?result=1");
        request.Headers.Add("Cookie", "mc_coverage_result=" + tampered);
        var refused = await Forms.ParseAsync(await stranger.SendAsync(request));
        Assert.Null(refused.QuerySelector("#answer"));
        Assert.NotNull(refused.QuerySelector("#Input_Identifier"));

        // After its 15 minutes the kept answer is gone (another instance, its clock later, same keys and database).
        await using var later = Factory.Sibling();
        later.Clock.SetUtcNow(Factory.Clock.GetUtcNow().Add(CoverageTokens.ReferenceLifetime).AddSeconds(1));
        await later.InitializeAsync();
        using var laterClient = later.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var expired = new HttpRequestMessage(HttpMethod.Get, "/Coverage?result=1");
        expired.Headers.Add("Cookie", "mc_coverage_result=" + value);
        Assert.Null((await Forms.ParseAsync(await laterClient.SendAsync(expired))).QuerySelector("#answer"));

        // The untouched cookie still shows it now.
        using var own = new HttpRequestMessage(HttpMethod.Get, "/Coverage?result=1");
        own.Headers.Add("Cookie", "mc_coverage_result=" + value);
        Assert.NotNull((await Forms.ParseAsync(await stranger.SendAsync(own))).QuerySelector("#answer"));
    }

    [Fact]
    public async Task TimesAreInWibAndAtTheDestinationAndTheAnswerSaysHowToClaimAndWhomToCall()
    {
        // The sample worker goes to Hong Kong; the test clock is 1 March 2026 03:00 UTC.
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var client = CoverageArrange.Client(Factory);
        var answer = await CoverageProofTests.AnswerAsync(client, worker.MembershipNumber!);
        Assert.Equal("Status per 1 Maret 2026 10.00 WIB (11.00 waktu Hong Kong).", answer.QuerySelector("#answer-as-of")!.TextContent.Trim());
        var claim = answer.QuerySelector("#how-to-claim")!.TextContent;
        Assert.Contains("Jika sesuatu terjadi", claim, StringComparison.Ordinal);
        Assert.Contains("BPJS Ketenagakerjaan", claim, StringComparison.Ordinal);
        Assert.Contains("175", answer.QuerySelector("#contacts")!.TextContent, StringComparison.Ordinal);

        var (_, link) = await CoverageProofTests.ProofAsync(client, worker.MembershipNumber!);
        using var employer = CoverageArrange.Client(Factory, acceptLanguage: "en-US");
        var verify = await CoverageProofTests.Verify(employer, link);
        Assert.Equal("Current status, as of 1 March 2026 10:00 WIB (11:00 Hong Kong time).", verify.Page.QuerySelector("#verify-as-of")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("en-US,en;q=0.9", "en", "Verify a proof")]
    [InlineData("zh-TW,zh;q=0.9,en;q=0.8", "en", "Verify a proof")]
    [InlineData("id-ID,id;q=0.9", "id", "Verifikasi bukti")]
    [InlineData(null, "id", "Verifikasi bukti")]
    public async Task TheVerificationPageFollowsTheVisitorsBrowserLanguageUntilSwitched(string? acceptLanguage, string lang, string title)
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var client = CoverageArrange.Client(Factory);
        var (_, link) = await CoverageProofTests.ProofAsync(client, worker.MembershipNumber!);

        using var visitor = CoverageArrange.Client(Factory);
        if (acceptLanguage is not null)
        {
            visitor.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var page = await CoverageProofTests.Verify(visitor, link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(lang, page.Page.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith(title, page.Page.QuerySelector("h1")!.TextContent.Trim(), StringComparison.Ordinal);

        // The switch wins over the browser's language.
        var other = lang == "en" ? "id-ID" : "en-US";
        await visitor.GetAsync($"/language?culture={other}&returnUrl=/Coverage");
        Assert.Equal(other[..2], (await CoverageProofTests.Verify(visitor, link)).Page.DocumentElement.GetAttribute("lang"));

        // Staff pages do not follow Accept-Language.
        using var staff = CoverageArrange.Client(Factory, acceptLanguage: "en-US");
        Assert.Equal("id", (await staff.GetDocumentAsync("/Account/SignIn")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task WhoLookedAtMyRecordListsTheLastTenLookupsThatFoundItWithTheirChannelAndNoAddress()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);

        // A stranger's lookup (page, another address), a partner's (API) and an employer's verification of a proof.
        using (var stranger = CoverageArrange.Client(Factory))
        {
            await CoverageProofTests.AnswerAsync(stranger, worker.MembershipNumber!);
        }

        using var client = CoverageArrange.Client(Factory);
        var api = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" });
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var (_, link) = await CoverageProofTests.ProofAsync(client, worker.MembershipNumber!);
        using (var employer = CoverageArrange.Client(Factory))
        {
            Assert.Equal(HttpStatusCode.OK, (await CoverageProofTests.Verify(employer, link)).Status);
        }

        // A failed try on her number (wrong date of birth) is not "her" lookup: it matched no record.
        await client.SubmitFormAsync("/Coverage", new Dictionary<string, string?> { ["Input.Identifier"] = worker.MembershipNumber, ["Input.DateOfBirth"] = "1990-01-01" });

        var answer = await CoverageProofTests.AnswerAsync(client, worker.MembershipNumber!);
        var rows = answer.QuerySelectorAll("#lookups tbody tr").ToList();

        // Newest first: this lookup, the verification, the proof's lookup, the API, the stranger's.
        Assert.Equal(new[] { "page", "proof", "page", "api", "page" }, rows.Select(r => r.GetAttribute("data-channel")!).ToArray());
        Assert.Contains("perangkat ini", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Verifikasi bukti", rows[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("perangkat ini", rows[1].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("perangkat ini", rows[4].TextContent, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Contains("1 Maret 2026 10.00 WIB (11.00 waktu Hong Kong)", r.TextContent, StringComparison.Ordinal));
        var section = answer.QuerySelector("#lookups")!.InnerHtml;
        Assert.DoesNotMatch(@"\b10\.\d+\.\d+\.\d+\b", section);

        // Only the last ten.
        for (var i = 0; i < 7; i++)
        {
            using var other = CoverageArrange.Client(Factory);
            await CoverageProofTests.AnswerAsync(other, worker.MembershipNumber!);
        }

        var last = await CoverageProofTests.AnswerAsync(client, worker.MembershipNumber!);
        Assert.Equal(10, last.QuerySelectorAll("#lookups tbody tr").Length);
    }

    /// <summary>
    /// "Who looked" never waits for the lookup log's writer: the rows still queued come from memory, the
    /// written ones from the table, and a row in both places is shown once (the page used to flush the log
    /// on every answer, which held every public answer behind the writer).
    /// </summary>
    [Fact]
    public async Task WhoLookedShowsTheLookupsStillQueuedWhileTheWriterCannotWrite()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var client = CoverageArrange.Client(Factory);
        await using (await CoverageArrange.LockLogTableAsync(Factory))
        {
            for (var i = 0; i < 3; i++)
            {
                using var partner = CoverageArrange.Client(Factory);
                var api = await partner.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" }, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, api.StatusCode);
            }

            var answer = await CoverageProofTests.AnswerAsync(client, worker.MembershipNumber!);
            var rows = answer.QuerySelectorAll("#lookups tbody tr").ToList();
            Assert.Equal(new[] { "page", "api", "api", "api" }, rows.Select(r => r.GetAttribute("data-channel")!).ToArray());
            Assert.Contains("perangkat ini", rows[0].TextContent, StringComparison.Ordinal);

            // Nothing of this worker's is written yet: the list came from the queue.
            Assert.Equal(0, await Factory.WithDbAsync(db => db.CoverageLookups.CountAsync(l => l.WorkerId == worker.Id)));
        }
    }

    [Fact]
    public async Task WhoLookedListsEveryEarlierLookupOnceWhileTheWriterRunsAlongside()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);

        // The writer takes a batch every few milliseconds, so some answers are read while their rows are
        // being written: neither lost nor doubled, whichever side of a commit the answer falls on.
        for (var lookup = 1; lookup <= 12; lookup++)
        {
            using var client = CoverageArrange.Client(Factory);
            var answer = await CoverageProofTests.AnswerAsync(client, worker.MembershipNumber!);
            Assert.Equal(Math.Min(lookup, 10), answer.QuerySelectorAll("#lookups tbody tr").Length);
        }
    }

    [Fact]
    public async Task TheProofDownloadsAsAPdfWithTheAnswerTheLinkAndTheQrImage()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var client = CoverageArrange.Client(Factory);
        var (proof, link) = await CoverageProofTests.ProofAsync(client, worker.MembershipNumber!);
        Assert.StartsWith("data:image/png;base64,", proof.QuerySelector("#proof-png")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.EndsWith(".png", proof.QuerySelector("#proof-png")!.GetAttribute("download"), StringComparison.Ordinal);
        Assert.Equal(proof.QuerySelector("#proof-link")!.TextContent.Trim(), proof.QuerySelector("#proof-link")!.GetAttribute("href"));

        var response = await client.SubmitFormAsync(proof, "/Coverage/Proof", new Dictionary<string, string?>(), "form[action*='handler=Pdf']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-1.4", text, StringComparison.Ordinal);
        Assert.Contains("(Bukti kepesertaan) Tj", text, StringComparison.Ordinal);
        Assert.Contains("(S*** A*****) Tj", text, StringComparison.Ordinal);
        Assert.Contains("/Subtype /Image", text, StringComparison.Ordinal);
        Assert.Contains("/Coverage/Verify/", text, StringComparison.Ordinal);
        Assert.DoesNotContain(worker.Nik, text, StringComparison.Ordinal);

        // A stale or made-up reference gets no PDF.
        var forged = await client.PostAsync("/Coverage/Proof?handler=Pdf", new FormUrlEncodedContent([new("Reference", "nope")]));
        Assert.NotEqual("application/pdf", forged.Content.Headers.ContentType?.MediaType);
        Assert.True(link.Length > 0);
    }
}

public sealed class CoverageKeepTestsOnSqlite(SqliteAppFactory<CoverageHost> f) : CoverageKeepTests(f), IClassFixture<SqliteAppFactory<CoverageHost>>;

public sealed class CoverageKeepTestsOnPostgres(PostgresAppFactory<CoverageHost> f) : CoverageKeepTests(f), IClassFixture<PostgresAppFactory<CoverageHost>>;
