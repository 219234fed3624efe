using MigrantCover.Domain;

namespace MigrantCover.Testing;

/// <summary>
/// The one sample worker of the tests, the register example of docs/api.md: Siti Aminah, born 9 July 1995
/// in Cilacap, a domestic worker placed by an agency in Hong Kong for 24 months. The domain tests vary her
/// facts with <c>with</c>; the web tests register her (with a NIK and name of their own each time).
/// Linked into both test projects.
/// </summary>
public static class SampleWorker
{
    public static RegistrationFacts Facts => new()
    {
        Nik = "3302224907950003",
        FamilyCardNumber = "3302220101090007",
        FullName = "Siti Aminah",
        Sex = Sex.Female,
        DateOfBirth = new DateOnly(1995, 7, 9),
        PlaceOfBirth = "Cilacap",
        Address = "Jl. Merdeka 1, Cilacap",
        Phone = "+6281234567890",
        Purpose = Purpose.Work,
        Category = Category.Domestic,
        Scheme = Scheme.Agency,
        AgencyName = "PT Contoh Jaya",
        AgencyLicence = "KEP.123/2024",
        DestinationCountry = "HK",
        Occupation = "caregiver",
        ContractMonths = 24,
        PlacementAgreementSignedOn = new DateOnly(2026, 1, 5),
        RegisteredOn = new DateOnly(2026, 1, 6),
    };
}
