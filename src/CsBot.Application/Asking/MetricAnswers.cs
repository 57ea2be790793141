using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;

namespace CsBot.Application.Asking;

/// <summary>
/// A metric for a period with its formula inputs and the change against the previous period of the same length,
/// e.g. "NRR 104.0% = (start $1.2M + expansion $80k - contraction $20k - churn $12k) / $1.2M".
/// </summary>
public static class MetricAnswers
{
    /// <param name="withheld">Why figures were left out of <paramref name="current"/>'s inputs, shown with the answer; null when none were.</param>
    public static ChatMessage Metric(MetricResult current, MetricResult previous, string periodLabel, string? withheld = null)
    {
        var name = MetricNames.Name(current.Metric);
        var segment = current.Segment is null ? "" : $" for {current.Segment}";
        var title = current.Value is { } v
            ? $"{name}{segment} {periodLabel}: {Format.Value(v, current.Unit, current.Currency)}"
            : $"{name}{segment} {periodLabel}: not available";

        var fields = new List<MessageField>();
        if (current.Value is { } value)
        {
            fields.Add(new("Value", Format.Value(value, current.Unit, current.Currency)));
            fields.Add(new("Previous period", previous.Value is { } p ? $"{Format.Value(p, previous.Unit, previous.Currency)} ({PeriodLabel.Describe(previous.Period)})" : $"not available ({PeriodLabel.Describe(previous.Period)})"));
            if (previous.Value is { } before) fields.Add(new("Change", Format.Change(value - before, current.Unit, current.Currency)));
        }
        fields.AddRange(current.Inputs.Select(i => new MessageField(Capitalise(i.Name), Format.Value(i.Value, i.Unit, current.Currency))));

        var context = new List<string> { $"{PeriodLabel.Describe(current.Period)}. {MetricNames.Description(current.Metric)}" };
        if (current.Note is not null) context.Insert(0, current.Note);
        if (withheld is not null) context.Add(withheld);
        return new ChatMessage
        {
            Title = title,
            FallbackText = current.Formula,
            Sections = [new MessageSection { Text = current.Formula, Fields = fields }],
            Context = context,
        };
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
