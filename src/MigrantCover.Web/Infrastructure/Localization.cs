using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace MigrantCover.Web.Infrastructure;

/// <summary>
/// Bahasa Indonesia is the default; English is chosen by the visible switch (a culture cookie).
/// The API and the public coverage pages also honour Accept-Language, so partners get problems in their
/// language and an employer abroad reads the verification in English.
/// </summary>
public static class Localization
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static IServiceCollection AddMigrantCoverLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Indonesian);
            // The API's Accept-Language may name the language alone ("en", "id").
            o.SupportedCultures = o.SupportedUICultures = [Indonesian, English, CultureInfo.GetCultureInfo("id"), CultureInfo.GetCultureInfo("en")];
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new ApiAcceptLanguageProvider(),
            ];
        });
        return services;
    }

    /// <summary>
    /// What a form page says when the framework cannot bind a posted value (a choice that is not an ID, a
    /// checkbox that is not true or false): the rule book's input text in the user's language, never the
    /// framework's English "The value '…' is not valid", and never the value typed.
    /// </summary>
    public static void UseRuleTextBindingMessages(this DefaultModelBindingMessageProvider messages)
    {
        static string Unreadable() => RuleText.Input("form.unreadable", Language);
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => Unreadable());
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Unreadable());
        messages.SetUnknownValueIsInvalidAccessor(_ => Unreadable());
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(Unreadable);
        messages.SetValueIsInvalidAccessor(_ => Unreadable());
        messages.SetValueMustBeANumberAccessor(_ => Unreadable());
        messages.SetNonPropertyValueMustBeANumberAccessor(Unreadable);
        messages.SetMissingKeyOrValueAccessor(Unreadable);
        messages.SetValueMustNotBeNullAccessor(_ => Unreadable());
        messages.SetMissingBindRequiredValueAccessor(_ => Unreadable());
        messages.SetMissingRequestBodyRequiredValueAccessor(Unreadable);
    }

    /// <summary>
    /// A label as it starts a heading, a table cell or a list item: with a capital ("Kematian (bukan karena
    /// kecelakaan kerja)"). The rule book's labels are lower-case so that they read inside a sentence.
    /// </summary>
    public static string Standalone(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];

    /// <summary>
    /// A label as it reads inside a sentence ("Pembayaran penempatan …"): its first letter lower-case, except
    /// in an acronym ("JHT (Jaminan Hari Tua)"). The opposite of <see cref="Standalone"/>.
    /// </summary>
    public static string InSentence(string text) =>
        text.Length == 0 || (text.Length > 1 && char.IsUpper(text[1])) ? text : char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..];

    /// <summary>"id" or "en": the language code the domain renders rule failures in.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "id";

    /// <summary>GET /language?culture=en-US&amp;returnUrl=/... sets the culture cookie and goes back.</summary>
    public static void MapLanguageSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/language", (HttpContext http, TimeProvider clock, string? culture, string? returnUrl) =>
            {
                var chosen = culture?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? English : Indonesian;
                http.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                    new CookieOptions { Expires = clock.GetUtcNow().AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
                return Results.LocalRedirect(IsSafeLocal(returnUrl) ? returnUrl! : "/");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

    /// <summary>
    /// A path of this site: one leading slash, no backslash and no control character anywhere (a tab or
    /// line break could turn "/\t/evil.example" into another host in a browser); anything else goes home.
    /// </summary>
    public static bool IsSafeLocal(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c));

    /// <summary>
    /// Accept-Language for the API and for the public coverage pages (the lookup, the proof and the
    /// verification an employer abroad opens, decision 0026); the staff pages stay Indonesian until
    /// switched. The cookie of the switch comes first everywhere.
    /// </summary>
    private sealed class ApiAcceptLanguageProvider : AcceptLanguageHeaderRequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
            httpContext.Request.Path.StartsWithSegments("/api") || httpContext.Request.Path.StartsWithSegments("/Coverage", StringComparison.OrdinalIgnoreCase)
                ? base.DetermineProviderCultureResult(httpContext)
                : Task.FromResult<ProviderCultureResult?>(null);
    }
}
