using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Evaluation;

/// <summary>Scores one account and evaluates its rules: the pure step shared by scheduled runs and back-fills.</summary>
public sealed class PortfolioScoring(HealthScorer scorer, RuleEvaluator rules)
{
    /// <summary>The configured churn-risk rules, for answers that list what one rule flags.</summary>
    public RuleEvaluator Rules => rules;

    public HealthScore Score(AccountSignals signals, DateOnly asOf) => scorer.Score(signals, asOf);

    public (HealthScore Score, IReadOnlyList<RuleHit> Hits) Evaluate(AccountSignals signals, ScorePoint[] history, DateOnly asOf)
    {
        var score = scorer.Score(signals, asOf);
        var hits = rules.Evaluate(signals, score, history, asOf);
        return (score, hits);
    }

    /// <summary>Daily scores for the <paramref name="days"/> days ending the day before <paramref name="today"/>, oldest first.</summary>
    public ScorePoint[] Backfill(AccountSignals signals, DateOnly today, int days)
    {
        var points = new List<ScorePoint>(days);
        for (var day = today.AddDays(-days); day < today; day = day.AddDays(1))
        {
            if (!signals.Account.IsActiveOn(day)) continue;
            points.Add(new ScorePoint(day, scorer.Score(signals, day).Score));
        }
        return [.. points];
    }
}
