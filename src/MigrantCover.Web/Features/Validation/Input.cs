using System.Net.Mail;

namespace MigrantCover.Web.Features.Validation;

/// <summary>
/// The one reading of typed text into values, shared by the validators (<see cref="InputRules"/>) and
/// the requests' own conversion to typed facts: a value the validator refuses reads as null here.
/// </summary>
public static class Input
{
    public static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);

    /// <summary>Trimmed text, null when blank.</summary>
    public static string? Text(string? value) => value?.Trim() is { Length: > 0 } s ? s : null;

    /// <summary>Trimmed text, null when blank or longer than <paramref name="max"/>.</summary>
    public static string? Text(string? value, int max) => Text(value) is { } s && s.Length <= max ? s : null;

    /// <summary>A YYYY-MM-DD date, null when blank or not a real date.</summary>
    public static DateOnly? Date(string? value) =>
        !IsBlank(value) && value!.Length <= 10 && DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    /// <summary>A rule-book code such as "pre-placement", null when blank or unknown.</summary>
    public static TCode? Code<TCode>(string? value)
        where TCode : struct, Enum =>
        !IsBlank(value) && value!.Length <= 40 && Codes.TryParse<TCode>(value, out var parsed) ? parsed : null;

    /// <summary>A date as the invariant YYYY-MM-DD of forms, the API and message arguments.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly? date) => date is { } d ? Iso(d) : "";

    /// <summary>
    /// True when the text can be stored and shown as typed: no control character (U+0000 is refused by
    /// PostgreSQL, the others are invisible), no unpaired surrogate; tab and line breaks only where
    /// <paramref name="multiLine"/> (an address, a reason).
    /// </summary>
    public static bool IsPlain(string? value, bool multiLine = true)
    {
        if (value is null)
        {
            return true;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || (char.IsControl(c) && !(multiLine && c is '\t' or '\r' or '\n')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when a name (of a person, a place, an agency, an employer) has no control character, line
    /// break, bidirectional override or isolate, or zero-width character: what an officer reads (and the
    /// public masked name shows) is what is stored.
    /// </summary>
    public static bool IsPlainName(string? value) => IsPlain(value, multiLine: false) && (value is null || !value.Any(IsInvisible));

    /// <summary>The text without the characters a name may not carry (for names stored before the rule, as the masked name).</summary>
    public static string WithoutInvisible(string value) =>
        value.Any(c => IsInvisible(c) || char.IsControl(c)) ? new string([.. value.Where(c => !IsInvisible(c) && !char.IsControl(c))]) : value;

    // Bidirectional marks, embeddings, overrides and isolates; zero-width space, joiners, word joiner, BOM;
    // the Mongolian vowel separator and the Arabic letter mark.
    private static bool IsInvisible(char c) =>
        c is (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2069') or '\uFEFF' or '\u180E' or '\u061C';

    public static bool IsEmail(string value) => MailAddress.TryCreate(value, out _);

    /// <summary>Digits (6 to 15 of them), spaces and hyphens, optionally after a leading +.</summary>
    public static bool IsPhone(string value)
    {
        var digits = 0;
        for (var i = value[0] == '+' ? 1 : 0; i < value.Length; i++)
        {
            if (char.IsAsciiDigit(value[i]))
            {
                digits++;
            }
            else if (value[i] is not (' ' or '-'))
            {
                return false;
            }
        }

        return digits is >= 6 and <= 15;
    }
}
