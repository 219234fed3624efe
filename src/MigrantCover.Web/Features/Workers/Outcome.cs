using System.Globalization;
using MigrantCover.Domain;
using MigrantCover.Web.Infrastructure;

namespace MigrantCover.Web.Features.Workers;

/// <summary>One message for one field (camelCase API name), with the rule it comes from when there is one.</summary>
public sealed record FieldError(string Field, string Message, string? RuleId = null, long? ExpectedAmount = null)
{
    public static FieldError From(RuleFailure f) =>
        new(f.Field ?? "", RuleText.Format(f, Localization.Language), f.RuleId, f.ExpectedAmount);
}

public enum OutcomeStatus
{
    Ok,
    Created,
    Invalid,
    NotFound,
    Conflict,
}

/// <summary>What a shared write answers: the page and the API each turn it into their own response.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "The factories read best as Outcome<Worker>.Ok(worker).")]
public sealed record Outcome<T>(
    OutcomeStatus Status,
    T? Value = default,
    IReadOnlyList<FieldError>? Errors = null,
    string? Detail = null,
    IReadOnlyDictionary<string, object?>? Extras = null)
{
    public IReadOnlyList<FieldError> AllErrors => Errors ?? [];

    public bool Succeeded => Status is OutcomeStatus.Ok or OutcomeStatus.Created;

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value);

    public static Outcome<T> Created(T value) => new(OutcomeStatus.Created, value);

    public static Outcome<T> NotFound() => new(OutcomeStatus.NotFound);

    public static Outcome<T> Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeStatus.Invalid, Errors: errors);

    public static Outcome<T> Conflict(string detail, IReadOnlyList<FieldError>? errors = null, IReadOnlyDictionary<string, object?>? extras = null) =>
        new(OutcomeStatus.Conflict, Errors: errors, Detail: detail, Extras: extras);
}

/// <summary>Short bilingual texts of the shared writes, in the language of the request.</summary>
public static class Say
{
    public static string T(string id, string en) => Localization.Language == "en" ? en : id;

    private static readonly Dictionary<string, (string Id, string En)> Fields = new(StringComparer.Ordinal)
    {
        ["fullName"] = ("Nama lengkap", "full name"),
        ["placeOfBirth"] = ("Tempat lahir", "place of birth"),
        ["address"] = ("Alamat", "address"),
        ["phone"] = ("Nomor telepon", "phone number"),
        ["email"] = ("Email", "e-mail"),
        ["occupation"] = ("Jabatan/pekerjaan", "occupation"),
        ["employerName"] = ("Nama pemberi kerja", "employer name"),
        ["agencyName"] = ("Nama P3MI", "agency name"),
        ["agencyLicence"] = ("Nomor izin P3MI", "agency licence"),
        ["placementAgreementSignedOn"] = ("Tanggal perjanjian penempatan", "placement agreement date"),
        ["registeredOn"] = ("Tanggal pendaftaran", "registration date"),
        ["kind"] = ("Jenis iuran", "payment kind"),
        ["amount"] = ("Jumlah", "amount"),
        ["paidOn"] = ("Tanggal bayar", "payment date"),
        ["reference"] = ("Nomor referensi", "reference"),
        ["departedOn"] = ("Tanggal berangkat", "departure date"),
        ["arrivedOn"] = ("Tanggal tiba", "arrival date"),
        ["diedOn"] = ("Tanggal meninggal", "date of death"),
        ["occurredOn"] = ("Tanggal", "date"),
        ["reason"] = ("Alasan", "reason"),
        ["version"] = ("Versi", "version"),
        ["passportNumber"] = ("Nomor paspor", "passport number"),
        ["verified"] = ("Terverifikasi", "verified"),
    };

    public static string Label(string field, string language) =>
        Fields.TryGetValue(field, out var l) ? (language == "en" ? l.En : l.Id) : RuleText.Label(field, language);

    public static string Required(string field) => T(
        $"{Label(field, "id")} belum diisi. Isi kolom ini untuk melanjutkan.",
        $"The {Label(field, "en")} is missing. Fill it in to continue.");

    public static string TooLong(int max) => T(
        $"Terlalu panjang: paling banyak {max} karakter.",
        $"Too long: at most {max} characters.");

    public static string BadDate() => T(
        "Bukan tanggal yang benar. Gunakan format TTTT-BB-HH, misalnya 1995-07-09.",
        "Not a real date, use YYYY-MM-DD (for example 1995-07-09).");

    public static string BadCode(IEnumerable<string> allowed) => T(
        $"Pilihan tidak dikenal. Pilih salah satu: {string.Join(", ", allowed)}.",
        $"Unknown choice. Choose one of: {string.Join(", ", allowed)}.");

    public static string Stale() => T(
        "Data pekerja ini sudah diubah orang lain sejak Anda membukanya. Periksa data terbaru di bawah, lalu simpan lagi perubahan Anda.",
        "Someone else changed this worker since you opened it. Check the current values below, then save your change again.");
}

/// <summary>Reads the text fields of a request into typed values, collecting one clear message per bad field.</summary>
public sealed class InputReader
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public bool Has(string field) => _errors.Exists(e => e.Field == field);

    public void Add(string field, string message, string? ruleId = null) => _errors.Add(new FieldError(field, message, ruleId));

    public void Add(RuleFailure failure)
    {
        // A field whose format is already wrong gets no second "missing" message from the rules.
        if (failure.Field is null || !Has(failure.Field) || failure.Key != "required")
        {
            _errors.Add(FieldError.From(failure));
        }
    }

    /// <summary>A YYYY-MM-DD date; blank is null (and an error when required).</summary>
    public DateOnly? Date(string? value, string field, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, Say.Required(field));
            }

            return null;
        }

        if (value.Length <= 10 && DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        Add(field, Say.BadDate());
        return null;
    }

    /// <summary>A rule-book code such as "pre-placement"; blank is null.</summary>
    public T? Code<T>(string? value, string field, bool required = false)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, Say.Required(field));
            }

            return null;
        }

        if (value.Length <= 40 && Codes.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        Add(field, Say.BadCode(Codes.All<T>()));
        return null;
    }

    /// <summary>Trimmed text, null when blank; too long or missing-but-required is an error.</summary>
    public string? Text(string? value, string field, int max, bool required = false)
    {
        var s = value?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            if (required)
            {
                Add(field, Say.Required(field));
            }

            return null;
        }

        if (s.Length > max)
        {
            Add(field, Say.TooLong(max));
            return null;
        }

        return s;
    }
}
