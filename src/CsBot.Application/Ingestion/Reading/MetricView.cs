using CsBot.Core.Formatting;
using CsBot.Core.Metrics;

namespace CsBot.Application.Ingestion.Reading;

/// <summary>
/// A metric for a period with its formula and inputs, and the same metric for the previous period of the same length.
/// <see cref="Change"/> is the change of the rounded values, as chat shows it; <see cref="ExactChange"/> the change of
/// the unrounded ones, for a client that computes with it; <see cref="ChangeText"/> how chat writes the change.
/// </summary>
public sealed record MetricView(
    MetricKind Metric, string Name, string Description, MetricUnit Unit, string Currency, string? Segment,
    MetricPeriodValue Current, MetricPeriodValue Previous, decimal? Change)
{
    public decimal? ExactChange => Current.ExactValue is { } now && Previous.ExactValue is { } before ? now - before : null;
    public string? ChangeText => Change is { } change ? Format.Change(change, Unit, Currency) : null;
}

/// <summary>
/// The value of a metric over one period; <see cref="Value"/> is null when the data cannot support it and <see cref="Note"/> says why.
/// <see cref="Value"/> is rounded as chat shows it (one decimal for a percentage, two for a score or ratio, cents for
/// money) and <see cref="Text"/> is that value written as chat writes it ("104.0%", "$12.5k"); <see cref="ExactValue"/>
/// is the value before rounding, for a client that computes with it.
/// </summary>
public sealed record MetricPeriodValue(DateOnly From, DateOnly To, decimal? Value, string Formula, IReadOnlyList<MetricInput> Inputs, string? Note)
{
    public decimal? ExactValue { get; init; }
    public string? Text { get; init; }

    public static MetricPeriodValue Of(MetricResult r) => new(r.Period.From, r.Period.To, r.Value, r.Formula, r.Inputs, r.Note)
    {
        ExactValue = r.ExactValue,
        Text = r.Value is { } v ? Format.Value(v, r.Unit, r.Currency) : null,
    };
}
