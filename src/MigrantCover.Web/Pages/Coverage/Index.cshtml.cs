using Microsoft.AspNetCore.Authorization;
using MigrantCover.Web.Features.PublicCoverage;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Coverage;

/// <summary>
/// The public "am I covered?" page: membership number or NIK plus date of birth (and the family card
/// number for a NIK, decision 0009), by POST only, so
/// no identifier ever appears in a URL. The answer is rendered in the POST's response, and kept for
/// <see cref="CoverageTokens.ReferenceLifetime"/> in an encrypted cookie (worker id only) so that the
/// language switch, which comes back to <c>/Coverage?result=1</c>, shows it again (decision 0026). A
/// plain visit of <c>/Coverage</c> forgets it.
/// </summary>
[AllowAnonymous]
[LookupEndpoint]
public sealed class IndexModel(
    CoverageLookups lookups,
    CoverageAnswers answers,
    CoverageTokens tokens,
    AppDbContext db,
    IStringLocalizer<CoverageResource> text) : FormPageModel
{
    /// <summary>The cookie that keeps the answer across the language switch (path /Coverage, HttpOnly, SameSite=Strict).</summary>
    public const string ResultCookie = "mc_coverage_result";

    /// <summary>Where the language switch of an answer comes back to.</summary>
    public const string KeptResultUrl = "/Coverage?result=1";
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PublicCoverageAnswer? Answer { get; private set; }

    /// <summary>The worker found, for the claims partial (never rendered as such).</summary>
    public Guid? WorkerId { get; private set; }

    public IReadOnlyList<BenefitRow> Benefits { get; private set; } = [];

    public string RuleSetTitle { get; private set; } = "";

    public string? ProofReference { get; private set; }

    public string? Notice { get; private set; }

    /// <summary>"Status per 1 Maret 2026 10.00 WIB (11.00 waktu Hong Kong)".</summary>
    public string AsOfText { get; private set; } = "";

    /// <summary>The last lookups that found this record (who looked at my record).</summary>
    public IReadOnlyList<LookupSeen> Lookups { get; private set; } = [];

    public string DestinationCountry { get; private set; } = "";

    public sealed class InputModel
    {
        public string? Identifier { get; set; }

        public string? DateOfBirth { get; set; }

        /// <summary>Only for a NIK: the family card number (decision 0009).</summary>
        public string? FamilyCardNumber { get; set; }
    }

    public async Task OnGetAsync(string? result, CancellationToken cancellationToken)
    {
        var cookie = Request.Cookies[ResultCookie];
        if (cookie is null)
        {
            return;
        }

        var (check, byNik) = tokens.CheckResult(cookie);
        var worker = result == "1" && check.State == TokenState.Valid
            ? await db.Workers.AsNoTracking().Include(w => w.Payments).FirstOrDefaultAsync(w => w.Id == check.WorkerId, cancellationToken)
            : null;
        if (worker is null)
        {
            // A new visit (or an expired answer): the form, and the kept answer is forgotten.
            Response.Cookies.Delete(ResultCookie, ResultCookieOptions());
            return;
        }

        // The same answer again (not a new lookup: nothing is logged or counted).
        await ShowAsync(worker, byNik, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // R-KPJ-1 / R-NIK-1: which identifier it is, from its length; checked as the API checks it, before any database access.
        ModelState.Clear();
        var request = LookupRequest.FromIdentifier(Input.Identifier, Input.DateOfBirth, Input.FamilyCardNumber, out var identifierFailure);
        var failures = lookups.Validate(request, out var key, out var dateOfBirth);
        ModelState.AddFailures(
            failures.Select(f => identifierFailure is not null && f.Field is MembershipNumber.Field or Nik.Field ? identifierFailure : f),
            field => field switch
            {
                "dateOfBirth" => "Input.DateOfBirth",
                FamilyCardNumber.Field => "Input.FamilyCardNumber",
                _ => "Input.Identifier",
            },
            withRuleIds: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await lookups.LookupAsync(key, dateOfBirth, CoverageLookups.PageChannel, HttpContext, cancellationToken);
        switch (result.Status)
        {
            case LookupStatus.Found:
                // A session cookie: the expiry is inside the token, checked against the app's clock (a browser's
                // clock may be wrong, and an Expires from the app's clock would then drop the cookie at once).
                Response.Cookies.Append(ResultCookie, tokens.IssueResult(result.Worker!.Id, result.ByNik), ResultCookieOptions());
                await ShowAsync(result.Worker!, result.ByNik, cancellationToken);
                break;
            case LookupStatus.Locked:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = lookups.SecondsUntil(result.LockedUntil!.Value).ToString(CultureInfo.InvariantCulture);
                Notice = lookups.LockedMessage(result.LockedUntil.Value);
                break;
            default:
                // The same words for an unknown number and a date of birth that does not match.
                Notice = text["NotFoundText"];
                break;
        }

        return Page();
    }

    /// <summary>A lookup's moment in WIB and at the worker's destination.</summary>
    public string TimeOf(DateTimeOffset at) => answers.TimestampAt(at, DestinationCountry, Localization.Language);

    private async Task ShowAsync(Worker worker, bool byNik, CancellationToken cancellationToken)
    {
        var language = Localization.Language;
        Answer = answers.Of(worker, byNik);
        WorkerId = worker.Id;
        DestinationCountry = worker.DestinationCountry;
        Benefits = answers.Benefits();
        RuleSetTitle = answers.RuleSetTitle();
        ProofReference = tokens.IssueReference(worker.Id, byNik);
        AsOfText = string.Format(CultureInfo.CurrentCulture, text["AsOfTime"], answers.TimestampAt(answers.Now, worker.DestinationCountry, language));
        Lookups = await lookups.RecentAsync(worker.Id, HttpContext, cancellationToken: cancellationToken);
        ViewData["LanguageReturnUrl"] = KeptResultUrl;
        ViewData["AsOfText"] = AsOfText;
    }

    private CookieOptions ResultCookieOptions() => new()
    {
        Path = "/Coverage",
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Strict,
        Secure = Request.IsHttps,
    };
}
