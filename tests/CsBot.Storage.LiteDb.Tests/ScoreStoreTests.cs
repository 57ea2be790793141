using CsBot.Core.Scoring;

namespace CsBot.Storage.LiteDb.Tests;

public sealed class ScoreStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static readonly DateOnly Day1 = TestData.Today.AddDays(-2);
    private static readonly DateOnly Day2 = TestData.Today.AddDays(-1);
    private static readonly DateOnly Day3 = TestData.Today;

    [Fact]
    public void Saved_scores_round_trip_with_their_breakdown()
    {
        var store = new LiteDbScoreStore(_db.Open());
        var a = TestData.Score("acc-001", Day1, 72);
        var b = TestData.Score("acc-002", Day1, 31) with { Components = [], Omitted = [] };

        store.SaveScores([a, b]);

        Asserts.SameScore(a, store.GetLatest("acc-001"));
        Asserts.SameScore(b, store.GetLatest("acc-002"));
        var all = store.GetAllLatest();
        Assert.Equal(2, all.Count);
        Asserts.SameScore(a, all["acc-001"]);
        Assert.Equal([new ScorePoint(Day1, 72)], store.GetHistory("acc-001"));
        Assert.Equal([new ScorePoint(Day1, 31)], store.GetAllHistories()["acc-002"]);
    }

    [Fact]
    public void Unknown_accounts_have_no_score_and_an_empty_history()
    {
        var store = new LiteDbScoreStore(_db.Open());

        Assert.Null(store.GetLatest("acc-404"));
        Assert.Empty(store.GetHistory("acc-404"));
        Assert.Empty(store.GetAllLatest());
        Assert.Empty(store.GetAllHistories());
    }

    [Fact]
    public void Rescoring_the_same_day_replaces_that_point_and_history_stays_sorted()
    {
        var store = new LiteDbScoreStore(_db.Open());

        store.SaveScores([TestData.Score("acc-001", Day3, 60)]);
        store.SaveScores([TestData.Score("acc-001", Day1, 50)]);
        store.SaveScores([TestData.Score("acc-001", Day2, 55)]);
        store.SaveScores([TestData.Score("acc-001", Day3, 65)]);
        store.SaveScores([TestData.Score("acc-001", Day3, 66)]);

        Assert.Equal([new ScorePoint(Day1, 50), new ScorePoint(Day2, 55), new ScorePoint(Day3, 66)], store.GetHistory("acc-001"));
        Assert.Equal(66, store.GetLatest("acc-001")!.Score);
    }

    [Fact]
    public void Back_filling_an_earlier_day_does_not_replace_the_latest_score()
    {
        var store = new LiteDbScoreStore(_db.Open());
        store.SaveScores([TestData.Score("acc-001", Day3, 80)]);

        store.SaveScores([TestData.Score("acc-001", Day1, 20)]);

        Assert.Equal(Day3, store.GetLatest("acc-001")!.AsOf);
        Assert.Equal(80, store.GetLatest("acc-001")!.Score);
        Assert.Equal([new ScorePoint(Day1, 20), new ScorePoint(Day3, 80)], store.GetHistory("acc-001"));
    }

    [Fact]
    public void History_is_capped_at_400_days()
    {
        var store = new LiteDbScoreStore(_db.Open());
        var start = TestData.Today.AddDays(-450);
        store.SaveHistories(new Dictionary<string, ScorePoint[]>
        {
            ["acc-001"] = [.. Enumerable.Range(0, 450).Select(i => new ScorePoint(start.AddDays(i), i % 100))],
        });

        var afterReplace = store.GetHistory("acc-001");
        Assert.Equal(400, afterReplace.Length);
        Assert.Equal(start.AddDays(50), afterReplace[0].Date);

        store.SaveScores([TestData.Score("acc-001", TestData.Today, 99)]);

        var afterScore = store.GetHistory("acc-001");
        Assert.Equal(400, afterScore.Length);
        Assert.Equal(TestData.Today.AddDays(-399), afterScore[0].Date);
        Assert.Equal(new ScorePoint(TestData.Today, 99), afterScore[^1]);
    }

    [Fact]
    public void Save_histories_replaces_whole_histories_sorted_with_one_point_per_day()
    {
        var store = new LiteDbScoreStore(_db.Open());
        store.SaveScores([TestData.Score("acc-001", Day1, 10), TestData.Score("acc-002", Day1, 20)]);

        store.SaveHistories(new Dictionary<string, ScorePoint[]>
        {
            ["acc-001"] = [new(Day3, 3), new(Day1, 1), new(Day2, 2), new(Day3, 4)],
            ["acc-002"] = [],
            ["acc-003"] = [new(Day2, 7)],
        });

        Assert.Equal([new ScorePoint(Day1, 1), new ScorePoint(Day2, 2), new ScorePoint(Day3, 4)], store.GetHistory("acc-001"));
        Assert.Empty(store.GetHistory("acc-002"));
        var all = store.GetAllHistories();
        Assert.Equal(["acc-001", "acc-003"], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new ScorePoint(Day2, 7)], all["acc-003"]);
        // Latest scores are not touched by history replacement.
        Assert.Equal(20, store.GetLatest("acc-002")!.Score);
    }

    [Fact]
    public void A_failed_score_save_keeps_the_previous_scores()
    {
        var store = new LiteDbScoreStore(_db.Open());
        var before = TestData.Score("acc-001", Day1, 50);
        store.SaveScores([before]);

        Assert.Throws<ArgumentException>(() => store.SaveScores([TestData.Score("acc-001", Day2, 10), TestData.Score("acc-002", Day2, 10), null!]));
        Assert.Throws<ArgumentException>(() => store.SaveHistories(new Dictionary<string, ScorePoint[]> { ["acc-001"] = [new(Day3, 1)], [""] = [new(Day3, 1)] }));

        Asserts.SameScore(before, store.GetLatest("acc-001"));
        Assert.Null(store.GetLatest("acc-002"));
        Assert.Equal([new ScorePoint(Day1, 50)], store.GetHistory("acc-001"));
        Assert.Empty(store.GetHistory("acc-002"));
    }
}
