using CsBot.Core.Metrics;
using CsBot.Core.Signals;
using static CsBot.Core.Tests.Metrics.MetricsTestAccount;

namespace CsBot.Core.Tests.Metrics;

public sealed class UsageMetricsTests
{
    private readonly MetricsCalculator _calculator = new(new MetricsOptions());

    // The last 30 days of Q3 2026.
    private static readonly DateOnly WindowFrom = D(2026, 9, 1);
    private static readonly DateOnly WindowTo = D(2026, 9, 30);

    /// <summary>
    /// Defaults: fully adopted = seat utilisation >= 60% and >= 2 key feature uses per active user per week, over 09-01..09-30.
    ///   A: 8 DAU of 10 seats = 80%; 3 uses a day x 30 days = 90 uses / 10 users (MAU) / (30/7 weeks) = 2.1 -> adopted
    ///      (its poor August is outside the window).
    ///   B: 5 DAU of 10 seats = 50% -> not adopted.
    ///   C: 80% seats but 1 use a day -> 30 / 10 / (30/7) = 0.7 per user per week -> not adopted.
    ///   D: active but no usage in the window -> left out.  E: churned 09-10 -> not active at the end, left out.
    /// Adoption rate = 1 / 3 = 33.3%.
    /// </summary>
    private static AccountSignals[] Portfolio() =>
    [
        new MetricsTestAccount("A").New(1_000m)
            .Usage(D(2026, 8, 1), D(2026, 8, 31), dau: 1, mau: 10, seats: 10, keyFeatureUses: 0)
            .Usage(WindowFrom, WindowTo, dau: 8, mau: 10, seats: 10, keyFeatureUses: 3).Build(),
        new MetricsTestAccount("B").New(1_000m).Usage(WindowFrom, WindowTo, dau: 5, mau: 10, seats: 10, keyFeatureUses: 10).Build(),
        new MetricsTestAccount("C").New(1_000m).Usage(WindowFrom, WindowTo, dau: 8, mau: 10, seats: 10, keyFeatureUses: 1).Build(),
        new MetricsTestAccount("D").New(1_000m).Usage(D(2026, 7, 1), D(2026, 7, 31), dau: 8, mau: 10, seats: 10, keyFeatureUses: 5).Build(),
        new MetricsTestAccount("E").New(1_000m).Usage(WindowFrom, D(2026, 9, 9), dau: 10, mau: 10, seats: 10, keyFeatureUses: 10)
            .ChurnedOn(D(2026, 9, 10)).Build(),
    ];

    [Fact]
    public void Adoption_rate_counts_fully_adopted_active_accounts_over_the_last_30_days()
    {
        var result = _calculator.Compute(MetricKind.AdoptionRate, Portfolio(), Q3);

        Assert.Equal(33.3m, result.Value);
        Assert.Equal(MetricUnit.Percent, result.Unit);
        Assert.Contains(result.Inputs, i => i is { Name: "fully adopted accounts", Value: 1m });
        Assert.Contains(result.Inputs, i => i is { Name: "active accounts with usage", Value: 3m });
        Assert.StartsWith("Adoption rate 33.3% = fully adopted 1 / active accounts with usage 3", result.Formula);
        Assert.Contains("1 active account(s) without usage data", result.Note);
    }

    [Fact]
    public void Adoption_thresholds_come_from_options()
    {
        // With 50% seats and 0.5 uses per user per week, A, B and C all qualify: 3 / 3 = 100.0%.
        var lenient = new MetricsCalculator(new MetricsOptions { AdoptedMinSeatUtilizationPercent = 50, AdoptedMinKeyFeatureUsesPerUserWeek = 0.5 });

        Assert.Equal(100.0m, lenient.Compute(MetricKind.AdoptionRate, Portfolio(), Q3).Value);
    }

    [Fact]
    public void Adoption_without_usage_data_is_null_with_a_note()
    {
        AccountSignals[] portfolio = [new MetricsTestAccount("A").New(1_000m).Build()];

        var result = _calculator.Compute(MetricKind.AdoptionRate, portfolio, Q3);

        Assert.Null(result.Value);
        Assert.Contains("No usage data", result.Note);
    }

    [Fact]
    public void Stickiness_is_summed_average_dau_over_summed_average_mau()
    {
        // A: 20 DAU / 100 MAU on every Q3 day; B: 10 DAU / 20 MAU on 10 days. June is outside the period.
        // Per-account averages: (20 + 10) / (100 + 20) = 25.0%
        // (summing days instead would weight A by its 92 days: 1,940 / 9,400 = 20.6%).
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("A").New(1_000m)
                .Usage(D(2026, 6, 1), D(2026, 6, 30), dau: 100, mau: 100, seats: 100, keyFeatureUses: 0)
                .Usage(Q3.From, Q3.To, dau: 20, mau: 100, seats: 100, keyFeatureUses: 0).Build(),
            new MetricsTestAccount("B").New(1_000m).Usage(D(2026, 9, 21), Q3.To, dau: 10, mau: 20, seats: 20, keyFeatureUses: 0).Build(),
        ];

        var result = _calculator.Compute(MetricKind.Stickiness, portfolio, Q3);

        Assert.Equal(25.0m, result.Value);
        Assert.Equal("Stickiness 25.0% = average DAU 30 / average MAU 120 (summed over 2 accounts)", result.Formula);
    }

    [Fact]
    public void Stickiness_segment_filter_and_null_case()
    {
        // Enterprise: 50 / 100 = 50.0%. SMB has no usage in the period -> null.
        AccountSignals[] portfolio =
        [
            new MetricsTestAccount("e", "Enterprise").Usage(Q3.From, Q3.To, dau: 50, mau: 100, seats: 100, keyFeatureUses: 0).Build(),
            new MetricsTestAccount("s", "SMB").Usage(D(2026, 6, 1), D(2026, 6, 30), dau: 5, mau: 10, seats: 10, keyFeatureUses: 0).Build(),
        ];

        Assert.Equal(50.0m, _calculator.Compute(MetricKind.Stickiness, portfolio, Q3, "Enterprise").Value);
        var smb = _calculator.Compute(MetricKind.Stickiness, portfolio, Q3, "smb");
        Assert.Null(smb.Value);
        Assert.Equal("No usage data in the period.", smb.Note);
    }
}
