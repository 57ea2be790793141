namespace CsBot.Core.Metrics;

public enum MetricUnit
{
    /// <summary>A percentage, e.g. 104.2 for 104.2%.</summary>
    Percent,
    /// <summary>A plain ratio, e.g. 3.1 for a quick ratio of 3.1.</summary>
    Ratio,
    /// <summary>An amount of money in the configured currency.</summary>
    Money,
    /// <summary>A score on its own scale, e.g. NPS (-100..100) or CSAT (1..5).</summary>
    Score,
    /// <summary>A count of things (accounts, responses).</summary>
    Count,
}
