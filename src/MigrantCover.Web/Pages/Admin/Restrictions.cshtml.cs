using MigrantCover.Web.Features.Stats;

namespace MigrantCover.Web.Pages.Admin;

/// <summary>R-DST-2 placement restrictions: view, add, end-date (set ValidTo). Never deleted.</summary>
public sealed class RestrictionsModel(AppDbContext db, EnrollmentStats stats, TimeProvider clock, IStringLocalizer<AdminResource> text) : FormPageModel
{
    [BindProperty]
    public AddInput Input { get; set; } = new();

    public IReadOnlyList<PlacementRestrictionRule> Rules { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Done { get; private set; }

    public sealed record AddInput(string? CountryCode = null, string? Category = null, string? ValidFrom = null, string? LegalBasis = null);

    public bool IsActive(PlacementRestrictionRule r) => r.ValidFrom <= Today && (r.ValidTo is null || Today <= r.ValidTo);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        var country = Input.CountryCode?.Trim().ToUpperInvariant();
        if (!Countries.IsAssigned(country))
        {
            // R-DST-1: an ISO 3166-1 alpha-2 code.
            ModelState.AddModelError("Input.CountryCode", text["RestrictionCountryInvalid"]);
        }

        if (!Codes.TryParse<Category>(Input.Category, out var category))
        {
            ModelState.AddModelError("Input.Category", text["RestrictionCategoryRequired"]);
        }

        if (!TryDate(Input.ValidFrom, out var validFrom))
        {
            ModelState.AddModelError("Input.ValidFrom", text["RestrictionDateInvalid"]);
        }

        var basis = Input.LegalBasis?.Trim();
        if (string.IsNullOrEmpty(basis) || basis.Length > 200)
        {
            ModelState.AddModelError("Input.LegalBasis", text["RestrictionBasisRequired"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        db.PlacementRestrictions.Add(new PlacementRestrictionRule
        {
            CountryCode = country!,
            Category = category,
            ValidFrom = validFrom,
            LegalBasis = basis!,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = User.Identity?.Name ?? "admin",
        });
        await db.SaveChangesAsync();
        TempData["Done"] = string.Format(CultureInfo.CurrentCulture, text["RestrictionAdded"], country, RuleText.Label(Codes.Of(category), Infrastructure.Localization.Language));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndAsync(int id, string? validTo)
    {
        var rule = await db.PlacementRestrictions.FirstOrDefaultAsync(r => r.Id == id);
        if (rule is null)
        {
            return NotFound();
        }

        var key = "validTo-" + id.ToString(CultureInfo.InvariantCulture);
        if (!TryDate(validTo, out var end))
        {
            ModelState.AddModelError(key, text["RestrictionDateInvalid"]);
        }
        else if (end < rule.ValidFrom)
        {
            ModelState.AddModelError(key, string.Format(CultureInfo.CurrentCulture, text["RestrictionEndBeforeStart"], RuleText.Date(rule.ValidFrom, Infrastructure.Localization.Language)));
        }
        else if (rule.ValidTo is not null)
        {
            ModelState.AddModelError(key, text["RestrictionAlreadyEnded"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        rule.ValidTo = end;
        await db.SaveChangesAsync();
        TempData["Done"] = string.Format(CultureInfo.CurrentCulture, text["RestrictionEnded"], rule.CountryCode, RuleText.Date(end, Infrastructure.Localization.Language));
        return RedirectToPage();
    }

    private static bool TryDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private async Task LoadAsync()
    {
        Done = TempData["Done"] as string;
        Today = stats.Today;
        Rules = await db.PlacementRestrictions.AsNoTracking().OrderBy(r => r.CountryCode).ThenBy(r => r.ValidFrom).ToListAsync();
    }
}
