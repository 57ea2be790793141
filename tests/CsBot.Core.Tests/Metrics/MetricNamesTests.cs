using CsBot.Core.Metrics;

namespace CsBot.Core.Tests.Metrics;

public sealed class MetricNamesTests
{
    [Theory]
    [InlineData(MetricKind.NetRevenueRetention, "NRR")]
    [InlineData(MetricKind.GrossRevenueRetention, "GRR")]
    [InlineData(MetricKind.LogoChurnRate, "Logo churn")]
    [InlineData(MetricKind.Nps, "NPS")]
    [InlineData(MetricKind.Csat, "CSAT")]
    [InlineData(MetricKind.Ces, "CES")]
    [InlineData(MetricKind.RenewalRate, "Renewal rate")]
    [InlineData(MetricKind.CustomerLifetimeValue, "CLV")]
    [InlineData(MetricKind.QuickRatio, "Quick ratio")]
    [InlineData(MetricKind.AdoptionRate, "Adoption rate")]
    [InlineData(MetricKind.Stickiness, "Stickiness")]
    [InlineData(MetricKind.RetentionRate, "Retention rate")]
    [InlineData(MetricKind.GrossRevenueChurn, "Gross revenue churn")]
    [InlineData(MetricKind.NetRevenueChurn, "Net revenue churn")]
    [InlineData(MetricKind.ExpansionRevenueRate, "Expansion rate")]
    public void Every_metric_has_its_short_name(MetricKind metric, string name) =>
        Assert.Equal(name, MetricNames.Name(metric));

    [Fact]
    public void Every_metric_has_a_one_line_description()
    {
        Assert.All(Enum.GetValues<MetricKind>(), metric =>
        {
            var description = MetricNames.Description(metric);
            Assert.False(string.IsNullOrWhiteSpace(description));
            Assert.DoesNotContain('\n', description);
        });
    }

    [Fact]
    public void Every_metric_can_be_computed_on_an_empty_portfolio_without_inventing_a_value()
    {
        var results = new MetricsCalculator(new MetricsOptions()).ComputeAll([], MetricsTestAccount.Q3);

        Assert.Equal(Enum.GetValues<MetricKind>().Length, results.Count);
        Assert.All(results, r =>
        {
            Assert.Null(r.Value);
            Assert.False(string.IsNullOrWhiteSpace(r.Note));
            Assert.Equal(MetricNames.Unit(r.Metric), r.Unit);
        });
    }
}
