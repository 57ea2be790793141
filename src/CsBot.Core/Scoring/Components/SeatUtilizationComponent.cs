using static CsBot.Core.Formatting.Format;
using static CsBot.Core.Scoring.HealthScorer;

namespace CsBot.Core.Scoring.Components;

/// <summary><see cref="HealthComponentKind.SeatUtilization"/>: 7-day average active users as a % of licensed seats.</summary>
internal static class SeatUtilizationComponent
{
    /// <summary>
    /// False when there is no recent usage or no seat count, with <paramref name="text"/> saying why; otherwise
    /// <paramref name="text"/> is the reason (only built when <paramref name="explain"/> is set).
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
        if (usage.LatestSeats <= 0)
        {
            text = "no licensed seats recorded";
            return false;
        }
        var average = (double)usage.RecentActive / usage.RecentRows;
        value = average * 100.0 / usage.LatestSeats;
        if (explain)
        {
            text = $"seat utilisation {Whole(value)}% ({People(average)} of {Count(usage.LatestSeats)} seats active, {RecentDays}-day average)";
        }
        return true;
    }
}
