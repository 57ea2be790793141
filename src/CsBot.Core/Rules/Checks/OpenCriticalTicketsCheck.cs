using CsBot.Core.Signals;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Rules.Checks;

/// <summary><see cref="RuleKind.OpenCriticalTickets"/>: at least <c>Count</c> open critical tickets.</summary>
internal static class OpenCriticalTicketsCheck
{
    public static Finding? Evaluate(RuleDefinition rule, RuleContext c)
    {
        if (rule.Count is not { } count) return null;
        var load = SupportLoad.At(c.Signals.Tickets, c.AsOf);
        if (load.Critical < count || load.Critical == 0) return null;
        return new Finding(
            $"{Count(load.Critical, "critical ticket")} open (oldest {Count(load.OldestCriticalDaysOpen, "day")})",
            load.Critical);
    }
}
