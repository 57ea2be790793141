using CsBot.Core.Metrics;

namespace CsBot.Application.Ingestion.Reading;

/// <summary>A metric for a period with its formula and inputs, and the same metric for the previous period of the same length.</summary>
public sealed record MetricView(
    MetricKind Metric, string Name, string Description, MetricUnit Unit, string Currency, string? Segment,
    MetricPeriodValue Current, MetricPeriodValue Previous, decimal? Change);

/// <summary>The value of a metric over one period; <see cref="Value"/> is null when the data cannot support it and <see cref="Note"/> says why.</summary>
public sealed record MetricPeriodValue(DateOnly From, DateOnly To, decimal? Value, string Formula, IReadOnlyList<MetricInput> Inputs, string? Note)
{
    public static MetricPeriodValue Of(MetricResult r) => new(r.Period.From, r.Period.To, r.Value, r.Formula, r.Inputs, r.Note);
}
