using CsBot.Core.Metrics;

namespace CsBot.Core.Tests.Metrics;

public sealed class MoneyFormatTests
{
    [Theory]
    [InlineData(1_200_000, "1.20M")]
    [InlineData(80_000, "80k")]
    [InlineData(20_000, "20k")]
    [InlineData(12_000, "12k")]
    [InlineData(950, "950")]
    [InlineData(0, "0")]
    [InlineData(12.5, "12.5")]
    [InlineData(1_500, "1.5k")]
    [InlineData(1_234, "1.23k")]
    [InlineData(12_345, "12.3k")]
    [InlineData(123_456, "123k")]
    [InlineData(999_999, "1.00M")]
    [InlineData(999.999, "1k")]
    [InlineData(12_345_678, "12.35M")]
    [InlineData(2_500_000_000, "2.50B")]
    [InlineData(-20_000, "-20k")]
    public void Compact_keeps_money_short(double amount, string expected) =>
        Assert.Equal(expected, MoneyFormat.Compact((decimal)amount));

    [Fact]
    public void Compact_with_currency_appends_the_code() =>
        Assert.Equal("80k USD", MoneyFormat.Compact(80_000m, "USD"));
}
