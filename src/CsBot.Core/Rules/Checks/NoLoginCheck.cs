using CsBot.Core.Signals;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Rules.Checks;

/// <summary><see cref="RuleKind.NoLogin"/>: no login for at least <c>Days</c> days.</summary>
internal static class NoLoginCheck
{
    public static Finding? Evaluate(RuleDefinition rule, RuleContext c)
    {
        if (rule.Days is not { } days) return null;
        var upTo = UsageWindow.UpTo(c.Usage, c.AsOf);
        if (upTo.IsEmpty) return null; // no usage feed at all: nothing to say about logins
        if (UsageWindow.LastLogin(upTo, c.AsOf) is { } last)
        {
            var since = c.AsOf.DayNumber - last.DayNumber;
            return since >= days ? new Finding($"no login for {Count(since, "day")} (last on {Date(last)})", since) : null;
        }
        var first = upTo[0].Date;
        var tracked = c.AsOf.DayNumber - first.DayNumber;
        return tracked >= days ? new Finding($"no login for {Count(tracked, "day")} (none since usage tracking began on {Date(first)})", tracked) : null;
    }
}
