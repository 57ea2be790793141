using System.Globalization;
using CsBot.Application.Formatting;
using CsBot.Core.Metrics;
using CsBot.Core.Messaging;

namespace CsBot.Application.Asking;

/// <summary>
/// A metric for a period with its formula inputs and the change against the previous period of the same length,
/// e.g. "NRR 104.0% = (start 1.20M + expansion 80k - contraction 20k - churn 12k) / 1.20M".
/// </summary>
public static class MetricAnswers
{
    public static ChatMessage Metric(MetricResult current, MetricResult previous, string periodLabel)
    {
        var name = MetricNames.Name(current.Metric);
        var segment = current.Segment is null ? "" : $" for {current.Segment}";
        var title = current.Value is { } v
            ? $"{name}{segment} {periodLabel}: {Format(v, current.Unit)}"
            : $"{name}{segment} {periodLabel}: not available";

        var fields = new List<MessageField>();
        if (current.Value is { } value)
        {
            fields.Add(new("Value", Format(value, current.Unit)));
            fields.Add(new("Previous period", previous.Value is { } p ? $"{Format(p, previous.Unit)} ({PeriodLabel.Describe(previous.Period)})" : $"not available ({PeriodLabel.Describe(previous.Period)})"));
            if (previous.Value is { } before) fields.Add(new("Change", Change(value - before, current.Unit)));
        }
        fields.AddRange(current.Inputs.Select(i => new MessageField(Capitalise(i.Name), Format(i.Value, i.Unit))));

        var context = new List<string> { $"{PeriodLabel.Describe(current.Period)}. {MetricNames.Description(current.Metric)}" };
        if (current.Note is not null) context.Insert(0, current.Note);
        return new ChatMessage
        {
            Title = title,
            FallbackText = current.Formula,
            Sections = [new MessageSection { Text = current.Formula, Fields = fields }],
            Context = context,
        };
    }

    public static string Format(decimal value, MetricUnit unit) => unit switch
    {
        MetricUnit.Percent => value.ToString("0.0", CultureInfo.InvariantCulture) + "%",
        MetricUnit.Money => Numbers.Money(value),
        MetricUnit.Count => value.ToString("#,0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    private static string Change(decimal delta, MetricUnit unit)
    {
        var sign = delta > 0 ? "+" : "";
        return unit switch
        {
            MetricUnit.Percent => $"{sign}{delta.ToString("0.0", CultureInfo.InvariantCulture)} pts",
            MetricUnit.Money => sign + Numbers.Money(delta),
            _ => sign + delta.ToString("0.##", CultureInfo.InvariantCulture),
        };
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
