namespace CsBot.Core.Metrics;

/// <summary>Metric settings, bound from configuration section "Metrics".</summary>
public sealed class MetricsOptions
{
    public const string SectionName = "Metrics";

    /// <summary>Gross margin used by CLV, as a fraction (0.8 = 80%).</summary>
    public decimal GrossMargin { get; set; } = 0.8m;
    /// <summary>ISO currency code all money is expressed in.</summary>
    public string Currency { get; set; } = "USD";
    /// <summary>An account is "fully adopted" when, over the last 30 days of the period, seat utilisation averages at least this %...</summary>
    public double AdoptedMinSeatUtilizationPercent { get; set; } = 60;
    /// <summary>...and the key feature is used at least this many times per active user per week.</summary>
    public double AdoptedMinKeyFeatureUsesPerUserWeek { get; set; } = 2;
}
