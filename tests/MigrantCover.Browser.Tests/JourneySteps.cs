using System.Net.Http.Json;
using System.Text.Json;
using MigrantCover.Domain;

namespace MigrantCover.Browser.Tests;

/// <summary>
/// The steps several journeys take the same way: signing in, filling the registration form, verifying the
/// documents, recording a payment and the departure, and the axe-core check of a page.
/// </summary>
public static partial class JourneySteps
{
    /// <summary>The eight documents of R-DOC-1, in the order of the worker page's form.</summary>
    public static readonly string[] DocumentCodes = ["marital-status", "family-permission", "competence", "health", "passport", "work-visa", "placement-agreement", "work-agreement"];

    /// <summary>Signs in through the sign-in page's fields; waits until the page has left the sign-in page.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", password);
        await page.Locator("#Input_Password").PressAsync("Enter");
        await LeftSignInAsync(page);
    }

    /// <summary>Signs in with the keyboard only: Tab into the fields, type, Enter.</summary>
    public static async Task SignInWithKeyboardAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.Locator("#Input_Email").FocusAsync();
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(password);
        await page.Keyboard.PressAsync("Enter");
        await LeftSignInAsync(page);
    }

    /// <summary>
    /// On the registration page: fills every field for Siti Aminah, a domestic worker placed in Hong Kong by
    /// an agency for 24 months, with the given NIK and date of birth, signed and registered on <paramref name="today"/>.
    /// </summary>
    public static async Task FillRegistrationAsync(IPage page, string nik, string dateOfBirth, string today)
    {
        await page.FillAsync("#Input_Nik", nik);
        await page.FillAsync("#Input_FamilyCardNumber", "3302220101090007");
        await page.FillAsync("#Input_FullName", "Siti Aminah");
        await page.SelectOptionAsync("#Input_Sex", "female");
        await page.FillAsync("#Input_DateOfBirth", dateOfBirth);
        await page.FillAsync("#Input_PlaceOfBirth", "Cilacap");
        await page.FillAsync("#Input_Address", "Jl. Merdeka 1, Cilacap");
        await page.FillAsync("#Input_Phone", "+6281234567890");
        await page.SelectOptionAsync("#Input_Purpose", "work");
        await page.SelectOptionAsync("#Input_Category", "domestic");
        await page.SelectOptionAsync("#Input_Scheme", "agency");
        await page.SelectOptionAsync("#Input_DestinationCountry", "HK");
        await page.FillAsync("#Input_AgencyName", "PT Contoh Jaya");
        await page.FillAsync("#Input_AgencyLicence", "KEP.123/2024");
        await page.FillAsync("#Input_Occupation", "caregiver");
        await page.FillAsync("#Input_ContractMonths", "24");
        await page.FillAsync("#Input_PlacementAgreementSignedOn", today);
        await page.FillAsync("#Input_RegisteredOn", today);
    }

    /// <summary>On the worker page: ticks the eight documents with a reference each, the passport with its number (R-DOC-2), and verifies them in one form.</summary>
    public static async Task VerifyAllDocumentsAsync(IPage page)
    {
        for (var i = 0; i < DocumentCodes.Length; i++)
        {
            await page.CheckAsync($"#Docs_{i}__Checked");
            await page.FillAsync($"#Docs_{i}__Reference", $"DOC-{DocumentCodes[i]}");
        }

        await page.FillAsync("#Document_PassportNumber", "C1234567");
        await page.ClickAsync("#verify-all");
    }

    /// <summary>Opens the worker's payment form and chooses the contribution and the day it was paid.</summary>
    public static async Task StartPaymentAsync(IPage page, string workerId, string kind, string paidOn)
    {
        await page.GotoAsync($"/Workers/{workerId}/Payment");
        await page.SelectOptionAsync("#Input_Kind", kind);
        await page.FillAsync("#Input_PaidOn", paidOn);
    }

    /// <summary>Completes the payment form with the transfer's reference and amount, submits it and waits for the receipt.</summary>
    public static async Task RecordPaymentAsync(IPage page, string reference, string amount)
    {
        await page.FillAsync("#Input_Reference", reference);
        await page.FillAsync("#Input_Amount", amount);
        await page.ClickAsync("main form button.btn-primary");
        await page.WaitForURLAsync(ReceiptUrl());
    }

    /// <summary>Opens the worker's departure form, fills the day and the employer (Chan Family) and submits it.</summary>
    public static async Task SubmitDepartureAsync(IPage page, string workerId, string departedOn)
    {
        await page.GotoAsync($"/Workers/{workerId}/Stage/departure");
        await page.FillAsync("#Input_DepartedOn", departedOn);
        await page.FillAsync("#Input_EmployerName", "Chan Family");
        await page.ClickAsync("main form button.btn-primary");
    }

    /// <summary>axe-core finds no serious or critical violation on the page; <paramref name="what"/> names the page in the failure.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var violations = await BrowserApp.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{what}: {string.Join("; ", violations)}");
    }

    /// <summary>
    /// A candidate of the demo officer's office, Baiq Nurul Hidayah, registered through the API (documents,
    /// payment and passport still to do), with <paramref name="heirs"/> when given; answers the worker's id.
    /// </summary>
    public static async Task<string> RegisterThroughTheApiAsync(string baseUrl, object[]? heirs = null)
    {
        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoAccounts.OfficerEmail, password = DemoAccounts.OfficerPassword }))
            .Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dob = new DateOnly(1996, 4, 12);
        var response = await http.PostAsJsonAsync("/api/v1/workers", new Dictionary<string, object?>
        {
            ["nik"] = Nik.Build("52", "03", "11", dob, Sex.Female, 77),
            ["familyCardNumber"] = "5203110101090007",
            ["fullName"] = "Baiq Nurul Hidayah",
            ["sex"] = "female",
            ["dateOfBirth"] = "1996-04-12",
            ["placeOfBirth"] = "Selong",
            ["address"] = "Jl. Pahlawan 3, Selong",
            ["phone"] = "+6281234500077",
            ["purpose"] = "work",
            ["category"] = "domestic",
            ["scheme"] = "agency",
            ["agencyName"] = "PT Contoh Jaya",
            ["agencyLicence"] = "KEP.123/2024",
            ["destinationCountry"] = "TW",
            ["occupation"] = "caregiver",
            ["contractMonths"] = 24,
            ["placementAgreementSignedOn"] = today,
            ["registeredOn"] = today,
            ["heirs"] = heirs,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>A worker's page; the first group is the worker's id.</summary>
    [GeneratedRegex(@"/Workers/([0-9a-f-]{36})$")]
    public static partial Regex WorkerUrl();

    [GeneratedRegex(@"/Workers/[0-9a-f-]{36}/Receipts/[0-9a-f-]{36}$")]
    public static partial Regex ReceiptUrl();

    private static Task LeftSignInAsync(IPage page) =>
        page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.Ordinal));
}
