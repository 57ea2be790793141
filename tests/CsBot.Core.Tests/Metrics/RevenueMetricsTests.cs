using CsBot.Core.Metrics;
using CsBot.Core.Signals;
using static CsBot.Core.Tests.Metrics.MetricsTestAccount;

namespace CsBot.Core.Tests.Metrics;

public sealed class RevenueMetricsTests
{
    private readonly MetricsCalculator _calculator = new(new MetricsOptions());

    /// <summary>
    /// Worked example, Q3 2026. At the start: A 60,000 + B 39,000 + C 1,000 = start MRR 100,000 (3 customers).
    /// In the quarter: A expands 8,000; B contracts 2,000; C churns its 1,000; D is a new logo at 10,000.
    ///   NRR  = (100,000 + 8,000 - 2,000 - 1,000) / 100,000 = 105.0%
    ///   GRR  = (100,000 - 2,000 - 1,000) / 100,000        =  97.0%
    ///   gross revenue churn = (2,000 + 1,000) / 100,000    =   3.0%
    ///   net revenue churn   = (2,000 + 1,000 - 8,000) / 100,000 = -5.0%
    ///   expansion rate      = 8,000 / 100,000              =   8.0%
    ///   quick ratio = (new 10,000 + reactivation 0 + expansion 8,000) / (2,000 + 1,000) = 6.00
    /// D is not in the NRR/GRR cohort: it had no MRR at the start.
    /// </summary>
    private static AccountSignals[] WorkedExample() =>
    [
        new MetricsTestAccount("A").New(60_000m).Expand(8_000m, D(2026, 8, 10)).Build(),
        new MetricsTestAccount("B").New(39_000m).Contract(2_000m, D(2026, 7, 20)).Build(),
        new MetricsTestAccount("C").New(1_000m).Churn(D(2026, 9, 5)).Build(),
        new MetricsTestAccount("D").New(10_000m, D(2026, 8, 1)).Build(),
    ];

    [Theory]
    [InlineData(MetricKind.NetRevenueRetention, 105.0)]
    [InlineData(MetricKind.GrossRevenueRetention, 97.0)]
    [InlineData(MetricKind.GrossRevenueChurn, 3.0)]
    [InlineData(MetricKind.NetRevenueChurn, -5.0)]
    [InlineData(MetricKind.ExpansionRevenueRate, 8.0)]
    public void Worked_example_gives_hand_computed_percentages(MetricKind metric, double expected)
    {
        var result = _calculator.Compute(metric, WorkedExample(), Q3);

        Assert.Equal((decimal)expected, result.Value);
        Assert.Equal(MetricUnit.Percent, result.Unit);
        Assert.Equal(metric, result.Metric);
        Assert.Equal(Q3, result.Period);
    }

    [Fact]
    public void Nrr_inputs_name_the_start_mrr_and_each_movement()
    {
        var result = _calculator.Compute(MetricKind.NetRevenueRetention, WorkedExample(), Q3);

        Assert.Equal(100_000m, Input(result, "start MRR").Value);
        Assert.Equal(8_000m, Input(result, "expansion").Value);
        Assert.Equal(2_000m, Input(result, "contraction").Value);
        Assert.Equal(1_000m, Input(result, "churn").Value);
        Assert.All(new[] { "start MRR", "expansion", "contraction", "churn" }, name => Assert.Equal(MetricUnit.Money, Input(result, name).Unit));
        Assert.Equal("NRR 105.0% = (start $100k + expansion $8,000 - contraction $2,000 - churn $1,000) / $100k", result.Formula);
    }

    [Fact]
    public void New_logo_is_excluded_from_nrr_and_the_note_says_so()
    {
        var result = _calculator.Compute(MetricKind.NetRevenueRetention, WorkedExample(), Q3);

        Assert.NotNull(result.Note);
        Assert.Contains("excluded", result.Note);
        Assert.Equal(1m, Input(result, "excluded accounts without MRR at start").Value);
        Assert.Equal(10_000m, Input(result, "excluded net MRR change").Value);
    }

