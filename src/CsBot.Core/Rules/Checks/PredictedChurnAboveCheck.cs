using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Rules.Checks;

/// <summary><see cref="RuleKind.PredictedChurnAbove"/>: the churn model gives the account at least <c>Percent</c>% (nothing while no model is in use).</summary>
internal static class PredictedChurnAboveCheck
{
    public static Finding? Evaluate(RuleDefinition rule, RuleContext c, IPredictedChurn? predicted)
    {
        if (rule.Percent is not { } percent || predicted?.Probability(c.Signals, c.AsOf) is not { } probability) return null;
        var observed = probability * 100;
        return observed >= percent
            ? new Finding($"the churn model gives {Probability(probability)} odds of churn or a deep contraction within {predicted.HorizonDays} days (alerting at {One(percent)}%)", observed)
            : null;
    }
}
