namespace MigrantCover.Domain;

public static class Age
{
    public const int Minimum = 18;
    public const int MaximumYearsAgo = 100;

    /// <summary>
    /// Completed years on <paramref name="date"/>. R-AGE-1: someone born on 29 February reaches an age
    /// on 1 March in non-leap years (28 February is still before the birthday).
    /// </summary>
    public static int On(DateOnly dateOfBirth, DateOnly date)
    {
        var age = date.Year - dateOfBirth.Year;
        if (date.Month < dateOfBirth.Month || (date.Month == dateOfBirth.Month && date.Day < dateOfBirth.Day))
        {
            age--;
        }

        return age;
    }

    /// <summary>The first day on which the person is <paramref name="years"/> old (R-AGE-1).</summary>
    public static DateOnly Reaches(DateOnly dateOfBirth, int years)
    {
        var year = dateOfBirth.Year + years;
        return dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, dateOfBirth.Month, dateOfBirth.Day);
    }
}
