using MigrantCover.Web.Features.Workers;

namespace MigrantCover.Web.Features.Imports;

/// <summary>
/// The columns of an import file: the register body's field names (docs/api.md), in its order. A file
/// names each column once, in any order; the required ones must be there (a blank cell is then the
/// row's own error, with its rule).
/// </summary>
public static class ImportColumns
{
    public static readonly string[] All =
    [
        "nik", "familyCardNumber", "fullName", "sex", "dateOfBirth", "placeOfBirth", "address", "phone", "email",
        "purpose", "category", "scheme", "agencyName", "agencyLicence", "destinationCountry", "occupation",
        "employerName", "contractMonths", "placementAgreementSignedOn", "registeredOn",
    ];

    /// <summary>Fields every registration needs (R-REG-1, R-NIK-3, R-AGE-1, R-CAT-*, R-SCH-1, R-DST-1, R-COV-4 and the required texts).</summary>
    public static readonly string[] Required =
    [
        "nik", "familyCardNumber", "fullName", "sex", "dateOfBirth", "placeOfBirth", "address",
        "purpose", "category", "scheme", "destinationCountry", "occupation", "contractMonths",
    ];

    public static readonly string[] Dates = ["dateOfBirth", "placementAgreementSignedOn", "registeredOn"];

    /// <summary>The column name as the file has it, matched without regard to case and surrounding spaces.</summary>
    public static string? Match(string header)
    {
        var h = header.Trim();
        return Array.Find(All, c => string.Equals(c, h, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A row's cells as the register body: dates given as DD/MM/YYYY become YYYY-MM-DD (anything else is
    /// passed on as written, for the validators to refuse next to its field); a contract length that is
    /// not a whole number is an input failure of its own.
    /// </summary>
    public static RegisterWorker.Request ToRequest(IReadOnlyDictionary<string, string?> cells, out bool badNumber)
    {
        string? Get(string name) => cells.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        string? Date(string name) => NormalizeDate(Get(name));

        badNumber = false;
        int? months = null;
        if (Get("contractMonths") is { } m)
        {
            if (int.TryParse(m, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                months = parsed;
            }
            else
            {
                badNumber = true;
            }
        }

        return new RegisterWorker.Request
        {
            Nik = Get("nik"),
            FamilyCardNumber = Get("familyCardNumber"),
            FullName = Get("fullName"),
            Sex = Get("sex"),
            DateOfBirth = Date("dateOfBirth"),
            PlaceOfBirth = Get("placeOfBirth"),
            Address = Get("address"),
            Phone = Get("phone"),
            Email = Get("email"),
            Purpose = Get("purpose"),
            Category = Get("category"),
            Scheme = Get("scheme"),
            AgencyName = Get("agencyName"),
            AgencyLicence = Get("agencyLicence"),
            DestinationCountry = Get("destinationCountry"),
            Occupation = Get("occupation"),
            EmployerName = Get("employerName"),
            ContractMonths = months,
            PlacementAgreementSignedOn = Date("placementAgreementSignedOn"),
            RegisteredOn = Date("registeredOn"),

            // A possible duplicate (same name and date of birth, another NIK) is kept and listed for review.
            ConfirmDuplicate = null,
        };
    }

    /// <summary>DD/MM/YYYY (Indonesian spreadsheets) to YYYY-MM-DD; other text unchanged.</summary>
    public static string? NormalizeDate(string? value) =>
        value is { Length: >= 8 and <= 10 } v && v.Contains('/', StringComparison.Ordinal)
        && DateOnly.TryParseExact(v, ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? Validation.Input.Iso(d)
            : value;
}
