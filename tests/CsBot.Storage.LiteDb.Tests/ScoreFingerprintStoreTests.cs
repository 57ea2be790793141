using CsBot.Core.Scoring;
using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// Each score history carries the fingerprint of its account's latest score, so an hourly run tells an unchanged score
/// from the small history document alone. A stored breakdown this test takes away shows whether the latest score was
/// read: had it been, the score would differ from it and be written again.
/// </summary>
public sealed class ScoreFingerprintStoreTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void An_unchanged_score_is_known_from_its_history_without_reading_the_latest_breakdown()
    {
        var context = _db.Open();
        var store = new LiteDbScoreStore(context);
        var score = TestData.Score("acc-001", TestData.Today, 61);
        Assert.Equal(1, store.SaveScores([score]));
        Assert.Equal(ScoreFingerprint.Of(score), StoredFingerprint(context));

        DropBreakdown(context);
        Assert.Equal(0, store.SaveScores([TestData.Score("acc-001", TestData.Today, 61)]));
    }

    [Fact]
    public void A_history_without_a_fingerprint_gets_one_from_the_next_save_which_counts_as_no_change()
    {
        var context = _db.Open();
        var store = new LiteDbScoreStore(context);
        var score = TestData.Score("acc-001", TestData.Today, 61);
        store.SaveScores([score]);
        // Replacing a history whole, as files written before fingerprints hold it: no fingerprint.
        store.SaveHistories(new Dictionary<string, ScorePoint[]> { ["acc-001"] = [new ScorePoint(TestData.Today, 61)] });
        Assert.Null(StoredFingerprint(context));

        Assert.Equal(0, store.SaveScores([score]));
        Assert.Equal(ScoreFingerprint.Of(score), StoredFingerprint(context));
        Asserts.SameScore(score, store.GetLatest("acc-001"));
        Assert.Equal([new ScorePoint(TestData.Today, 61)], store.GetHistory("acc-001"));
    }

    [Fact]
    public void A_changed_breakdown_with_the_same_total_is_written_and_fingerprinted()
    {
        var context = _db.Open();
        var store = new LiteDbScoreStore(context);
        var score = TestData.Score("acc-001", TestData.Today, 61);
        store.SaveScores([score]);

        var reweighted = score with { Components = [score.Components[0] with { Weight = 25 }, .. score.Components.Skip(1)] };
        Assert.Equal(1, store.SaveScores([reweighted]));
        Asserts.SameScore(reweighted, store.GetLatest("acc-001"));
        Assert.Equal(ScoreFingerprint.Of(reweighted), StoredFingerprint(context));
    }

    [Fact]
    public void Back_filling_an_earlier_day_keeps_the_later_latest_score_and_its_fingerprint()
    {
        var context = _db.Open();
        var store = new LiteDbScoreStore(context);
        var today = TestData.Score("acc-001", TestData.Today, 61);
        store.SaveScores([today]);

        Assert.Equal(1, store.SaveScores([TestData.Score("acc-001", TestData.Today.AddDays(-1), 40)]));
        Assert.Equal(61, store.GetLatest("acc-001")!.Score);
        Assert.Equal(ScoreFingerprint.Of(today), StoredFingerprint(context));
        Assert.Equal([new ScorePoint(TestData.Today.AddDays(-1), 40), new ScorePoint(TestData.Today, 61)], store.GetHistory("acc-001"));

        DropBreakdown(context);
        Assert.Equal(0, store.SaveScores([today]));
    }

    private static long? StoredFingerprint(LiteDbContext context)
    {
        var history = context.Database.GetCollection(LiteDbContext.ScoreHistories).FindById("acc-001");
        return history.TryGetValue("LatestFingerprint", out var value) && !value.IsNull ? value.AsInt64 : null;
    }

    private static void DropBreakdown(LiteDbContext context)
    {
        var latest = context.Database.GetCollection(LiteDbContext.LatestScores);
        var document = latest.FindById("acc-001");
        document["Breakdown"] = Array.Empty<byte>();
        latest.Update(document);
    }
}
