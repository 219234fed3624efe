using System.Net.Http.Headers;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Workers;

/// <summary>
/// What the framework cannot bind (no body at all, a page that is not a number, an ID that is not an ID)
/// is answered like any other field failure: 400 with the parameter named under <c>errors</c>, in the
/// request's language, and without echoing the value. The phone number's message states the rule it checks.
/// </summary>
public abstract class WorkersApiBindingTests(AppFactory factory) : ProviderTests(factory)
{
    public static TheoryData<string, string, string, string> Unbindable => new()
    {
        // method, url (W = a worker's id), field, words of the English message
        { "POST", "/api/v1/workers", "body", "request body" },
        { "PUT", "/api/v1/workers/W", "body", "request body" },
        { "PUT", "/api/v1/workers/W/documents/passport", "body", "request body" },
        { "POST", "/api/v1/workers/W/payments", "body", "request body" },
        { "GET", "/api/v1/workers?page=abcXYZ", "page", "whole number" },
        { "GET", "/api/v1/workers?pageSize=1.5", "pageSize", "whole number" },
        { "GET", "/api/v1/claims?page=abcXYZ", "page", "whole number" },
        { "GET", "/api/v1/claims?workerId=abcXYZ", "workerId", "valid ID" },
    };

    [Theory]
    [MemberData(nameof(Unbindable))]
    public async Task WhatCannotBeBoundIsNamedAsAFieldInTheRequestsLanguage(string method, string url, string field, string words)
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var worker = (await api.RegisterAsync()).GetProperty("id").GetString()!;
        var version = (await api.GetWorkerAsync(worker)).GetProperty("version").GetInt64();
        var address = url.Replace("/W", "/" + worker, StringComparison.Ordinal);

        foreach (var language in new[] { "en", "id" })
        {
            var request = new HttpRequestMessage(new HttpMethod(method), address);
            request.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
            if (method != "GET")
            {
                // A JSON content type with nothing in it: the body is missing, not malformed.
                request.Content = new ByteArrayContent([]);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            }

            var response = await api.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{method} {url} ({language}) answered {(int)response.StatusCode}: {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
            var messages = errors.GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
            Assert.Single(errors.EnumerateObject());
            Assert.Single(messages);
            Assert.DoesNotContain("abcXYZ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("1.5", messages[0], StringComparison.Ordinal);
            if (language == "en")
            {
                Assert.Contains(words, messages[0], StringComparison.Ordinal);
            }
            else
            {
                Assert.DoesNotContain(words, messages[0], StringComparison.Ordinal);
            }
        }

        // Nothing was changed by the refused writes.
        Assert.Equal(0, (await api.GetWorkerAsync(worker)).GetProperty("payments").GetArrayLength());
        Assert.Equal(version, (await api.GetWorkerAsync(worker)).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task SearchingWorkersAndClaimsWithEveryFilterLeavesNoWarningInTheLog()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        await api.RegisterAsync();
        Factory.LogLines.Clear();
        foreach (var query in new[] { "", "?stage=candidate", "?scheme=agency&province=33", "?search=Sit", "?destinationCountry=HK&page=2", "?search=3302224907950003" })
        {
            var response = await api.GetAsync("/api/v1/workers" + query);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {await response.Content.ReadAsStringAsync()}");
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/claims?state=reported")).StatusCode);
        Assert.DoesNotContain(Factory.LogLines, l => l.StartsWith("Warning ", StringComparison.Ordinal) || l.StartsWith("Error ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("+62 812-3456-7890", true)]
    [InlineData("081234", true)]
    [InlineData("123456789012345", true)]
    [InlineData("1234567890123456", false)]
    [InlineData("12345", false)]
    [InlineData("0812/3456/789", false)]
    public async Task APhoneNumberHasSixToFifteenDigitsAndItsMessageSaysSo(string phone, bool accepted)
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        api.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en"));
        var response = await api.PostAsJsonAsync("/api/v1/workers", Body(new() { ["phone"] = phone }));
        var text = await response.Content.ReadAsStringAsync();
        if (accepted)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, text);
            return;
        }

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty("phone")[0].GetString()!;
        Assert.Contains("6 to 15 digits", message, StringComparison.Ordinal);
    }
}

public sealed class WorkersApiBindingTestsOnSqlite(SqliteAppFactory f) : WorkersApiBindingTests(f), IClassFixture<SqliteAppFactory>;

public sealed class WorkersApiBindingTestsOnPostgres(PostgresAppFactory f) : WorkersApiBindingTests(f), IClassFixture<PostgresAppFactory>;
