namespace CsBot.Core.Metrics;

/// <summary>
/// A metric for a period. <see cref="Value"/> is null when the data cannot support it (no customers at start,
/// no survey responses...) and <see cref="Note"/> says why: CsBot never invents a number.
/// <see cref="Formula"/> is the formula with the inputs filled in, e.g.
/// "NRR 104.0% = (start $1.2M + expansion $80k - contraction $20k - churn $12k) / $1.2M".
/// </summary>
public sealed record MetricResult
{
    public required MetricKind Metric { get; init; }
    public required DateRange Period { get; init; }
    /// <summary>The value as answers show it, rounded to the unit's precision (one decimal for a percentage, cents for money).</summary>
    public decimal? Value { get; init; }
    /// <summary>The value before that rounding, for clients that compute with it; null exactly when <see cref="Value"/> is.</summary>
    public decimal? ExactValue { get; init; }
    public required MetricUnit Unit { get; init; }
    /// <summary>ISO code of the currency money values are in (Metrics:Currency).</summary>
    public string Currency { get; init; } = "";
    public string Formula { get; init; } = "";
    public IReadOnlyList<MetricInput> Inputs { get; init; } = [];
    public string? Note { get; init; }
    public string? Segment { get; init; }
}
