namespace MigrantCover.Domain;

/// <summary>
/// Nomor Induk Kependudukan: <c>PP KK CC DDMMYY SSSS</c> (R-NIK-1). A parsed value has passed the shape
/// checks (R-NIK-1, R-NIK-2); <see cref="CheckAgainst"/> adds the date-of-birth and sex check (R-NIK-3).
/// </summary>
public readonly record struct Nik
{
    public const string Field = "nik";

    private Nik(string value)
    {
        Value = value;
    }

    public string Value { get; }

    public string ProvinceCode => Value[..2];

    /// <summary>Regency or city code, with its province: <c>PPKK</c>.</summary>
    public string RegencyCode => Value[..4];

    /// <summary>District (kecamatan) code, with province and regency: <c>PPKKCC</c>.</summary>
    public string DistrictCode => Value[..6];

    /// <summary>The day part as written, 1..31 for men and 41..71 for women.</summary>
    public int Day => Two(6);

    public int Month => Two(8);

    public int TwoDigitYear => Two(10);

    public int Serial => ((Value[12] - '0') * 1000) + ((Value[13] - '0') * 100) + ((Value[14] - '0') * 10) + (Value[15] - '0');

    // R-NIK-3: women's day part is the day of birth plus 40.
    public Sex Sex => Day > 40 ? Sex.Female : Sex.Male;

    public int BirthDay => Day > 40 ? Day - 40 : Day;

    public string? ProvinceName => Provinces.NameOf(ProvinceCode);

    public override string ToString() => Value ?? string.Empty;

    /// <summary>
    /// The date of birth the NIK encodes, choosing the latest century that puts it on or before
    /// <paramref name="referenceDate"/> (interpretation, see docs/rules.md). Null when the day does not
    /// exist in that year (29 February of a non-leap year).
    /// </summary>
    public DateOnly? ImpliedDateOfBirth(DateOnly referenceDate)
    {
        var century = referenceDate.Year / 100 * 100;
        for (var c = century; c >= century - 100; c -= 100)
        {
            var year = c + TwoDigitYear;
            if (BirthDay > DateTime.DaysInMonth(year, Month))
            {
                continue;
            }

            var date = new DateOnly(year, Month, BirthDay);
            if (date <= referenceDate)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>Shape checks only: R-NIK-1 (16 digits, a possible day and month) and R-NIK-2.</summary>
    public static bool TryParse(string? input, out Nik nik, out RuleFailure? failure)
    {
        nik = default;
        var s = input?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            // R-REG-1 (Permenaker 4/2023 Pasal 9): registration needs the NIK.
            failure = RuleFailure.Of("R-REG-1", "nik.required", Field);
            return false;
        }

        // R-NIK-1: 16 digits.
        if (s.Length != 16 || !AllDigits(s))
        {
            failure = RuleFailure.Of("R-NIK-1", "nik.format", Field, ("length", Arg.Int(s.Length)));
            return false;
        }

        var candidate = new Nik(s);

        // R-NIK-2: a known province, regency and district not 00, serial not 0000.
        if (!Provinces.IsValid(candidate.ProvinceCode))
        {
            failure = RuleFailure.Of("R-NIK-2", "nik.province", Field, ("province", candidate.ProvinceCode));
            return false;
        }

        if (s[2] == '0' && s[3] == '0')
        {
            failure = RuleFailure.Of("R-NIK-2", "nik.regency", Field);
            return false;
        }

        if (s[4] == '0' && s[5] == '0')
        {
            failure = RuleFailure.Of("R-NIK-2", "nik.district", Field);
            return false;
        }

        if (candidate.Serial == 0)
        {
            failure = RuleFailure.Of("R-NIK-2", "nik.serial", Field);
            return false;
        }

        // R-NIK-1: DDMMYY must be a possible date (day 1..31 or 41..71, month 1..12). The year's
        // century is unknown here, so 29 February is accepted and checked against the date of birth.
        var month = candidate.Month;
        var day = candidate.BirthDay;
        var rawDay = candidate.Day;
        if (month is < 1 or > 12 || rawDay is 0 or (> 31 and < 41) or > 71 || day > DateTime.DaysInMonth(2000, month))
        {
            failure = RuleFailure.Of(
                "R-NIK-1",
                "nik.date",
                Field,
                ("dayPart", Arg.Two(rawDay)),
                ("monthPart", Arg.Two(month)));
            return false;
        }

        nik = candidate;
        failure = null;
        return true;
    }

    /// <summary>R-NIK-1..3: shape, then day (with the sex offset), month and year against the date of birth.</summary>
    public static IReadOnlyList<RuleFailure> CheckAgainst(string? nik, DateOnly dateOfBirth, Sex sex)
    {
        if (!TryParse(nik, out var parsed, out var failure))
        {
            return [failure!];
        }

        var failures = new List<RuleFailure>(3);

        // R-NIK-3 (day): women's day part is the day of birth plus 40.
        var expectedDay = dateOfBirth.Day + (sex == Sex.Female ? 40 : 0);
        if (parsed.Day != expectedDay)
        {
            var args = new (string, string)[]
            {
                ("dayPart", Arg.Two(parsed.Day)),
                ("birthDay", Arg.Int(dateOfBirth.Day)),
                ("expectedDayPart", Arg.Two(expectedDay)),
                ("maleDayPart", Arg.Two(dateOfBirth.Day)),
                ("femaleDayPart", Arg.Two(dateOfBirth.Day + 40)),
            };
            var key = parsed.BirthDay == dateOfBirth.Day
                ? (sex == Sex.Female ? "nik.day-female" : "nik.day-male")
                : "nik.day";
            failures.Add(RuleFailure.Of("R-NIK-3", key, Field, args));
        }

        // R-NIK-3 (month).
        if (parsed.Month != dateOfBirth.Month)
        {
            failures.Add(RuleFailure.Of(
                "R-NIK-3",
                "nik.month",
                Field,
                ("monthPart", Arg.Two(parsed.Month)),
                ("expectedMonthPart", Arg.Two(dateOfBirth.Month))));
        }

        // R-NIK-3 (year): the NIK carries the last two digits of the year of birth.
        if (parsed.TwoDigitYear != dateOfBirth.Year % 100)
        {
            failures.Add(RuleFailure.Of(
                "R-NIK-3",
                "nik.year",
                Field,
                ("yearPart", Arg.Two(parsed.TwoDigitYear)),
                ("expectedYearPart", Arg.Two(dateOfBirth.Year % 100)),
                ("birthYear", Arg.Int(dateOfBirth.Year))));
        }

        return failures;
    }

    /// <summary>Builds a NIK (for demo data and tests): R-NIK-1 layout with the R-NIK-3 day offset.</summary>
    public static string Build(string provinceCode, string regency2, string district2, DateOnly dob, Sex sex, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(serial, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 9999);
        if (!Provinces.IsValid(provinceCode))
        {
            throw new ArgumentException("Unknown province code.", nameof(provinceCode));
        }

        if (regency2 is not { Length: 2 } || !AllDigits(regency2) || regency2 == "00")
        {
            throw new ArgumentException("Regency must be two digits, not 00.", nameof(regency2));
        }

        if (district2 is not { Length: 2 } || !AllDigits(district2) || district2 == "00")
        {
            throw new ArgumentException("District must be two digits, not 00.", nameof(district2));
        }

        var day = dob.Day + (sex == Sex.Female ? 40 : 0);
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{provinceCode}{regency2}{district2}{day:00}{dob.Month:00}{dob.Year % 100:00}{serial:0000}");
    }

    internal static bool AllDigits(string s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private int Two(int at) => ((Value[at] - '0') * 10) + (Value[at + 1] - '0');
}
