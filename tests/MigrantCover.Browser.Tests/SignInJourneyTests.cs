namespace MigrantCover.Browser.Tests;

public sealed class SignInJourneyTests(BrowserApp app) : JourneyTests(app), IClassFixture<BrowserApp>
{
    [Fact]
    public async Task OfficerSignsInWithTheKeyboardOnlyAndLandsOnTheWorkerList()
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");

        // Reach the e-mail field by tabbing, as a keyboard user would, then type and submit with Enter.
        await page.Locator("#Input_Email").FocusAsync();
        await page.Keyboard.TypeAsync(DemoAccounts.OfficerEmail);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(DemoAccounts.OfficerPassword);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/Workers");
        await BrowserApp.ScreenshotAsync(page, "officer-signed-in");
        Assert.EndsWith("/Workers", page.Url);
    }

    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-US")]
    public async Task SignInPageHasNoSeriousAccessibilityViolations(string culture)
    {
        var page = await App.NewPageAsync();
        await page.GotoAsync($"/language?culture={culture}&returnUrl=%2FAccount%2FSignIn");
        await page.ClickAsync("button[type=submit]");
        await Assertions.Expect(page.Locator("#error-summary")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"sign-in ({culture})");
    }
}
