using CsBot.Core.Signals;

namespace CsBot.Core.Metrics;

/// <summary>
/// Computes customer-success metrics for a period over a portfolio, optionally one segment of it. Each result
/// carries its formula inputs; where the data cannot support a value it is null with a note, never invented.
/// The formulas live in the metric families (revenue, customer counts, surveys, usage).
/// </summary>
/// <param name="today">
/// Today in the business time zone: the renewal rate derives outcomes only for renewal dates that have passed.
/// Without it the system clock's UTC date is used.
/// </param>
public sealed class MetricsCalculator(MetricsOptions options, Func<DateOnly>? today = null)
{
    /// <summary>Average days per month, used to turn a period's churn into a monthly rate.</summary>
    public const decimal DaysPerMonth = 30.44m;

    /// <summary>ISO code of the one currency all money is in, for whoever writes amounts next to these results.</summary>
    public string Currency => options.Currency;

    public MetricResult Compute(MetricKind metric, IReadOnlyCollection<AccountSignals> portfolio, DateRange period, string? segment = null)
    {
        if (period.To < period.From)
            throw new ArgumentException($"The period {period} ends before it starts.", nameof(period));

        var segmentName = string.IsNullOrWhiteSpace(segment) ? null : segment.Trim();
        var ctx = new MetricContext(metric, period, segmentName, options);
        var accounts = InSegment(portfolio, segmentName);
        if (segmentName is not null && accounts.Count == 0)
            return ctx.Unavailable($"No accounts in segment '{segmentName}'.", MetricNames.Name(metric), []);

        return metric switch
        {
            MetricKind.LogoChurnRate => CustomerCountMetrics.LogoChurnRate(ctx, RevenueMovements.Of(accounts, period)),
            MetricKind.RetentionRate => CustomerCountMetrics.RetentionRate(ctx, RevenueMovements.Of(accounts, period)),
            MetricKind.RenewalRate => RenewalRateMetric.Compute(ctx, accounts, Today()),
            MetricKind.GrossRevenueChurn => RevenueMetrics.GrossRevenueChurn(ctx, RevenueMovements.Of(accounts, period)),
            MetricKind.NetRevenueChurn => RevenueMetrics.NetRevenueChurn(ctx, RevenueMovements.Of(accounts, period)),
            MetricKind.GrossRevenueRetention => RevenueMetrics.GrossRevenueRetention(ctx, RevenueMovements.Of(accounts, period)),
            MetricKind.NetRevenueRetention => RevenueMetrics.NetRevenueRetention(ctx, RevenueMovements.Of(accounts, period)),
            MetricKind.ExpansionRevenueRate => RevenueMetrics.ExpansionRevenueRate(ctx, RevenueMovements.Of(accounts, period)),
            MetricKind.CustomerLifetimeValue => RevenueMetrics.CustomerLifetimeValue(ctx, RevenueMovements.Of(accounts, period)),
            MetricKind.QuickRatio => RevenueMetrics.QuickRatio(ctx, RevenueMovements.Of(accounts, period)),
            MetricKind.Nps => SurveyMetrics.Nps(ctx, accounts),
            MetricKind.Csat => SurveyMetrics.Csat(ctx, accounts),
            MetricKind.Ces => SurveyMetrics.Ces(ctx, accounts),
            MetricKind.AdoptionRate => UsageMetrics.AdoptionRate(ctx, accounts),
            MetricKind.Stickiness => UsageMetrics.Stickiness(ctx, accounts),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown metric."),
        };
    }

    /// <summary>Today, as the renewal rate sees it: a result computed on another day may differ, so caches key on it.</summary>
    public DateOnly Today() => today?.Invoke() ?? DateOnly.FromDateTime(DateTime.UtcNow);

    public IReadOnlyList<MetricResult> ComputeAll(IReadOnlyCollection<AccountSignals> portfolio, DateRange period, string? segment = null) =>
        [.. Enum.GetValues<MetricKind>().Select(m => Compute(m, portfolio, period, segment))];

    public static decimal MrrAt(AccountSignals account, DateOnly day) => RevenueMovements.MrrAt(account, day);

    /// <summary>The accounts of <paramref name="segment"/> (case-insensitive); null or blank means all.</summary>
    /// <remarks>A packed portfolio is chosen from without unpacking and not copied, so a metric holds one account's objects at a time.</remarks>
    public static IReadOnlyList<AccountSignals> InSegment(IEnumerable<AccountSignals> portfolio, string? segment)
    {
        if (portfolio is PackedSignalsList packed)
            return string.IsNullOrWhiteSpace(segment) ? packed : packed.Where(a => string.Equals(a.Segment, segment.Trim(), StringComparison.OrdinalIgnoreCase));
        return string.IsNullOrWhiteSpace(segment)
            ? [.. portfolio]
            : [.. portfolio.Where(a => string.Equals(a.Account.Segment, segment.Trim(), StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>Whole months in a period, at least one: days / 30.44, rounded.</summary>
    public static int MonthsIn(DateRange period) =>
        Math.Max(1, (int)Math.Round(period.Days / DaysPerMonth, MidpointRounding.AwayFromZero));
}
