namespace MigrantCover.Web.Data.Entities;

/// <summary>
/// A migrant worker (PMI) or candidate (CPMI), as registered by an officer. Personal data: never log it.
/// </summary>
public sealed class Worker
{
    public Guid Id { get; set; }

    public string Nik { get; set; } = "";

    public string FamilyCardNumber { get; set; } = "";

    public string FullName { get; set; } = "";

    /// <summary>Upper-cased, space-normalised name: the search key (prefix search uses its index).</summary>
    public string NameKey { get; set; } = "";

    public Sex Sex { get; set; }

    public DateOnly DateOfBirth { get; set; }

    public string PlaceOfBirth { get; set; } = "";

    public string Address { get; set; } = "";

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public Purpose Purpose { get; set; }

    public Category Category { get; set; }

    public Scheme Scheme { get; set; }

    public string? AgencyName { get; set; }

    public string? AgencyLicence { get; set; }

    /// <summary>ISO 3166-1 alpha-2 (R-DST-1).</summary>
    public string DestinationCountry { get; set; } = "";

    public string Occupation { get; set; } = "";

    public string? EmployerName { get; set; }

    /// <summary>Contract length agreed at registration, in months.</summary>
    public int ContractMonths { get; set; }

    /// <summary>Sum of the extensions recorded abroad (R-COV-5).</summary>
    public int ExtensionMonths { get; set; }

    public DateOnly? PlacementAgreementSignedOn { get; set; }

    public string? PassportNumber { get; set; }

    public Stage Stage { get; set; }

    /// <summary>Issued at the first payment and never changed (R-KPJ-2).</summary>
    public string? MembershipNumber { get; set; }

    public DateOnly RegisteredOn { get; set; }

    /// <summary>yyyymm of <see cref="RegisteredOn"/>, for monthly totals without date functions.</summary>
    public int RegisteredMonth { get; set; }

    /// <summary>First two digits of the NIK (province of origin).</summary>
    public string ProvinceCode { get; set; } = "";

    /// <summary>First four digits of the NIK (regency or city).</summary>
    public string RegencyCode { get; set; } = "";

    /// <summary>The office of the officer who registered the worker (<see cref="Office.Code"/>); none when registered by an account without one.</summary>
    public string? OfficeCode { get; set; }

    public DateOnly? DepartedOn { get; set; }

    public int? DepartedMonth { get; set; }

    public DateOnly? ArrivedOn { get; set; }

    public DateOnly? FailedDepartureOn { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    public DateOnly? DiedOn { get; set; }

    // The worker's current or last JKK/JKM cover period, recomputed from the domain on every write,
    // so that the admin gaps ("cover ending within 30 days") are index range scans, not a
    // computation over every worker.
    public CoverPhase? CoverPhase { get; set; }

    public DateOnly? CoveredFrom { get; set; }

    public DateOnly? CoveredUntil { get; set; }

    // Reminders consent (UU 27/2022 on personal data, docs/coverage.md "Reminders"): whether the worker
    // agreed to reminders, on which channels and since when, and the language they are written in. Every
    // change is audited like any other field of the worker; no message is queued or sent without it.
    public bool RemindersConsent { get; set; }

    /// <summary>The consented channels' codes, space-separated ("email sms whatsapp"); null without consent.</summary>
    public string? ReminderChannels { get; set; }

    /// <summary>The day consent was given or last changed.</summary>
    public DateOnly? ConsentOn { get; set; }

    /// <summary>The language of the worker's messages: "id" (default) or "en".</summary>
    public string PreferredLanguage { get; set; } = "id";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency token, incremented on every update.</summary>
    public long Version { get; set; }

    public List<DocumentVerification> Documents { get; set; } = [];

    public List<Payment> Payments { get; set; } = [];

    public List<StageEvent> StageEvents { get; set; } = [];

    public static string NameKeyOf(string fullName) =>
        string.Join(' ', fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToUpperInvariant();
}
