using MigrantCover.Web.Features.Validation;
using MigrantCover.Web.Features.Workers;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>A worker's page: identity, stage, coverage timeline, documents (R-DOC-1), payments, history.</summary>
public sealed class DetailsModel(AppDbContext db, VerifyDocument.Handler verify, HistoryText words, TimeProvider clock, IStringLocalizer<WorkersResource> text) : FormPageModel
{
    public Worker Worker { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public CoverageStatus Status { get; private set; } = null!;

    public IReadOnlyList<CoverPeriod> Periods { get; private set; } = [];

    public IReadOnlyList<HistoryView> History { get; private set; } = [];

    public Timeline Line { get; private set; } = null!;

    /// <summary>The passport's number and the confirmation of a number another worker has.</summary>
    [BindProperty]
    public DocumentInput Document { get; set; } = new();

    /// <summary>The eight R-DOC-1 documents of the one form, in <see cref="DocumentType"/> order: ticked or not, each with its reference.</summary>
    [BindProperty]
    public List<DocumentRow> Docs { get; set; } = [];

    /// <summary>Documents of this submit already saved when another of them was refused.</summary>
    public IReadOnlyList<string> SavedNow { get; private set; } = [];

    public sealed class DocumentRow
    {
        public string? Type { get; set; }

        public bool Checked { get; set; }

        public string? Reference { get; set; }
    }

    /// <summary>Documents are verified while the worker is a candidate; after departure they are only shown.</summary>
    public bool DocumentsOpen => Worker.Stage == Stage.Candidate;

    public sealed class DocumentInput
    {
        public string? Type { get; set; }

        public string? Reference { get; set; }

        public string? PassportNumber { get; set; }

        public bool Verified { get; set; } = true;

        public bool ConfirmDuplicate { get; set; }
    }

    /// <summary>Other workers holding the passport number just entered, when the officer must confirm.</summary>
    public IReadOnlyList<Guid> PassportDuplicates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>
    /// Every ticked document in one submit (R-DOC-1, R-DOC-2 for the passport's number): each is saved as
    /// its own verification, so the audit has one entry per document; the errors of all of them at once.
    /// </summary>
    public async Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct)
    {
        var lang = Localization.Language;
        var saved = new List<string>();
        var ticked = Docs.Select((row, i) => (row, i)).Where(x => x.row.Checked).ToList();
        if (ticked.Count == 0)
        {
            ModelState.AddModelError("Docs", text["NoDocumentChecked"]);
        }

        foreach (var (row, i) in ticked)
        {
            var passport = row.Type == Codes.Of(DocumentType.Passport);
            var request = new VerifyDocument.Request(true, row.Reference, passport ? Document.PassportNumber : null, Document.ConfirmDuplicate);
            var outcome = await verify.HandleAsync(id, row.Type, request, ct);
            if (outcome.Status == OutcomeStatus.NotFound)
            {
                return NotFound();
            }

            if (outcome.Succeeded)
            {
                saved.Add(RuleText.Label(row.Type!, lang));
                continue;
            }

            foreach (var failure in outcome.AllFailures)
            {
                ModelState.AddModelError(failure.Field == "passportNumber" ? "Document.PassportNumber" : $"Docs[{i}].Reference", failure.Message);
            }

            PassportDuplicates = passport ? outcome.Candidates ?? [] : PassportDuplicates;
        }

        if (ModelState.IsValid)
        {
            Confirm(string.Format(CultureInfo.CurrentCulture, text["Confirm_documents"], string.Join(", ", saved)));
            return Redirect($"/Workers/{id}#documents");
        }

        SavedNow = saved;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var worker = await WorkerQueries.LoadAsync(db, id, ct);
        if (worker is null)
        {
            return false;
        }

        Worker = worker;
        Today = clock.Today();
        Status = WorkerCoverage.On(worker, Today);
        Periods = MigrantCover.Domain.Coverage.Periods(WorkerCoverage.HistoryOf(worker, worker.Payments));
        History = await words.OfWorkerAsync(db, id, ct);
        Line = Timeline.Of(Periods, worker.RegisteredOn, Today);
        return true;
    }
}

/// <summary>The coverage time line drawn server-side as SVG (no inline styles: the CSP forbids them).</summary>
public sealed record Timeline(DateOnly From, DateOnly Until, double TodayX, IReadOnlyList<Timeline.Bar> Bars, IReadOnlyList<Timeline.Tick> Ticks)
{
    public const double Width = 1000;
    public const double Left = 60;

    public sealed record Bar(Programme Programme, int Row, double X, double Width, string CssClass, CoverPeriod Period);

    public sealed record Tick(double X, int Year);

    public static Timeline Of(IReadOnlyList<CoverPeriod> periods, DateOnly registeredOn, DateOnly today)
    {
        var from = periods.Count == 0 ? registeredOn : periods.Min(p => p.From);
        from = from < registeredOn ? from : registeredOn;
        var until = periods.Count == 0 ? today : periods.Max(p => p.Until);
        until = until > today ? until : today;
        from = from.AddDays(-15);
        until = until.AddDays(15);
        var span = Math.Max(1, until.DayNumber - from.DayNumber);
        double X(DateOnly d) => Left + ((Width - Left - 10) * (d.DayNumber - from.DayNumber) / span);
        var bars = periods.Select(p => new Bar(
            p.Programme,
            (int)p.Programme,
            X(p.From),
            Math.Max(2, X(p.Until.AddDays(1)) - X(p.From)),
            p.Phase switch
            {
                CoverPhase.PrePlacement => "tl-pre",
                CoverPhase.Placement => "tl-placement",
                CoverPhase.PostPlacement => "tl-post",
                _ => "tl-jht",
            },
            p)).ToList();
        var ticks = Enumerable.Range(from.Year + 1, Math.Max(0, until.Year - from.Year))
            .Select(y => new Tick(X(new DateOnly(y, 1, 1)), y)).ToList();
        return new Timeline(from, until, X(today), bars, ticks);
    }
}
