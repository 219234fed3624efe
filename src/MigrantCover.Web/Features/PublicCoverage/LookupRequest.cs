using MigrantCover.Web.Features.Validation;

namespace MigrantCover.Web.Features.PublicCoverage;

/// <summary>
/// A coverage lookup, from the API's body or the page's form: <c>membershipNumber</c> or <c>nik</c>, and
/// <c>dateOfBirth</c>; a lookup by NIK also needs <c>familyCardNumber</c> (the NIK holds the date of birth,
/// R-NIK-3, so it is no second factor: decision 0009). Both read the date of birth the same way
/// (<see cref="DateOfBirthOf"/>) and are checked by the same <see cref="Validator"/> and
/// <see cref="CoverageLookups.Validate"/>.
/// </summary>
public sealed record LookupRequest(string? MembershipNumber, string? Nik, string? DateOfBirth, string? FamilyCardNumber = null)
{
    /// <summary>The date as written on an identity card or picked in a date field: 1995-07-09, 9/7/1995, 9-7-1995, 9.7.1995.</summary>
    public static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d-M-yyyy", "d.M.yyyy"];

    public static DateOnly? DateOfBirthOf(string? value) =>
        !Input.IsBlank(value) && value!.Length <= 10 && DateOnly.TryParseExact(value.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    /// <summary>
    /// The page's one identifier field (spaces, dots and hyphens ignored): 16 digits are a NIK, anything
    /// else is read as a membership number; <paramref name="failure"/> is the page's own message when it
    /// is blank or neither length, to show instead of the identifier's failure.
    /// </summary>
    public static LookupRequest FromIdentifier(string? identifier, string? dateOfBirth, string? familyCardNumber, out Failure? failure)
    {
        var digits = new string((identifier ?? "").Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-')).ToArray());
        failure = digits.Length switch
        {
            0 => Failure.Input("identifier", "lookup.identifier-required"),
            11 or 16 => null,
            _ => Failure.Input("identifier", "lookup.identifier-format", ("length", digits.Length.ToString(CultureInfo.InvariantCulture))),
        };
        return digits.Length == 16 ? new(null, digits, dateOfBirth, DigitsOf(familyCardNumber)) : new(digits, null, dateOfBirth);
    }

    /// <summary>The family card number as typed, spaces, dots and hyphens ignored (null when blank).</summary>
    public static string? DigitsOf(string? value) =>
        Input.IsBlank(value) ? null : new string(value!.Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-')).ToArray());

    public sealed class Validator : AbstractValidator<LookupRequest>
    {
        public Validator() =>
            RuleFor(r => r.DateOfBirth)
                .Required("lookup.dob-required")
                .Check((_, v) => Input.IsBlank(v) || DateOfBirthOf(v) is not null, "lookup.dob-format");
    }
}
