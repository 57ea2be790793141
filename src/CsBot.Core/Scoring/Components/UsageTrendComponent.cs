using static CsBot.Core.Formatting.Format;
using static CsBot.Core.Scoring.HealthScorer;

namespace CsBot.Core.Scoring.Components;

/// <summary><see cref="HealthComponentKind.UsageTrend"/>: % change in average active users, last 7 days vs the 28 before.</summary>
internal static class UsageTrendComponent
{
    /// <summary>
    /// False when there is nothing to compare, with <paramref name="text"/> saying why; otherwise <paramref name="text"/>
    /// is the reason (only built when <paramref name="explain"/> is set).
    /// </summary>
    public static bool Measure(in UsageFacts usage, bool explain, out double value, out string? text)
    {
        value = 0;
        text = null;
        if (usage.RecentRows == 0)
        {
            text = $"no usage data in the last {RecentDays} days";
            return false;
        }
        if (usage.BaselineRows == 0)
        {
            text = $"no usage data in the {BaselineDays}-day baseline before the last {RecentDays} days";
            return false;
        }
        if (usage.BaselineActive == 0)
        {
            text = $"no active users in the {BaselineDays}-day baseline to compare with";
            return false;
        }
        var before = (double)usage.BaselineActive / usage.BaselineRows;
        var now = (double)usage.RecentActive / usage.RecentRows;
        value = (now - before) * 100.0 / before;
        if (explain)
        {
            var direction = Math.Round(value, MidpointRounding.AwayFromZero) switch
            {
                > 0 => $"up {Whole(value)}%",
                < 0 => $"down {Whole(-value)}%",
                _ => "flat",
            };
            text = $"active users {direction} ({Average(before)} -> {Average(now)}) vs {BaselineDays}-day baseline";
        }
        return true;
    }
}
