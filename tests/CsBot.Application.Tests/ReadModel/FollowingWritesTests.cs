using CsBot.Application.Alerts;
using CsBot.Application.ReadModel;
using CsBot.Application.Tests.Asking;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;

namespace CsBot.Application.Tests.ReadModel;

/// <summary>
/// A burst of writes larger than the change log (a full evaluation: 90k scores, 40k alerts at 100k accounts) is
/// patched into the read model from what was written as it comes, so nothing is read whole again beside the copy held,
/// and the answers after it show every write.
/// </summary>
public class FollowingWritesTests
{
    private const int Capacity = 40;
    private readonly AnswerFixture _data = new();
    private readonly DataVersions _versions = new(Capacity);
    private readonly CountingAlerts _alertReads;
    private readonly PortfolioView _view;
    private readonly ObservedScoreStore _scores;
    private readonly ObservedAlertStore _alerts;

    public FollowingWritesTests()
    {
        _alertReads = new CountingAlerts(_data.Stores);
        _scores = new ObservedScoreStore(_data.Stores, _versions);
        _alerts = new ObservedAlertStore(_alertReads, _versions);
        _view = new PortfolioView(new ObservedPortfolioStore(_data.Stores, _versions), _scores, _alerts, _versions);
        _view.Load();
    }

    [Fact]
    public void Scores_saved_in_batches_past_the_logs_capacity_are_patched_in_without_a_whole_read()
    {
        var fullReads = _view.FullReads;
        // Ten batches of ten, as the evaluation saves: 100 accounts logged against a log of 40.
        for (var batch = 0; batch < 10; batch++)
        {
            _scores.SaveScores([.. Enumerable.Range(batch * 10, 10).Select(i => AnswerFixture.Score($"new-{i:000}", i % 100, HealthBand.Poor))]);
            // Each catch-up runs on the thread pool; waiting for it here keeps the test from racing the log.
            Assert.True(SpinWait.SpinUntil(() => _versions.ScoresLog.LoggedSince(_view.Scores.Version) < Capacity, TimeSpan.FromSeconds(30)));
        }

        var scores = Eventually(() => _view.Scores, s => s.Version == _versions.Scores);
        Assert.Equal(99, scores.Latest["new-099"].Score);
        Assert.Equal(0, scores.Latest["new-000"].Score);
        Assert.Equal(88, scores.Latest["calm"].Score);
        Assert.Equal(fullReads, _view.FullReads);
    }

    [Fact]
    public void Alerts_upserted_in_parts_are_taken_from_the_writes_without_reading_any_back()
    {
        var fullReads = _view.FullReads;
        var started = Enumerable.Range(0, 120).Select(i => AnswerFixture.Alert($"acct-{i:000}", "usage-cliff", Severity.High, $"down {i}%")).ToList();
        var resolved = AnswerFixture.Alert("big", "usage-cliff", Severity.High, "active users down") with { State = AlertState.Resolved };

        foreach (var part in started.Append(resolved).Chunk(Capacity / 4))
        {
            _alerts.Upsert(part);
            Assert.True(SpinWait.SpinUntil(() => _versions.AlertsLog.LoggedSince(_view.Alerts.Version) < Capacity, TimeSpan.FromSeconds(30)));
        }

        var alerts = Eventually(() => _view.Alerts, a => a.Version == _versions.Alerts);
        Assert.Equal(["down 7%"], alerts.ForAccount("acct-007").Select(a => a.Reason));
        Assert.Equal(["renewal-at-risk"], alerts.ForAccount("big").Select(a => a.RuleId));
        Assert.Equal(121, alerts.Open.Count);
        Assert.Equal(fullReads, _view.FullReads);
        Assert.Equal(0, _alertReads.AccountReads);
    }

    [Fact]
    public async Task Writes_that_outpace_a_catch_up_under_way_wait_for_it_rather_than_let_the_log_forget_and_the_alerts_be_read_whole()
    {
        var fullReads = _view.FullReads;
        using var gate = new ManualResetEventSlim();
        // Another instance's writes say nothing of what they stored, so a catch-up reads those accounts back: the first
        // is held at the gate, as a catch-up the thread pool is slow to run while a bulk writer goes on.
        _alertReads.Gate = gate;
        var writer = Task.Run(() =>
        {
            for (var part = 0; part < 12; part++)
                _versions.AlertsChanged([.. Enumerable.Range(part * 10, 10).Select(i => $"acct-{i:000}")]);
        });

        // Not waiting, the writer is done at once: 120 accounts logged against a log of 40, the catch-up under way behind.
        var doneWhileHeld = await Task.WhenAny(writer, Task.Delay(TimeSpan.FromSeconds(2))) == writer;
        gate.Set();

        await writer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(doneWhileHeld, "the writer went on past three quarters of the log while the catch-up was held up");
        Eventually(() => _view.Alerts, a => a.Version == _versions.Alerts);
        Assert.Equal(fullReads, _view.FullReads);
    }

