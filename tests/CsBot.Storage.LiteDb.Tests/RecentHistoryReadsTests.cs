using CsBot.Core.Scoring;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// A save of scores takes the histories the read for scoring just returned instead of reading them again; whatever was
/// written in between must win over what was kept, and what nobody saves after must not pile up.
/// </summary>
public sealed class RecentHistoryReadsTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_history_replaced_after_it_was_read_is_not_overwritten_by_the_copy_read_before()
    {
        var context = _db.Open();
        var store = new LiteDbScoreStore(context);
        store.SaveScores([TestData.Score("acc-001", TestData.Today.AddDays(-2), 50)]);

        Assert.Equal([new ScorePoint(TestData.Today.AddDays(-2), 50)], store.GetHistories(["acc-001"])["acc-001"]);
        store.SaveHistories(new Dictionary<string, ScorePoint[]> { ["acc-001"] = [new ScorePoint(TestData.Today.AddDays(-3), 44), new ScorePoint(TestData.Today.AddDays(-1), 47)] });
        store.SaveScores([TestData.Score("acc-001", TestData.Today, 61)]);

        Assert.Equal([new ScorePoint(TestData.Today.AddDays(-3), 44), new ScorePoint(TestData.Today.AddDays(-1), 47), new ScorePoint(TestData.Today, 61)], store.GetHistory("acc-001"));
    }

    [Fact]
    public void Scores_saved_twice_after_one_read_build_on_the_first_save_not_on_the_read()
    {
        var context = _db.Open();
        var store = new LiteDbScoreStore(context);
        store.SaveScores([TestData.Score("acc-001", TestData.Today.AddDays(-2), 50)]);

        store.GetHistories(["acc-001"]);
        store.SaveScores([TestData.Score("acc-001", TestData.Today.AddDays(-1), 52)]);
        store.SaveScores([TestData.Score("acc-001", TestData.Today, 61)]);

        Assert.Equal([new ScorePoint(TestData.Today.AddDays(-2), 50), new ScorePoint(TestData.Today.AddDays(-1), 52), new ScorePoint(TestData.Today, 61)], store.GetHistory("acc-001"));
        Assert.Equal(61, store.GetLatest("acc-001")!.Score);
    }

    [Fact]
    public void Reads_nobody_saves_after_are_dropped_oldest_first_beyond_the_limit()
    {
        var context = _db.Open();
        var store = new LiteDbScoreStore(context);
        var ids = Enumerable.Range(0, 1_500).Select(i => $"acc-{i:D5}").ToArray();
        store.SaveScores([.. ids.Select(id => TestData.Score(id, TestData.Today, 61))]);

        for (var round = 0; round < 5; round++)
            foreach (var chunk in ids.Chunk(500)) store.GetHistories(chunk);

        Assert.InRange(context.RecentHistories.Count, 1, context.RecentHistories.Limit);
        // Still right after the oldest were dropped: each save reads what it was not handed.
        Assert.Equal(1_500, store.SaveScores([.. ids.Select(id => TestData.Score(id, TestData.Today.AddDays(1), 60))]));
        Assert.Equal(0, context.RecentHistories.Count);
        Assert.All(ids, id => Assert.Equal([new ScorePoint(TestData.Today, 61), new ScorePoint(TestData.Today.AddDays(1), 60)], store.GetHistory(id)));
    }
}
