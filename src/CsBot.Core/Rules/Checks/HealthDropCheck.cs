using CsBot.Core.Scoring;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Rules.Checks;

/// <summary><see cref="RuleKind.HealthDrop"/>: health fell by at least <c>Points</c> over the last <c>Days</c> days.</summary>
internal static class HealthDropCheck
{
    public static Finding? Evaluate(RuleDefinition rule, RuleContext c, ReadOnlySpan<ScorePoint> history)
    {
        if (rule.Points is not { } points || rule.Days is not { } days || !c.Current.HasData) return null;
        var past = LatestOnOrBefore(history, c.AsOf.AddDays(-days));
        if (past is not { } then) return null;
        var drop = then.Score - c.Current.Score;
        if (drop < points) return null;
        var span = c.AsOf.DayNumber - then.Date.DayNumber;
        return new Finding($"health fell {Count(drop, "point")} in {Count(span, "day")} ({then.Score} -> {c.Current.Score})", drop);
    }

    /// <summary>The latest point dated on or before <paramref name="day"/> in a history sorted oldest first.</summary>
    public static ScorePoint? LatestOnOrBefore(ReadOnlySpan<ScorePoint> history, DateOnly day)
    {
        int lo = 0, hi = history.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (history[mid].Date <= day) lo = mid + 1;
            else hi = mid;
        }
        return lo == 0 ? null : history[lo - 1];
    }
}
