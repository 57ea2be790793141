using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Rules.Checks;

/// <summary><see cref="RuleKind.UsageDrop"/>: average active users fell at least <c>Percent</c>% vs the baseline.</summary>
internal static class UsageDropCheck
{
    public static Finding? Evaluate(RuleDefinition rule, RuleContext c)
    {
        if (rule.Percent is not { } percent) return null;
        var recentDays = rule.RecentDays ?? HealthScorer.RecentDays;
        var baselineDays = rule.BaselineDays ?? HealthScorer.BaselineDays;
        if (recentDays < 1 || baselineDays < 1) return null;
        if (UsageWindow.Trend(c.Usage, c.AsOf, recentDays, baselineDays) is not { } trend) return null;
        var drop = -trend.ChangePercent;
        if (drop < percent) return null;
        return new Finding(
            $"active users down {Whole(drop)}% ({Average(trend.BaselineAverage)} -> {Average(trend.RecentAverage)}) vs {baselineDays}-day baseline",
            drop);
    }
}
