using CsBot.Core.Formatting;

namespace CsBot.Core.Metrics;

/// <summary>What every result of one computation shares: metric, period, segment and unit.</summary>
internal readonly record struct MetricContext(MetricKind Metric, DateRange Period, string? Segment, MetricsOptions Options)
{
    public string Name => MetricNames.Name(Metric);
    public MetricUnit Unit => MetricNames.Unit(Metric);

    /// <summary>An amount in the configured currency, as formulas and notes show it.</summary>
    public string Money(decimal value) => Format.Money(value, Options.Currency);

    /// <param name="exact">The value before rounding, for clients that compute with it.</param>
    /// <param name="value">The value as answers show it.</param>
    public MetricResult Result(decimal exact, decimal value, string formula, IReadOnlyList<MetricInput> inputs, string? note = null) => new()
    {
        ExactValue = exact,
        Metric = Metric,
        Period = Period,
        Segment = Segment,
        Unit = Unit,
        Currency = Options.Currency,
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
        Currency = Options.Currency,
        Value = null,
        Formula = formula,
        Inputs = inputs,
        Note = note,
    };
}

/// <summary>Rounding and inputs shared by the metric families; their text comes from <see cref="Format"/>.</summary>
internal static class Fmt
{
    public static decimal Percent(decimal numerator, decimal denominator) => RoundPercent(ExactPercent(numerator, denominator));
    public static decimal ExactPercent(decimal numerator, decimal denominator) => numerator / denominator * 100m;
    public static decimal RoundPercent(decimal percent) => Math.Round(percent, 1, MidpointRounding.AwayFromZero);
    public static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static MetricInput Money(string name, decimal value) => new(name, value, MetricUnit.Money);
    public static MetricInput Count(string name, int value) => new(name, value, MetricUnit.Count);
    public static MetricInput PercentInput(string name, decimal value) => new(name, value, MetricUnit.Percent);
}