    [Fact]
    public void An_alert_written_again_replaces_the_one_held_and_a_resolved_one_leaves()
    {
        var fullReads = _view.FullReads;
        _alerts.UpsertInParts([AnswerFixture.Alert("mid", "low-nps", Severity.Warning, "NPS 4")]);
        _alerts.UpsertInParts([AnswerFixture.Alert("mid", "low-nps", Severity.High, "NPS 2")]);
        _alerts.UpsertInParts([AnswerFixture.Alert("big", "renewal-at-risk", Severity.Critical, "x") with { State = AlertState.Resolved }]);

        var alerts = _view.Alerts;

        Assert.Equal([(Severity.High, "NPS 2")], alerts.ForAccount("mid").Select(a => (a.Severity, a.Reason)));
        Assert.Equal(["usage-cliff"], alerts.ForAccount("big").Select(a => a.RuleId));
        Assert.Equal(fullReads, _view.FullReads);
        Assert.Equal(0, _alertReads.AccountReads);
    }

    [Fact]
    public void Alerts_written_past_the_observed_store_are_read_back_for_those_accounts_only()
    {
        _ = _view.Alerts;
        _data.Stores.Upsert([AnswerFixture.Alert("mid", "low-nps", Severity.Warning, "NPS 4")]);
        _versions.AlertsChanged(["mid"]);

        Assert.Equal(["low-nps"], _view.Alerts.ForAccount("mid").Select(a => a.RuleId));
        Assert.Equal(1, _alertReads.AccountReads);
    }

