using static CsBot.Core.Formatting.Format;

namespace CsBot.Core.Rules.Checks;

/// <summary><see cref="RuleKind.HealthBelow"/>: the health score is below <c>Threshold</c>.</summary>
internal static class HealthBelowCheck
{
    public static Finding? Evaluate(RuleDefinition rule, RuleContext c)
    {
        if (rule.Threshold is not { } threshold || !c.Current.HasData) return null;
        var score = c.Current.Score;
        return score < threshold ? new Finding($"health {score} is below {One(threshold)}", score) : null;
    }
}
