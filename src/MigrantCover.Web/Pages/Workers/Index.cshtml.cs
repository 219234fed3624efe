using MigrantCover.Web.Features.Workers;

namespace MigrantCover.Web.Pages.Workers;

/// <summary>
/// Finding a worker. Filters are GET parameters; the search box posts, so that a NIK, membership or
/// passport number never appears in a URL or an access log.
/// </summary>
public sealed class IndexModel(WorkerSearch.Handler search, Worklist.Handler worklist, AppDbContext db) : FormPageModel
{
    // Named: without a name, a request with no "Filter." value binds the record from the empty prefix,
    // and its Page takes the route value "page" ("/Workers/Index"), which is not a number.
    [BindProperty(SupportsGet = true, Name = "Filter")]
    public WorkerSearch.Filter Filter { get; set; } = new();

    public WorkerSearch.Result? Result { get; private set; }

    public bool Searching => !string.IsNullOrWhiteSpace(Filter.Search);

    /// <summary>The office's worklist (landing page without filters), or none for an account without an office.</summary>
    public Worklist.Result? Work { get; private set; }

    public string? OfficeName { get; private set; }

    /// <summary>True when the list was opened without any filter: the worklist leads the page.</summary>
    public bool Landing => Filter is { Stage: null or "", DestinationCountry: null or "", Province: null or "", Scheme: null or "", Page: null or 1 };

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Never from the query string: identifiers stay out of URLs.
        Filter = Filter with { Search = null };
        if (Landing && await WorkerQueries.OfficeOfAsync(db, ct) is { } office)
        {
            OfficeName = await db.Offices.Where(o => o.Code == office).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? office;
            Work = await worklist.RunAsync(office, ct);
        }

        await RunAsync(ct);
    }

    public async Task OnPostAsync(CancellationToken ct) => await RunAsync(ct);

    private async Task RunAsync(CancellationToken ct)
    {
        ModelState.FixNumberBinding("Filter.Page");
        ModelState.FixNumberBinding("Filter.PageSize");
        if (ModelState.ErrorCount > 0)
        {
            return;
        }

        var outcome = await search.RunAsync(Filter, ct);
        if (outcome.Succeeded)
        {
            Result = outcome.Value;
        }
        else
        {
            ModelState.AddFailures(outcome.AllFailures, ["search", "stage", "destinationCountry", "province", "scheme", "page", "pageSize"], "Filter");
        }
    }
}
