using System.Globalization;
using CsBot.Core.Formatting;
using CsBot.Core.Metrics;

namespace CsBot.Core.Tests.Formatting;

public sealed class FormatTests
{
    [Theory]
    [InlineData(0.0, "under 1%")]
    [InlineData(0.004, "under 1%")]
    [InlineData(0.01, "1%")]
    [InlineData(0.425, "43%")]
    [InlineData(0.99, "99%")]
    [InlineData(0.996, "over 99%")]
    [InlineData(1.0, "over 99%")]
    public void A_probability_reads_in_whole_percents_but_never_as_certainty(double probability, string expected) =>
        Assert.Equal(expected, Format.Probability(probability));

    [Theory]
    [InlineData(0, "$0")]
    [InlineData(950, "$950")]
    [InlineData(12.5, "$12.50")]
    [InlineData(999, "$999")]
    [InlineData(1_000, "$1,000")]
    [InlineData(5_000, "$5,000")]
    [InlineData(9_999.99, "$9,999.99")]
    [InlineData(9_999.999, "$10k")]
    [InlineData(10_000, "$10k")]
    [InlineData(12_345, "$12.3k")]
    [InlineData(189_100, "$189.1k")]
    [InlineData(189_000, "$189k")]
    [InlineData(999_949, "$999.9k")]
    [InlineData(999_950, "$1M")]
    [InlineData(1_000_000, "$1M")]
    [InlineData(1_200_000, "$1.2M")]
    [InlineData(12_345_678, "$12.35M")]
    [InlineData(999_995_000, "$1B")]
    [InlineData(2_500_000_000, "$2.5B")]
    [InlineData(-20_000, "-$20k")]
    [InlineData(-950, "-$950")]
    public void Money_is_compact_with_the_currency_symbol_and_never_reads_1000k(double amount, string expected) =>
        Assert.Equal(expected, Format.Money((decimal)amount, "USD"));

    [Theory]
    [InlineData("EUR", "€12.5k")]
    [InlineData("gbp", "£12.5k")]
    [InlineData("CHF", "CHF 12.5k")]
    [InlineData("", "12.5k")]
    public void Money_names_its_currency_by_symbol_or_code(string currency, string expected) =>
        Assert.Equal(expected, Format.Money(12_500m, currency));

    [Theory]
    [InlineData(12_500, "+$12.5k")]
    [InlineData(-3_000, "-$3,000")]
    [InlineData(0, "$0")]
    public void A_change_in_money_carries_its_sign(double delta, string expected) =>
        Assert.Equal(expected, Format.SignedMoney((decimal)delta, "USD"));

    [Fact]
    public void Counts_percentages_and_dates_read_the_same_on_every_server()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal("1,200", Format.Count(1_200));
            Assert.Equal("1 ticket", Format.Count(1, "ticket"));
            Assert.Equal("1,200 logins", Format.Count(1_200, "login"));
            Assert.Equal("12.5%", Format.Percent(12.5m));
            Assert.Equal("1.25%", Format.Percent(1.25m, 2));
            Assert.Equal("+1.5 pts", Format.Points(1.5m));
            Assert.Equal("-0.3 pts", Format.Points(-0.3m));
            Assert.Equal("2027-01-12", Format.Date(new DateOnly(2027, 1, 12)));
            Assert.Equal("January 2027", Format.Month(new DateOnly(2027, 1, 12)));
            Assert.Equal("2027-01-12 09:30 UTC", Format.Instant(new DateTimeOffset(2027, 1, 12, 10, 30, 0, TimeSpan.FromHours(1))));
            Assert.Equal("$1.2M", Format.Money(1_200_000m, "USD"));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(MetricUnit.Money, 80_000, "$80k")]
    [InlineData(MetricUnit.Percent, 104, "104.0%")]
    [InlineData(MetricUnit.Count, 1_234, "1,234")]
    [InlineData(MetricUnit.Score, 4.25, "4.25")]
    public void A_metric_value_is_written_in_its_unit(MetricUnit unit, double value, string expected) =>
        Assert.Equal(expected, Format.Value((decimal)value, unit, "USD"));

    [Theory]
    [InlineData(MetricUnit.Money, -12_000, "-$12k")]
    [InlineData(MetricUnit.Percent, 1.5, "+1.5 pts")]
    [InlineData(MetricUnit.Score, 3, "+3")]
    public void A_metric_change_is_signed_in_its_unit(MetricUnit unit, double delta, string expected) =>
        Assert.Equal(expected, Format.Change((decimal)delta, unit, "USD"));

    [Theory]
    [InlineData(963.4, "963")]
    [InlineData(1199.6, "1,200")]
    public void People_are_counted_whole(double count, string expected) => Assert.Equal(expected, Format.People(count));

    [Theory]
    [InlineData(2.46, "2.5")]
    [InlineData(0.8, "0.8")]
    [InlineData(48.3, "48")]
    [InlineData(1234.5, "1,235")]
    public void Averages_keep_one_decimal_only_below_ten(double value, string expected) => Assert.Equal(expected, Format.Average(value));
}