    [Fact]
    public void A_board_the_log_can_no_longer_patch_is_let_go_with_the_scores_it_was_made_from()
    {
        var board = BoardNow();

        for (var batch = 0; batch < 10; batch++)
        {
            _scores.SaveScores([.. Enumerable.Range(batch * 10, 10).Select(i => AnswerFixture.Score($"new-{i:000}", 30, HealthBand.Poor))]);
            Assert.True(SpinWait.SpinUntil(() => _versions.ScoresLog.LoggedSince(_view.Scores.Version) < Capacity, TimeSpan.FromSeconds(30)));
        }
        Eventually(() => _view.Scores, s => s.Version == _versions.Scores);

        // Nothing but the view could still hold the board and the scores before the writes.
        Assert.True(SpinWait.SpinUntil(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return !board.IsAlive;
        }, TimeSpan.FromSeconds(30)), "the board from before the writes is still held");
        // The next list question builds its board whole, as it would have with the old one held.
        _view.Board(_view.Portfolio, _view.Scores, _view.Alerts, AnswerFixture.Today);
        Assert.Equal(2, _view.BoardBuilds);
    }

    [Fact]
    public void During_a_bulk_run_questions_answer_from_the_copy_held_and_see_the_runs_writes_once_it_ends()
    {
        var patches = _view.Patches;
        var bulk = _versions.BulkRun();
        // A batch of the run: more accounts than one person's action touches.
        _scores.SaveScores([AnswerFixture.Score("calm", 20, HealthBand.Poor), AnswerFixture.Score("mid", 21, HealthBand.Poor),
            .. Enumerable.Range(0, 10).Select(i => AnswerFixture.Score($"new-{i:000}", 30, HealthBand.Poor))]);

        // Each of the run's batches is not patched in by the question after it.
        Assert.Equal(88, _view.Scores.Latest["calm"].Score);
        Assert.Equal(patches, _view.Patches);

        bulk.Dispose();
        var scores = Eventually(() => _view.Scores, s => s.Latest["calm"].Score == 20);
        Assert.Equal(21, scores.Latest["mid"].Score);
        Assert.Equal(patches + 1, _view.Patches);
    }

    [Fact]
    public void During_a_bulk_run_someones_own_small_write_is_seen_by_the_next_question()
    {
        using var bulk = _versions.BulkRun();
        // More accounts than one person's action touches, and fewer than half the log, which would start a catch-up.
        _scores.SaveScores([.. Enumerable.Range(0, 12).Select(i => AnswerFixture.Score($"new-{i:000}", 30, HealthBand.Poor))]);
        _alerts.Upsert([AnswerFixture.Alert("big", "renewal-at-risk", Severity.Critical, "x") with { State = AlertState.Acknowledged }]);

        Assert.Equal(AlertState.Acknowledged, _view.Alerts.ForAccount("big").Single(a => a.RuleId == "renewal-at-risk").State);
        Assert.False(_view.Scores.Latest.ContainsKey("new-000"));
    }

    [Fact]
    public void An_evaluations_open_alerts_come_from_the_copy_held_without_a_store_read()
    {
        string[] accounts = ["big", "mid", "calm", "nobody"];

        var open = _view.OpenAlertsOf(accounts);

        Assert.Equal(Described(StoredOpenAlertsOf(accounts)), Described(open));
        Assert.Equal(2, open.Count);
        Assert.Equal(0, _alertReads.AccountReads);
    }

    [Fact]
    public void An_evaluation_reads_from_the_store_the_accounts_whose_alerts_were_written_after_the_copy_held()
    {
        using var bulk = _versions.BulkRun();
        // An ingestion's rescoring during the run: more accounts than one person's action, so the copy held is not
        // patched for the next question, and fewer than would start a catch-up.
        WriteAfterTheCopy(AnswerFixture.Alert("big", "usage-cliff", Severity.Warning, "active users down 20%"), others: 10);
        Assert.Equal("active users down 62% (48 -> 18) vs 28-day baseline", _view.Alerts.ForAccount("big").Single(a => a.RuleId == "usage-cliff").Reason);

        var open = _view.OpenAlertsOf(["big", "mid", "acct-003"]);

        Assert.Equal(Described(StoredOpenAlertsOf("big", "mid", "acct-003")), Described(open));
        Assert.Contains("big usage-cliff Warning active users down 20%", Described(open));
        Assert.Equal(1, _alertReads.AccountReads);
    }

    [Fact]
    public void An_evaluation_reads_every_accounts_alerts_from_the_store_once_the_log_forgot_what_changed_since_the_copy()
    {
        using var bulk = _versions.BulkRun();
        WriteAfterTheCopy(AnswerFixture.Alert("mid", "low-nps", Severity.High, "NPS 1"), others: Capacity + 1);

        var open = _view.OpenAlertsOf(["big", "mid"]);

        Assert.Equal(Described(StoredOpenAlertsOf("big", "mid")), Described(open));
        Assert.Contains("mid low-nps High NPS 1", Described(open));
    }

    /// <summary>Takes the copy held, then writes <paramref name="first"/> with <paramref name="others"/> more accounts' alerts in one write.</summary>
    private void WriteAfterTheCopy(Alert first, int others)
    {
        _ = _view.Alerts;
        _alerts.Upsert([first, .. Enumerable.Range(0, others).Select(i => AnswerFixture.Alert($"acct-{i:000}", "low-nps", Severity.Warning, "NPS 5"))]);
    }

    private IReadOnlyList<Alert> StoredOpenAlertsOf(params string[] accountIds) => ((IAlertStore)_data.Stores).GetOpenFor(accountIds);

    private static List<string> Described(IEnumerable<Alert> alerts) => [.. alerts.Select(a => $"{a.AccountId} {a.RuleId} {a.Severity} {a.Reason}")];

    // Not inlined, so no local of the test method keeps the board alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private WeakReference BoardNow() => new(_view.Board(_view.Portfolio, _view.Scores, _view.Alerts, AnswerFixture.Today));

    private static T Eventually<T>(Func<T> read, Func<T, bool> done)
    {
        var value = read();
        Assert.True(SpinWait.SpinUntil(() => done(value = read()), TimeSpan.FromSeconds(30)), "the read model did not catch up");
        return value;
    }

    /// <summary>Counts the reads of some accounts' alerts (a whole read is counted by the view's FullReads).</summary>
    private sealed class CountingAlerts(IAlertStore inner) : IAlertStore
    {
        private int _accountReads;
        public int AccountReads => Volatile.Read(ref _accountReads);
        /// <summary>When set, reads of some accounts' alerts wait for it.</summary>
        public ManualResetEventSlim? Gate { get; set; }

        public Alert? Get(string alertId) => inner.Get(alertId);
        public IReadOnlyList<Alert> GetOpen() => inner.GetOpen();
        public void Upsert(IReadOnlyCollection<Alert> alerts) => inner.Upsert(alerts);

        public IReadOnlyList<Alert> GetForAccount(string accountId)
        {
            Interlocked.Increment(ref _accountReads);
            return inner.GetForAccount(accountId);
        }

        public IReadOnlyList<Alert> GetOpenFor(IReadOnlyCollection<string> accountIds)
        {
            Gate?.Wait(TimeSpan.FromSeconds(30));
            Interlocked.Increment(ref _accountReads);
            return inner.GetOpenFor(accountIds);
        }
    }
}
