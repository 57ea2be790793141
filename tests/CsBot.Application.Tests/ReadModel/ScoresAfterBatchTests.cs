using CsBot.Application.Asking;
using CsBot.Application.ReadModel;
using CsBot.Application.Tests.Asking;
using CsBot.Application.Tests.Ingestion;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.ReadModel;

/// <summary>
/// After an ingestion batch and the rescoring of its accounts, the next question is answered from the read model
/// patched with what the saves logged: the answer reflects the batch, and the scores and histories held are what the
/// store holds, without reading them back.
/// </summary>
public class ScoresAfterBatchTests
{
    private static readonly DateOnly Today = AnswerFixture.Today;
    private readonly AnswerFixture _data = new();
    private readonly DataVersions _versions = new();
    private readonly CountingStores _reads;
    private readonly PortfolioView _view;

    public ScoresAfterBatchTests()
    {
        _reads = new CountingStores(_data.Stores);
        _view = new PortfolioView(new ObservedPortfolioStore(_reads, _versions), new ObservedScoreStore(_reads, _versions), new ObservedAlertStore(_reads, _versions), _versions);
    }

    private ObservedPortfolioStore Portfolio => new(_data.Stores, _versions);
    private ObservedScoreStore Scores => new(_data.Stores, _versions);

    [Fact]
    public void The_poor_health_list_after_a_batch_and_its_rescoring_shows_the_account_that_fell()
    {
        var ask = _data.ObservedService(_versions);
        Assert.DoesNotContain("Calm Corp", PoorHealth(ask), StringComparison.Ordinal);

        var calm = _data.Stores.LoadSignals("calm")!;
        Portfolio.Save([calm with { Usage = [new UsageDay(Today.AddDays(-1), 1, 30, 40, 1, 0)] }]);
        Scores.SaveScores([AnswerFixture.Score("calm", 20, HealthBand.Poor)]);

        var after = PoorHealth(ask);
        Assert.Contains("Calm Corp", after, StringComparison.Ordinal);
        Assert.Contains("Big Co", after, StringComparison.Ordinal);
    }

    private static string PoorHealth(AskService ask)
    {
        // The whole message as posted: the names are in the list's rows.
        return System.Text.Json.JsonSerializer.Serialize(ask.Ask("accounts in poor health", Asker.Local()));
    }

    [Fact]
    public void Saved_scores_are_patched_in_as_the_store_keeps_them_without_reading_scores_back()
    {
        _ = _view.Scores;
        _reads.Reads.Clear();

        Scores.SaveScores([AnswerFixture.Score("calm", 20, HealthBand.Poor), AnswerFixture.Score("mid", 58, HealthBand.Average)]);
        // Yesterday's point for Big Co, and a second save of today for Calm Corp replacing the first one's point.
        Scores.SaveScores([AnswerFixture.Score("big", 41, HealthBand.Average) with { AsOf = Today.AddDays(-1) }, AnswerFixture.Score("calm", 25, HealthBand.Poor)]);
        var held = _view.Scores;

        Assert.Empty(_reads.Reads);
        AssertHeldAsStored(held, "calm", "mid", "big", "late");
        Assert.Equal(25, held.Latest["calm"].Score);
        // The later day's latest score stays: a past day's save only adds its point.
        Assert.Equal(35, held.Latest["big"].Score);
        Assert.Equal(new ScorePoint(Today.AddDays(-1), 41), held.HistoryOf("big")[^1]);
    }

    [Fact]
    public void Histories_replaced_whole_are_read_back_before_later_saves_are_applied()
    {
        _ = _view.Scores;
        new ObservedScoreStore(_data.Stores, _versions).SaveHistories(new Dictionary<string, ScorePoint[]> { ["mid"] = [new(Today.AddDays(-30), 70)] });
        Scores.SaveScores([AnswerFixture.Score("mid", 52, HealthBand.Average)]);
        _reads.Reads.Clear();

        var held = _view.Scores;

        AssertHeldAsStored(held, "mid");
        Assert.Contains(_reads.Reads, r => r.Call == nameof(CountingStores.GetHistories));
    }

    private void AssertHeldAsStored(ScoreSnapshot held, params string[] ids)
    {
        foreach (var id in ids)
        {
            Assert.Equal(Shown(_data.Stores.GetLatest(id)), Shown(held.Latest.GetValueOrDefault(id)));
            Assert.Equal(_data.Stores.GetHistory(id), held.HistoryOf(id));
        }
    }

    // By value: the scores read whole share equal breakdown lines between accounts, so their lists are other objects.
    private static object? Shown(HealthScore? score) =>
        score is null ? null : (score.AccountId, score.AsOf, score.Score, score.Band, string.Join("|", score.Components), string.Join("|", score.Omitted));
}
