namespace MigrantCover.Browser.Tests;

/// <summary>
/// The officer's day from the landing page: the office's worklist with its counts (no error), then every
/// menu item, breadcrumb and the "clear filters" link, each page without an error message.
/// </summary>
public sealed class OfficerDayJourneyTests(BrowserApp app) : JourneyTests(app), IClassFixture<BrowserApp>
{
    [Fact]
    public async Task OfficerSeesTheWorklistWithCountsAndEveryMenuItemAndBreadcrumbOpensWithoutAnError()
    {
        var workerId = await RegisterThroughTheApiAsync(App.BaseUrl);
        var page = await App.NewPageAsync();
        await SignInAsync(page, DemoAccounts.OfficerEmail, DemoAccounts.OfficerPassword);

        await page.GotoAsync("/Workers");
        await Assertions.Expect(page.Locator("#worklist-counts [data-group]")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#worklist-counts [data-group='blocked']")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator($"#worklist-blocked a[href='/Workers/{workerId}']")).ToBeVisibleAsync();
        await AssertNoErrorAsync(page, "/Workers");
        await BrowserApp.ScreenshotAsync(page, "officer-worklist", forDocs: true);
        await AssertAccessibleAsync(page, "/Workers");

        // Every item of the menu.
        var menu = await page.Locator("header nav a.nav-link").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Contains("/Workers", menu);
        foreach (var href in menu)
        {
            await page.GotoAsync("/Workers");
            await page.Locator($"header nav a.nav-link[href='{href}']").ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            await AssertNoErrorAsync(page, href);
        }

        // The breadcrumbs of the worker's page and of a stage page, and "clear filters".
        foreach (var (start, crumb) in new[] { ($"/Workers/{workerId}", "/Workers"), ($"/Workers/{workerId}/Stage/departure", $"/Workers/{workerId}"), ($"/Workers/{workerId}/Stage/departure", "/Workers") })
        {
            await page.GotoAsync(start);
            await page.Locator($"ol.breadcrumb a[href='{crumb}']").ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == crumb);
            await AssertNoErrorAsync(page, start + " → " + crumb);
        }

        await page.GotoAsync("/Workers?Filter.Stage=placed");
        await page.Locator("a[href='/Workers'].btn-link").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/Workers" && new Uri(url).Query.Length == 0);
        await AssertNoErrorAsync(page, "clear filters");
        await Assertions.Expect(page.Locator("#worklist")).ToBeVisibleAsync();

        // No 404 for the icon on every page.
        var icon = await page.APIRequest.GetAsync("/favicon.ico");
        Assert.Equal(200, icon.Status);
    }

    private static async Task AssertNoErrorAsync(IPage page, string what)
    {
        var text = await page.Locator("main").InnerTextAsync();
        Assert.False(await page.Locator("#error-summary, .alert-danger").CountAsync() > 0, $"{what} shows an error: {text}");
        Assert.DoesNotContain("is not valid", text, StringComparison.Ordinal);
    }
}
