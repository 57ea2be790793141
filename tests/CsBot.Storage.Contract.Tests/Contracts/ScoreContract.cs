using CsBot.Core.Scoring;
using CsBot.Storage.Contract.Tests.Infrastructure;

namespace CsBot.Storage.Contract.Tests.Contracts;

/// <summary>What every <see cref="Core.Ports.IScoreStore"/> does: latest score and daily history, idempotent per day.</summary>
public abstract class ScoreContract : ContractTest
{
    private static readonly DateOnly Today = TestData.Today;

    [StoreFact]
    public void A_score_is_the_latest_and_a_point_of_history_and_saving_it_again_writes_nothing()
    {
        var score = TestData.Score("acc-1", Today, 38);
        Assert.Equal(1, Stores.Scores.SaveScores([score]));
        Assert.Equal(0, Stores.Scores.SaveScores([score]));

        Asserts.SameScore(score, Stores.Scores.GetLatest("acc-1"));
        Assert.Equal([new ScorePoint(Today, 38)], Stores.Scores.GetHistory("acc-1"));
        Assert.Null(Stores.Scores.GetLatest("acc-2"));
        Assert.Empty(Stores.Scores.GetHistory("acc-2"));
    }

    [StoreFact]
    public void The_same_day_again_replaces_its_point_and_a_back_filled_day_does_not_turn_back_the_latest()
    {
        Stores.Scores.SaveScores([TestData.Score("acc-1", Today, 38)]);
        Assert.Equal(1, Stores.Scores.SaveScores([TestData.Score("acc-1", Today, 41)]));
        Assert.Equal(1, Stores.Scores.SaveScores([TestData.Score("acc-1", Today.AddDays(-2), 90)]));

        Assert.Equal(41, Stores.Scores.GetLatest("acc-1")!.Score);
        Assert.Equal([new ScorePoint(Today.AddDays(-2), 90), new ScorePoint(Today, 41)], Stores.Scores.GetHistory("acc-1"));
    }

    [StoreFact]
    public void Within_one_call_a_later_score_of_the_same_account_wins()
    {
        Assert.Equal(1, Stores.Scores.SaveScores([TestData.Score("acc-1", Today, 10), TestData.Score("acc-1", Today, 20)]));
        Assert.Equal(20, Stores.Scores.GetLatest("acc-1")!.Score);
        Assert.Equal([new ScorePoint(Today, 20)], Stores.Scores.GetHistory("acc-1"));
    }

    [StoreFact]
    public void History_keeps_four_hundred_days_back_from_the_newest()
    {
        var points = Enumerable.Range(0, 450).Select(d => new ScorePoint(Today.AddDays(-d), d % 100)).ToArray();
        Stores.Scores.SaveHistories(new Dictionary<string, ScorePoint[]> { ["acc-1"] = points, ["acc-2"] = [new ScorePoint(Today, 5), new ScorePoint(Today, 6)] });

        var history = Stores.Scores.GetHistory("acc-1");
        Assert.Equal(400, history.Length);
        Assert.Equal(Today.AddDays(-399), history[0].Date);
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.Date < p.Second.Date));
        Assert.Equal([new ScorePoint(Today, 6)], Stores.Scores.GetHistory("acc-2"));

        Stores.Scores.SaveScores([TestData.Score("acc-1", Today.AddDays(1), 50)]);
        Assert.Equal(Today.AddDays(-398), Stores.Scores.GetHistory("acc-1")[0].Date);

        Stores.Scores.SaveHistories(new Dictionary<string, ScorePoint[]> { ["acc-2"] = [] });
        Assert.Empty(Stores.Scores.GetHistory("acc-2"));
    }

    [StoreFact]
    public void Histories_of_many_accounts_are_read_together_and_missing_ones_left_out()
    {
        var scores = Enumerable.Range(0, 3_000).Select(i => TestData.Score($"acc-{i:D4}", Today, i % 101)).ToList();
        Assert.Equal(3_000, Stores.Scores.SaveScores(scores));
        Assert.Equal(0, Stores.Scores.SaveScores(scores));

        var some = Stores.Scores.GetHistories(["acc-0010", "acc-0011", "acc-2999", "acc-none"]);
        Assert.Equal(["acc-0010", "acc-0011", "acc-2999"], some.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new ScorePoint(Today, 2999 % 101)], some["acc-2999"]);
        Assert.Equal(3_000, Stores.Scores.GetAllLatest().Count);
        Assert.Equal(3_000, Stores.Scores.GetAllHistories().Count);
        Asserts.SameScore(scores[42], Stores.Scores.GetAllLatest()["acc-0042"]);
    }
}
