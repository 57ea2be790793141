using System.Runtime.CompilerServices;
using CsBot.Application.Evaluation;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Metrics;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.DemoData;

namespace CsBot.Application.Tests.Evaluation;

/// <summary>
/// What a run tells the notifier at its end is handed over, not kept: a day's first run at 100k accounts tells some 115k
/// alerts and 89k accounts' records, and the run holding them while the notifier writes the alerts it marked (in parts,
/// for seconds) kept both generations of those alerts alive at the run's memory peak.
/// </summary>
public sealed class TellingChangesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public void Once_handed_over_the_alerts_are_held_by_the_notifier_only_and_the_kept_scores_still_show()
    {
        var told = new TellingChanges();
        var (alert, accountId) = Tell(told);

        HandOver(told, accountId);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Empty(told.Started);
        Assert.False(alert.IsAlive, "the run still holds an alert it handed to the notifier");
        GC.KeepAlive(told);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (WeakReference Alert, string AccountId) Tell(TellingChanges told)
    {
        var signals = DemoPortfolio.Generate(Today, 1)[0];
        var scoring = new PortfolioScoring(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));
        var (score, _) = scoring.Evaluate(signals, [], Today);
        var alert = new Alert
        {
            Id = $"{signals.Account.Id}:no-login", AccountId = signals.Account.Id, RuleId = "no-login", Severity = Severity.High,
            State = AlertState.Firing, Reason = "no login for 17 days", FirstFiredAt = Now, LastEvaluatedAt = Now,
        };
        told.Add(new AlertChanges([alert], [], []), _ => true, _ => (signals.Account, score, true));
        return (new WeakReference(alert), signals.Account.Id);
    }

    /// <summary>The notifier's side: it gets the alert, its account and its score, and lets them go when done.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void HandOver(TellingChanges told, string accountId)
    {
        var (changes, accounts, scoreOf) = told.HandOver(_ => null);
        Assert.Equal(accountId, Assert.Single(changes.Started).AccountId);
        Assert.True(accounts.ContainsKey(accountId));
        Assert.NotNull(scoreOf(accountId));
    }
}
