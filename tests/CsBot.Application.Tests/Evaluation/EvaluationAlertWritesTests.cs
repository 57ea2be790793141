using CsBot.Application.Evaluation;
using CsBot.Application.Time;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.DemoData;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Application.Tests.Evaluation;

/// <summary>
/// An hourly run finds most open alerts still firing unchanged: they must not be rewritten every hour, while every
/// alert that started, resolved or changed still is.
/// </summary>
public sealed class EvaluationAlertWritesTests
{
    private static readonly DateTimeOffset FirstRun = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly InMemoryStores _stores = new();
    private readonly RecordingAlerts _alerts;
    private readonly FakeTimeProvider _time = new(FirstRun);
    private readonly RiskEvaluationService _evaluation;

    public EvaluationAlertWritesTests()
    {
        _alerts = new RecordingAlerts(_stores);
        var clock = new BusinessClock(_time, TimeZoneInfo.Utc);
        _evaluation = Evaluations.Over(_stores, _stores, _alerts, new KeyedOutbox(), clock);
        var scoring = Evaluations.Scoring();

        var demo = DemoPortfolio.Generate(clock.Today, 60);
        _stores.Save([.. demo]);
        _stores.SaveHistories(demo.ToDictionary(s => s.Account.Id, s => scoring.Backfill(s, clock.Today, 30)));
    }

    [Fact]
    public async Task An_hourly_rerun_rewrites_no_alert_that_is_still_firing_unchanged()
    {
        await _evaluation.RunAsync(CancellationToken.None);
        var opened = _stores.GetOpen();
        Assert.NotEmpty(opened);

        _alerts.Written.Clear();
        _time.Advance(TimeSpan.FromHours(1));
        var summary = await _evaluation.RunAsync(CancellationToken.None);

        Assert.True(summary.RuleHits >= opened.Count);
        Assert.Empty(_alerts.Written);
        Assert.Equal(opened, _stores.GetOpen());
    }

    [Fact]
    public async Task An_alert_whose_severity_changed_is_written_and_one_whose_account_recovered_is_resolved()
    {
        await _evaluation.RunAsync(CancellationToken.None);
        var open = _stores.GetOpen();
        // Stored at another severity than its rule now reports: the rerun must set it back.
        var changed = open[0] with { Severity = open[0].Severity == Severity.Info ? Severity.Critical : Severity.Info };
        // An alert for a rule that no longer fires on an evaluated account: the rerun must resolve it.
        var gone = open[1] with { Id = Alert.KeyFor(open[1].AccountId, "no-such-rule"), RuleId = "no-such-rule" };
        _stores.Upsert([changed, gone]);

        _alerts.Written.Clear();
        _time.Advance(TimeSpan.FromHours(1));
        await _evaluation.RunAsync(CancellationToken.None);

        Assert.Equal([changed.Id, gone.Id], _alerts.Written.Select(a => a.Id).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(open[0].Severity, _stores.Get(changed.Id)!.Severity);
        Assert.Equal(AlertState.Resolved, _stores.Get(gone.Id)!.State);
    }

    private sealed class RecordingAlerts(IAlertStore inner) : IAlertStore
    {
        public List<Alert> Written { get; } = [];
        public Alert? Get(string alertId) => inner.Get(alertId);
        public IReadOnlyList<Alert> GetOpen() => inner.GetOpen();
        public IReadOnlyList<Alert> GetForAccount(string accountId) => inner.GetForAccount(accountId);

        public void Upsert(IReadOnlyCollection<Alert> alerts)
        {
            Written.AddRange(alerts);
            inner.Upsert(alerts);
        }
    }

    private sealed class KeyedOutbox : IOutbox
    {
        private readonly HashSet<string> _keys = [];
        public bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter) => _keys.Add(message.IdempotencyKey);
    }
}
