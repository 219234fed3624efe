using MigrantCover.Web.Pages.Workers;

namespace MigrantCover.Web.Tests.Workers;

/// <summary>The receipt's amount in words ("terbilang"): Indonesian and English.</summary>
public class AmountInWordsTests
{
    [Theory]
    [InlineData(0, "nol", "zero")]
    [InlineData(11, "sebelas", "eleven")]
    [InlineData(12, "dua belas", "twelve")]
    [InlineData(21, "dua puluh satu", "twenty-one")]
    [InlineData(100, "seratus", "one hundred")]
    [InlineData(101, "seratus satu", "one hundred one")]
    [InlineData(1_000, "seribu", "one thousand")]
    [InlineData(1_500, "seribu lima ratus", "one thousand five hundred")]
    [InlineData(13_500, "tiga belas ribu lima ratus", "thirteen thousand five hundred")]
    [InlineData(332_500, "tiga ratus tiga puluh dua ribu lima ratus", "three hundred thirty-two thousand five hundred")]
    [InlineData(1_000_000, "satu juta", "one million")]
    [InlineData(85_000_000, "delapan puluh lima juta", "eighty-five million")]
    [InlineData(2_500_000_000, "dua miliar lima ratus juta", "two billion five hundred million")]
    public void SaysTheAmountInIndonesianAndEnglishWords(long amount, string indonesian, string english)
    {
        Assert.Equal(indonesian + " rupiah", AmountInWords.Of(amount, "id"));
        Assert.Equal(english + " rupiah", AmountInWords.Of(amount, "en"));
    }
}
