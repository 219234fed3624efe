namespace MigrantCover.Domain;

/// <summary>Kartu Keluarga number (R-KK-1).</summary>
public static class FamilyCardNumber
{
    public const string Field = "familyCardNumber";

    public static IReadOnlyList<RuleFailure> Check(string? input)
    {
        var s = input?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            // R-REG-1 (Permenaker 4/2023 Pasal 9): registration needs the KK.
            return [RuleFailure.Of("R-REG-1", "kk.required", Field)];
        }

        // R-KK-1: 16 digits with a valid province code first.
        if (s.Length != 16 || !Nik.AllDigits(s))
        {
            return [RuleFailure.Of("R-KK-1", "kk.format", Field, ("length", Arg.Int(s.Length)))];
        }

        if (!Provinces.IsValid(s[..2]))
        {
            return [RuleFailure.Of("R-KK-1", "kk.province", Field, ("province", s[..2]))];
        }

        return [];
    }
}

/// <summary>
/// Membership number (nomor kepesertaan, KPJ), issued by MigrantCover (R-KPJ-1, interpretation):
/// 2 digits of the issuing year, 8 digits of sequence, 1 Luhn check digit.
/// </summary>
public static class MembershipNumber
{
    public const string Field = "membershipNumber";
    public const long MaxSequence = 99_999_999;

    // R-KPJ-1
    public static string Issue(int year, long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 2099);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, MaxSequence);
        Span<char> digits = stackalloc char[11];
        (year % 100).TryFormat(digits[..2], out _, "00", System.Globalization.CultureInfo.InvariantCulture);
        sequence.TryFormat(digits[2..10], out _, "00000000", System.Globalization.CultureInfo.InvariantCulture);
        digits[10] = (char)('0' + LuhnCheckDigit(digits[..10]));
        return new string(digits);
    }

    public static bool IsValid(string? input)
    {
        var s = input?.Trim();
        return s is { Length: 11 } && Nik.AllDigits(s) && LuhnCheckDigit(s.AsSpan(0, 10)) == s[10] - '0';
    }

    /// <summary>R-KPJ-1: answered before any database access.</summary>
    public static RuleFailure? Check(string? input)
    {
        var s = input?.Trim();
        if (string.IsNullOrEmpty(s))
        {
            return RuleFailure.Of("R-KPJ-1", "kpj.required", Field);
        }

        if (s.Length != 11 || !Nik.AllDigits(s))
        {
            return RuleFailure.Of("R-KPJ-1", "kpj.format", Field, ("length", Arg.Int(s.Length)));
        }

        return IsValid(s) ? null : RuleFailure.Of("R-KPJ-1", "kpj.check-digit", Field);
    }

    /// <summary>Luhn: double every second digit from the right of the payload.</summary>
    internal static int LuhnCheckDigit(ReadOnlySpan<char> payload)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = payload.Length - 1; i >= 0; i--)
        {
            var d = payload[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10;
    }
}

/// <summary>Passport number (R-DOC-2): 1–2 uppercase letters and 6–8 digits, deliberately loose.</summary>
public static class PassportNumber
{
    public const string Field = "passportNumber";

    public static string? Normalize(string? input)
    {
        var s = input?.Trim();
        return string.IsNullOrEmpty(s) ? null : s.ToUpperInvariant();
    }

    // R-DOC-2 (interpretation: the format is loose because sources disagree)
    public static RuleFailure? Check(string? input)
    {
        var s = Normalize(input);
        if (s is null)
        {
            return RuleFailure.Of("R-DOC-2", "passport.required", Field);
        }

        var letters = 0;
        while (letters < s.Length && s[letters] is >= 'A' and <= 'Z')
        {
            letters++;
        }

        var digits = s.Length - letters;
        var ok = letters is 1 or 2 && digits is >= 6 and <= 8 && Nik.AllDigits(s[letters..]);
        return ok ? null : RuleFailure.Of("R-DOC-2", "passport.format", Field);
    }
}

/// <summary>R-KPJ-2: a worker becomes a participant, and gets a number, at the first payment.</summary>
public static class Participation
{
    // R-KPJ-2 (Permenaker 4/2023 Pasal 1 angka 7): issue once, at the first payment, never replace.
    public static bool NeedsMembershipNumber(string? existingNumber, bool isFirstPayment) =>
        string.IsNullOrWhiteSpace(existingNumber) && isFirstPayment;

    // R-KPJ-2: registered and paid.
    public static bool IsParticipant(int paymentCount) => paymentCount > 0;
}
