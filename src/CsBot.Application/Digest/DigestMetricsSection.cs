using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;

namespace CsBot.Application.Digest;

/// <summary>Key metrics for the last full calendar month, each with its change against the month before.</summary>
internal static class DigestMetricsSection
{
    public static readonly MetricKind[] Metrics = [MetricKind.NetRevenueRetention, MetricKind.GrossRevenueRetention, MetricKind.LogoChurnRate, MetricKind.Nps];

    public static DateRange LastFullMonth(DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        return new DateRange(thisMonth.AddMonths(-1), thisMonth.AddDays(-1));
    }

    public static MessageSection Build(MetricsCalculator calculator, DigestData data)
    {
        var month = LastFullMonth(data.Today);
        var before = month.Previous();
        var lines = Metrics.Select(metric =>
        {
            var now = calculator.Compute(metric, data.Portfolio, month, data.Segment);
            var prev = calculator.Compute(metric, data.Portfolio, before, data.Segment);
            if (now.Value is not { } value) return $"{MetricNames.Name(metric)}: n/a ({now.Note})";
            var shown = Format.Value(value, now.Unit, now.Currency);
            if (prev.Value is not { } previous) return $"{MetricNames.Name(metric)}: {shown} (no figure for {MonthName(before)})";
            return $"{MetricNames.Name(metric)}: {shown} ({Format.Change(value - previous, now.Unit, now.Currency)} vs {MonthName(before)})";
        });
        return new MessageSection { Heading = $"Key metrics, {MonthName(month)}", Text = string.Join("\n", lines) };
    }

    private static string MonthName(DateRange month) => Format.Month(month.From);
}
