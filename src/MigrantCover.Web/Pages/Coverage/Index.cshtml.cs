using Microsoft.AspNetCore.Authorization;
using MigrantCover.Web.Features.PublicCoverage;

namespace MigrantCover.Web.Pages.Coverage;

/// <summary>
/// The public "am I covered?" page: membership number or NIK plus date of birth (and the family card
/// number for a NIK, decision 0009), by POST only, so
/// no identifier ever appears in a URL. The answer is rendered in the POST's response.
/// </summary>
[AllowAnonymous]
[LookupEndpoint]
public sealed class IndexModel(
    CoverageLookups lookups,
    CoverageAnswers answers,
    CoverageTokens tokens,
    IStringLocalizer<CoverageResource> text) : FormPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public PublicCoverageAnswer? Answer { get; private set; }

    /// <summary>The worker found, for the claims partial (never rendered as such).</summary>
    public Guid? WorkerId { get; private set; }

    public IReadOnlyList<BenefitRow> Benefits { get; private set; } = [];

    public string RuleSetTitle { get; private set; } = "";

    public string? ProofReference { get; private set; }

    public string? Notice { get; private set; }

    public sealed class InputModel
    {
        public string? Identifier { get; set; }

        public string? DateOfBirth { get; set; }

        /// <summary>Only for a NIK: the family card number (decision 0009).</summary>
        public string? FamilyCardNumber { get; set; }
    }

    public void OnGet()
    {
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
                Answer = answers.Of(result.Worker!, result.ByNik);
                WorkerId = result.Worker!.Id;
                Benefits = answers.Benefits();
                RuleSetTitle = answers.RuleSetTitle();
                ProofReference = tokens.IssueReference(result.Worker!.Id, result.ByNik);
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
}
