namespace MigrantCover.Domain.Tests;

public class CodesTests
{
    [Theory]
    [InlineData(PaymentKind.PrePlacement, "pre-placement")]
    [InlineData(PaymentKind.Jht, "jht")]
    public void WritesPaymentKindsAsTheApiContractSpellsThem(PaymentKind kind, string code)
    {
        Assert.Equal(code, Codes.Of(kind));
        Assert.True(Codes.TryParse<PaymentKind>(code, out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Fact]
    public void WritesStagesAsTheRuleBookSpellsThem()
    {
        Assert.Equal("failed-departure", Codes.Of(Stage.FailedDeparture));
        Assert.False(Codes.TryParse<Stage>("abroad", out _));
    }
}
