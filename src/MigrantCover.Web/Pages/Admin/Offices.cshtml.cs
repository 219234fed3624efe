using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Pages.Admin;

/// <summary>Service offices: list (with their staff), add, rename or re-classify. Codes never change; every change is audited (action "office").</summary>
public sealed class OfficesModel(AppDbContext db, TimeProvider clock, IValidator<OfficesModel.OfficeInput> validator, IStringLocalizer<AdminResource> text) : FormPageModel
{
    [BindProperty]
    public OfficeInput Input { get; set; } = new();

    public IReadOnlyList<Office> Offices { get; private set; } = [];

    public IReadOnlyDictionary<string, int> Staff { get; private set; } = new Dictionary<string, int>();

    public string? Done { get; private set; }

    public sealed record OfficeInput(string? Code = null, string? Name = null, string? Kind = null, string? ProvinceCode = null, string? RegencyCode = null);

    /// <summary>Code (capitals, digits, hyphens), name, kind, province, regency of that province; the page's texts.</summary>
    public sealed class OfficeValidator : AbstractValidator<OfficeInput>
    {
        public OfficeValidator(IStringLocalizer<AdminResource> text)
        {
            RuleFor(i => i.Code).Check((_, v) => IsCode(v?.Trim()), (_, _) => text["OfficeCodeInvalid"]);
            RuleFor(i => i.Name).Check((_, v) => Features.Validation.Input.Text(v, 150) is not null, (_, _) => text["OfficeNameRequired"]);
            RuleFor(i => i.Kind).Check((_, v) => v is not null && OfficeKinds.All.Contains(v), (_, _) => text["OfficeKindRequired"]);
            RuleFor(i => i.ProvinceCode).Check((_, v) => Provinces.IsValid(v), (_, _) => text["OfficeProvinceInvalid"]);
            RuleFor(i => i.RegencyCode).Check((i, v) => v?.Trim() is { Length: 4 } r && r.All(char.IsAsciiDigit) && r.StartsWith(i.ProvinceCode ?? "--", StringComparison.Ordinal), (_, _) => text["OfficeRegencyInvalid"]);
        }

        private static bool IsCode(string? v) => v is { Length: >= 2 and <= 20 } && v.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-');
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        ModelState.AddFailures(validator.Check(Input));
        var code = Input.Code?.Trim();
        if (!HasError("Input.Code") && await db.Offices.AnyAsync(o => o.Code == code))
        {
            ModelState.AddModelError("Input.Code", text["OfficeCodeTaken"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var office = new Office { Code = code!, Name = Input.Name!.Trim(), Kind = Input.Kind!, ProvinceCode = Input.ProvinceCode!, RegencyCode = Input.RegencyCode!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Offices.Add(office);
        db.AuditAdmin("office", "added", null, Describe(office));
        await db.SaveChangesAsync();
        TempData["Done"] = string.Format(CultureInfo.CurrentCulture, text["OfficeAdded"], office.Name);
        return RedirectToPage();
    }

    /// <summary>Renames or re-classifies an office; its code stays.</summary>
    public async Task<IActionResult> OnPostSaveAsync()
    {
        var office = await db.Offices.FirstOrDefaultAsync(o => o.Code == Input.Code);
        if (office is null)
        {
            return NotFound();
        }

        ModelState.AddFailures(validator.Check(Input));
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var before = Describe(office);
        office.Name = Input.Name!.Trim();
        office.Kind = Input.Kind!;
        office.ProvinceCode = Input.ProvinceCode!;
        office.RegencyCode = Input.RegencyCode!.Trim();
        db.AuditAdmin("office", "renamed", before, Describe(office));
        await db.SaveChangesAsync();
        TempData["Done"] = string.Format(CultureInfo.CurrentCulture, text["OfficeRenamed"], office.Name);
        return RedirectToPage();
    }

    private static string Describe(Office o) => $"{o.Code} {o.Kind} {o.ProvinceCode}/{o.RegencyCode} {o.Name}";

    private async Task LoadAsync()
    {
        Done = TempData["Done"] as string;
        Offices = await db.Offices.AsNoTracking().OrderBy(o => o.ProvinceCode).ThenBy(o => o.Name).ToListAsync();
        Staff = await db.Users.Where(u => u.OfficeCode != null).GroupBy(u => u.OfficeCode!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }
}
