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

    /// <summary>The proof token the page showed: the PDF carries the same link as the page's QR code.</summary>
    [BindProperty]
    public string? ProofToken { get; set; }

    public PublicCoverageAnswer? Answer { get; private set; }

    public string? Refusal { get; private set; }

    public string VerifyUrl { get; private set; } = "";

    public string QrDataUri { get; private set; } = "";

    public string ValidUntilText { get; private set; } = "";

    public string AsOfText { get; private set; } = "";

    /// <summary>The QR code's modules (quiet zone included), dark = true, row by row.</summary>
    private bool[][] _qrModules = [];

    /// <summary>The answer kept across the language switch (the lookup's cookie, decision 0026), else back to the lookup.</summary>
    public async Task<IActionResult> OnGetAsync(string? result, CancellationToken cancellationToken)
    {
        var (check, byNik) = tokens.CheckResult(Request.Cookies[IndexModel.ResultCookie]);
        var worker = result == "1" && check.State == TokenState.Valid ? await WorkerAsync(check.WorkerId, cancellationToken) : null;
        if (worker is null)
        {
            return LocalRedirect("/Coverage");
        }

        Reference = tokens.IssueReference(worker.Id, byNik);
        Show(worker, byNik);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        await RefusedOrShownAsync(null, cancellationToken) ?? Page();

    /// <summary>The proof as a PDF to keep (A4 with a wallet-size card), with the same QR code as the page.</summary>
    public async Task<IActionResult> OnPostPdfAsync(CancellationToken cancellationToken)
    {
        if (await RefusedOrShownAsync(ProofToken, cancellationToken) is { } refused)
        {
            return refused;
        }

        var pdf = ProofPdf.Render(new ProofPdf.Content(
            text["ProofTitle"],
            text["ProofIntro"],
            [
                (text["Name"], Answer!.FullName),
                (text["MembershipNumber"], Answer.MembershipNumber ?? text["NoMembershipNumber"]),
                (text["Stage"], Answer.StageLabel),
                (text["Destination"], Answer.DestinationCountryName),
            ],
            [.. Answer.Programmes.Select(p => ($"{p.Name}: {(p.Active ? text["Active"] : text["Inactive"])}", p.Message))],
            AsOfText,
            ValidUntilText,
            VerifyUrl,
            text["ProofPdfFooter"],
            text["WalletTitle"],
            text["WalletCut"],
            _qrModules));
        Response.Headers.CacheControl = "no-store";
        return File(pdf, "application/pdf", "bukti-kepesertaan.pdf");
    }

    private Task<Worker?> WorkerAsync(Guid id, CancellationToken cancellationToken) =>
        db.Workers.AsNoTracking().Include(w => w.Payments).FirstOrDefaultAsync(w => w.Id == id, cancellationToken);

    /// <summary>The refusal (400) when the posted reference does not hold, else null with its worker shown.</summary>
    private async Task<IActionResult?> RefusedOrShownAsync(string? shownToken, CancellationToken cancellationToken)
    {
        var check = tokens.CheckReference(Reference);
        var worker = check.State == TokenState.Valid ? await WorkerAsync(check.WorkerId, cancellationToken) : null;
        if (worker is null)
        {
            return Refused(check);
        }

        Show(worker, check.ByNik, shownToken);
        return null;
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Refused(TokenCheck check)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Refusal = check.State == TokenState.Expired ? text["ReferenceExpired"] : text["ReferenceInvalid"];
        return Page();
    }

    // byNik: the lookup was by NIK, so the proof masks the membership number as the answer did (decision 0009).
    private void Show(Worker worker, bool byNik, string? shownToken = null)
    {
        var language = Localization.Language;
        var shown = tokens.CheckProof(shownToken);
        var reuse = shown.State == TokenState.Valid && shown.WorkerId == worker.Id && shown.ByNik == byNik;
        Answer = answers.Of(worker, byNik);
        var (token, expires) = reuse ? (shownToken!, shown.ExpiresAt) : tokens.IssueProof(worker.Id, byNik);
        ProofToken = token;
        VerifyUrl = $"{Request.Scheme}://{Request.Host}/Coverage/Verify/{token}";
        ValidUntilText = string.Format(CultureInfo.CurrentCulture, text["ProofValidUntil"], answers.TimestampAt(expires, worker.DestinationCountry, language));
        AsOfText = string.Format(CultureInfo.CurrentCulture, text["AsOfTime"], answers.TimestampAt(answers.Now, worker.DestinationCountry, language));
        ViewData["AsOfText"] = AsOfText;
        ViewData["LanguageReturnUrl"] = "/Coverage/Proof?result=1";

        // A data: image, as the CSP allows (img-src 'self' data:); no script needed to draw it. The same
        // image is the "save the QR code" download.
        using var qr = QRCodeGenerator.GenerateQrCode(VerifyUrl, QRCodeGenerator.ECCLevel.M);
        var size = qr.ModuleMatrix.Count;
        _qrModules = [.. qr.ModuleMatrix.Select(row => Enumerable.Range(0, size).Select(x => row[x]).ToArray())];

        using var png = new PngByteQRCode(qr);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(6));
    }
}
