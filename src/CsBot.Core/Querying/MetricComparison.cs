namespace CsBot.Core.Querying;

/// <summary>What a metric question compares its period with: "is GRR improving", "grr q/q", "nps vs last year".</summary>
public enum MetricComparison
{
    /// <summary>"improving", "going down", "trending": the period before, of the same length.</summary>
    PreviousPeriod,
    /// <summary>"m/m", "month over month", "vs last month".</summary>
    PreviousMonth,
    /// <summary>"q/q", "quarter over quarter", "vs last quarter".</summary>
    PreviousQuarter,
    /// <summary>"y/y", "yoy", "compared to last year".</summary>
    PreviousYear,
}
