using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Features.Workers;

/// <summary>
/// An heir as typed (R-HEIR-3): the registration body's <c>heirs</c> items, the heir endpoints' body
/// (with <c>reason</c> for a correction) and the heir forms. Dates and codes are text, as the register body.
/// </summary>
public sealed record HeirInput
{
    public const int MaxHeirs = 20;

    public string? FullName { get; set; }

    public string? Relationship { get; set; }

    public string? Sex { get; set; }

    public string? DateOfBirth { get; set; }

    public string? Nik { get; set; }

    public string? Phone { get; set; }

    /// <summary>R-HEIR-6: why a correction is made (the correction endpoint only).</summary>
    public string? Reason { get; set; }

    public bool IsEmpty =>
        Input.IsBlank(FullName) && Input.IsBlank(Relationship) && Input.IsBlank(Sex) && Input.IsBlank(DateOfBirth) && Input.IsBlank(Nik) && Input.IsBlank(Phone);

    public HeirFacts ToFacts() => new()
    {
        FullName = Input.Text(FullName, RegisterWorker.Max.FullName),
        Relationship = Input.Code<HeirRelationship>(Relationship),
        Sex = Input.Code<Sex>(Sex),
        DateOfBirth = Input.Date(DateOfBirth),
        Nik = Nik is { Length: > 40 } n ? n[..40] + "?" : Input.Text(Nik),
        Phone = Input.Text(Phone, RegisterWorker.Max.Phone),
    };

    /// <summary>The shape of one heir; its content is the rule book's (<see cref="Heirs.Check"/>).</summary>
    public sealed class Validator : AbstractValidator<HeirInput>
    {
        public Validator()
        {
            RuleFor(r => r.FullName).Text(RegisterWorker.Max.FullName);
            RuleFor(r => r.Relationship).Code<HeirInput, HeirRelationship>();
            RuleFor(r => r.Sex).Code<HeirInput, Sex>();
            RuleFor(r => r.DateOfBirth).IsoDate();
            RuleFor(r => r.Phone).Phone(RegisterWorker.Max.Phone);
            RuleFor(r => r.Reason).Text(500);
        }
    }

    /// <summary>
    /// Every failure of a list of heirs (the registration body): the shape, then R-HEIR-3 per heir under
    /// <c>heirs[i].</c>; the input failures of a field come first and the rule's "required" is not repeated.
    /// </summary>
    public static List<Failure> CheckAll(IReadOnlyList<HeirInput?>? heirs, string? workerNik, DateOnly today, IValidator<HeirInput> validator)
    {
        var failures = new List<Failure>();
        if (heirs is null || heirs.Count == 0)
        {
            return failures;
        }

        if (heirs.Count > MaxHeirs)
        {
            failures.Add(Failure.Input("heirs", "heirs.too-many", ("max", MaxHeirs.ToString(CultureInfo.InvariantCulture))));
            return failures;
        }

        var list = heirs.Select(h => h ?? new HeirInput()).ToList();
        var input = new List<Failure>();
        for (var i = 0; i < list.Count; i++)
        {
            var prefix = string.Create(CultureInfo.InvariantCulture, $"heirs[{i}].");
            input.AddRange(validator.Check(list[i]).Select(f => f with { Field = prefix + f.Field }));
        }

        return RuleBook.After(input, Heirs.CheckAll([.. list.Select(h => h.ToFacts())], workerNik, today));
    }

    /// <summary>One heir's failures (the heir endpoints), fields without a prefix.</summary>
    public static List<Failure> Check(HeirInput heir, string? workerNik, DateOnly today, IValidator<HeirInput> validator) =>
        RuleBook.After(validator.Check(heir), Heirs.Check(heir.ToFacts(), workerNik, today));

    /// <summary>Copies checked facts onto an heir (new or corrected).</summary>
    public static void Apply(HeirFacts f, Heir h)
    {
        h.FullName = f.FullName!;
        h.Relationship = f.Relationship!.Value;
        h.Sex = f.Sex!.Value;
        h.DateOfBirth = f.DateOfBirth!.Value;
        h.Nik = Input.Text(f.Nik);
        h.Phone = f.Phone;
    }

    /// <summary>A new heir of <paramref name="workerId"/> from checked input.</summary>
    public static Heir NewHeir(HeirInput input, Guid workerId, DateTimeOffset now, string by)
    {
        var h = new Heir { Id = Guid.CreateVersion7(), WorkerId = workerId, CreatedAt = now, CreatedBy = by };
        Apply(input.ToFacts(), h);
        return h;
    }
}
