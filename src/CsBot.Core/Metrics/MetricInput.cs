namespace CsBot.Core.Metrics;

/// <summary>A named number that went into a metric's formula, e.g. ("start MRR", 100000, Money).</summary>
public sealed record MetricInput(string Name, decimal Value, MetricUnit Unit);
