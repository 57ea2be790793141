using CsBot.Core.Metrics;
using CsBot.Core.Signals;
using static CsBot.Core.Tests.Metrics.MetricsTestAccount;

namespace CsBot.Core.Tests.Metrics;

public sealed class CustomerCountMetricsTests
{
    private readonly MetricsCalculator _calculator = new(new MetricsOptions());

    /// <summary>
    /// 20 customers at the start of Q3 (1,000 MRR each); 2 churn in the quarter; 3 new logos join.
    ///   logo churn = 2 / 20 = 10.0%
    ///   retention  = (customers at end 21 - new 3) / customers at start 20 = 18 / 20 = 90.0%
    /// </summary>
    private static List<AccountSignals> TwentyCustomers()
    {
        var portfolio = new List<AccountSignals>();
        for (var i = 0; i < 20; i++)
        {
            var account = new MetricsTestAccount($"c{i}").New(1_000m);
            if (i < 2)
                account.Churn(D(2026, 8, 15));
            portfolio.Add(account.Build());
        }
        for (var i = 0; i < 3; i++)
            portfolio.Add(new MetricsTestAccount($"n{i}").New(500m, D(2026, 9, 1)).Build());
        return portfolio;
    }

    [Fact]
    public void Logo_churn_is_customers_lost_over_customers_at_start()
    {
        var result = _calculator.Compute(MetricKind.LogoChurnRate, TwentyCustomers(), Q3);

        Assert.Equal(10.0m, result.Value);
        Assert.Equal(MetricUnit.Percent, result.Unit);
        Assert.Equal("Logo churn 10.0% = lost 2 / customers at start 20", result.Formula);
        Assert.Contains(result.Inputs, i => i is { Name: "customers lost", Value: 2m, Unit: MetricUnit.Count });
        Assert.Contains(result.Inputs, i => i is { Name: "customers at start", Value: 20m, Unit: MetricUnit.Count });
    }

    [Fact]
    public void Retention_rate_removes_new_customers_from_customers_at_end()
    {
        var result = _calculator.Compute(MetricKind.RetentionRate, TwentyCustomers(), Q3);

        Assert.Equal(90.0m, result.Value);
        Assert.Equal("Retention rate 90.0% = (customers at end 21 - new 3) / customers at start 20", result.Formula);
    }

    [Fact]
    public void Churn_on_the_first_and_last_day_counts_but_the_day_before_does_not()
    {
        // 4 customers at start (a churn dated the day before From means b was already gone at the start).
        // Churns on 07-01 and 09-30 count; 10-01 is after the period. Logo churn = 2 / 3 = 66.7%.
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("a").New(1_000m).Churn(D(2026, 7, 1)).Build(),
            new MetricsTestAccount("b").New(1_000m).Churn(D(2026, 6, 30)).Build(),
            new MetricsTestAccount("c").New(1_000m).Churn(D(2026, 9, 30)).Build(),
            new MetricsTestAccount("d").New(1_000m).Churn(D(2026, 10, 1)).Build(),
        ];

        var result = _calculator.Compute(MetricKind.LogoChurnRate, portfolio, Q3);

        Assert.Equal(66.7m, result.Value);
        Assert.Equal("Logo churn 66.7% = lost 2 / customers at start 3", result.Formula);
    }

    [Theory]
    [InlineData(MetricKind.LogoChurnRate)]
    [InlineData(MetricKind.RetentionRate)]
    public void No_customers_at_start_gives_null_with_a_note(MetricKind metric)
    {
        AccountSignals[] portfolio = [new MetricsTestAccount("n").New(500m, D(2026, 9, 1)).Build()];

        var result = _calculator.Compute(metric, portfolio, Q3);

        Assert.Null(result.Value);
        Assert.Contains("No customers", result.Note);
    }

    [Fact]
    public void Segment_filter_applies_to_customer_counts()
    {
        // Enterprise: 2 customers, 1 churns -> 50.0%. SMB: 2 customers, none churn -> 0.0%.
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("e1", "Enterprise").New(10_000m).Churn(D(2026, 8, 1)).Build(),
            new MetricsTestAccount("e2", "Enterprise").New(10_000m).Build(),
            new MetricsTestAccount("s1", "SMB").New(1_000m).Build(),
            new MetricsTestAccount("s2", "SMB").New(1_000m).Build(),
        ];

        Assert.Equal(50.0m, _calculator.Compute(MetricKind.LogoChurnRate, portfolio, Q3, "ENTERPRISE").Value);
        Assert.Equal(0.0m, _calculator.Compute(MetricKind.LogoChurnRate, portfolio, Q3, "smb").Value);
    }

    /// <summary>
    /// Renewals dated in Q3: 9 renewed, 1 churned -> 9 / 10 = 90.0%. Outcomes on 06-30 and 10-01 are outside;
    /// the ones on 07-01 and 09-30 are inside.
    /// </summary>
    [Fact]
    public void Renewal_rate_is_renewed_over_up_for_renewal_in_the_period()
    {
        var a = new MetricsTestAccount("a")
            .Renewal(D(2026, 7, 1), RenewalResult.Renewed)
            .Renewal(D(2026, 9, 30), RenewalResult.Renewed)
            .Renewal(D(2026, 6, 30), RenewalResult.Churned)
            .Renewal(D(2026, 10, 1), RenewalResult.Churned);
        for (var i = 0; i < 7; i++)
            a.Renewal(D(2026, 8, 1), RenewalResult.Renewed);
        var b = new MetricsTestAccount("b").Renewal(D(2026, 8, 20), RenewalResult.Churned);

        var result = _calculator.Compute(MetricKind.RenewalRate, [a.Build(), b.Build()], Q3);

        Assert.Equal(90.0m, result.Value);
        Assert.Equal("Renewal rate 90.0% = renewed 9 / up for renewal 10", result.Formula);
        Assert.Contains(result.Inputs, i => i is { Name: "up for renewal", Value: 10m });
    }

    [Fact]
    public void Renewal_rate_without_renewals_is_null_with_a_note()
    {
        var account = new MetricsTestAccount("a").New(1_000m).Renewal(D(2026, 6, 30), RenewalResult.Renewed).Build();

        var result = _calculator.Compute(MetricKind.RenewalRate, [account], Q3);

        Assert.Null(result.Value);
        Assert.Contains("renewal", result.Note);
    }
}
