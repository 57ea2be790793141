using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Rules.Checks;

/// <summary><see cref="RuleKind.SeatUtilizationBelow"/>: 7-day seat utilisation below <c>Percent</c>%.</summary>
internal static class SeatUtilizationBelowCheck
{
    public static Finding? Evaluate(RuleDefinition rule, RuleContext c)
    {
        if (rule.Percent is not { } percent) return null;
        var recent = UsageWindow.Last(c.Usage, c.AsOf, HealthScorer.RecentDays);
        if (recent.SeatUtilizationPercent is not { } utilisation || utilisation >= percent) return null;
        return new Finding(
            $"seat utilisation {Whole(utilisation)}% ({People(recent.AverageActiveUsers)} of {Count(recent.LatestSeats)} seats active) is below {One(percent)}%",
            utilisation);
    }
}
