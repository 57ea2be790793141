using CsBot.Application.Asking;
using CsBot.Application.ReadModel;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Scoring;

namespace CsBot.Application.Tests.Asking;

/// <summary>List answers read a board built once per data version; a write to scores or alerts must show in the next answer.</summary>
public class DayBoardRebuildTests
{
    private readonly AnswerFixture _data = new();
    private readonly DataVersions _versions = new();

    [Fact]
    public void Acknowledging_alerts_and_saving_a_score_change_the_next_at_risk_answer()
    {
        var ask = _data.ObservedService(_versions);
        var before = ask.Ask("which accounts are at risk?", Asker.Local());
        Assert.Equal("1 account at risk", before.Title);
        Assert.Equal(Severity.Critical, before.Severity);
        Assert.StartsWith("[Critical]", before.Sections[0].Text);

        // Both of Big Co's alerts resolved: still Poor, so still at risk, but with no alert behind it.
        new ObservedAlertStore(_data.Stores, _versions).Upsert(
        [
            AnswerFixture.Alert("big", "usage-cliff", Severity.High, "active users down") with { State = AlertState.Resolved },
            AnswerFixture.Alert("big", "renewal-at-risk", Severity.Critical, "renews soon") with { State = AlertState.Resolved },
        ]);
        var resolved = ask.Ask("which accounts are at risk?", Asker.Local());
        Assert.Equal("1 account at risk", resolved.Title);
        Assert.Null(resolved.Severity);
        Assert.Equal("seat utilisation 17% (weakest)", resolved.Sections[0].Text);

        // Mid Co drops to Poor 30: two accounts, the lower score first.
        new ObservedScoreStore(_data.Stores, _versions).SaveScores([AnswerFixture.Score("mid", 30, HealthBand.Poor)]);
        var rescored = ask.Ask("which accounts are at risk?", Asker.Local());
        Assert.Equal("2 accounts at risk", rescored.Title);
        Assert.Equal(["Mid Co: health 30 (Poor)", "Big Co: health 35 (Poor)"], rescored.Sections.Select(s => s.Heading));
    }

    [Fact]
    public void An_unchanged_read_model_shares_one_board_and_a_write_replaces_it()
    {
        var view = new PortfolioView(_data.Stores, new ObservedScoreStore(_data.Stores, _versions), _data.Stores, _versions);
        var first = view.Board(view.Portfolio, view.Scores, view.Alerts, AnswerFixture.Today);
        Assert.Same(first, view.Board(view.Portfolio, view.Scores, view.Alerts, AnswerFixture.Today));

        new ObservedScoreStore(_data.Stores, _versions).SaveScores([AnswerFixture.Score("calm", 20, HealthBand.Poor)]);
        var second = view.Board(view.Portfolio, view.Scores, view.Alerts, AnswerFixture.Today);

        Assert.NotSame(first, second);
        var calm = Array.FindIndex(second.Accounts, a => a.Id == "calm");
        Assert.Equal(20, second.Entries[calm].Score);
        Assert.NotSame(second, view.Board(view.Portfolio, view.Scores, view.Alerts, AnswerFixture.Today.AddDays(1)));
    }
}
