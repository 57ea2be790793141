using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Querying;

namespace CsBot.Application.Asking;

/// <summary>
/// The period a metric question is answered for, decided here once for the answers and for anything that reports what
/// the engine does with a question: a period that has not started gets no number, one in progress is counted to
/// today and labelled "so far" (see <see cref="MetricPeriod"/> for what it is compared with).
/// </summary>
public static class MetricPeriods
{
    /// <summary>The days <paramref name="q"/> asks about as of <paramref name="today"/>; last month when it names none.</summary>
    public static MetricPeriod For(ParsedQuestion q, DateOnly today) => MetricPeriod.Of(q.Period ?? LastFullMonth(today), today);

    /// <summary>How the answer names the period: "Q4 2026 so far (to 2026-11-26)", "last quarter", "January 2026".</summary>
    public static string Label(ParsedQuestion q, MetricPeriod period)
    {
        if (period.Stage == PeriodStage.InProgress) return $"{PeriodLabel.Describe(period.Whole)} {period.SoFar}";
        if (q.PeriodText is { } typed) return PeriodLabel.ForTitle(typed, period.Asked);
        return q.Compare switch
        {
            MetricComparison.PreviousQuarter => "last quarter",
            MetricComparison.PreviousYear => "last year",
            _ => "last month",
        };
    }

    /// <summary>"Q1 2027 hasn't started; I can tell you Q4 2026 so far", with a button that asks exactly that.</summary>
    public static ChatMessage NotStarted(ParsedQuestion q, MetricPeriod period)
    {
        var name = MetricNames.Name(q.Metric!.Value);
        var asked = PeriodLabel.Describe(period.Asked);
        var segment = q.Segment is { } s ? $" for {s}" : "";
        if (period.CurrentInstead() is { } current)
        {
            var now = PeriodLabel.Describe(current);
            var question = $"{name} {now}{segment}";
            return new ChatMessage
            {
                Title = $"{asked} hasn't started; I can tell you {now} so far",
                FallbackText = $"{asked} hasn't started yet, so there is no {name} for it. Ask \"{question}\" for {now} so far.",
                Sections = [new MessageSection { Text = $"There is no {name} for a period that hasn't started, and forecasts are not something I do. Ask \"{question}\" for {now} so far." }],
                Actions = [new MessageAction(ActionKind.Choose, $"{name} {now} so far", question)],
            };
        }
        var example = $"{name} last 30 days{segment}";
        return new ChatMessage
        {
            Title = $"{asked} hasn't started yet",
            FallbackText = $"There is no {name} for a period that hasn't started. Ask about days up to today, e.g. \"{example}\".",
            Sections = [new MessageSection { Text = $"There is no {name} for a period that hasn't started. Ask about days up to today, e.g. \"{example}\"." }],
            Actions = [new MessageAction(ActionKind.Choose, example, example)],
        };
    }

    private static DateRange LastFullMonth(DateOnly today)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        return new DateRange(first.AddMonths(-1), first.AddDays(-1));
    }
}
