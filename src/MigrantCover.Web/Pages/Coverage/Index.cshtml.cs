using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantCover.Web.Features.PublicCoverage;

namespace MigrantCover.Web.Pages.Coverage;

/// <summary>
/// The public "am I covered?" page: membership number or NIK plus date of birth, by POST only, so
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
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CoverageAnswer? Answer { get; private set; }

    public IReadOnlyList<BenefitRow> Benefits { get; private set; } = [];

    public string RuleSetTitle { get; private set; } = "";

    public string? ProofReference { get; private set; }

    public string? Notice { get; private set; }

    public sealed class InputModel
    {
        public string? Identifier { get; set; }

        public string? DateOfBirth { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var identifier = new string((Input.Identifier ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-')).ToArray());
        DateOnly? dateOfBirth = null;
        if (!string.IsNullOrWhiteSpace(Input.DateOfBirth))
        {
            if (DateOnly.TryParseExact(Input.DateOfBirth.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                dateOfBirth = parsed;
            }
            else
            {
                ModelState.AddModelError("Input.DateOfBirth", text["DateOfBirthFormat"]);
            }
        }

        // R-KPJ-1 / R-NIK-1: which identifier it is, from its length; checked before any database access.
        LookupKey key = default;
        if (identifier.Length == 0)
        {
            ModelState.AddModelError("Input.Identifier", text["IdentifierRequired"]);
        }
        else if (identifier.Length is not (11 or 16))
        {
            ModelState.AddModelError("Input.Identifier", string.Format(CultureInfo.CurrentCulture, text["IdentifierFormat"], identifier.Length));
        }

        else
        {
            var errors = lookups.Validate(
                identifier.Length == 11 ? identifier : null,
                identifier.Length == 16 ? identifier : null,
                DateOnly.MinValue,
                out key);
            foreach (var e in errors)
            {
                ModelState.AddModelError("Input.Identifier", e.Message);
            }
        }

        if (dateOfBirth is null && !HasError("Input.DateOfBirth"))
        {
            ModelState.AddModelError("Input.DateOfBirth", text["DateOfBirthRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await lookups.LookupAsync(key, dateOfBirth!.Value, CoverageLookups.PageChannel, HttpContext, cancellationToken);
        switch (result.Status)
        {
            case LookupStatus.Found:
                Answer = answers.Of(result.Worker!);
                Benefits = answers.Benefits();
                RuleSetTitle = answers.RuleSetTitle();
                ProofReference = tokens.IssueReference(result.Worker!.Id);
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
