using System.Globalization;
using CsBot.Application.Delivery;
using CsBot.Application.Evaluation;
using CsBot.Application.Ingestion;
using CsBot.Application.Ingestion.Records;
using CsBot.Application.Notifications;
using CsBot.Application.Time;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using CsBot.DemoData;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.Ingestion;

/// <summary>
/// A usage batch for a few accounts is upserted and those accounts rescored: that must read those accounts, not the
/// stored portfolio (at 100k accounts, loading every open alert made a ten-account batch cost seconds), and it must
/// leave those accounts with the scores and alerts a full evaluation would give them.
/// </summary>
public sealed class RescoringReadsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private const int Portfolio = 120;

    [Fact]
    public async Task Rescoring_a_few_ingested_accounts_reads_only_those_accounts()
    {
        var world = await World.CreateAsync();
        var changed = world.AccountsWithOpenAlerts(3);
        world.Stores.Reads.Clear();

        var outcome = await world.IngestAndRescoreAsync(changed);

        Assert.Equal(changed.Length, outcome.Rescore!.AccountsScored);
        Assert.DoesNotContain(world.Stores.Reads, r => r.WholePortfolio);
        // A few reads for the batch (its external ids, signals, histories and alerts), never many per account.
        Assert.InRange(world.Stores.Reads.Count, 1, changed.Length * 8);
        // The batch's score histories in one read, not a query per account.
        Assert.Single(world.Stores.Reads, r => r.Call == nameof(IScoreStore.GetHistories));
        Assert.DoesNotContain(world.Stores.Reads, r => r.Call == nameof(IScoreStore.GetHistory));
    }

    [Fact]
    public async Task A_batch_reads_its_accounts_together_not_one_query_per_account()
    {
        var world = await World.CreateAsync();
        var changed = world.AccountsWithOpenAlerts(5);
        world.Stores.Reads.Clear();

        await world.IngestAndRescoreAsync(changed);

        // The external ids, the signals to merge into, the histories and the alerts once each; the rescoring scores the
        // signals just saved without reading them back (an alert that starts is also read by id, to keep its earlier history).
        var calls = world.Stores.Reads.Where(r => r.Call != nameof(IAlertStore.Get)).GroupBy(r => r.Call).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            [nameof(IPortfolioStore.FindIdsByExternalIds)] = 1,
            [nameof(IPortfolioStore.LoadSignalsOf)] = 1,
            [nameof(IScoreStore.GetHistories)] = 1,
            [nameof(IAlertStore.GetOpenFor)] = 1,
        }, calls);
    }

    [Fact]
    public async Task Rescoring_the_ingested_accounts_gives_them_the_scores_and_alerts_of_a_full_evaluation()
    {
        var rescored = await World.CreateAsync();
        var full = await World.CreateAsync();
        var changed = rescored.AccountsWithOpenAlerts(3);
        var others = rescored.Stores.Inner.GetOpen().Where(a => !changed.Contains(a.AccountId)).OrderBy(a => a.Id).ToList();

        await rescored.IngestAndRescoreAsync(changed);
        full.Ingest(changed);
        await full.Evaluation.RunAsync(CancellationToken.None);

        var resolvedOrChanged = 0;
        foreach (var accountId in changed)
        {
            Assert.Equal(Shown(full.Stores.Inner.GetLatest(accountId)), Shown(rescored.Stores.Inner.GetLatest(accountId)));
            var expected = full.Stores.Inner.GetForAccount(accountId).OrderBy(a => a.Id).ToList();
            Assert.Equal(expected.Select(Shown), rescored.Stores.Inner.GetForAccount(accountId).OrderBy(a => a.Id).Select(Shown));
            resolvedOrChanged += expected.Count(a => a.State == AlertState.Resolved || a.FirstFiredAt == Now);
        }
        // The batch made a difference (alerts resolved or started), and the other accounts' alerts were left alone.
        Assert.True(resolvedOrChanged > 0);
        Assert.Equal(others.Select(Shown), rescored.Stores.Inner.GetOpen().Where(a => !changed.Contains(a.AccountId)).OrderBy(a => a.Id).Select(Shown));
    }

    [Fact]
    public async Task With_the_read_model_loaded_the_rescoring_takes_its_accounts_open_alerts_and_histories_from_it_and_stores_what_reading_the_store_would()
    {
        var held = await World.CreateAsync(readModel: true);
        var stored = await World.CreateAsync();
        var changed = held.AccountsWithOpenAlerts(5);
        held.Stores.Reads.Clear();

        var outcome = await held.IngestAndRescoreAsync(changed);
        await stored.IngestAndRescoreAsync(changed);

        Assert.Equal(changed.Length, outcome.Rescore!.AccountsScored);
        Assert.DoesNotContain(held.Stores.Reads, r => r.Call == nameof(IAlertStore.GetOpenFor));
        Assert.DoesNotContain(held.Stores.Reads, r => r.Call == nameof(IScoreStore.GetHistories));
        foreach (var accountId in changed)
        {
            Assert.Equal(stored.Stores.Inner.LoadSignals(accountId)!.Usage, held.Stores.Inner.LoadSignals(accountId)!.Usage);
            Assert.Equal(Shown(stored.Stores.Inner.GetLatest(accountId)), Shown(held.Stores.Inner.GetLatest(accountId)));
            Assert.Equal(stored.Stores.Inner.GetForAccount(accountId).OrderBy(a => a.Id).Select(Shown), held.Stores.Inner.GetForAccount(accountId).OrderBy(a => a.Id).Select(Shown));
        }
    }

    /// <summary>A score as it shows: the number, band and each component.</summary>
    private static string Shown(HealthScore? score) =>
        score is null ? "none" : $"{score.AsOf} {score.Score} {score.Band}: " + string.Join("; ", score.Components) + " | " + string.Join("; ", score.Omitted);

    /// <summary>An alert as it shows: its state, severity, reason, times, history and who was told.</summary>
    private static string Shown(Alert alert) =>
        $"{alert.Id} {alert.State} {alert.Severity} {alert.Reason} {alert.FirstFiredAt:O} {alert.LastEvaluatedAt:O} {alert.ResolvedAt:O} {alert.NotifiedAt:O} " +
        string.Join("; ", alert.History) + " | " + string.Join("; ", alert.NotifiedRecipients);

    /// <summary>A demo portfolio evaluated once (its alerts open), then an hour later a usage batch arrives.</summary>
    private sealed class World
    {
        private readonly IngestionService _ingestion;

        private World(bool readModel)
        {
            var clock = new BusinessClock(Time, TimeZoneInfo.Utc);
            var planner = new NotificationPlanner(new AlertingOptions(), TimeZoneInfo.Utc, new NoRecipientTimeZones());
            if (!readModel)
            {
                var notifier = new AlertNotifier(new DroppingOutbox(), Stores, planner, new MetricsOptions(), clock, NullLogger<AlertNotifier>.Instance);
                Evaluation = new RiskEvaluationService(Stores, Stores, Stores, Scoring, notifier, clock, NullLogger<RiskEvaluationService>.Instance);
                _ingestion = new IngestionService(Stores, new MetricsOptions(), clock);
                return;
            }
            // As the host wires them: every write logged, and a read model over the logged stores.
            var portfolio = new CsBot.Application.ReadModel.ObservedPortfolioStore(Stores, Versions);
            var scores = new CsBot.Application.ReadModel.ObservedScoreStore(Stores, Versions);
            var alerts = new CsBot.Application.ReadModel.ObservedAlertStore(Stores, Versions);
            View = new CsBot.Application.ReadModel.PortfolioView(portfolio, scores, alerts, Versions);
            var observedNotifier = new AlertNotifier(new DroppingOutbox(), alerts, planner, new MetricsOptions(), clock, NullLogger<AlertNotifier>.Instance);
            Evaluation = new RiskEvaluationService(portfolio, scores, alerts, Scoring, observedNotifier, clock, NullLogger<RiskEvaluationService>.Instance, Versions, View);
            _ingestion = new IngestionService(portfolio, new MetricsOptions(), clock);
        }

        public CsBot.Application.ReadModel.DataVersions Versions { get; } = new();
        public CsBot.Application.ReadModel.PortfolioView? View { get; }

        public CountingStores Stores { get; } = new(new InMemoryStores());
        public FakeTimeProvider Time { get; } = new(Now.AddHours(-1));
        public RiskEvaluationService Evaluation { get; }
        private static PortfolioScoring Scoring { get; } = new(new HealthScorer(new ScoringOptions()), new RuleEvaluator(new RulesOptions(), new MetricsOptions()));

        /// <param name="readModel">With a read model loaded after the first evaluation, as the host runs.</param>
        public static async Task<World> CreateAsync(bool readModel = false)
        {
            var world = new World(readModel);
            var today = DateOnly.FromDateTime(Now.UtcDateTime);
            var demo = DemoPortfolio.Generate(today, Portfolio);
            world.Stores.Save([.. demo]);
            world.Stores.SaveHistories(demo.ToDictionary(s => s.Account.Id, s => Scoring.Backfill(s, today, 30)));
            await world.Evaluation.RunAsync(CancellationToken.None);
            world.View?.Load();
            world.Time.Advance(TimeSpan.FromHours(1));
            return world;
        }

        public string[] AccountsWithOpenAlerts(int count) =>
            [.. Stores.Inner.GetOpen().Select(a => a.AccountId).Distinct().Order(StringComparer.Ordinal).Take(count)];

        /// <summary>Two weeks of full, busy usage for each account: its usage rules stop firing, others may start.</summary>
        private UsageRecord[] Batch(IEnumerable<string> accountIds) =>
        [
            .. accountIds.SelectMany(id => Enumerable.Range(0, 14).Select(back => new UsageRecord
            {
                AccountExternalId = Stores.Inner.GetAccount(id)!.ExternalId,
                Date = DateOnly.FromDateTime(Now.UtcDateTime).AddDays(-back).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ActiveUsers = 40, MonthlyActiveUsers = 50, LicensedSeats = 50, Logins = 200, KeyFeatureUses = 90,
            })),
        ];

        public Task<IngestOutcome> IngestAndRescoreAsync(IEnumerable<string> accountIds)
        {
            var batch = Batch(accountIds);
            var service = new IngestAndRescoreService(_ingestion, Evaluation, new NoDelivery(), NullLogger<IngestAndRescoreService>.Instance);
            return service.RunAsync("usage days", s => s.UpsertUsage(batch), CancellationToken.None);
        }

        public void Ingest(IEnumerable<string> accountIds) => Assert.Empty(_ingestion.UpsertUsage(Batch(accountIds)).Errors);
    }

    private sealed class DroppingOutbox : IOutbox
    {
        public bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter) => true;
    }

    private sealed class NoDelivery : IDeliveryTrigger
    {
        public Task DeliverSoonAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
