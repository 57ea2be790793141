using CsBot.Application.Evaluation;
using CsBot.Application.Notifications;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core.Accounts;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using CsBot.DemoData;
using CsBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.Evaluation;

/// <summary>
/// A full evaluation reads the portfolio's id ranges several at a time: it must score exactly what reading the whole
/// portfolio in one sequence scores, in the same order, and a range that fails to read must fail the run, not hang it.
/// </summary>
public sealed class RangeReadingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    private static readonly IReadOnlyList<AccountSignals> Demo = DemoPortfolio.Generate(Today, 240);

    [Fact]
    public async Task Reading_the_portfolio_in_ranges_scores_and_alerts_exactly_as_reading_it_whole()
    {
        // One range of everything: the portfolio read whole, in the same id order.
        var wholeStores = new InMemoryStores();
        var whole = Evaluation(wholeStores, new RangedPortfolio(wholeStores, accountsEach: 1_000_000));
        var rangedStores = new InMemoryStores();
        var ranged = new RangedPortfolio(rangedStores, accountsEach: 7);
        var inRanges = Evaluation(rangedStores, ranged);

        var wholeSummary = await whole.Service.RunAsync(CancellationToken.None);
        var rangedSummary = await inRanges.Service.RunAsync(CancellationToken.None);

        Assert.True(ranged.RangesRead > 30, $"read {ranged.RangesRead} ranges");
        Assert.Equal(wholeSummary with { Elapsed = default }, rangedSummary with { Elapsed = default });
        Assert.Equal(Fingerprints(whole.Stores), Fingerprints(rangedStores));
        Assert.Equal(Alerts(whole.Stores), Alerts(rangedStores));
        // Messages are queued in portfolio order either way.
        Assert.NotEmpty(whole.Outbox.Keys);
        Assert.Equal(whole.Outbox.Keys, inRanges.Outbox.Keys);
    }

    [Fact]
    public async Task Evaluating_the_held_read_model_scores_alerts_and_messages_exactly_as_reading_the_store_and_reads_no_range()
    {
        var storedStores = new InMemoryStores();
        var stored = Evaluation(storedStores, new RangedPortfolio(storedStores, accountsEach: 7));
        var heldStores = new InMemoryStores();
        var ranged = new RangedPortfolio(heldStores, accountsEach: 7);
        var versions = new DataVersions();
        var held = Evaluation(heldStores, ranged, versions);
        // An account added after the copy was read sits after the others in it; its id comes first in the store's order,
        // and its rule hits make a message, so the order it is evaluated in shows in the outbox.
        var alerting = Demo.First(s => s.Account.IsActiveOn(Today) && Scoring().Evaluate(s, [], Today).Hits.Count > 0);
        var late = alerting with { Account = alerting.Account with { Id = "aaa-late", ExternalId = "crm-aaa-late", Name = "Aardvark Late" } };
        storedStores.Save([late]);
        new ObservedPortfolioStore(heldStores, versions).Save([late]);
        Assert.NotNull(held.View!.CaughtUp());
        var rangesRead = ranged.RangesRead;

        var storedSummary = await stored.Service.RunAsync(CancellationToken.None);
        var heldSummary = await held.Service.RunAsync(CancellationToken.None);

        Assert.Equal(rangesRead, ranged.RangesRead);
        Assert.Equal(storedSummary with { Elapsed = default }, heldSummary with { Elapsed = default });
        Assert.Contains("aaa-late", heldStores.GetAllLatest().Keys);
        Assert.Equal(Fingerprints(storedStores), Fingerprints(heldStores));
        Assert.Equal(Alerts(storedStores), Alerts(heldStores));
        Assert.NotEmpty(stored.Outbox.Keys);
        Assert.Equal(stored.Outbox.Keys, held.Outbox.Keys);
    }

    [Fact]
    public async Task A_held_run_stores_the_alerts_it_starts_as_the_read_model_holds_them_with_repeated_texts_held_once()
    {
        var stores = new InMemoryStores();
        var held = Evaluation(stores, new RangedPortfolio(stores, accountsEach: 7), new DataVersions());

        await held.Service.RunAsync(CancellationToken.None);

        // Each alert's reason is worked out afresh; alerts with the same reason keep one copy of it, as the read model does.
        var sameReason = stores.GetOpen().GroupBy(a => a.Reason).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(sameReason);
        foreach (var group in sameReason) Assert.All(group, a => Assert.Same(group.First().Reason, a.Reason));
    }

    [Fact]
    public async Task A_held_run_stores_the_alerts_it_marks_notified_as_the_read_model_holds_them_and_the_read_model_keeps_those_objects()
    {
        var stores = new InMemoryStores();
        var versions = new DataVersions();
        var held = Evaluation(stores, new RangedPortfolio(stores, accountsEach: 7), versions);

        await held.Service.RunAsync(CancellationToken.None);

        // Every new alert was told to its owner; the entry saying so repeats across an owner's alerts and is held once.
        var notified = stores.GetOpen().Where(a => a.NotifiedAt is not null).ToList();
        Assert.NotEmpty(notified);
        var sameEntry = notified.GroupBy(a => a.History[^1].What).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(sameEntry);
        foreach (var group in sameEntry)
        {
            Assert.All(group, a => Assert.Same(group.First().History[^1].What, a.History[^1].What));
            Assert.All(group, a => Assert.Same(group.First().NotifiedRecipients[0], a.NotifiedRecipients[0]));
        }
        // Once caught up, the read model holds the very alerts stored, not a copy of each.
        Assert.True(SpinWait.SpinUntil(() => held.View!.Alerts.Version == versions.Alerts, TimeSpan.FromSeconds(30)));
        foreach (var alert in notified)
            Assert.Same(alert, Assert.Single(held.View!.Alerts.ForAccount(alert.AccountId), a => a.Id == alert.Id));
    }

    [Fact]
    public async Task A_held_run_reads_histories_from_the_scores_as_held_and_lets_go_of_the_copy_it_started_from()
    {
        var stores = new InMemoryStores();
        // A small change log, so the read model patches in the run's scores as it goes, as it does every 10k accounts at 100k.
        var versions = new DataVersions(capacity: 200);
        WeakReference? startedFrom = null;
        bool? heldAtTheEnd = null;
        var held = Evaluation(stores, new RangedPortfolio(stores, accountsEach: 7), versions, beforeFirstMessage: view =>
        {
            // The run's batches are all scored; the read model has moved past the copy the run started from.
            Assert.True(SpinWait.SpinUntil(() => !ReferenceEquals(view.HeldScores, startedFrom!.Target), TimeSpan.FromSeconds(30)));
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            heldAtTheEnd = startedFrom!.IsAlive;
        });
        startedFrom = new WeakReference(held.View!.CaughtUp()!.Value.Scores);
        var storedStores = new InMemoryStores();
        var stored = Evaluation(storedStores, new RangedPortfolio(storedStores, accountsEach: 7));

        var heldSummary = await held.Service.RunAsync(CancellationToken.None);
        var storedSummary = await stored.Service.RunAsync(CancellationToken.None);

        Assert.False(heldAtTheEnd, "the run still held the scores it started from when it came to its messages");
        // Histories read as held along the way score exactly as the store's.
        Assert.Equal(storedSummary with { Elapsed = default }, heldSummary with { Elapsed = default });
        Assert.Equal(Fingerprints(storedStores), Fingerprints(stores));
    }

    [Fact]
    public async Task A_later_held_run_takes_the_open_alerts_from_the_read_model_and_reconciles_them_as_reading_the_store()
    {
        var storedStores = new InMemoryStores();
        var stored = Evaluation(storedStores, new RangedPortfolio(storedStores, accountsEach: 7));
        var heldStores = new InMemoryStores();
        var versions = new DataVersions();
        var counted = new CountingOpenAlerts(heldStores);
        var held = Evaluation(heldStores, new RangedPortfolio(heldStores, accountsEach: 7), versions, counted);
        await stored.Service.RunAsync(CancellationToken.None);
        await held.Service.RunAsync(CancellationToken.None);
        Assert.NotEmpty(Alerts(heldStores));
        // The first run's scores and alerts are patched into the read model after it, as between two hourly runs.
        Assert.True(SpinWait.SpinUntil(() => held.View!.CaughtUp() is not null && held.View.Alerts.Version == versions.Alerts, TimeSpan.FromSeconds(30)));
        var reads = counted.OpenForReads;
        // Someone resolves an alert by hand; its rule still fires, so the next run starts it again.
        var closed = heldStores.GetOpen()[0] with { State = Core.Alerts.AlertState.Resolved };
        storedStores.Upsert([closed]);
        new ObservedAlertStore(heldStores, versions).Upsert([closed]);

        var storedSummary = await stored.Service.RunAsync(CancellationToken.None);
        var heldSummary = await held.Service.RunAsync(CancellationToken.None);

        Assert.Equal(reads, counted.OpenForReads);
        Assert.Equal(1, storedSummary.AlertsStarted);
        Assert.Equal(storedSummary with { Elapsed = default }, heldSummary with { Elapsed = default });
        Assert.Equal(Alerts(storedStores), Alerts(heldStores));
        Assert.Equal(stored.Outbox.Keys, held.Outbox.Keys);
    }

    [Fact]
    public async Task An_alert_that_fires_again_keeps_its_earlier_history_and_earlier_alerts_are_read_a_batch_at_a_time()
    {
        var stores = new InMemoryStores();
        var counted = new CountingOpenAlerts(stores);
        var evaluation = Evaluation(stores, new RangedPortfolio(stores, accountsEach: 7), alertStore: counted);
        await evaluation.Service.RunAsync(CancellationToken.None);
        // Resolved by hand after someone acknowledged it; its rule still fires, so the next run starts it again.
        var firing = stores.GetOpen()[0];
        var earlier = new Core.Alerts.AlertEvent(Now.AddHours(-2), "acknowledged", "olivia@csbot.example");
        stores.Upsert([firing with { State = Core.Alerts.AlertState.Resolved, History = [.. firing.History, earlier] }]);
        var (gets, batchReads) = (counted.Gets, counted.ManyReads);

        var summary = await evaluation.Service.RunAsync(CancellationToken.None);

        Assert.Equal(1, summary.AlertsStarted);
        var again = stores.Get(firing.Id)!;
        Assert.True(again.IsOpen);
        Assert.Equal([.. firing.History, earlier], again.History.Take(firing.History.Count + 1));
        Assert.True(again.History.Count > firing.History.Count + 1, "the new firing is in the history after the earlier one");
        // One read for the started alerts of a batch, not one per started alert.
        Assert.Equal(gets, counted.Gets);
        Assert.Equal(batchReads + 1, counted.ManyReads);
    }

    [Fact]
    public async Task A_store_other_processes_write_is_read_for_the_evaluation_even_with_the_read_model_loaded()
    {
        var stores = new InMemoryStores();
        var ranged = new RangedPortfolio(stores, accountsEach: 7);
        var evaluation = Evaluation(stores, ranged, new DataVersions { SharedStore = true });
        Assert.Null(evaluation.View!.CaughtUp());
        var rangesRead = ranged.RangesRead;

        await evaluation.Service.RunAsync(CancellationToken.None);

        Assert.True(ranged.RangesRead > rangesRead);
    }

    [Fact]
    public async Task A_range_that_fails_to_read_fails_the_run_with_its_own_error()
    {
        var stores = new InMemoryStores();
        var ranged = new RangedPortfolio(stores, accountsEach: 10) { FailingRange = 5 };
        var evaluation = Evaluation(stores, ranged);

        var failure = await Assert.ThrowsAsync<IOException>(() => evaluation.Service.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal("range 5 is unreadable", failure.Message);
    }

    private static List<string> Alerts(InMemoryStores stores) =>
        [.. stores.GetOpen().Select(a => $"{a.Id} {a.State} {a.Severity} {a.Reason} {a.History.Count}")];

    private static Dictionary<string, long> Fingerprints(InMemoryStores stores) =>
        stores.GetAllLatest().ToDictionary(p => p.Key, p => ScoreFingerprint.Of(p.Value), StringComparer.Ordinal);

    /// <param name="versions">When given, the run has a read model over the stores, loaded before it (as the host has).</param>
    /// <param name="beforeFirstMessage">When given (with <paramref name="versions"/>), called with the read model as the run queues its first message.</param>
    private static (RiskEvaluationService Service, InMemoryStores Stores, OrderedOutbox Outbox, PortfolioView? View) Evaluation(
        InMemoryStores stores, IPortfolioStore portfolio, DataVersions? versions = null, IAlertStore? alertStore = null, Action<PortfolioView>? beforeFirstMessage = null)
    {
        var clock = new BusinessClock(new FakeTimeProvider(Now), TimeZoneInfo.Utc);
        var scoring = Scoring();
        stores.Save([.. Demo]);
        stores.SaveHistories(Demo.ToDictionary(s => s.Account.Id, s => scoring.Backfill(s, Today, 30)));
        var outbox = new OrderedOutbox();
        var planner = new NotificationPlanner(new AlertingOptions(), TimeZoneInfo.Utc, new NoRecipientTimeZones());
        var notifier = new AlertNotifier(outbox, stores, planner, new MetricsOptions(), clock, NullLogger<AlertNotifier>.Instance);
        if (versions is null)
            return (new RiskEvaluationService(portfolio, stores, alertStore ?? stores, scoring, notifier, clock, NullLogger<RiskEvaluationService>.Instance), stores, outbox, null);
        var observedScores = new ObservedScoreStore(stores, versions);
        var observedAlerts = new ObservedAlertStore(alertStore ?? stores, versions);
        var view = new PortfolioView(new ObservedPortfolioStore(portfolio, versions), observedScores, observedAlerts, versions);
        view.Load();
        if (beforeFirstMessage is not null) outbox.BeforeFirst = () => beforeFirstMessage(view);
        notifier = new AlertNotifier(outbox, observedAlerts, planner, new MetricsOptions(), clock, NullLogger<AlertNotifier>.Instance, view: view);
        return (new RiskEvaluationService(portfolio, observedScores, observedAlerts, scoring, notifier, clock, NullLogger<RiskEvaluationService>.Instance, versions, view), stores, outbox, view);
    }

    private static PortfolioScoring Scoring() =>
        new(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));

    /// <summary>A portfolio store that cuts its ids into small ranges, as the LiteDB store does, and may fail one range.</summary>
    private sealed class RangedPortfolio(IPortfolioStore inner, int accountsEach) : IPortfolioStore
    {
        private int _rangesRead;
        public int RangesRead => _rangesRead;
        public int? FailingRange { get; init; }

        public bool IsEmpty() => inner.IsEmpty();
        public IReadOnlyList<Account> GetAccounts() => inner.GetAccounts();
        public Account? GetAccount(string accountId) => inner.GetAccount(accountId);
        public AccountSignals? LoadSignals(string accountId) => inner.LoadSignals(accountId);
        public Account? FindByExternalId(string externalId) => inner.FindByExternalId(externalId);
        public void Save(IReadOnlyCollection<AccountSignals> portfolio) => inner.Save(portfolio);
        public IEnumerable<AccountSignals> LoadAllSignals() => inner.LoadAllSignals().OrderBy(s => s.Account.Id, StringComparer.Ordinal);

        public IReadOnlyList<AccountIdRange> CutIntoRanges(int ignored) =>
            AccountIdRange.Between([.. LoadAllSignals().Select(s => s.Account.Id).Where((_, i) => (i + 1) % accountsEach == 0)]);

        public IEnumerable<AccountSignals> LoadSignalsIn(AccountIdRange range)
        {
            var index = CutIntoRanges(accountsEach).ToList().IndexOf(range);
            Interlocked.Increment(ref _rangesRead);
            if (index == FailingRange) throw new IOException($"range {index} is unreadable");
            return LoadAllSignals().Where(s => range.Contains(s.Account.Id));
        }
    }

    /// <summary>Counts the reads of some accounts' open alerts, as an evaluation reads them batch by batch, and the reads of alerts by id.</summary>
    private sealed class CountingOpenAlerts(IAlertStore inner) : IAlertStore
    {
        private int _openForReads;
        private int _gets;
        private int _manyReads;
        public int OpenForReads => Volatile.Read(ref _openForReads);
        public int Gets => Volatile.Read(ref _gets);
        public int ManyReads => Volatile.Read(ref _manyReads);

        public Core.Alerts.Alert? Get(string alertId)
        {
            Interlocked.Increment(ref _gets);
            return inner.Get(alertId);
        }

        public IReadOnlyDictionary<string, Core.Alerts.Alert> GetMany(IReadOnlyCollection<string> alertIds)
        {
            Interlocked.Increment(ref _manyReads);
            return inner.GetMany(alertIds);
        }

        public IReadOnlyList<Core.Alerts.Alert> GetOpen() => inner.GetOpen();
        public IReadOnlyList<Core.Alerts.Alert> GetForAccount(string accountId) => inner.GetForAccount(accountId);
        public void Upsert(IReadOnlyCollection<Core.Alerts.Alert> alerts) => inner.Upsert(alerts);

        public IReadOnlyList<Core.Alerts.Alert> GetOpenFor(IReadOnlyCollection<string> accountIds)
        {
            Interlocked.Increment(ref _openForReads);
            return inner.GetOpenFor(accountIds);
        }
    }

    private sealed class OrderedOutbox : IOutbox
    {
        public List<string> Keys { get; } = [];
        public Action? BeforeFirst { get; set; }

        public bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter)
        {
            if (Keys.Count == 0) BeforeFirst?.Invoke();
            if (Keys.Contains(message.IdempotencyKey)) return false;
            Keys.Add(message.IdempotencyKey);
            return true;
        }
    }
}
