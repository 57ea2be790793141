using System.Diagnostics;
using CsBot.Application.Alerts;
using CsBot.Application.Notifications;
using CsBot.Application.Observability;
using CsBot.Application.Time;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
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
    ILogger<RiskEvaluationService> logger,
    ReadModel.DataVersions? versions = null,
    ReadModel.PortfolioView? view = null)
{
    /// <summary>Accounts per id range a full run reads as one sequence: enough ranges that the readers stay busy to the end.</summary>
    internal const int RangeSize = 2_500;

    /// <summary>Ranges read at once: one per core, since reading is most of a run's work on a real store.</summary>
    internal static int Readers => Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>Scores of accounts with rule hits a run keeps for its messages; the others are read back when shown (<see cref="TellingChanges"/>).</summary>
    public int KeptScores { get; init; } = TellingChanges.DefaultKeptScores;

    /// <summary>
    /// The full run: the portfolio is cut into id ranges read <see cref="Readers"/> at a time, each in batches with
    /// their histories, and scored in portfolio order. When the read model holds every write made so far
    /// (<see cref="ReadModel.PortfolioView.CaughtUp"/>), the ranges are unpacked from it; otherwise they are read from
    /// the store (<see cref="IPortfolioStore.CutIntoRanges"/>).
    /// </summary>
    /// <remarks>
    /// The run is marked as bulk work (<see cref="ReadModel.DataVersions.BulkRun"/>), so questions meanwhile are not
    /// each held up patching in its batches. The held copy is taken before that, so it holds every write made before
    /// the run. Reading it instead of the store spares the run most of its work and memory at 100k accounts: the store
    /// read every account's documents again (three quarters of a run's time on LiteDB) beside the same portfolio
    /// already held packed.
    /// </remarks>
    public async Task<EvaluationSummary> RunAsync(CancellationToken cancellationToken)
    {
        var heldPortfolio = view?.CaughtUp()?.Portfolio;
        using var bulk = versions?.BulkRun();
        var sources = heldPortfolio is not null ? HeldRanges(heldPortfolio, cancellationToken) : StoredRanges(cancellationToken);
        logger.LogInformation("Risk evaluation reads the portfolio from {Source}", heldPortfolio is null ? "the store" : "the read model");
        return await EvaluateAsync(OrderedReadAhead.Of(sources, Readers, ahead: 1, cancellationToken), scores.SaveScores, cancellationToken);
    }

    private List<Func<IEnumerable<EvaluationBatch>>> StoredRanges(CancellationToken cancellationToken) =>
        [.. portfolio.CutIntoRanges(RangeSize)
            .Select(range => (Func<IEnumerable<EvaluationBatch>>)(() => EvaluationBatch.Cut(portfolio.LoadSignalsIn(range), scores.GetHistories, alerts.GetOpenFor, cancellationToken)))];

    /// <summary>
    /// The held portfolio in ranges of <see cref="RangeSize"/> accounts in id order, as the store's ranges come (an
    /// account added since the copy was read sits after the others there), each unpacked as it is read.
    /// </summary>
    /// <remarks>
    /// Each batch's histories are read from the scores as the read model holds them when the batch is read, not from
    /// the copy the run started from: the run's own scores are patched in as it goes (an account is scored once a run,
    /// so the histories it reads are those it started from), and holding that copy to the end kept every account's
    /// latest score and history from before the run beside the new ones, some 40 MB at 100k accounts at the run's peak.
    /// </remarks>
    private List<Func<IEnumerable<EvaluationBatch>>> HeldRanges(ReadModel.PortfolioSnapshot held, CancellationToken cancellationToken)
    {
        var packed = held.Packed;
        var order = Enumerable.Range(0, packed.Count).ToArray();
        if (!InIdOrder(packed)) Array.Sort([.. packed.Select(p => p.Account.Id)], order, StringComparer.Ordinal);
        IReadOnlyDictionary<string, ScorePoint[]> HistoriesOf(IReadOnlyCollection<string> ids)
        {
            var histories = view!.HeldScores!;
            return ids.ToDictionary(id => id, histories.HistoryOf, StringComparer.Ordinal);
        }
        return [.. order.Chunk(RangeSize)
            .Select(range => (Func<IEnumerable<EvaluationBatch>>)(() => EvaluationBatch.Cut(range.Select(i => packed[i].Unpack()), HistoriesOf, view!.OpenAlertsOf, cancellationToken)))];
    }

    private static bool InIdOrder(IReadOnlyList<PackedAccountSignals> packed)
    {
        for (var i = 1; i < packed.Count; i++)
            if (string.CompareOrdinal(packed[i - 1].Account.Id, packed[i].Account.Id) > 0) return false;
        return true;
    }

    /// <summary>
    /// The same run for the given accounts only (e.g. those an ingestion just changed): they are rescored, their rules
    /// evaluated, their alerts started or resolved and their owners notified. Other accounts and their alerts are left
    /// as they are. Unknown ids are ignored.
    /// </summary>
    public Task<EvaluationSummary> RunForAccountsAsync(IReadOnlyCollection<string> accountIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var ids = accountIds.Distinct(StringComparer.Ordinal).ToList();
        // The accounts' signals, histories and alerts each in one read, as the full run reads a batch: a query per
        // account cost more than the rescoring itself. Scored in the order given, as before.
        var found = portfolio.LoadSignalsOf(ids);
        var signals = ids.Select(id => found.GetValueOrDefault(id)).OfType<AccountSignals>();
        return EvaluateAsync(ReadAhead.Of(EvaluationBatch.Cut(signals, HistoriesOf, OpenAlertsOf(ids), cancellationToken), ahead: 2, cancellationToken), scores.SaveRecentScores, cancellationToken);
    }

    /// <summary>
    /// <see cref="RunForAccountsAsync"/> for accounts whose signals were just saved, as saved: a store reads back exactly
    /// what it saved, so reading them again would only cost a read per account. An account given twice is scored once,
    /// with the signals given last, in the order it was first given.
    /// </summary>
    internal Task<EvaluationSummary> RunForSavedAsync(IReadOnlyList<AccountSignals> saved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var last = new Dictionary<string, AccountSignals>(saved.Count, StringComparer.Ordinal);
        var ids = new List<string>(saved.Count);
        foreach (var signals in saved)
        {
            if (!last.ContainsKey(signals.Account.Id)) ids.Add(signals.Account.Id);
            last[signals.Account.Id] = signals;
        }
        return EvaluateAsync(ReadAhead.Of(EvaluationBatch.Cut(ids.Select(id => last[id]), HistoriesOf, OpenAlertsOf(ids), cancellationToken), ahead: 2, cancellationToken), scores.SaveRecentScores, cancellationToken);
    }

    /// <summary>
    /// A rescoring's accounts' score histories: from the read model when it holds them (<see cref="ReadModel.PortfolioView.HistoriesOf"/>),
    /// else from the store.
    /// </summary>
    private IReadOnlyDictionary<string, ScorePoint[]> HistoriesOf(IReadOnlyCollection<string> accountIds) =>
        view?.HistoriesOf(accountIds) ?? scores.GetHistories(accountIds);

    /// <summary>
    /// The open alerts of these accounts only, read through the account index in one query when the first batch asks
    /// (rescoring the few accounts of an ingestion batch must cost what those accounts cost, not every open alert of the
    /// portfolio), then handed to each batch for its accounts, in id order as <see cref="IAlertStore.GetOpenFor"/> gives them.
    /// </summary>
    private Func<IReadOnlyCollection<string>, IReadOnlyList<Alert>> OpenAlertsOf(IReadOnlyCollection<string> accountIds)
    {
        var byAccount = new Lazy<ILookup<string, Alert>>(() => (view?.OpenAlertsOf(accountIds) ?? alerts.GetOpenFor(accountIds)).ToLookup(a => a.AccountId, StringComparer.Ordinal));
        return batch =>
        {
            var inBatch = new HashSet<string>(batch, StringComparer.Ordinal);
            return [.. inBatch.SelectMany(id => byAccount.Value[id]).OrderBy(a => a.Id, StringComparer.Ordinal)];
        };
    }

    /// <summary>
    /// Takes the batches as they are read ahead on other threads (each with its accounts' histories and open alerts),
    /// scores each batch's active accounts in parallel, saves the batch's scores and reconciles its alerts, so neither
    /// the portfolio, its scores, its rule hits nor its open alerts are ever held whole. Only what the notifier may act
    /// on (started and resolved alerts, and still-firing ones due a message: <see cref="AlertNotifier.MayAct"/>) is kept
    /// past its batch, with the records and scores of those accounts; at 100k accounts an hourly run kept some 105k rule
    /// hits, 105k open alerts and their refreshed copies to the end, promoted into the collector's oldest generation.
    /// </summary>
    /// <param name="save">
    /// How the scores are saved: a run over the portfolio saves them whole (<see cref="IScoreStore.SaveScores"/>), a
    /// rescoring of a few accounts as recent (<see cref="IScoreStore.SaveRecentScores"/>), which a store may keep where a
    /// small write costs least until the next whole run.
    /// </param>
    private async Task<EvaluationSummary> EvaluateAsync(IAsyncEnumerable<EvaluationBatch> batches, Func<IReadOnlyCollection<HealthScore>, int> save, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var today = clock.Today;
        // One instant for the whole run, as when its alerts were reconciled at its end in one go.
        var now = clock.Now;
        var scored = 0;
        var hitCount = 0;
        var told = new TellingChanges(KeptScores);
        var parallel = new ParallelOptions { CancellationToken = cancellationToken };

        await foreach (var batch in batches)
        {
            var results = new (HealthScore Score, IReadOnlyList<RuleHit> Hits)?[batch.Accounts.Count];
            Parallel.For(0, results.Length, parallel, i =>
            {
                var signals = batch.Accounts[i];
                if (signals.Account.IsActiveOn(today)) results[i] = scoring.Evaluate(signals, batch.HistoryOf(signals.Account.Id), today);
            });

            // Collected in portfolio order, as a sequential run would, so alerts and messages come out in the same order.
            var batchScores = new List<HealthScore>(results.Length);
            var batchHits = new List<RuleHit>();
            var evaluated = new Dictionary<string, (Account Account, HealthScore Score, bool Hit)>(results.Length, StringComparer.Ordinal);
            for (var i = 0; i < results.Length; i++)
            {
                if (results[i] is not { } result) continue;
                var account = batch.Accounts[i].Account;
                batchScores.Add(result.Score);
                batchHits.AddRange(result.Hits);
                evaluated[account.Id] = (account, result.Score, result.Hits.Count > 0);
            }
            save(batchScores);
            scored += batchScores.Count;
            hitCount += batchHits.Count;

            // Alerts are per account, so each batch's reconcile is the run's for its accounts.
            var changes = AlertReconciler.Reconcile(batch.OpenAlerts, batchHits, evaluated.Keys.ToHashSet(StringComparer.Ordinal), now);
            // Started and resolved alerts are kept to the run's end for its messages: kept as the read model holds them,
            // the objects stored are those it patches in, not a second copy of each.
            changes = changes with { Started = Holding(KeepEarlierHistory(changes.Started)), Resolved = Holding(changes.Resolved) };
            alerts.UpsertInParts(ChangedAlerts(changes, batch.OpenAlerts));
            told.Add(changes, notifier.MayAct, id => evaluated[id]);
        }

        var (startedCount, resolvedCount) = (told.Started.Count, told.Resolved.Count);
        var sent = await NotifyAsync(told.HandOver(scores.GetLatest), cancellationToken);

        var summary = new EvaluationSummary(today, scored, hitCount, startedCount, resolvedCount, sent, started.Elapsed);
        CsBotMetrics.EvaluationRan(summary.Elapsed, summary.AccountsScored);
        logger.LogInformation(
            "Risk evaluation for {AsOf}: {Accounts} accounts scored, {Hits} rule hits, {Started} new alerts, {Resolved} resolved, {Sent} messages queued in {Elapsed} ms",
            summary.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), summary.AccountsScored, summary.RuleHits, summary.AlertsStarted, summary.AlertsResolved, summary.MessagesSent, (int)summary.Elapsed.TotalMilliseconds);
        return summary;
    }

    /// <summary>The notifier handed what the run told, held no longer than it needs it (<see cref="TellingChanges.HandOver"/>).</summary>
    private Task<int> NotifyAsync((AlertChanges Changes, IReadOnlyDictionary<string, Account> Accounts, Func<string, HealthScore?> ScoreOf) told, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(told.Changes, told.Accounts, told.ScoreOf, cancellationToken);

    private IReadOnlyList<Alert> Holding(IReadOnlyList<Alert> alerts) => view?.Holding(alerts) ?? alerts;

    /// <summary>
    /// The alerts to store: every started and resolved one, and the still-firing ones whose severity, reason or history
    /// changed. A still-firing alert that only got a new evaluation time is not rewritten (most open alerts, every
    /// hour), so its stored <see cref="Alert.LastEvaluatedAt"/> is when the evaluation last changed it.
    /// </summary>
    private static List<Alert> ChangedAlerts(AlertChanges changes, IReadOnlyList<Alert> open)
    {
        var before = open.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var changed = new List<Alert>(changes.Started.Count + changes.Resolved.Count);
        changed.AddRange(changes.Started);
        foreach (var refreshed in changes.Refreshed)
        {
            if (before.TryGetValue(refreshed.Id, out var was) && refreshed with { LastEvaluatedAt = was.LastEvaluatedAt } == was) continue;
            changed.Add(refreshed);
        }
        changed.AddRange(changes.Resolved);
        return changed;
    }

    /// <summary>
    /// An alert that fires again after it resolved reuses its (account, rule) id; its earlier history is kept in
    /// front of the new one so who acknowledged what, and when, is never lost.
    /// </summary>
    /// <remarks>The earlier alerts of a batch's started ones are read in one call: one read each was a ninth of a day's first run at 100k.</remarks>
    private IReadOnlyList<Alert> KeepEarlierHistory(IReadOnlyList<Alert> started)
    {
        if (started.Count == 0) return started;
        var stored = alerts.GetMany([.. started.Select(a => a.Id)]);
        return [.. started.Select(a => stored.GetValueOrDefault(a.Id) is { State: AlertState.Resolved } earlier
            ? a with { History = [.. earlier.History, .. a.History] }
            : a)];
    }
}
