using System.Text.Json.Nodes;

namespace MigrantCover.Web.Tests.Coverage;

/// <summary>
/// The lookup cannot be used to find out who is registered: unknown numbers and wrong dates of
/// birth look the same, lookups are limited per client address and per identifier, and no
/// identifier ever reaches a URL or a log line.
/// </summary>
public abstract class CoverageProtectionTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    public async Task UnknownNumberAndWrongDateOfBirthGetTheSamePage()
    {
        var worker = await PaidWorkerAsync();
        using var client = CoverageArrange.Client(Factory);
        var unknown = await PageLookup(client, MembershipNumber.Issue(2099, 22_345_678), "1995-07-09");
        var wrongDob = await PageLookup(client, worker.MembershipNumber!, "1995-07-10");
        Assert.Equal(unknown.Status, wrongDob.Status);
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(Normalize(unknown.Page, MembershipNumber.Issue(2099, 22_345_678), "1995-07-09"), Normalize(wrongDob.Page, worker.MembershipNumber!, "1995-07-10"));
        Assert.Contains("Tidak ada peserta dengan nomor dan tanggal lahir ini", unknown.Page.QuerySelector("#lookup-notice")!.TextContent);
        Assert.Null(wrongDob.Page.QuerySelector("#answer"));
    }

    [Fact]
    [Trait("Rule", "R-KPJ-1")]
    public async Task UnknownNumberAndWrongDateOfBirthGetTheSameApiAnswer()
    {
        var worker = await PaidWorkerAsync();
        using var client = CoverageArrange.Client(Factory);
        var unknownNumber = MembershipNumber.Issue(2099, 12_345_678);
        var unknownNik = await Lookup(client, new { nik = "3302224907950000".Remove(12) + "9998", dateOfBirth = "1995-07-09", familyCardNumber = worker.FamilyCardNumber });
        var wrongDobNik = await Lookup(client, new { nik = worker.Nik, dateOfBirth = "1995-07-10", familyCardNumber = worker.FamilyCardNumber });
        var wrongCardNik = await Lookup(client, new { nik = worker.Nik, dateOfBirth = "1995-07-09", familyCardNumber = "3302220101090008" });
        var unknown = await Lookup(client, new { membershipNumber = unknownNumber, dateOfBirth = "1995-07-09" });
        var wrongDob = await Lookup(client, new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-10" });

        foreach (var (status, body) in new[] { unknown, wrongDob, unknownNik, wrongDobNik, wrongCardNik })
        {
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Equal(unknown.Body, body);
        }

        // The date of birth that matches does find the worker: the 404s above were not for another reason.
        var found = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" });
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
    }

    [Fact]
    [Trait("Rule", "R-KPJ-1")]
    public async Task BadCheckDigitIsAnsweredBeforeAnyDatabaseAccess()
    {
        var valid = MembershipNumber.Issue(2026, 7_654_321);
        var bad = valid[..10] + (char)('0' + ((valid[10] - '0' + 1) % 10));
        await CoverageArrange.LogWrittenAsync(Factory);
        var before = await Factory.WithDbAsync(db => db.CoverageLookups.CountAsync());
        using var client = CoverageArrange.Client(Factory, "en-US");

        var response = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = bad, dateOfBirth = "1995-07-09" });
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Check the number you typed", problem.GetProperty("errors").GetProperty("membershipNumber")[0].GetString());
        Assert.Equal("R-KPJ-1", problem.GetProperty("ruleIds").GetProperty("membershipNumber")[0].GetString());

        var page = await PageLookup(CoverageArrange.Client(Factory), bad, "1995-07-09");
        Assert.Contains("Periksa kembali nomor yang Anda ketik", page.Page.QuerySelector("#Input_Identifier_error")!.TextContent);
        Assert.Contains("Periksa kembali nomor yang Anda ketik", page.Page.QuerySelector("#error-summary")!.TextContent);

        // Nothing was read or written: no lookup row, no lock row.
        await CoverageArrange.LogWrittenAsync(Factory);
        Assert.Equal(before, await Factory.WithDbAsync(db => db.CoverageLookups.CountAsync()));
    }

    [Fact]
    public async Task ApiLookupsPerAddressAreLimitedWith429AndRetryAfter()
    {
        using var client = CoverageArrange.Client(Factory);
        for (var i = 0; i < 10; i++)
        {
            var ok = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = MembershipNumber.Issue(2098, 100 + i), dateOfBirth = "1990-01-01" });
            Assert.Equal(HttpStatusCode.NotFound, ok.StatusCode);
        }

        var limited = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = MembershipNumber.Issue(2098, 200), dateOfBirth = "1990-01-01" });
        await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {limited.Headers.RetryAfter}");

        // Other spellings of the path reach the same endpoint and the same limit.
        var variant = await client.PostAsJsonAsync("/API/v1/Coverage/Lookup/", new { membershipNumber = MembershipNumber.Issue(2098, 202), dateOfBirth = "1990-01-01" });
        await variant.AssertProblemAsync(HttpStatusCode.TooManyRequests);

        // Another address is not affected.
        CoverageArrange.UseAddress(client, CoverageArrange.NextAddress());
        var other = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = MembershipNumber.Issue(2098, 201), dateOfBirth = "1990-01-01" });
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        await CoverageArrange.LogWrittenAsync(Factory);
        Assert.True(await Factory.WithDbAsync(db => db.CoverageLookups.AnyAsync(l => l.Outcome == "rate-limited" && l.Channel == "api")));
    }

    [Fact]
    public async Task PageLookupsPerAddressAreLimitedWithAFriendlyPageInTheUsersLanguage()
    {
        using var client = CoverageArrange.Client(Factory);
        await client.GetAsync("/language?culture=en-US&returnUrl=/Coverage");
        for (var i = 0; i < 10; i++)
        {
            var (status, _) = await PageLookup(client, MembershipNumber.Issue(2097, 100 + i), "1990-01-01");
            Assert.Equal(HttpStatusCode.OK, status);
        }

        var form = await client.GetDocumentAsync("/Coverage");
        var limited = await client.SubmitFormAsync(form, "/Coverage", new Dictionary<string, string?>
        {
            ["Input.Identifier"] = MembershipNumber.Issue(2097, 300),
            ["Input.DateOfBirth"] = "1990-01-01",
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var seconds = limited.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is > 0 and <= 60, $"Retry-After: {limited.Headers.RetryAfter}");
        var page = await Forms.ParseAsync(limited);
        Assert.Equal("Too many attempts", page.QuerySelector("main h1")?.TextContent);
        Assert.Contains($"Try again in {seconds} seconds", page.QuerySelector("main")!.TextContent);

        // Other spellings of the path reach the same page and the same limit.
        foreach (var path in new[] { "/coverage/", "/Coverage/Index" })
        {
            var variant = await client.SubmitFormAsync(form, path, new Dictionary<string, string?>
            {
                ["Input.Identifier"] = MembershipNumber.Issue(2097, 301),
                ["Input.DateOfBirth"] = "1990-01-01",
            });
            Assert.Equal(HttpStatusCode.TooManyRequests, variant.StatusCode);
        }
    }

    [Fact]
    public async Task EveryLookupIsRecordedWithOutcomeChannelAndHashedAddressOnly()
    {
        var worker = await PaidWorkerAsync();
        using var client = CoverageArrange.Client(Factory);
        await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" });
        await PageLookup(client, worker.Nik, "9/7/1995", worker.FamilyCardNumber);
        await CoverageArrange.LogWrittenAsync(Factory);
        var rows = await Factory.WithDbAsync(db => db.CoverageLookups.Where(l => l.WorkerId == worker.Id).OrderBy(l => l.Id).ToListAsync());
        Assert.Equal(["api", "page"], rows.Select(r => r.Channel));
        Assert.All(rows, r => Assert.Equal("found", r.Outcome));
        Assert.All(rows, r => Assert.Matches("^[0-9a-f]{64}$", r.ClientHash));
        Assert.Equal(rows[0].ClientHash, rows[1].ClientHash);
    }

    [Fact]
    public async Task NoIdentifierOrDateOfBirthAppearsInUrlsOrLogLines()
    {
        var worker = await PaidWorkerAsync();
        Factory.LogLines.Clear();
        var urls = new List<string>();
        using var client = CoverageArrange.Client(Factory);

        async Task<IHtmlDocument> Track(HttpResponseMessage response)
        {
            urls.Add(response.RequestMessage!.RequestUri!.ToString());
            if (response.Headers.Location is { } location)
            {
                urls.Add(location.ToString());
            }

            var document = await Forms.ParseAsync(response);
            urls.AddRange(document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!));
            urls.AddRange(document.QuerySelectorAll("form").Select(f => f.GetAttribute("action") ?? ""));
            urls.AddRange(document.QuerySelectorAll("link[href], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!));
            urls.AddRange(document.QuerySelectorAll("#proof-link").Select(e => e.TextContent));
            return document;
        }

        // Found by membership number, then the proof and its verification; a miss by NIK; the API both ways.
        var form = await Track(await client.GetAsync("/Coverage"));
        var answer = await Track(await client.SubmitFormAsync(form, "/Coverage", new Dictionary<string, string?>
        {
            ["Input.Identifier"] = worker.MembershipNumber,
            ["Input.DateOfBirth"] = "1995-07-09",
        }));
        var proof = await Track(await client.SubmitFormAsync(answer, "/Coverage", new Dictionary<string, string?>(), "form[action='/Coverage/Proof']"));
        await Track(await client.GetAsync(new Uri(proof.QuerySelector("#proof-link")!.TextContent).PathAndQuery));
        form = await Track(await client.GetAsync("/Coverage"));
        await Track(await client.SubmitFormAsync(form, "/Coverage", new Dictionary<string, string?>
        {
            ["Input.Identifier"] = worker.Nik,
            ["Input.DateOfBirth"] = "1995-07-08",
            ["Input.FamilyCardNumber"] = worker.FamilyCardNumber,
        }));
        var api = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { nik = worker.Nik, dateOfBirth = "1995-07-09", familyCardNumber = worker.FamilyCardNumber });
        urls.Add(api.RequestMessage!.RequestUri!.ToString());
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);

        Assert.NotNull(answer.QuerySelector("#answer"));
        Assert.NotNull(proof.QuerySelector("#proof-qr"));
        Assert.Contains(urls, u => u.Contains("/Coverage/Verify/", StringComparison.Ordinal));
        Assert.Contains(Factory.LogLines, l => l.Contains("/api/v1/coverage/lookup", StringComparison.Ordinal));
        string[] secrets = [worker.Nik, worker.FamilyCardNumber, worker.MembershipNumber!, "1995-07-09", "1995-07-08", "09/07/1995", "9/7/1995"];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(urls, u => u.Contains(secret, StringComparison.Ordinal) || Uri.UnescapeDataString(u).Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(Factory.LogLines, l => l.Contains(secret, StringComparison.Ordinal));
        }
    }

    private async Task<Data.Entities.Worker> PaidWorkerAsync() =>
        await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);

    private static async Task<(HttpStatusCode Status, string Body)> Lookup(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/coverage/lookup", body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.NotNull(json["traceId"]);
        json.Remove("traceId");
        return (response.StatusCode, json.ToJsonString());
    }

    internal static async Task<(HttpStatusCode Status, IHtmlDocument Page)> PageLookup(HttpClient client, string identifier, string dateOfBirth, string? familyCardNumber = null)
    {
        var response = await client.SubmitFormAsync("/Coverage", new Dictionary<string, string?>
        {
            ["Input.Identifier"] = identifier,
            ["Input.DateOfBirth"] = dateOfBirth,
            ["Input.FamilyCardNumber"] = familyCardNumber,
        });
        return (response.StatusCode, await Forms.ParseAsync(response));
    }

    // The page echoes what was typed back into the form; everything else must be the same.
    private static string Normalize(IHtmlDocument page, string identifier, string dateOfBirth)
    {
        foreach (var input in page.QuerySelectorAll("input[name=__RequestVerificationToken]"))
        {
            input.SetAttribute("value", "");
        }

        return page.QuerySelector("main")!.OuterHtml.Replace(identifier, "{identifier}", StringComparison.Ordinal).Replace(dateOfBirth, "{dob}", StringComparison.Ordinal);
    }
}

