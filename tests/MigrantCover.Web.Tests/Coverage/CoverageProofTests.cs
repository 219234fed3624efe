using System.IO.Compression;

namespace MigrantCover.Web.Tests.Coverage;

/// <summary>
/// The proof of coverage: a QR code of a verification link with a signed, expiring token. The
/// link shows the status at the time it is opened; a changed or expired token shows nothing.
/// </summary>
public abstract class CoverageProofTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    [Trait("Rule", "R-COV-7")]
    public async Task ProofShowsQrAndItsLinkShowsTheCurrentStatusNotThePrintedOne()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var client = CoverageArrange.Client(Factory);
        var (proof, link) = await ProofAsync(client, worker.MembershipNumber!);
        Assert.Equal("true", proof.QuerySelector("#programme-jkk")!.GetAttribute("data-active"));
        Assert.StartsWith("data:image/png;base64,", proof.QuerySelector("#proof-qr")!.GetAttribute("src"));
        Assert.Contains("31 Maret 2026", proof.QuerySelector("figcaption")!.TextContent);

        // The token carries no personal data in clear.
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.DoesNotContain(worker.Id.ToString("N"), token, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(worker.MembershipNumber!, token, StringComparison.Ordinal);

        var before = await Verify(client, link);
        Assert.Equal(HttpStatusCode.OK, before.Status);
        Assert.Equal("S*** A*****", before.Page.QuerySelector("#answer-name")!.TextContent);
        Assert.Contains(worker.MembershipNumber!, before.Page.QuerySelector("main")!.TextContent);
        Assert.Equal("pre-placement", before.Page.QuerySelector("#programme-jkk")!.GetAttribute("data-phase"));
        Assert.Matches(@"per \d{1,2} Maret 2026 \d\d\.\d\d WIB", before.Page.QuerySelector("#verify-as-of")!.TextContent);

        // After printing, the departure fails: the same link now says so.
        await CoverageArrange.RecordFailedDepartureAsync(Factory, worker.Id, new DateOnly(2026, 2, 27));
        var after = await Verify(client, link);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Equal("false", after.Page.QuerySelector("#programme-jkk")!.GetAttribute("data-active"));
        Assert.Equal("failed-departure", after.Page.QuerySelector("#programme-jkk")!.GetAttribute("data-reason"));
        Assert.Equal(RuleText.Label("failed-departure", "id"), after.Page.QuerySelector("#answer-stage")!.TextContent);
    }

    [Fact]
    [Trait("Rule", "R-NIK-3")]
    public async Task AProofFromANikLookupAndItsLinkNeverShowTheFullMembershipNumber()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        Assert.NotNull(worker.MembershipNumber);
        var masked = "*******" + worker.MembershipNumber![^4..];
        using var client = CoverageArrange.Client(Factory);

        // The lookup by NIK (with the family card number, decision 0009) answers the last four digits only.
        var (status, answer) = await CoverageProtectionTests.PageLookup(client, worker.Nik, "1995-07-09", worker.FamilyCardNumber);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(masked, answer.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The proof made from that answer, and the page its QR code opens, do the same.
        var response = await client.SubmitFormAsync(answer, "/Coverage", new Dictionary<string, string?>(), "form[action='/Coverage/Proof']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proof = await Forms.ParseAsync(response);
        Assert.Contains(masked, proof.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(worker.MembershipNumber!, proof.DocumentElement.OuterHtml, StringComparison.Ordinal);
        var link = new Uri(proof.QuerySelector("#proof-link")!.TextContent.Trim()).PathAndQuery;
        var verified = await Verify(client, link);
        Assert.Equal(HttpStatusCode.OK, verified.Status);
        Assert.Contains(masked, verified.Page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(worker.MembershipNumber!, verified.Page.DocumentElement.OuterHtml, StringComparison.Ordinal);

        // A proof from a lookup by the membership number itself shows it whole (the holder typed it).
        var (byNumber, byNumberLink) = await ProofAsync(client, worker.MembershipNumber!);
        Assert.Contains(worker.MembershipNumber!, byNumber.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(worker.MembershipNumber!, (await Verify(client, byNumberLink)).Page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id", "Kode verifikasi ini tidak sah")]
    [InlineData("en", "This verification code is not valid")]
    public async Task TamperedTokenIsRefusedAndShowsNothingElse(string language, string message)
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var client = CoverageArrange.Client(Factory);
        var (_, link) = await ProofAsync(client, worker.MembershipNumber!);
        if (language == "en")
        {
            await client.GetAsync("/language?culture=en-US&returnUrl=/Coverage");
        }

        // One character changed in the middle (the last one may carry unused bits of base64).
        var i = link.LastIndexOf('/') + 40;
        var tampered = link[..i] + (link[i] == 'A' ? 'B' : 'A') + link[(i + 1)..];
        var refused = await Verify(client, tampered);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(message, refused.Page.QuerySelector("#verify-refused")!.TextContent);
        Assert.Null(refused.Page.QuerySelector("#answer-name"));
        Assert.DoesNotContain("S***", refused.Page.QuerySelector("main")!.TextContent);

        // The untouched link still works.
        Assert.Equal(HttpStatusCode.OK, (await Verify(client, link)).Status);
    }

    [Fact]
    public async Task ProofNeedsAFreshReferenceNotIdentifiers()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var client = CoverageArrange.Client(Factory);
        var answer = await AnswerAsync(client, worker.MembershipNumber!);

        // The clock only moves forward; the other tests of this class do not depend on the time of day.
        Factory.Clock.Advance(TimeSpan.FromMinutes(16));
        var late = await client.SubmitFormAsync(answer, "/Coverage", new Dictionary<string, string?>(), "form[action='/Coverage/Proof']");
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var page = await Forms.ParseAsync(late);
        Assert.Contains("sudah kedaluwarsa", page.QuerySelector("#proof-refused")!.TextContent);
        Assert.Null(page.QuerySelector("#proof-qr"));
    }

    [Fact]
    public async Task LookupPageTransfersUnder100KilobytesOnAFirstVisit()
    {
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Encoding", "br, gzip");
        var total = 0L;
        var report = new StringBuilder();

        async Task<byte[]> Fetch(string url)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var wire = await response.Content.ReadAsByteArrayAsync();
            var encoding = string.Join(",", response.Content.Headers.ContentEncoding);
            total += wire.Length;
            report.AppendLine($"{url}: {wire.Length} bytes ({(encoding.Length == 0 ? "identity" : encoding)})");
            var decoded = encoding switch
            {
                "br" => Decompress(new BrotliStream(new MemoryStream(wire), CompressionMode.Decompress)),
                "gzip" => Decompress(new GZipStream(new MemoryStream(wire), CompressionMode.Decompress)),
                _ => wire,
            };
            Assert.True(decoded.Length > 0, $"{url} answered an empty body");
            return decoded;
        }

        var html = Encoding.UTF8.GetString(await Fetch("/Coverage"));
        var document = new HtmlParser().ParseDocument(html);
        var assets = document.QuerySelectorAll("link[rel=stylesheet][href], script[src], img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
            .Where(u => !u.StartsWith("data:", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains(assets, a => a.Contains("bootstrap", StringComparison.Ordinal));
        Assert.DoesNotContain(assets, a => a.Contains("bootstrap.bundle", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var css = Encoding.UTF8.GetString(await Fetch(asset));
            if (asset.Contains("bootstrap", StringComparison.Ordinal))
            {
                Assert.Contains(".btn-primary", css, StringComparison.Ordinal);
            }

            // Images or fonts a stylesheet pulls in (Bootstrap's are data: URIs).
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(css, @"url\((?!['""]?data:)['""]?([^'"")]+)"))
            {
                await Fetch(new Uri(new Uri("http://localhost" + asset), m.Groups[1].Value).PathAndQuery);
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"First visit of /Coverage: {total} bytes\n{report}");
        Assert.True(total < 100 * 1024, $"First visit transfers {total} bytes:\n{report}");
    }

    internal static byte[] Decompress(Stream stream)
    {
        using var output = new MemoryStream();
        using (stream)
        {
            stream.CopyTo(output);
        }

        return output.ToArray();
    }

    internal static async Task<IHtmlDocument> AnswerAsync(HttpClient client, string membershipNumber)
    {
        var response = await client.SubmitFormAsync("/Coverage", new Dictionary<string, string?>
        {
            ["Input.Identifier"] = membershipNumber,
            ["Input.DateOfBirth"] = "1995-07-09",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Forms.ParseAsync(response);
    }

    internal static async Task<(IHtmlDocument Proof, string Link)> ProofAsync(HttpClient client, string membershipNumber)
    {
        var answer = await AnswerAsync(client, membershipNumber);
        var response = await client.SubmitFormAsync(answer, "/Coverage", new Dictionary<string, string?>(), "form[action='/Coverage/Proof']");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var proof = await Forms.ParseAsync(response);
        var link = new Uri(proof.QuerySelector("#proof-link")!.TextContent.Trim()).PathAndQuery;
        Assert.StartsWith("/Coverage/Verify/", link);
        return (proof, link);
    }

    internal static async Task<(HttpStatusCode Status, IHtmlDocument Page)> Verify(HttpClient client, string link)
    {
        var response = await client.GetAsync(link);
        return (response.StatusCode, await Forms.ParseAsync(response));
    }
}

public sealed class CoverageProofTestsOnSqlite(SqliteAppFactory<CoverageHost> f) : CoverageProofTests(f), IClassFixture<SqliteAppFactory<CoverageHost>>;

public sealed class CoverageProofTestsOnPostgres(PostgresAppFactory<CoverageHost> f) : CoverageProofTests(f), IClassFixture<PostgresAppFactory<CoverageHost>>;

/// <summary>Moves the clock 30 days: a class (and database and clock) of its own.</summary>
public abstract class CoverageProofExpiryTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    public async Task ExpiredTokenIsRefusedAfterProofDaysInBothLanguages()
    {
        var worker = await CoverageArrange.WorkerAsync(Factory, payments: [(PK.PrePlacement, new(2026, 1, 10), null)]);
        using var client = CoverageArrange.Client(Factory);
        var (_, link) = await CoverageProofTests.ProofAsync(client, worker.MembershipNumber!);

        Factory.Clock.Advance(TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await CoverageProofTests.Verify(client, link)).Status);

        Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await CoverageProofTests.Verify(client, link);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Contains("kedaluwarsa pada 31 Maret 2026 10.00 WIB", expired.Page.QuerySelector("#verify-refused")!.TextContent);
        Assert.Null(expired.Page.QuerySelector("#answer-name"));

        await client.GetAsync("/language?culture=en-US&returnUrl=/Coverage");
        expired = await CoverageProofTests.Verify(client, link);
        Assert.Equal(HttpStatusCode.Gone, expired.Status);
        Assert.Contains("This verification code expired on 31 March 2026 10:00 WIB", expired.Page.QuerySelector("#verify-refused")!.TextContent);
        Assert.Null(expired.Page.QuerySelector("#answer-name"));
    }
}

public sealed class CoverageProofExpiryTestsOnSqlite(SqliteAppFactory<CoverageHost> f) : CoverageProofExpiryTests(f), IClassFixture<SqliteAppFactory<CoverageHost>>;

public sealed class CoverageProofExpiryTestsOnPostgres(PostgresAppFactory<CoverageHost> f) : CoverageProofExpiryTests(f), IClassFixture<PostgresAppFactory<CoverageHost>>;
