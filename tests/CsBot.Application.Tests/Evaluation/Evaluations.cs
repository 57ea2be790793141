using CsBot.Application.Evaluation;
using CsBot.Application.Notifications;
using CsBot.Application.Time;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Application.Tests.Evaluation;

/// <summary>The evaluation as the host wires it by default (scoring, rules, notifier and planner on default options), over the stores a test gives.</summary>
internal static class Evaluations
{
    public static PortfolioScoring Scoring() => new(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));

    /// <param name="keptScores">How many scores a run keeps for its messages (<see cref="RiskEvaluationService.KeptScores"/>); the default when null.</param>
    public static RiskEvaluationService Over(IPortfolioStore portfolio, IScoreStore scores, IAlertStore alerts, IOutbox outbox, BusinessClock clock, int? keptScores = null)
    {
        var planner = new NotificationPlanner(new AlertingOptions(), TimeZoneInfo.Utc, new NoRecipientTimeZones());
        var notifier = new AlertNotifier(outbox, alerts, planner, new MetricsOptions(), clock, NullLogger<AlertNotifier>.Instance);
        return new RiskEvaluationService(portfolio, scores, alerts, Scoring(), notifier, clock, NullLogger<RiskEvaluationService>.Instance)
        {
            KeptScores = keptScores ?? TellingChanges.DefaultKeptScores,
        };
    }
}
