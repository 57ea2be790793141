using System.Globalization;
using CsBot.Core.Metrics;
using CsBot.Core.Signals;
using static CsBot.Core.Tests.Metrics.MetricsTestAccount;

namespace CsBot.Core.Tests.Metrics;

public sealed class MetricsCalculatorTests
{
    private readonly MetricsCalculator _calculator = new(new MetricsOptions());

    [Fact]
    public void A_period_that_ends_before_it_starts_is_rejected() =>
        Assert.Throws<ArgumentException>(() =>
            _calculator.Compute(MetricKind.Nps, [], new DateRange(D(2026, 9, 30), D(2026, 7, 1))));

    [Fact]
    public void An_account_with_no_signals_gives_null_with_a_note_for_every_metric()
    {
        AccountSignals[] portfolio = [new MetricsTestAccount("quiet").Build()];

        var results = _calculator.ComputeAll(portfolio, Q3);

        Assert.All(results, r =>
        {
            Assert.Null(r.Value);
            Assert.False(string.IsNullOrWhiteSpace(r.Note), $"{r.Metric} has no note");
            Assert.StartsWith(MetricNames.Name(r.Metric), r.Formula);
        });
    }

    [Fact]
    public void Blank_segment_means_the_whole_portfolio()
    {
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("e", "Enterprise").New(1_000m).Churn(D(2026, 8, 1)).Build(),
            new MetricsTestAccount("s", "SMB").New(1_000m).Build(),
        ];

        var result = _calculator.Compute(MetricKind.LogoChurnRate, portfolio, Q3, "  ");

        Assert.Equal(50.0m, result.Value);
        Assert.Null(result.Segment);
    }

    [Fact]
    public void Formulas_do_not_depend_on_the_current_culture()
    {
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("a").New(1_000_000m).Expand(80_000m, D(2026, 8, 1)).Build(),
            new MetricsTestAccount("b").New(188_000m).Contract(20_000m, D(2026, 8, 1)).Build(),
            new MetricsTestAccount("c").New(12_000m).Churn(D(2026, 8, 1)).Build(),
        ];
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("NRR 104.0% = (start $1.2M + expansion $80k - contraction $20k - churn $12k) / $1.2M",
                _calculator.Compute(MetricKind.NetRevenueRetention, portfolio, Q3).Formula);
            Assert.Equal("Quick ratio 4.00 = (new $0 + reactivation $0 + expansion $80k) / (contraction $20k + churn $0)",
                _calculator.Compute(MetricKind.QuickRatio, [portfolio[0], portfolio[1]], Q3).Formula);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
