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
            var now = Compute(calculator, data, metric, month);
            var prev = Compute(calculator, data, metric, before);
            if (now.Value is not { } value) return $"{MetricNames.Name(metric)}: n/a ({now.Note})";
            var shown = Format.Value(value, now.Unit, now.Currency);
            if (prev.Value is not { } previous) return $"{MetricNames.Name(metric)}: {shown} (no figure for {MonthName(before)})";
            return $"{MetricNames.Name(metric)}: {shown} ({Format.Change(value - previous, now.Unit, now.Currency)} vs {MonthName(before)})";
        });
        return new MessageSection { Heading = $"Key metrics, {MonthName(month)}", Text = string.Join("\n", lines) };
    }

    // The snapshot's result is the calculator's over the same accounts, computed once per snapshot.
    private static MetricResult Compute(MetricsCalculator calculator, DigestData data, MetricKind metric, DateRange period) =>
        data.Snapshot is { } snapshot ? snapshot.Metric(calculator, metric, period, data.Segment) : calculator.Compute(metric, data.Portfolio, period, data.Segment);

    private static string MonthName(DateRange month) => Format.Month(month.From);
}
