using MigrantCover.Web.Features.Stats;
using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Pages.Admin;

/// <summary>R-DST-2 placement restrictions: view, add, end-date (set ValidTo). Never deleted.</summary>
public sealed class RestrictionsModel(AppDbContext db, EnrollmentStats stats, TimeProvider clock, IValidator<RestrictionsModel.AddInput> validator, IStringLocalizer<AdminResource> text) : FormPageModel
{
    [BindProperty]
    public AddInput Input { get; set; } = new();

    public IReadOnlyList<PlacementRestrictionRule> Rules { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Done { get; private set; }

    public sealed record AddInput(string? CountryCode = null, string? Category = null, string? ValidFrom = null, string? LegalBasis = null);

    /// <summary>R-DST-1 country, a category, the date it starts and its legal basis; the page's texts.</summary>
    public sealed class AddValidator : AbstractValidator<AddInput>
    {
        public AddValidator(IStringLocalizer<AdminResource> text)
        {
            RuleFor(i => i.CountryCode).Check((_, v) => Countries.IsAssigned(v?.Trim().ToUpperInvariant()), (_, _) => text["RestrictionCountryInvalid"]);
            RuleFor(i => i.Category).Check((_, v) => Features.Validation.Input.Code<Category>(v) is not null, (_, _) => text["RestrictionCategoryRequired"]);
            RuleFor(i => i.ValidFrom).Check((_, v) => Features.Validation.Input.Date(v) is not null, (_, _) => text["RestrictionDateInvalid"]);
            RuleFor(i => i.LegalBasis).Check((_, v) => Features.Validation.Input.Text(v, 200) is not null, (_, _) => text["RestrictionBasisRequired"]).Plain();
        }
    }

    public bool IsActive(PlacementRestrictionRule r) => r.ValidFrom <= Today && (r.ValidTo is null || Today <= r.ValidTo);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        ModelState.AddFailures(validator.Check(Input));
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var country = Input.CountryCode!.Trim().ToUpperInvariant();
        var category = Features.Validation.Input.Code<Category>(Input.Category)!.Value;
        db.PlacementRestrictions.Add(new PlacementRestrictionRule
        {
            CountryCode = country,
            Category = category,
            ValidFrom = Features.Validation.Input.Date(Input.ValidFrom)!.Value,
            LegalBasis = Input.LegalBasis!.Trim(),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = User.Identity?.Name ?? "admin",
        });
        db.AuditAdmin("restriction", "added", null, $"{country} {Codes.Of(category)} {Input.ValidFrom!.Trim()} {Input.LegalBasis!.Trim()}");
        await db.SaveChangesAsync();
        TempData["Done"] = string.Format(CultureInfo.CurrentCulture, text["RestrictionAdded"], Countries.Name(country, Infrastructure.Localization.Language), RuleText.Label(Codes.Of(category), Infrastructure.Localization.Language));
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
        var end = Features.Validation.Input.Date(validTo) ?? default;
        if (end == default)
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
        db.AuditAdmin("restriction", "ended", $"{rule.CountryCode} {Codes.Of(rule.Category)} {Features.Validation.Input.Iso(rule.ValidFrom)}", $"{rule.CountryCode} {Codes.Of(rule.Category)} {Features.Validation.Input.Iso(rule.ValidFrom)} – {Features.Validation.Input.Iso(end)}");
        await db.SaveChangesAsync();
        TempData["Done"] = string.Format(CultureInfo.CurrentCulture, text["RestrictionEnded"], Countries.Name(rule.CountryCode, Infrastructure.Localization.Language), RuleText.Date(end, Infrastructure.Localization.Language));
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Done = TempData["Done"] as string;
        Today = stats.Today;
        Rules = await db.PlacementRestrictions.AsNoTracking().OrderBy(r => r.CountryCode).ThenBy(r => r.ValidFrom).ToListAsync();
    }
}