    [Fact]
    public void Formula_matches_the_documented_example()
    {
        // start 1,200,000; expansion 80,000; contraction 20,000; churn 12,000
        // NRR = (1,200,000 + 80,000 - 20,000 - 12,000) / 1,200,000 = 1,248,000 / 1,200,000 = 104.0%
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("big").New(1_000_000m).Expand(80_000m, D(2026, 8, 1)).Build(),
            new MetricsTestAccount("mid").New(188_000m).Contract(20_000m, D(2026, 8, 1)).Build(),
            new MetricsTestAccount("small").New(12_000m).Churn(D(2026, 8, 1)).Build(),
        ];

        var result = _calculator.Compute(MetricKind.NetRevenueRetention, portfolio, Q3);

        Assert.Equal(104.0m, result.Value);
        Assert.Equal("NRR 104.0% = (start $1.2M + expansion $80k - contraction $20k - churn $12k) / $1.2M", result.Formula);
    }

    [Fact]
    public void Other_revenue_formulas_show_their_inputs()
    {
        var portfolio = WorkedExample();

        Assert.Equal("GRR 97.0% = (start $100k - contraction $2,000 - churn $1,000) / $100k",
            _calculator.Compute(MetricKind.GrossRevenueRetention, portfolio, Q3).Formula);
        Assert.Equal("Gross revenue churn 3.0% = (contraction $2,000 + churn $1,000) / start $100k",
            _calculator.Compute(MetricKind.GrossRevenueChurn, portfolio, Q3).Formula);
        Assert.Equal("Net revenue churn -5.0% = (contraction $2,000 + churn $1,000 - expansion $8,000) / start $100k",
            _calculator.Compute(MetricKind.NetRevenueChurn, portfolio, Q3).Formula);
        Assert.Equal("Expansion rate 8.0% = expansion $8,000 / start $100k",
            _calculator.Compute(MetricKind.ExpansionRevenueRate, portfolio, Q3).Formula);
    }

    [Fact]
    public void Reactivation_counts_as_expansion_only_for_accounts_with_mrr_at_start()
    {
        // Start: A 50,000 + E 50,000 = 100,000 (F lapsed in March, so 0 at start).
        // E churns 50,000 on 2026-07-10 and reactivates at 30,000 on 2026-08-10: that reactivation is expansion.
        // F reactivates at 5,000: excluded, it had no MRR at the start.
        // NRR = (100,000 + 30,000 - 0 - 50,000) / 100,000 = 80.0%
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("A").New(50_000m).Build(),
            new MetricsTestAccount("E").New(50_000m).Churn(D(2026, 7, 10)).Reactivate(30_000m, D(2026, 8, 10)).Build(),
            new MetricsTestAccount("F").New(5_000m).Churn(D(2026, 3, 1)).Reactivate(5_000m, D(2026, 8, 1)).Build(),
        ];

        var result = _calculator.Compute(MetricKind.NetRevenueRetention, portfolio, Q3);

        Assert.Equal(80.0m, result.Value);
        Assert.Equal(30_000m, Input(result, "expansion").Value);
        Assert.Equal(30_000m, Input(result, "reactivation counted as expansion").Value);
        Assert.Contains("counted as expansion", result.Note);
        Assert.Contains("excluded", result.Note);
    }

    [Fact]
    public void Events_on_from_and_to_are_movements_but_the_day_before_from_is_start_mrr()
    {
        // Before From: 100,000 new + 10,000 expansion on 2026-06-30 -> start MRR 110,000.
        // On From (07-01) expansion 11,000 and on To (09-30) contraction 5,500 count; 10-01 is outside.
        // NRR = (110,000 + 11,000 - 5,500) / 110,000 = 105.0%
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("A").New(100_000m)
                .Expand(10_000m, D(2026, 6, 30))
                .Expand(11_000m, D(2026, 7, 1))
                .Contract(5_500m, D(2026, 9, 30))
                .Contract(50_000m, D(2026, 10, 1))
                .Build(),
        ];

        var result = _calculator.Compute(MetricKind.NetRevenueRetention, portfolio, Q3);

        Assert.Equal(105.0m, result.Value);
        Assert.Equal(110_000m, Input(result, "start MRR").Value);
        Assert.Equal(11_000m, Input(result, "expansion").Value);
        Assert.Equal(5_500m, Input(result, "contraction").Value);
    }

    [Theory]
    [InlineData(MetricKind.NetRevenueRetention)]
    [InlineData(MetricKind.GrossRevenueRetention)]
    [InlineData(MetricKind.GrossRevenueChurn)]
    [InlineData(MetricKind.NetRevenueChurn)]
    [InlineData(MetricKind.ExpansionRevenueRate)]
    [InlineData(MetricKind.CustomerLifetimeValue)]
    public void No_mrr_at_start_gives_null_with_a_note(MetricKind metric)
    {
        // Only a new logo signed inside the period: nothing to retain.
        AccountSignals[] portfolio = [new MetricsTestAccount("D").New(10_000m, D(2026, 8, 1)).Build()];

        var result = _calculator.Compute(metric, portfolio, Q3);

        Assert.Null(result.Value);
        Assert.False(string.IsNullOrWhiteSpace(result.Note));
        Assert.DoesNotContain("%", result.Formula.Split('=')[0]);
    }

    [Fact]
    public void Clv_is_arpa_times_margin_over_monthly_revenue_churn()
    {
        // Start: A 60,000 + B 39,000 + C 1,000 = 100,000. Q3: B contracts 2,000, C churns 1,000, A expands 23,000.
        // End: A 83,000 + B 37,000 = 120,000 over 2 customers -> ARPA 60,000.
        // Gross revenue churn = 3,000 / 100,000 = 3% over 92 days = 3 months (92 / 30.44 = 3.02) -> 1% a month.
        // CLV = 60,000 x 0.8 / 0.01 = 4,800,000.
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("A").New(60_000m).Expand(23_000m, D(2026, 8, 10)).Build(),
            new MetricsTestAccount("B").New(39_000m).Contract(2_000m, D(2026, 7, 20)).Build(),
            new MetricsTestAccount("C").New(1_000m).Churn(D(2026, 9, 5)).Build(),
        ];

        var result = _calculator.Compute(MetricKind.CustomerLifetimeValue, portfolio, Q3);

        Assert.Equal(4_800_000m, result.Value);
        Assert.Equal(MetricUnit.Money, result.Unit);
        Assert.Equal(60_000m, Input(result, "ARPA").Value);
        Assert.Equal(3m, Input(result, "months").Value);
        Assert.Equal(1.00m, Input(result, "monthly revenue churn").Value);
        Assert.StartsWith("CLV $4.8M = ARPA $60k x gross margin 80.0% / monthly revenue churn 1.00%", result.Formula);
    }

    [Fact]
    public void Clv_uses_the_configured_gross_margin()
    {
        // As above with a 50% margin: 60,000 x 0.5 / 0.01 = 3,000,000.
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("A").New(60_000m).Expand(23_000m, D(2026, 8, 10)).Build(),
            new MetricsTestAccount("B").New(39_000m).Contract(2_000m, D(2026, 7, 20)).Build(),
            new MetricsTestAccount("C").New(1_000m).Churn(D(2026, 9, 5)).Build(),
        ];

        var result = new MetricsCalculator(new MetricsOptions { GrossMargin = 0.5m })
            .Compute(MetricKind.CustomerLifetimeValue, portfolio, Q3);

        Assert.Equal(3_000_000m, result.Value);
    }

    [Fact]
    public void Clv_without_churn_is_null_because_it_is_unbounded()
    {
        AccountSignals[] portfolio = [new MetricsTestAccount("A").New(60_000m).Expand(1_000m, D(2026, 8, 1)).Build()];

        var result = _calculator.Compute(MetricKind.CustomerLifetimeValue, portfolio, Q3);

        Assert.Null(result.Value);
        Assert.Contains("unbounded", result.Note);
        Assert.Equal(61_000m, Input(result, "ARPA").Value);
    }

    [Fact]
    public void Quick_ratio_counts_new_logos_and_all_movements()
    {
        // (new 10,000 + reactivation 0 + expansion 8,000) / (contraction 2,000 + churn 1,000) = 6.00
        var result = _calculator.Compute(MetricKind.QuickRatio, WorkedExample(), Q3);

        Assert.Equal(6.00m, result.Value);
        Assert.Equal(MetricUnit.Ratio, result.Unit);
        Assert.Equal("Quick ratio 6.00 = (new $10k + reactivation $0 + expansion $8,000) / (contraction $2,000 + churn $1,000)", result.Formula);
    }

    [Fact]
    public void Quick_ratio_without_losses_is_null_with_a_note()
    {
        AccountSignals[] portfolio = [new MetricsTestAccount("A").New(60_000m).Expand(1_000m, D(2026, 8, 1)).Build()];

        var result = _calculator.Compute(MetricKind.QuickRatio, portfolio, Q3);

        Assert.Null(result.Value);
        Assert.Contains("unbounded", result.Note);
    }

    [Fact]
    public void Segment_filter_is_case_insensitive_and_recorded_on_the_result()
    {
        // Enterprise: start 100,000, expansion 10,000 -> NRR 110.0%. SMB: start 10,000, churn 10,000 -> NRR 0.0%.
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("E1", "Enterprise").New(100_000m).Expand(10_000m, D(2026, 8, 1)).Build(),
            new MetricsTestAccount("S1", "SMB").New(10_000m).Churn(D(2026, 8, 1)).Build(),
        ];

        var enterprise = _calculator.Compute(MetricKind.NetRevenueRetention, portfolio, Q3, "enterprise");
        var smb = _calculator.Compute(MetricKind.NetRevenueRetention, portfolio, Q3, "SMB");
        var all = _calculator.Compute(MetricKind.NetRevenueRetention, portfolio, Q3);

        Assert.Equal(110.0m, enterprise.Value);
        Assert.Equal("enterprise", enterprise.Segment);
        Assert.Equal(0.0m, smb.Value);
        // (110,000 + 10,000 - 10,000) / 110,000 = 100.0%
        Assert.Equal(100.0m, all.Value);
        Assert.Null(all.Segment);
    }

    [Fact]
    public void Unknown_segment_gives_null_with_a_note()
    {
        var result = _calculator.Compute(MetricKind.NetRevenueRetention, WorkedExample(), Q3, "Public sector");

        Assert.Null(result.Value);
        Assert.Contains("Public sector", result.Note);
    }

    [Fact]
    public void Mrr_at_a_day_sums_deltas_dated_before_it()
    {
        var account = new MetricsTestAccount("A").New(1_000m, D(2026, 1, 1)).Expand(500m, D(2026, 2, 1)).Build();

        Assert.Equal(0m, MetricsCalculator.MrrAt(account, D(2026, 1, 1)));
        Assert.Equal(1_000m, MetricsCalculator.MrrAt(account, D(2026, 2, 1)));
        Assert.Equal(1_500m, MetricsCalculator.MrrAt(account, D(2026, 2, 2)));
    }

    [Fact]
    public void Revenue_movements_summarise_the_period()
    {
        var m = RevenueMovements.Of(WorkedExample(), Q3);

        Assert.Equal(100_000m, m.StartMrr);
        Assert.Equal(115_000m, m.EndMrr); // 68,000 + 37,000 + 10,000
        Assert.Equal(3, m.CustomersAtStart);
        Assert.Equal(3, m.CustomersAtEnd);
        Assert.Equal(1, m.NewCustomers);
        Assert.Equal(1, m.CustomersLost);
        Assert.Equal(10_000m, m.New);
        Assert.Equal(8_000m, m.Expansion);
        Assert.Equal(2_000m, m.Contraction);
        Assert.Equal(1_000m, m.Churn);
        Assert.Equal(0m, m.Reactivation);
    }

    [Fact]
    public void Months_in_a_period_round_days_over_30_44()
    {
        Assert.Equal(3, MetricsCalculator.MonthsIn(Q3));                                     // 92 days
        Assert.Equal(1, MetricsCalculator.MonthsIn(new DateRange(D(2026, 7, 1), D(2026, 7, 7))));  // a week, at least 1
        Assert.Equal(12, MetricsCalculator.MonthsIn(new DateRange(D(2026, 1, 1), D(2026, 12, 31))));
    }

    private static MetricInput Input(MetricResult result, string name) => Assert.Single(result.Inputs, i => i.Name == name);
}
