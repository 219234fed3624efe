using Microsoft.AspNetCore.Authorization;
using MigrantCover.Web.Features.PublicCoverage;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Coverage;

/// <summary>
/// /Coverage/Verify/{token}: what an employer, consulate or clinic sees when scanning a proof. The
/// status is computed now, not copied from the printed proof. A changed or expired token shows
/// nothing but the refusal.
/// </summary>
[AllowAnonymous]
public sealed class VerifyModel(
    AppDbContext db,
    CoverageTokens tokens,
    CoverageAnswers answers,
    CoverageLookups lookups,
    IStringLocalizer<CoverageResource> text) : FormPageModel
{
    public PublicCoverageAnswer? Answer { get; private set; }

    public string? Refusal { get; private set; }

    public string AsOfText { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken cancellationToken)
    {
        var check = tokens.CheckProof(token);
        var worker = check.State == TokenState.Valid
            ? await db.Workers.AsNoTracking().Include(w => w.Payments).FirstOrDefaultAsync(w => w.Id == check.WorkerId, cancellationToken)
            : null;
        if (worker is null)
        {
            var expired = check.State == TokenState.Expired;
            lookups.RecordProof(null, expired ? "expired" : "invalid", HttpContext);
            Response.StatusCode = expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
            Refusal = expired
                ? string.Format(CultureInfo.CurrentCulture, text["ProofExpired"], CoverageAnswers.Timestamp(check.ExpiresAt, Localization.Language))
                : text["ProofInvalid"];
            return Page();
        }

        lookups.RecordProof(worker.Id, "found", HttpContext);
        Answer = answers.Of(worker, check.ByNik);
        AsOfText = string.Format(CultureInfo.CurrentCulture, text["VerifyAsOf"], answers.TimestampAt(answers.Now, worker.DestinationCountry, Localization.Language));
        return Page();
    }
}
