using CsBot.Core.Scoring;
using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Rules.Checks;

/// <summary><see cref="RuleKind.RenewalAtRisk"/>: renewal within <c>Days</c> days while the health band is one of <c>Bands</c>.</summary>
internal static class RenewalAtRiskCheck
{
    public static Finding? Evaluate(RuleDefinition rule, RuleContext c)
    {
        if (rule.Days is not { } days || !c.Current.HasData) return null;
        if (c.Signals.Account.NextRenewalOn(c.AsOf) is not { } renewal || renewal < c.AsOf) return null;
        var until = renewal.DayNumber - c.AsOf.DayNumber;
        if (until > days) return null;
        IReadOnlyList<HealthBand> bands = rule.Bands ?? RuleEvaluator.DefaultRenewalBands;
        if (!bands.Contains(c.Current.Band)) return null;
        return new Finding(
            $"renews on {Date(renewal)} ({Count(until, "day")}) with health {c.Current.Score} ({c.Current.Band})",
            until);
    }
}
