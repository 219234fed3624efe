namespace MigrantCover.Web.Pages.Workers;

/// <summary>Rupiah amounts in words for receipts: Indonesian "terbilang" and English.</summary>
public static class AmountInWords
{
    private static readonly string[] OnesId = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];

    private static readonly string[] OnesEn =
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];

    private static readonly string[] TensEn = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    public static string Of(long amount, string language) =>
        language == "en" ? English(amount) + " rupiah" : Indonesian(amount) + " rupiah";

    /// <summary>332500 → "tiga ratus tiga puluh dua ribu lima ratus".</summary>
    public static string Indonesian(long n)
    {
        if (n == 0)
        {
            return "nol";
        }

        if (n < 0)
        {
            return "minus " + Indonesian(-n);
        }

        return string.Join(" ", Id(n).Split(" ", StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Id(long n) => n switch
    {
        < 12 => OnesId[n],
        < 20 => OnesId[n - 10] + " belas",
        < 100 => OnesId[n / 10] + " puluh " + Id(n % 10),
        < 200 => "seratus " + Id(n - 100),
        < 1000 => OnesId[n / 100] + " ratus " + Id(n % 100),
        < 2000 => "seribu " + Id(n - 1000),
        < 1_000_000 => Id(n / 1000).Trim() + " ribu " + Id(n % 1000),
        < 1_000_000_000 => Id(n / 1_000_000).Trim() + " juta " + Id(n % 1_000_000),
        < 1_000_000_000_000 => Id(n / 1_000_000_000).Trim() + " miliar " + Id(n % 1_000_000_000),
        _ => Id(n / 1_000_000_000_000).Trim() + " triliun " + Id(n % 1_000_000_000_000),
    };

    /// <summary>332500 → "three hundred thirty-two thousand five hundred".</summary>
    public static string English(long n)
    {
        if (n < 0)
        {
            return "minus " + English(-n);
        }

        if (n < 20)
        {
            return OnesEn[n];
        }

        if (n < 100)
        {
            return TensEn[n / 10] + (n % 10 == 0 ? "" : "-" + OnesEn[n % 10]);
        }

        if (n < 1000)
        {
            return OnesEn[n / 100] + " hundred" + (n % 100 == 0 ? "" : " " + English(n % 100));
        }

        foreach (var (size, name) in new[] { (1_000_000_000_000L, "trillion"), (1_000_000_000L, "billion"), (1_000_000L, "million"), (1000L, "thousand") })
        {
            if (n >= size)
            {
                return English(n / size) + " " + name + (n % size == 0 ? "" : " " + English(n % size));
            }
        }

        return OnesEn[n];
    }
}
