namespace MigrantCover.Domain;

/// <summary>The register body of the API (docs/api.md), typed; anything may be missing.</summary>
public sealed record RegistrationFacts
{
    public string? Nik { get; init; }

    public string? FamilyCardNumber { get; init; }

    public string? FullName { get; init; }

    public Sex? Sex { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    public string? PlaceOfBirth { get; init; }

    public string? Address { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public Purpose? Purpose { get; init; }

    public Category? Category { get; init; }

    public Scheme? Scheme { get; init; }

    public string? AgencyName { get; init; }

    public string? AgencyLicence { get; init; }

    public string? DestinationCountry { get; init; }

    public string? Occupation { get; init; }

    public string? EmployerName { get; init; }

    public int? ContractMonths { get; init; }

    public DateOnly? PlacementAgreementSignedOn { get; init; }

    /// <summary>Null means "today" (the API default).</summary>
    public DateOnly? RegisteredOn { get; init; }
}

/// <summary>
/// Everything the rule book says about registering a worker. Plain-text fields without a rule
/// (fullName, placeOfBirth, address, phone, email, occupation, employerName) are left to the web
/// validators: the rule book gives them no content rule.
/// </summary>
public static class Registration
{
    public const int MinContractMonths = 1;
    public const int MaxContractMonths = 120;

    public static IReadOnlyList<RuleFailure> Check(
        RegistrationFacts facts,
        DateOnly today,
        IEnumerable<PlacementRestriction> restrictions)
    {
        var failures = new List<RuleFailure>();
        var registeredOn = facts.RegisteredOn ?? today;

        // R-REG-1: registration date is a fact of the past, for back-filled records too.
        if (registeredOn > today)
        {
            failures.Add(RuleFailure.Of("R-REG-1", "registered.future", "registeredOn", ("today", Arg.Date(today))));
        }

        CheckPerson(facts, registeredOn, failures);
        CheckPlacement(facts, registeredOn, today, restrictions, failures);
        return failures;
    }

    private static void CheckPerson(RegistrationFacts facts, DateOnly registeredOn, List<RuleFailure> failures)
    {
        if (facts.DateOfBirth is not { } dob)
        {
            failures.Add(Required("R-AGE-1", "dateOfBirth"));
        }
        else if (dob > registeredOn)
        {
            // R-AGE-2: not in the future (nor after the registration date).
            failures.Add(RuleFailure.Of("R-AGE-2", "dob.future", "dateOfBirth", ("registeredOn", Arg.Date(registeredOn))));
        }
        else if (dob < registeredOn.AddYears(-Age.MaximumYearsAgo))
        {
            // R-AGE-2: not more than 100 years ago.
            failures.Add(RuleFailure.Of(
                "R-AGE-2",
                "dob.too-old",
                "dateOfBirth",
                ("earliestOn", Arg.Date(registeredOn.AddYears(-Age.MaximumYearsAgo)))));
        }
        else if (Age.On(dob, registeredOn) < Age.Minimum)
        {
            // R-AGE-1 (UU 18/2017 Pasal 5 huruf a): at least 18 on the registration date.
            failures.Add(RuleFailure.Of(
                "R-AGE-1",
                "age.too-young",
                "dateOfBirth",
                ("age", Arg.Int(Age.On(dob, registeredOn))),
                ("registeredOn", Arg.Date(registeredOn)),
                ("adultOn", Arg.Date(Age.Reaches(dob, Age.Minimum)))));
        }

        if (facts.Sex is null)
        {
            // R-NIK-3 needs the sex to read the NIK's day part.
            failures.Add(Required("R-NIK-3", "sex"));
        }

        if (facts.DateOfBirth is { } d && facts.Sex is { } sex)
        {
            failures.AddRange(Nik.CheckAgainst(facts.Nik, d, sex));
        }
        else if (!Nik.TryParse(facts.Nik, out _, out var nikFailure))
        {
            failures.Add(nikFailure!);
        }

        failures.AddRange(FamilyCardNumber.Check(facts.FamilyCardNumber));
    }

    private static void CheckPlacement(
        RegistrationFacts facts,
        DateOnly registeredOn,
        DateOnly today,
        IEnumerable<PlacementRestriction> restrictions,
        List<RuleFailure> failures)
    {
        // R-CAT-2 (UU 18/2017 Pasal 4 ayat 2): only going abroad to work can be registered.
        if (facts.Purpose is not { } purpose)
        {
            failures.Add(Required("R-CAT-2", "purpose"));
        }
        else if (purpose != Purpose.Work)
        {
            failures.Add(RuleFailure.Of("R-CAT-2", "purpose.excluded", "purpose", ("purpose", Codes.Of(purpose))));
        }

        // R-CAT-1 (Pasal 4 ayat 1): one of four categories.
        if (facts.Category is null)
        {
            failures.Add(Required("R-CAT-1", "category"));
        }

        // R-SCH-1 (Pasal 49, 63): a scheme; an agency needs its name and licence.
        if (facts.Scheme is null)
        {
            failures.Add(Required("R-SCH-1", "scheme"));
        }
        else if (facts.Scheme == Scheme.Agency)
        {
            if (string.IsNullOrWhiteSpace(facts.AgencyName))
            {
                failures.Add(RuleFailure.Of("R-SCH-1", "agency.name-required", "agencyName"));
            }

            if (string.IsNullOrWhiteSpace(facts.AgencyLicence))
            {
                failures.Add(RuleFailure.Of("R-SCH-1", "agency.licence-required", "agencyLicence"));
            }
        }

        // R-SCH-2 (Pasal 63): individual workers need a legal-entity employer.
        if (facts.Scheme == Scheme.Individual && facts.Category == Category.Domestic)
        {
            failures.Add(RuleFailure.Of("R-SCH-2", "scheme.individual-domestic", "scheme"));
        }

        var destinationFailure = CheckDestination(facts.DestinationCountry);
        if (destinationFailure is not null)
        {
            failures.Add(destinationFailure);
        }
        else if (facts.Category is { } category
            && Restrictions.Active(restrictions, facts.DestinationCountry, category, registeredOn) is { } blocking)
        {
            // R-DST-2: no registration against an active restriction.
            failures.Add(Restrictions.Failure(blocking, "destinationCountry"));
        }

        // R-COV-4 / R-TAR-3: the contract length prices and times the placement cover.
        if (facts.ContractMonths is not { } months)
        {
            failures.Add(Required("R-COV-4", "contractMonths"));
        }
        else if (months is < MinContractMonths or > MaxContractMonths)
        {
            failures.Add(RuleFailure.Of(
                "R-COV-4",
                "contract.range",
                "contractMonths",
                ("min", Arg.Int(MinContractMonths)),
                ("max", Arg.Int(MaxContractMonths))));
        }

        // R-PAY-3: the placement agreement date is a fact of the past.
        if (facts.PlacementAgreementSignedOn is { } signed && signed > today)
        {
            failures.Add(RuleFailure.Of("R-PAY-3", "agreement.future", "placementAgreementSignedOn", ("today", Arg.Date(today))));
        }
    }

    /// <summary>R-DST-1: an assigned ISO 3166-1 alpha-2 code in uppercase, not Indonesia.</summary>
    public static RuleFailure? CheckDestination(string? country)
    {
        const string field = "destinationCountry";
        if (string.IsNullOrWhiteSpace(country))
        {
            return Required("R-DST-1", field);
        }

        if (country == Countries.Indonesia)
        {
            return RuleFailure.Of("R-DST-1", "destination.indonesia", field);
        }

        return Countries.IsAssigned(country)
            ? null
            : RuleFailure.Of("R-DST-1", "destination.unknown", field, ("country", country));
    }

    internal static RuleFailure Required(string ruleId, string field) =>
        RuleFailure.Of(ruleId, "required", field, ("field", field));
}
