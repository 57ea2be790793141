using System.Globalization;

namespace CsBot.Core.Metrics;

/// <summary>What every result of one computation shares: metric, period, segment and unit.</summary>
internal readonly record struct MetricContext(MetricKind Metric, DateRange Period, string? Segment, MetricsOptions Options)
{
    public string Name => MetricNames.Name(Metric);
    public MetricUnit Unit => MetricNames.Unit(Metric);

    public MetricResult Result(decimal value, string formula, IReadOnlyList<MetricInput> inputs, string? note = null) => new()
    {
        Metric = Metric,
        Period = Period,
        Segment = Segment,
        Unit = Unit,
        Value = value,
        Formula = formula,
        Inputs = inputs,
        Note = note,
    };

    /// <summary>A result without a value: <paramref name="note"/> says why, <paramref name="formula"/> shows the formula in words.</summary>
    public MetricResult Unavailable(string note, string formula, IReadOnlyList<MetricInput> inputs) => new()
    {
        Metric = Metric,
        Period = Period,
        Segment = Segment,
        Unit = Unit,
        Value = null,
        Formula = formula,
        Inputs = inputs,
        Note = note,
    };
}

/// <summary>Rounding and number text shared by the metric families (invariant culture).</summary>
internal static class Fmt
{
    public static decimal Percent(decimal numerator, decimal denominator) => RoundPercent(numerator / denominator * 100m);
    public static decimal RoundPercent(decimal percent) => Math.Round(percent, 1, MidpointRounding.AwayFromZero);
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>"104.0%".</summary>
    public static string Pct(decimal percent) => percent.ToString("0.0", CultureInfo.InvariantCulture) + "%";
    /// <summary>"1.25%": for small rates such as monthly churn.</summary>
    public static string Pct2(decimal percent) => percent.ToString("0.00", CultureInfo.InvariantCulture) + "%";
    /// <summary>"60.0": NPS.</summary>
    public static string Dec1(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture);
    /// <summary>"4.00": ratios and averages.</summary>
    public static string Dec2(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
    /// <summary>"1,234" or "12.5".</summary>
    public static string Num(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
    public static string Num(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
    public static string Money(decimal value) => MoneyFormat.Compact(value);

    public static MetricInput Money(string name, decimal value) => new(name, value, MetricUnit.Money);
    public static MetricInput Count(string name, int value) => new(name, value, MetricUnit.Count);
    public static MetricInput PercentInput(string name, decimal value) => new(name, value, MetricUnit.Percent);
}
