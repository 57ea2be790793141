using CsBot.Core.Signals;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Rules.Checks;

/// <summary><see cref="RuleKind.Contraction"/>: contraction of at least <c>Percent</c>% of MRR within the last <c>Days</c> days.</summary>
internal static class ContractionCheck
{
    public static Finding? Evaluate(RuleDefinition rule, RuleContext c)
    {
        if (rule.Percent is not { } percent || rule.Days is not { } days) return null;
        var from = c.AsOf.AddDays(1 - days);
        // The account's MRR is today's; undo every change dated in or after the window to get MRR as the window began.
        var mrrBefore = c.Signals.Account.Mrr;
        decimal contracted = 0;
        var events = c.Signals.RevenueEvents;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Date < from) continue;
            mrrBefore -= e.MrrDelta;
            if (e.Kind == RevenueEventKind.Contraction && e.Date <= c.AsOf) contracted += e.MrrDelta;
        }
        if (mrrBefore <= 0 || contracted >= 0) return null;
        var share = (double)(-contracted / mrrBefore) * 100.0;
        if (share < percent) return null;
        return new Finding(
            $"MRR contracted {Whole(share)}% ({Money(contracted, c.Currency)} of {Money(mrrBefore, c.Currency)}) in the last {Count(days, "day")}",
            share);
    }
}