public sealed class CoverageProtectionTestsOnSqlite(SqliteAppFactory<CoverageHost> f) : CoverageProtectionTests(f), IClassFixture<SqliteAppFactory<CoverageHost>>;

public sealed class CoverageProtectionTestsOnPostgres(PostgresAppFactory<CoverageHost> f) : CoverageProtectionTests(f), IClassFixture<PostgresAppFactory<CoverageHost>>;

/// <summary>Moves the clock past a lock: a class (and database and clock) of its own.</summary>
public abstract class CoverageIdentifierLockTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    public async Task FailedLookupsLockTheNumberAcrossAddressesUntilTheLockEnds()
    {
        using var client = CoverageArrange.Client(Factory, "en-US");
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);

        // Five failures, each from a different address: the rate limit per address is never reached.
        for (var i = 0; i < 5; i++)
        {
            CoverageArrange.UseAddress(client, CoverageArrange.NextAddress());
            var miss = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = $"1990-01-0{i + 1}" });
            Assert.Equal(HttpStatusCode.NotFound, miss.StatusCode);
        }

        // Now locked, even with the right date of birth and from yet another address.
        CoverageArrange.UseAddress(client, CoverageArrange.NextAddress());
        var locked = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" });
        var problem = await locked.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromMinutes(15), locked.Headers.RetryAfter?.Delta);
        Assert.Contains("locked until 1 March 2026 10:15 WIB", problem.GetProperty("detail").GetString());

        var page = await CoverageProtectionTests.PageLookup(CoverageArrange.Client(Factory), worker.MembershipNumber!, "1995-07-09");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.Status);
        Assert.Contains("dikunci sampai 1 Maret 2026 10.15 WIB", page.Page.QuerySelector("#lookup-notice")!.TextContent);
        Assert.Null(page.Page.QuerySelector("#answer"));

        // The lock is stored under a keyed hash, never the number itself.
        var locks = await Factory.WithDbAsync(db => db.LookupLocks.Where(l => l.LockedUntil != null).ToListAsync());
        Assert.NotEmpty(locks);
        Assert.All(locks, l => Assert.Matches("^[0-9a-f]{64}$", l.IdentifierHash));
        Assert.DoesNotContain(locks, l => l.IdentifierHash.Contains(worker.MembershipNumber!, StringComparison.Ordinal));

        // After 15 minutes the worker gets in again.
        Factory.Clock.Advance(TimeSpan.FromMinutes(15));
        var open = await client.PostAsJsonAsync("/api/v1/coverage/lookup", new { membershipNumber = worker.MembershipNumber, dateOfBirth = "1995-07-09" });
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
    }
}

public sealed class CoverageIdentifierLockTestsOnSqlite(SqliteAppFactory<CoverageHost> f) : CoverageIdentifierLockTests(f), IClassFixture<SqliteAppFactory<CoverageHost>>;

public sealed class CoverageIdentifierLockTestsOnPostgres(PostgresAppFactory<CoverageHost> f) : CoverageIdentifierLockTests(f), IClassFixture<PostgresAppFactory<CoverageHost>>;
