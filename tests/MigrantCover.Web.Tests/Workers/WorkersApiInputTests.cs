using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Workers;

/// <summary>No input makes the officers' API answer 500: every endpoint, every kind of bad body.</summary>
public abstract class WorkersApiInputTests(AppFactory factory) : ProviderTests(factory)
{
    private static readonly string Huge = new('x', 100 * 1024);

    private static readonly string[] Fields =
    [
        "nik", "familyCardNumber", "fullName", "sex", "dateOfBirth", "placeOfBirth", "address", "phone", "email", "purpose",
        "category", "scheme", "agencyName", "agencyLicence", "destinationCountry", "occupation", "employerName",
        "placementAgreementSignedOn", "registeredOn", "reason", "kind", "paidOn", "reference", "departedOn", "arrivedOn",
        "diedOn", "occurredOn", "passportNumber",
    ];

    private static readonly string[] NumberFields = ["contractMonths", "amount", "months", "monthlyAmount", "version"];

    private static IEnumerable<string> BadBodies()
    {
        yield return "{\"nik\": ";
        yield return "not json";
        yield return "";
        yield return "null";
        yield return "[]";
        yield return "{}";
        yield return "{\"contractMonths\":\"abc\",\"amount\":\"x\",\"months\":true,\"verified\":\"maybe\",\"confirmDuplicate\":5,\"version\":\"v\"}";
        yield return "{\"sex\":1,\"kind\":2,\"dateOfBirth\":19950709}";
        yield return Json(Fields.Select(f => (f, "\"" + Huge + "\"")));
        yield return Json(Fields.Select(f => (f, "\"2025-02-30\"")));
        foreach (var number in new[] { "1e30", "-5", "2147483648", "9223372036854775808", "0", "1.5" })
        {
            yield return Json(NumberFields.Select(f => (f, number)).Append(("kind", "\"extension\"")).Append(("paidOn", "\"2026-01-20\"")).Append(("reference", "\"R-" + number + "\"")));
        }

        yield return "{\"kind\":\"jht\",\"amount\":-5,\"paidOn\":\"2026-01-20\",\"reference\":\"NEG-1\",\"months\":-5,\"monthlyAmount\":-5}";
        yield return "{\"kind\":\"placement\",\"amount\":9223372036854775807,\"paidOn\":\"9999-12-31\",\"reference\":\"BIG-1\"}";
        yield return "{\"departedOn\":\"0001-01-01\",\"arrivedOn\":\"9999-12-31\",\"diedOn\":\"2025-13-01\",\"reason\":\"\"}";
    }

    private static string Json(IEnumerable<(string Key, string Value)> pairs) =>
        "{" + string.Join(",", pairs.Select(p => $"\"{p.Key}\":{p.Value}")) + "}";

    [Fact]
    public async Task EveryEndpointAnswersBadInputWithAProblemNever500()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var candidate = (await api.RegisterAsync()).GetProperty("id").GetString()!;
        var placed = await api.DepartedAsync(new DateOnly(2026, 2, 1), 24, new DateOnly(2026, 1, 20), 332_500);
        var unknown = Guid.NewGuid().ToString();

        var writes = new List<(HttpMethod Method, string Url)> { (HttpMethod.Post, "/api/v1/workers") };
        foreach (var id in new[] { candidate, placed, unknown })
        {
            writes.Add((HttpMethod.Put, $"/api/v1/workers/{id}"));
            writes.Add((HttpMethod.Put, $"/api/v1/workers/{id}/documents/passport"));
            writes.Add((HttpMethod.Put, $"/api/v1/workers/{id}/documents/health"));
            writes.Add((HttpMethod.Put, $"/api/v1/workers/{id}/documents/no-such-type"));
            foreach (var action in new[] { "payments", "departure", "extension", "return", "failed-departure", "withdrawal", "death" })
            {
                writes.Add((HttpMethod.Post, $"/api/v1/workers/{id}/{action}"));
            }
        }

        var checkedCount = 0;
        foreach (var (method, url) in writes)
        {
            foreach (var body in BadBodies())
            {
                var response = await api.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
                var status = (int)response.StatusCode;
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(status is 400 or 404 or 409, $"{method} {url} with {body[..Math.Min(body.Length, 80)]} answered {status}: {text[..Math.Min(text.Length, 300)]} {string.Join(" / ", Factory.LogLines.Where(l => l.Contains("Unhandled", StringComparison.Ordinal)).TakeLast(2))}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                checkedCount++;
            }
        }

        var reads = new[]
        {
            "/api/v1/workers?page=abc", "/api/v1/workers?page=0", "/api/v1/workers?page=2147483648", "/api/v1/workers?pageSize=1000000",
            "/api/v1/workers?page=-5", "/api/v1/workers?stage=sleeping", "/api/v1/workers?scheme=x", "/api/v1/workers?province=99",
            "/api/v1/workers?destinationCountry=" + new string('Q', 5000), "/api/v1/workers?search=" + new string('a', 5000),
            $"/api/v1/workers/{unknown}", $"/api/v1/workers/{unknown}/history", "/api/v1/workers/not-a-guid",
            $"/api/v1/workers/{candidate}/payments/{unknown}",
        };
        foreach (var url in reads)
        {
            var response = await api.GetAsync(url);
            Assert.True((int)response.StatusCode is 400 or 404, $"GET {url[..Math.Min(url.Length, 80)]} answered {(int)response.StatusCode}");
            checkedCount++;
        }

        Assert.True(checkedCount > 500);

        // Nothing half-saved: the candidate is still a candidate with no payments, the placed worker unchanged.
        var after = await api.GetWorkerAsync(candidate);
        Assert.Equal("candidate", after.GetProperty("stage").GetString());
        Assert.Equal(0, after.GetProperty("payments").GetArrayLength());
        Assert.Equal("placed", (await api.GetWorkerAsync(placed)).GetProperty("stage").GetString());
    }
}

public sealed class WorkersApiInputTestsOnSqlite(SqliteAppFactory f) : WorkersApiInputTests(f), IClassFixture<SqliteAppFactory>;

public sealed class WorkersApiInputTestsOnPostgres(PostgresAppFactory f) : WorkersApiInputTests(f), IClassFixture<PostgresAppFactory>;
