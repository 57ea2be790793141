using CsBot.Application.ReadModel;
using CsBot.Application.Tests.Asking;
using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.ReadModel;

/// <summary>
/// After a write, the read model re-reads only the accounts the write touched: the answers about them change, every
/// other account is served from what was already held, and nothing is read whole again.
/// </summary>
public class ReadModelPatchingTests
{
    private static readonly DateOnly Today = AnswerFixture.Today;
    private readonly AnswerFixture _data = new();
    private readonly DataVersions _versions = new();
    private readonly CountingPortfolio _reads;
    private readonly PortfolioView _view;

    public ReadModelPatchingTests()
    {
        _reads = new CountingPortfolio(_data.Stores);
        _view = new PortfolioView(new ObservedPortfolioStore(_reads, _versions), new ObservedScoreStore(_data.Stores, _versions),
            new ObservedAlertStore(_data.Stores, _versions), _versions);
    }

    [Fact]
    public void A_score_saved_for_one_account_patches_its_board_entry_and_keeps_the_others()
    {
        var before = Board();
        var fullReads = _view.FullReads;

        new ObservedScoreStore(_data.Stores, _versions).SaveScores([AnswerFixture.Score("calm", 20, HealthBand.Poor)]);
        var after = Board();

        Assert.Equal(20, after.Entries[At(after, "calm")].Score);
        Assert.Equal((int)HealthBand.Poor, after.Entries[At(after, "calm")].Band);
        Assert.Equal(fullReads, _view.FullReads);
        Assert.Equal(1, _view.BoardBuilds);
        Assert.Equal(1, _view.BoardPatches);
        // Big Co's entry is the one held before, not one worked out again.
        Assert.Same(before.LatestScores[At(before, "big")], after.LatestScores[At(after, "big")]);
        Assert.Same(before.OpenAlerts[At(before, "big")], after.OpenAlerts[At(after, "big")]);
    }

    [Fact]
    public void Usage_saved_for_one_account_is_taken_from_the_save_without_reading_anything_back()
    {
        Board();
        var calm = _data.Stores.LoadSignals("calm")!;
        var usage = new UsageDay(Today.AddDays(-1), 7, 30, 40, 9, 2);

        new ObservedPortfolioStore(_data.Stores, _versions).Save([calm with { Usage = [usage] }]);
        var portfolio = _view.Portfolio;

        Assert.Equal([usage], portfolio.ById["calm"].Usage);
        Assert.Equal(1, _reads.Whole);
        Assert.Empty(_reads.One);
        // A usage batch changes no account's record, so the name matcher is the one built before.
        Assert.Same(portfolio.Matcher, _view.Portfolio.Matcher);
        Assert.Equal("calm", portfolio.Matcher.Match("Calm Corp").Account?.Id);
    }

    [Fact]
    public void A_change_reported_by_id_alone_reads_back_that_account_only()
    {
        var before = _view.Portfolio;
        var calm = _data.Stores.LoadSignals("calm")!;
        // Written past the observed wrapper, as another instance would, and reported by id.
        _data.Stores.Save([calm with { Account = calm.Account with { Mrr = 7_000m } }]);
        _versions.PortfolioChanged(["calm"]);

        var after = _view.Portfolio;

        Assert.Equal(7_000m, after.ById["calm"].Account.Mrr);
        // The other accounts' packed signals are shared with the snapshot before, not read or packed again.
        Assert.Same(before.Packed[before.PositionOf("big")], after.Packed[after.PositionOf("big")]);
        Assert.Equal(["calm"], _reads.One);
        Assert.Equal(1, _reads.Whole);
    }

    [Fact]
    public void An_alert_resolved_on_one_account_leaves_the_open_alerts_of_the_others()
    {
        Board();
        new ObservedAlertStore(_data.Stores, _versions).Upsert(
            [AnswerFixture.Alert("big", "usage-cliff", Severity.High, "active users down") with { State = AlertState.Resolved }]);

        var board = Board();

        Assert.Equal(["renewal-at-risk"], board.OpenAlerts[At(board, "big")].Select(a => a.RuleId));
        Assert.Equal((int)Severity.Critical, board.Entries[At(board, "big")].Worst);
        Assert.Equal(["big:renewal-at-risk"], _view.Alerts.Open.Select(a => a.Id));
        Assert.Equal(0, _view.BoardBuilds - 1);
    }

    [Fact]
    public void An_account_that_churns_leaves_the_day_board_by_a_whole_build()
    {
        Board();
        var calm = _data.Stores.LoadSignals("calm")!;

        new ObservedPortfolioStore(_data.Stores, _versions).Save([calm with { Account = calm.Account with { ChurnedOn = Today.AddDays(-1) } }]);
        var board = Board();

        Assert.DoesNotContain(board.Accounts, a => a.Id == "calm");
        Assert.Equal(2, _view.BoardBuilds);
        Assert.Equal(1, _reads.Whole);
    }

    [Fact]
    public void When_the_change_log_overflowed_the_copy_held_answers_until_the_part_is_read_again()
    {
        var versions = new DataVersions(capacity: 1);
        var view = new PortfolioView(_reads, new ObservedScoreStore(_data.Stores, versions), _data.Stores, versions);
        Assert.Equal(88, view.Scores.Latest["calm"].Score);

        new ObservedScoreStore(_data.Stores, versions).SaveScores([AnswerFixture.Score("calm", 20, HealthBand.Poor), AnswerFixture.Score("mid", 21, HealthBand.Poor)]);

        // The first read after the overflow is not held up by the whole read: it answers from the scores it has.
        var first = view.Scores.Latest["calm"].Score;
        Assert.True(first is 88 or 20);
        // Polled, not slept: the catch-up runs on the thread pool and ends when it has read the scores.
        Assert.True(SpinWait.SpinUntil(() => view.Scores.Latest["calm"].Score == 20, TimeSpan.FromSeconds(30)), "the scores were not read again");
        Assert.Equal(21, view.Scores.Latest["mid"].Score);
    }

    private DayBoard Board() => _view.Board(_view.Portfolio, _view.Scores, _view.Alerts, Today);

    private static int At(DayBoard board, string accountId) => Array.FindIndex(board.Accounts, a => a.Id == accountId);

    /// <summary>Counts whole-portfolio reads and which single accounts were read.</summary>
    private sealed class CountingPortfolio(IPortfolioStore inner) : IPortfolioStore
    {
        public int Whole { get; private set; }
        public List<string> One { get; } = [];

        public bool IsEmpty() => inner.IsEmpty();
        public IReadOnlyList<Account> GetAccounts() => inner.GetAccounts();
        public Account? GetAccount(string accountId) => inner.GetAccount(accountId);
        public Account? FindByExternalId(string externalId) => inner.FindByExternalId(externalId);
        public void Save(IReadOnlyCollection<AccountSignals> portfolio) => inner.Save(portfolio);

        public AccountSignals? LoadSignals(string accountId)
        {
            One.Add(accountId);
            return inner.LoadSignals(accountId);
        }

        public IEnumerable<AccountSignals> LoadAllSignals()
        {
            Whole++;
            return inner.LoadAllSignals();
        }
    }
}
