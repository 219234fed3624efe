namespace MigrantCover.Web.Tests.Workers;

/// <summary>Arranging workers through the API, with identities that never collide within a test database.</summary>
public static class WorkerKit
{
    private static int _serial = Random.Shared.Next(1, 4000);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The worker's history as <c>GET /api/v1/workers/{id}/history</c> answers it in <paramref name="language"/> (Accept-Language).</summary>
    public static async Task<List<JsonElement>> HistoryAsync(this HttpClient api, string workerId, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/workers/{workerId}/history");
        request.Headers.AcceptLanguage.ParseAdd(language);
        return [.. (await (await api.SendAsync(request)).JsonAsync(HttpStatusCode.OK)).EnumerateArray()];
    }

    /// <summary>Each entry's <c>description</c> of the worker's history in <paramref name="language"/>.</summary>
    public static async Task<List<string>> HistoryDescriptionsAsync(this HttpClient api, string workerId, string language) =>
        [.. (await api.HistoryAsync(workerId, language)).Select(h => h.GetProperty("description").GetString()!)];

    /// <summary>
    /// A NIK that matches the date of birth and sex (R-NIK-3), new on every call. The serial has four digits,
    /// so past 9999 calls (the bulk-import tests register thousands) the district code moves on.
    /// </summary>
    public static string NewNik(DateOnly dob, Sex sex)
    {
        var n = Interlocked.Increment(ref _serial) - 1;
        var district = (22 + (n / 9999 % 70)).ToString("00", CultureInfo.InvariantCulture);
        return Nik.Build("33", "02", district, dob, sex, (n % 9999) + 1);
    }

    /// <summary>The register body of the sample worker, valid, with a new NIK and a unique name; overrides replace fields (null removes).</summary>
    public static Dictionary<string, object?> Body(Dictionary<string, object?>? overrides = null)
    {
        var f = SampleWorker.Facts;
        var body = new Dictionary<string, object?>
        {
            ["nik"] = NewNik(f.DateOfBirth!.Value, f.Sex!.Value),
            ["familyCardNumber"] = f.FamilyCardNumber,
            ["fullName"] = f.FullName + " " + UniqueWord(),
            ["sex"] = Codes.Of(f.Sex.Value),
            ["dateOfBirth"] = Iso(f.DateOfBirth.Value),
            ["placeOfBirth"] = f.PlaceOfBirth,
            ["address"] = f.Address,
            ["phone"] = f.Phone,
            ["email"] = f.Email,
            ["purpose"] = Codes.Of(f.Purpose!.Value),
            ["category"] = Codes.Of(f.Category!.Value),
            ["scheme"] = Codes.Of(f.Scheme!.Value),
            ["agencyName"] = f.AgencyName,
            ["agencyLicence"] = f.AgencyLicence,
            ["destinationCountry"] = f.DestinationCountry,
            ["occupation"] = f.Occupation,
            ["employerName"] = f.EmployerName,
            ["contractMonths"] = f.ContractMonths,
            ["placementAgreementSignedOn"] = Iso(f.PlacementAgreementSignedOn!.Value),
            ["registeredOn"] = Iso(f.RegisteredOn!.Value),
        };
        foreach (var (k, v) in overrides ?? [])
        {
            body[k] = v;
        }

        return body;
    }

    public static string UniqueWord()
    {
        var n = Interlocked.Increment(ref _serial) + 100_000;
        var chars = new char[6];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)('A' + (n % 26));
            n /= 26;
        }

        return new string(chars);
    }

    public static async Task<JsonElement> RegisterAsync(this HttpClient api, Dictionary<string, object?>? overrides = null)
    {
        var response = await api.PostAsJsonAsync("/api/v1/workers", Body(overrides));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"register answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Posts the register body with the overrides and asserts the problem that refuses it.</summary>
    public static async Task<JsonElement> RefusedAsync(this HttpClient api, Dictionary<string, object?>? overrides, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        await (await api.PostAsJsonAsync("/api/v1/workers", Body(overrides))).AssertProblemAsync(status);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> GetWorkerAsync(this HttpClient api, string id) =>
        await (await api.GetAsync($"/api/v1/workers/{id}")).JsonAsync(HttpStatusCode.OK);

    public static async Task<JsonElement> PayAsync(this HttpClient api, string id, object payment, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/payments", payment)).JsonAsync(expected);

    private static int _passportSerial = 1_000_000;

    /// <summary>A valid passport number (R-DOC-2) no other worker of this run has.</summary>
    public static string NewPassport() => "C" + Interlocked.Increment(ref _passportSerial).ToString(CultureInfo.InvariantCulture);

    public static async Task VerifyAllDocumentsAsync(this HttpClient api, string id, string? passport = null)
    {
        passport ??= NewPassport();
        foreach (var type in Codes.All<DocumentType>())
        {
            var body = type == "passport"
                ? (object)new { verified = true, reference = "DOC-" + type, passportNumber = passport }
                : new { verified = true, reference = "DOC-" + type };
            await (await api.PutAsJsonAsync($"/api/v1/workers/{id}/documents/{type}", body)).JsonAsync(HttpStatusCode.OK);
        }
    }

    /// <summary>A worker registered, paid for placement and departed on <paramref name="departedOn"/>.</summary>
    public static async Task<string> DepartedAsync(this HttpClient api, DateOnly departedOn, int contractMonths, DateOnly placementPaidOn, long placementAmount)
    {
        var registered = placementPaidOn.AddDays(-20);
        var worker = await api.RegisterAsync(new()
        {
            ["contractMonths"] = contractMonths,
            ["registeredOn"] = Iso(registered),
            ["placementAgreementSignedOn"] = Iso(registered.AddDays(-1)),
        });
        var id = worker.GetProperty("id").GetString()!;
        await api.PayAsync(id, new { kind = "placement", amount = placementAmount, paidOn = Iso(placementPaidOn), reference = "PL-" + UniqueWord() });
        await api.VerifyAllDocumentsAsync(id);
        await (await api.PostAsJsonAsync($"/api/v1/workers/{id}/departure", new { departedOn = Iso(departedOn), employerName = "Mr Chan" })).JsonAsync(HttpStatusCode.OK);
        return id;
    }

    public static IEnumerable<string> RuleIds(this JsonElement problem, string field) =>
        problem.TryGetProperty("ruleIds", out var ids) && ids.TryGetProperty(field, out var list)
            ? list.EnumerateArray().Select(e => e.GetString()!)
            : [];

    public static JsonElement Period(this JsonElement worker, string programme, string phase) =>
        worker.GetProperty("coverPeriods").EnumerateArray()
            .Single(p => p.GetProperty("programme").GetString() == programme && p.GetProperty("phase").GetString() == phase);
}
