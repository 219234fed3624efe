using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Workers;

/// <summary>
/// Rule book §11 age examples that need "today" in mid-March 2026. A class of its own, because the
/// clock only moves forward and the other classes keep the default date.
/// </summary>
public abstract class RegistrationAgeTests(AppFactory factory) : ProviderTests(factory)
{
    [Fact]
    [Trait("Rule", "R-AGE-1")]
    public async Task PersonBorn20080315IsRefusedAt17On20260314AndAcceptedAt18On20260315()
    {
        Factory.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 15, 3, 0, 0, TimeSpan.Zero));
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var dob = new DateOnly(2008, 3, 15);
        var nik = NewNik(dob, Sex.Male);
        var young = Body(new() { ["nik"] = nik, ["sex"] = "male", ["dateOfBirth"] = Iso(dob), ["registeredOn"] = "2026-03-14", ["placementAgreementSignedOn"] = "2026-03-01" });
        var problem = await (await api.PostAsJsonAsync("/api/v1/workers", young)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["R-AGE-1"], problem.RuleIds("dateOfBirth"));
        Assert.Contains("17", problem.GetProperty("errors").GetProperty("dateOfBirth")[0].GetString());

        // Registration date left out: today, the 18th birthday.
        young["registeredOn"] = null;
        var worker = await api.RegisterAsync(young);
        Assert.Equal("2026-03-15", worker.GetProperty("registeredOn").GetString());

        // Never in the future (R-REG-1).
        var future = await api.RefusedAsync(new() { ["registeredOn"] = "2026-03-16" });
        Assert.Contains("R-REG-1", future.RuleIds("registeredOn"));
    }

    [Fact]
    public async Task ReceiptSaysTheAmountInEnglishWordsOnTheEnglishSwitch()
    {
        var api = await Factory.CreateClient().AuthorizeAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        var id = (await api.RegisterAsync(new() { ["registeredOn"] = "2026-01-06" })).GetProperty("id").GetString()!;
        var payment = await api.PayAsync(id, new { kind = "pre-placement", amount = 37_500, paidOn = "2026-01-10", reference = "EN-" + UniqueWord() });

        var client = Factory.CreateBrowserClient();
        await client.SignInAsync(AppFactory.OfficerEmail, AppFactory.OfficerPassword);
        await client.GetAsync("/language?culture=en-US&returnUrl=/");
        var receipt = await client.GetDocumentAsync($"/Workers/{id}/Receipts/{payment.GetProperty("id").GetString()}");
        Assert.Equal("thirty-seven thousand five hundred rupiah", receipt.QuerySelector("#receipt-words")!.TextContent.Trim());
        Assert.Contains("10 January 2026 – 9 June 2026", receipt.QuerySelector("#receipt-cover")!.TextContent);
    }
}

public sealed class RegistrationAgeTestsOnSqlite(SqliteAppFactory f) : RegistrationAgeTests(f), IClassFixture<SqliteAppFactory>;

public sealed class RegistrationAgeTestsOnPostgres(PostgresAppFactory f) : RegistrationAgeTests(f), IClassFixture<PostgresAppFactory>;
