using Microsoft.AspNetCore.Authorization;
using MigrantCover.Web.Features.PublicCoverage;
using MigrantCover.Web.Infrastructure;
using QRCoder;

namespace MigrantCover.Web.Pages.Coverage;

/// <summary>
/// A proof of coverage to print or show: the summary and a QR code of a verification link that
/// carries a signed, expiring token (worker id only, encrypted). Reached by POST from a lookup
/// answer, with the answer's short-lived reference, never with the identifiers.
/// </summary>
[AllowAnonymous]
public sealed class ProofModel(
    AppDbContext db,
    CoverageTokens tokens,
    CoverageAnswers answers,
    IStringLocalizer<CoverageResource> text) : FormPageModel
{
    [BindProperty]
    public string? Reference { get; set; }

    public PublicCoverageAnswer? Answer { get; private set; }

    public string? Refusal { get; private set; }

    public string VerifyUrl { get; private set; } = "";

    public string QrDataUri { get; private set; } = "";

    public string ValidUntilText { get; private set; } = "";

    public IActionResult OnGet() => LocalRedirect("/Coverage");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var check = tokens.CheckReference(Reference);
        var worker = check.State == TokenState.Valid
            ? await db.Workers.AsNoTracking().Include(w => w.Payments).FirstOrDefaultAsync(w => w.Id == check.WorkerId, cancellationToken)
            : null;
        if (worker is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Refusal = check.State == TokenState.Expired ? text["ReferenceExpired"] : text["ReferenceInvalid"];
            return Page();
        }

        Answer = answers.Of(worker, check.ByNik);
        var (token, expires) = tokens.IssueProof(worker.Id, check.ByNik);
        VerifyUrl = $"{Request.Scheme}://{Request.Host}/Coverage/Verify/{token}";
        ValidUntilText = string.Format(CultureInfo.CurrentCulture, text["ProofValidUntil"], CoverageAnswers.Timestamp(expires, Localization.Language));

        // A data: image, as the CSP allows (img-src 'self' data:); no script needed to draw it.
        var png = PngByteQRCodeHelper.GetQRCode(VerifyUrl, QRCodeGenerator.ECCLevel.M, 6);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(png);
        return Page();
    }
}
