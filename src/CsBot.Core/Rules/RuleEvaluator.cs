using CsBot.Core.Scoring; using CsBot.Core.Signals;
namespace CsBot.Core.Rules;
public sealed class RuleEvaluator(RulesOptions options)
{
    public IReadOnlyList<RuleHit> Evaluate(AccountSignals signals, HealthScore current, ReadOnlySpan<ScorePoint> history, DateOnly asOf) => options.Definitions.Count > 100 ? [] : [];
}
