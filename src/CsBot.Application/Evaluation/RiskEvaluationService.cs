using System.Diagnostics;
using CsBot.Application.Notifications;
using CsBot.Application.Time;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Evaluation;

/// <summary>
/// One risk evaluation run: score every active account as of today, store the scores, turn rule hits into alert
/// changes and notify the owners of new alerts. Scheduled hourly; safe to re-run (same-day scores are replaced,
/// alerts are keyed by account and rule).
/// </summary>
public sealed class RiskEvaluationService(
    IPortfolioStore portfolio,
    IScoreStore scores,
    IAlertStore alerts,
    PortfolioScoring scoring,
    AlertNotifier notifier,
    BusinessClock clock,
    ILogger<RiskEvaluationService> logger)
{
    public async Task<EvaluationSummary> RunAsync(CancellationToken cancellationToken)
    {
        var histories = scores.GetAllHistories();
        return await EvaluateAsync(portfolio.LoadAllSignals(), id => histories.TryGetValue(id, out var h) ? h : [], cancellationToken);
    }

    /// <summary>
    /// The same run for the given accounts only (e.g. those an ingestion just changed): they are rescored, their rules
    /// evaluated, their alerts started or resolved and their owners notified. Other accounts and their alerts are left
    /// as they are. Unknown ids are ignored.
    /// </summary>
    public Task<EvaluationSummary> RunForAccountsAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var signals = accountIds.Distinct(StringComparer.Ordinal).Select(portfolio.LoadSignals).OfType<Core.Signals.AccountSignals>();
        return EvaluateAsync(signals, scores.GetHistory, cancellationToken);
    }

    private async Task<EvaluationSummary> EvaluateAsync(
        IEnumerable<Core.Signals.AccountSignals> portfolioSignals,
        Func<string, ScorePoint[]> historyOf,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var today = clock.Today;
        var newScores = new List<HealthScore>();
        var hits = new List<RuleHit>();
        var evaluated = new HashSet<string>();
        var accounts = new Dictionary<string, Core.Accounts.Account>();

        foreach (var signals in portfolioSignals)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var account = signals.Account;
            if (!account.IsActiveOn(today)) continue;
            var history = historyOf(account.Id);
            var (score, accountHits) = scoring.Evaluate(signals, history, today);
            newScores.Add(score);
            hits.AddRange(accountHits);
            evaluated.Add(account.Id);
            accounts[account.Id] = account;
        }

        scores.SaveScores(newScores);
        var changes = AlertReconciler.Reconcile(alerts.GetOpen(), hits, evaluated, clock.Now);
        changes = changes with { Started = [.. changes.Started.Select(KeepEarlierHistory)] };
        alerts.Upsert(changes.All);

        var latest = newScores.ToDictionary(s => s.AccountId);
        var sent = await notifier.NotifyAsync(changes, accounts, latest, cancellationToken);

        var summary = new EvaluationSummary(today, newScores.Count, hits.Count, changes.Started.Count, changes.Resolved.Count, sent, started.Elapsed);
        logger.LogInformation(
            "Risk evaluation for {AsOf}: {Accounts} accounts scored, {Hits} rule hits, {Started} new alerts, {Resolved} resolved, {Sent} messages queued in {Elapsed} ms",
            summary.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), summary.AccountsScored, summary.RuleHits, summary.AlertsStarted, summary.AlertsResolved, summary.MessagesSent, (int)summary.Elapsed.TotalMilliseconds);
        return summary;
    }

    /// <summary>
    /// An alert that fires again after it resolved reuses its (account, rule) id; its earlier history is kept in
    /// front of the new one so who acknowledged what, and when, is never lost.
    /// </summary>
    private Alert KeepEarlierHistory(Alert started) =>
        alerts.Get(started.Id) is { State: AlertState.Resolved } earlier
            ? started with { History = [.. earlier.History, .. started.History] }
            : started;
}
