using MigrantCover.Domain;
using MigrantCover.Web.Data.Entities;

namespace MigrantCover.Web.Tests;

/// <summary>Valid records to arrange tests with; every call gives a new NIK.</summary>
public static class TestData
{
    private static int _serial;

    public static Worker Worker() => new()
    {
        Id = Guid.CreateVersion7(),
        Nik = $"330222490795{(Interlocked.Increment(ref _serial) % 9999) + 1:0000}",
        FamilyCardNumber = "3302220101090007",
        FullName = "Siti Aminah",
        Sex = Sex.Female,
        DateOfBirth = new DateOnly(1995, 7, 9),
        PlaceOfBirth = "Cilacap",
        Address = "Jl. Merdeka 1, Cilacap",
        Phone = "+6281234567890",
        Email = $"siti{_serial}@example.id",
        Purpose = Purpose.Work,
        Category = Category.Domestic,
        Scheme = Scheme.Agency,
        AgencyName = "PT Contoh Jaya",
        AgencyLicence = "KEP.123/2024",
        DestinationCountry = "HK",
        Occupation = "caregiver",
        ContractMonths = 24,
        PlacementAgreementSignedOn = new DateOnly(2026, 1, 5),
        Stage = Stage.Candidate,
        RegisteredOn = new DateOnly(2026, 1, 6),
    };
}
