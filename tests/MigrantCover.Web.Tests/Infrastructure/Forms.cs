namespace MigrantCover.Web.Tests.Infrastructure;

/// <summary>Posting rendered forms as a browser would: every field of the form, antiforgery token included.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>GETs <paramref name="url"/>, fills the form (by CSS selector) with <paramref name="values"/>, posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, IReadOnlyDictionary<string, string?> values, string formSelector = "main form[method=post]", string? submitName = null)
    {
        var document = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(document, url, values, formSelector, submitName);
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, IHtmlDocument document, string url, IReadOnlyDictionary<string, string?> values, string formSelector = "main form[method=post]", string? submitName = null)
    {
        var form = document.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {url}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "checkbox" or "radio"):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlInputElement box when !string.IsNullOrEmpty(box.Name) && box.Type is "checkbox" or "radio" && box.IsChecked:
                    fields.Add(new(box.Name!, box.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        foreach (var (key, value) in values)
        {
            fields.RemoveAll(f => f.Key == key);
            if (value is not null)
            {
                fields.Add(new(key, value));
            }
        }

        if (submitName is not null)
        {
            var button = form.QuerySelector($"button[name='{submitName}'], input[type=submit][name='{submitName}']");
            fields.Add(new(submitName, button?.GetAttribute("value") ?? ""));
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Signs in through the real sign-in page; the client keeps the cookie.</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.SubmitFormAsync("/Account/SignIn", new Dictionary<string, string?>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {email} answered {(int)response.StatusCode}");
    }

    /// <summary>A browser client (<see cref="AppFactory.CreateBrowserClient"/>) signed in through the real sign-in page.</summary>
    public static async Task<HttpClient> SignedInBrowserAsync(this AppFactory factory, string email, string password)
    {
        var browser = factory.CreateBrowserClient();
        await browser.SignInAsync(email, password);
        return browser;
    }

    /// <summary>A bearer token from POST /api/v1/auth/token, set on the client.</summary>
    public static async Task<HttpClient> AuthorizeAsync(this HttpClient client, string email, string password)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Asserts a problem+json answer with the status, and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());
        return json;
    }
}
