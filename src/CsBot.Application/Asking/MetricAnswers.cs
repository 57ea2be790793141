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

        // The value is said once, in the title: the formula below shows how it is made, not the value again.
        var fields = new List<MessageField>();
        var formula = current.Formula;
        if (current.Value is { } value)
        {
            var equals = formula.IndexOf(" = ", StringComparison.Ordinal);
            if (equals > 0) formula = $"{name} = {formula[(equals + 3)..]}";
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
            Sections = [new MessageSection { Text = formula, Fields = fields }],
            Context = context,
        };
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
