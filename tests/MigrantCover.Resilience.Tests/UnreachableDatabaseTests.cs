using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MigrantCover.Resilience.Tests;

/// <summary>
/// A database that is really unreachable (issue 11, items 7 and 10): the portal keeps running and answers
/// 503 with Retry-After (problem+json for the API, the "try again" page otherwise), never 500; in
/// Development too, where it used to stop after its start-up tries.
/// </summary>
public sealed class UnreachableDatabaseTests
{
    [Fact]
    public async Task InDevelopmentWithTheDatabaseUnreachableThePortalStartsAndAnswers503WithRetryAfter()
    {
        await using var app = new UnreachableApp();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);

        // The token endpoint needs the accounts: 503 problem+json, in the request's language, with Retry-After.
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "petugas@resilience.test", password = "Petugas#2026-uji" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, token.StatusCode);
        Assert.Equal("application/problem+json", token.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(DatabaseFailures.RetryAfterSeconds), token.Headers.RetryAfter?.Delta);
        var problem = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());

        // A page that needs the database (the sign-in form's antiforgery keys live there): the "try again" page.
        var page = await client.GetAsync("/Account/SignIn");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.NotNull(page.Headers.RetryAfter);
        Assert.Contains("Layanan sedang tidak tersedia", await page.Content.ReadAsStringAsync());
    }

    /// <summary>The portal in Development against a port where no server listens.</summary>
    private sealed class UnreachableApp : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            foreach (var (key, value) in new Dictionary<string, string>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Postgres"] = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=2",
                ["Database:MigrationAttempts"] = "1",
                ["Database:MaxRetryCount"] = "1",
                ["Database:MaxRetryDelaySeconds"] = "0.2",
                ["Https:Redirect"] = "false",
                ["Jobs:Enabled"] = "false",
                ["Seed:DemoWorkers"] = "0",
            })
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
