using MigrantCover.Web.Pages.Workers;

namespace MigrantCover.Web.Tests.Workers;

/// <summary>The receipt's amount in words ("terbilang"): Indonesian and English.</summary>
public class AmountInWordsTests
{
    [Theory]
    [InlineData(0, "nol", "zero")]
    [InlineData(12, "dua belas", "twelve")]
    [InlineData(101, "seratus satu", "one hundred one")]
    [InlineData(1_500, "seribu lima ratus", "one thousand five hundred")]
    [InlineData(332_500, "tiga ratus tiga puluh dua ribu lima ratus", "three hundred thirty-two thousand five hundred")]
    [InlineData(2_500_000_000, "dua miliar lima ratus juta", "two billion five hundred million")]
    public void SaysTheAmountInIndonesianAndEnglishWords(long amount, string indonesian, string english)
    {
        Assert.Equal(indonesian + " rupiah", AmountInWords.Of(amount, "id"));
        Assert.Equal(english + " rupiah", AmountInWords.Of(amount, "en"));
    }
}
