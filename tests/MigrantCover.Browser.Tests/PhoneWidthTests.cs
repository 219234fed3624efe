namespace MigrantCover.Browser.Tests;

/// <summary>
/// The officers', admins' and public pages on a phone 360 px wide: a wide table scrolls inside its own box, and
/// the page itself never scrolls sideways.
/// </summary>
public sealed class PhoneWidthTests(BrowserApp app) : JourneyTests(app), IClassFixture<BrowserApp>
{
    [Fact]
    public async Task OfficerAndAdminPagesFitA360PixelPhoneWithoutScrollingSideways()
    {
        var heir = new Dictionary<string, object?> { ["fullName"] = "Lalu Ahmad Hidayat", ["relationship"] = "spouse", ["sex"] = "male", ["dateOfBirth"] = "1990-05-01" };
        var workerId = await RegisterThroughTheApiAsync(App.BaseUrl, [heir]);
        var officer = await NarrowPageAsync();
        await SignInAsync(officer, DemoAccounts.OfficerEmail, DemoAccounts.OfficerPassword);
        await AssertFitsAsync(officer, $"/Workers/{workerId}", $"/Workers/{workerId}/Heirs", "/Workers", "/Workers/Register", $"/Workers/{workerId}/Edit",
            $"/Workers/{workerId}/Consent", $"/Workers/{workerId}/Stage/departure", $"/Workers/{workerId}/Claims/New", "/Claims", "/Workers/Import");

        // The coverage time line keeps its words readable (at least 10 px high) and scrolls in its own box.
        await officer.GotoAsync($"/Workers/{workerId}");
        var labelHeights = await officer.EvaluateAsync<double[]>("() => [...document.querySelectorAll('svg.timeline-svg .tl-label')].map(t => t.getBoundingClientRect().height)");
        Assert.Equal(3, labelHeights.Length);
        Assert.All(labelHeights, h => Assert.True(h >= 10, $"a time line label is {h} px high on a 360 px phone"));

        // The receipt the officer hands over (or sends to a phone), and the payment form before it.
        await StartPaymentAsync(officer, workerId, "pre-placement", App.Today);
        await AssertFitsAsync(officer, officer.Url[officer.Url.IndexOf("/Workers", StringComparison.Ordinal)..]);
        await RecordPaymentAsync(officer, $"BPJS-PHONE-{workerId[..8]}", "37500");
        await AssertFitsAsync(officer, officer.Url[officer.Url.IndexOf("/Workers", StringComparison.Ordinal)..]);

        var admin = await NarrowPageAsync();
        await SignInAsync(admin, DemoAccounts.AdminEmail, DemoAccounts.AdminPassword);
        await AssertFitsAsync(admin, "/Admin", "/Admin/Accounts", "/Admin/Restrictions", "/Admin/Offices", "/Admin/Audit", "/Admin/Gaps", "/Admin/Messages", "/Admin/Export");
    }

    [Fact]
    public async Task ThePublicPagesFitA360PixelPhone()
    {
        var visitor = await NarrowPageAsync();
        await AssertFitsAsync(visitor, "/", "/Coverage", "/Account/SignIn", "/Status");
    }

    private async Task<IPage> NarrowPageAsync()
    {
        var page = await App.NewPageAsync(phone: true);
        await page.SetViewportSizeAsync(360, 740);
        return page;
    }

    private static async Task AssertFitsAsync(IPage page, params string[] urls)
    {
        foreach (var url in urls)
        {
            await page.GotoAsync(url);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{url} is {widths[0]} px wide on a {widths[1]} px phone");
        }
    }
}
