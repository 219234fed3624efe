using Microsoft.AspNetCore.Identity;
using static MigrantCover.Web.Tests.Workers.WorkerKit;

namespace MigrantCover.Web.Tests.Claims;

/// <summary>Arranging §15's workers and carrying their claims through the API.</summary>
public static class ClaimKit
{
    public const string SecondOfficerEmail = "petugas2@migrantcover.test";
    public const string SecondOfficerPassword = "Petugas-Kedua-2026!";

    /// <summary>A second officer (four eyes, R-CLM-9), created once per test database.</summary>
    public static async Task<HttpClient> SecondOfficerAsync(this AppFactory factory)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            if (await users.FindByEmailAsync(SecondOfficerEmail) is null)
            {
                await StaffAccounts.CreateAsync(users, factory.Clock, SecondOfficerEmail, "Petugas Kedua", SecondOfficerPassword, Roles.Officer);
            }
        }

        return await factory.CreateClient().AuthorizeAsync(SecondOfficerEmail, SecondOfficerPassword);
    }

    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Dictionary<string, object?> Heir(string relationship, string name, string sex = "female", string dob = "1970-05-04", string? nik = null) => new()
    {
        ["fullName"] = name,
        ["relationship"] = relationship,
        ["sex"] = sex,
        ["dateOfBirth"] = dob,
        ["nik"] = nik,
        ["phone"] = "+628111222333",
    };

    /// <summary>Registered on <paramref name="registeredOn"/> (with heirs), nothing paid.</summary>
    public static async Task<string> RegisteredAsync(this HttpClient api, DateOnly registeredOn, int contractMonths = 24, string scheme = "agency", params Dictionary<string, object?>[] heirs)
    {
        var overrides = new Dictionary<string, object?>
        {
            ["contractMonths"] = contractMonths,
            ["registeredOn"] = Iso(registeredOn),
            ["placementAgreementSignedOn"] = Iso(registeredOn.AddDays(-1)),
            ["heirs"] = heirs,
        };
        if (scheme == "individual-formal")
        {
            overrides["scheme"] = "individual";
            overrides["category"] = "formal";
            overrides["agencyName"] = null;
            overrides["agencyLicence"] = null;
        }

        var worker = await api.RegisterAsync(overrides);
        return worker.GetProperty("id").GetString()!;
    }

    public static async Task PrePlacementAsync(this HttpClient api, string id, DateOnly paidOn) =>
        await api.PayAsync(id, new { kind = "pre-placement", amount = RuleSets.For(paidOn)!.PrePlacementAmount, paidOn = Iso(paidOn), reference = "PP-" + UniqueWord() });

    public static async Task PlacementAsync(this HttpClient api, string id, DateOnly paidOn, int contractMonths = 24, Scheme scheme = Scheme.Agency) =>
        await api.PayAsync(id, new { kind = "placement", amount = Tariff.PlacementAmount(contractMonths, scheme, paidOn), paidOn = Iso(paidOn), reference = "PL-" + UniqueWord() });

    public static async Task DepartAsync(this HttpClient api, string id, DateOnly departedOn)
    {
        await api.VerifyAllDocumentsAsync(id);
        await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/departure", new { departedOn = Iso(departedOn), employerName = "Mr Chan" })).JsonAsync(HttpStatusCode.OK);
    }

    /// <summary>Registered, paid for placement 20 days before departure, departed (with heirs).</summary>
    public static async Task<string> PlacedAsync(this HttpClient api, DateOnly departedOn, int contractMonths = 24, params Dictionary<string, object?>[] heirs)
    {
        var id = await api.RegisteredAsync(departedOn.AddDays(-30), contractMonths, "agency", heirs);
        await api.PlacementAsync(id, departedOn.AddDays(-20), contractMonths);
        await api.DepartAsync(id, departedOn);
        return id;
    }

    public static async Task FailDepartureAsync(this HttpClient api, string id, DateOnly on) =>
        await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/failed-departure", new { reason = "Majikan membatalkan", occurredOn = Iso(on) })).JsonAsync(HttpStatusCode.OK);

    public static object Reporter => new { role = "family", name = "Bapak Darto", contact = "+6281333444555" };

    public static Dictionary<string, object?> ClaimBody(string workerId, string type, string incidentOn, string? reportedOn = null, long? claimedAmount = null, string? cause = null, string? trigger = null) => new()
    {
        ["workerId"] = workerId,
        ["type"] = type,
        ["incidentOn"] = incidentOn,
        ["reportedOn"] = reportedOn,
        ["claimedAmount"] = claimedAmount,
        ["cause"] = cause,
        ["trigger"] = trigger,
        ["reporter"] = Reporter,
    };

    public static async Task<JsonElement> AssessAsync(this HttpClient api, Dictionary<string, object?> body) =>
        await (await api.PostAsJsonAsync("/api/v1/claims/assess", body)).JsonAsync(HttpStatusCode.OK);

    public static async Task<JsonElement> ReportAsync(this HttpClient api, Dictionary<string, object?> body) =>
        await (await api.PostAsJsonAsync("/api/v1/claims", body)).JsonAsync(HttpStatusCode.Created);

    public static async Task<JsonElement> StepAsync(this HttpClient api, string claimId, string action, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await api.PostAsJsonAsync($"/api/v1/claims/{claimId}/{action}", body ?? new { });
        return expected == HttpStatusCode.OK ? await response.JsonAsync(expected) : await response.AssertProblemAsync(expected);
    }

    public static async Task<JsonElement> VerifyDocumentsAsync(this HttpClient api, JsonElement claim)
    {
        var id = claim.GetProperty("id").GetString()!;
        var last = claim;
        foreach (var d in claim.GetProperty("documents").EnumerateArray().Where(d => d.GetProperty("required").GetBoolean()))
        {
            var code = d.GetProperty("code").GetString();
            last = await (await api.PutAsJsonAsync($"/api/v1/claims/{id}/documents/{code}", new { verified = true, reference = "DOC-" + code })).JsonAsync(HttpStatusCode.OK);
        }

        return last;
    }

    /// <summary>
    /// The rest of an eligible claim's way (R-CLM-9): the outcome for two-stage types, the checklist, verify
    /// (the payee for deaths), approve by the second officer, pay; answers the paid claim.
    /// </summary>
    public static async Task<JsonElement> CarryToPaidAsync(this HttpClient api, HttpClient approver, JsonElement claim, object? verifyBody = null, string outcome = "healed")
    {
        claim = await api.CarryToApprovedAsync(approver, claim, verifyBody, outcome);
        var id = claim.GetProperty("id").GetString()!;
        var reference = "KLAIM-" + UniqueWord();
        var paidOn = PaidOnApprovalDay(claim);
        claim = await api.StepAsync(id, "pay", new { reference, paidOn });
        Assert.Equal("paid", claim.GetProperty("state").GetString());

        // R-PAY-2: the same payment again pays once.
        var again = await api.StepAsync(id, "pay", new { reference, paidOn });
        Assert.Equal("paid", again.GetProperty("state").GetString());
        Assert.Equal(claim.GetProperty("version").GetInt64(), again.GetProperty("version").GetInt64());
        return claim;
    }

    /// <summary>Paid on the approval day (the clock of the app, read back from the approval timestamp).</summary>
    public static string PaidOnApprovalDay(JsonElement claim) =>
        Iso(DateOnly.FromDateTime(claim.GetProperty("approvedAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(7)).DateTime));

    /// <summary>An eligible claim's way up to approved (R-CLM-9): the outcome, the checklist, verify, approve by the second officer.</summary>
    public static async Task<JsonElement> CarryToApprovedAsync(this HttpClient api, HttpClient approver, JsonElement claim, object? verifyBody = null, string outcome = "healed")
    {
        var id = claim.GetProperty("id").GetString()!;
        if (claim.GetProperty("state").GetString() == "awaiting-outcome")
        {
            claim = await api.StepAsync(id, "outcome", new { outcome, outcomeOn = claim.GetProperty("incidentOn").GetString() });
            Assert.Equal("submitted", claim.GetProperty("state").GetString());
        }

        claim = await api.VerifyDocumentsAsync(claim);
        Assert.Equal("documents-complete", claim.GetProperty("state").GetString());
        claim = await api.StepAsync(id, "verify", verifyBody);
        Assert.Equal("verified", claim.GetProperty("state").GetString());

        // R-CLM-9: four eyes, the verifier may not approve.
        var self = await api.StepAsync(id, "approve", null, HttpStatusCode.Conflict);
        Assert.Contains("R-CLM-9", self.RuleIds("approvedBy"));
        claim = await approver.StepAsync(id, "approve");
        Assert.Equal("approved", claim.GetProperty("state").GetString());
        return claim;
    }

    /// <summary>A claim that is not eligible stays reported; the officer rejects it with the reason.</summary>
    public static async Task<JsonElement> RejectAsync(this HttpClient api, JsonElement claim, string reason)
    {
        Assert.Equal("reported", claim.GetProperty("state").GetString());
        var rejected = await api.StepAsync(claim.GetProperty("id").GetString()!, "reject", new { reason, text = "Tidak memenuhi syarat menurut penilaian." });
        Assert.Equal("rejected", rejected.GetProperty("state").GetString());
        return rejected;
    }

    public static string? Str(this JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).ToString();
}
