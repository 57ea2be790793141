using CsBot.Core.Scoring;
using CsBot.Tests.Shared;
using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// A recent score save of an account whose head (its latest score's fingerprint and day and its history's newest point)
/// the store holds compares with the head instead of reading the history document; everything must read back as it
/// does from a file saved whole.
/// </summary>
public sealed class ScoreHeadsTests : IDisposable
{
    private static readonly DateOnly Today = TestData.Today;
    private readonly TempDatabase _headed = new();
    private readonly TempDatabase _whole = new();

    public void Dispose()
    {
        _headed.Dispose();
        _whole.Dispose();
    }

    [Fact]
    public void A_recent_save_of_accounts_with_heads_reads_no_history_document_and_reads_back_as_a_whole_save()
    {
        var context = _headed.Open();
        var headed = new LiteDbScoreStore(context);
        var whole = new LiteDbScoreStore(_whole.Open());
        string[] ids = ["acc-001", "acc-002", "acc-003"];
        foreach (var store in new[] { headed, whole })
        {
            store.SaveHistories(ids.ToDictionary(id => id, _ => Enumerable.Range(1, 30).Select(d => new ScorePoint(Today.AddDays(-d), 60 + d % 5)).ToArray()));
            // The hourly run: a whole save gives every account a head.
            store.SaveScores([.. ids.Select(id => TestData.Score(id, Today, 61))]);
        }
        Assert.Equal(3, context.ScoreHeads.Count);
        // Documents a read could not take: a save that read them would fail.
        var histories = context.Database.GetCollection(LiteDbContext.ScoreHistories);
        var stored = histories.FindAll().ToList();
        foreach (var document in stored)
        {
            var unreadable = new BsonDocument(document) { ["Format"] = 99 };
            histories.Update(unreadable);
        }

        HealthScore[][] saves =
        [
            // Unchanged, changed the same day, a new day, and the same account twice.
            [TestData.Score("acc-001", Today, 61), TestData.Score("acc-002", Today, 55), TestData.Score("acc-003", Today.AddDays(1), 70), TestData.Score("acc-003", Today.AddDays(1), 71)],
            [TestData.Score("acc-001", Today.AddDays(1), 62), TestData.Score("acc-002", Today, 55)],
        ];
        foreach (var save in saves) Assert.Equal(whole.SaveScores(save), headed.SaveRecentScores(save));

        histories.Update(stored);
        Same(whole, headed, ids);
    }

    [Fact]
    public void A_score_of_a_day_before_the_newest_point_and_replaced_histories_are_compared_with_the_documents()
    {
        var context = _headed.Open();
        var headed = new LiteDbScoreStore(context);
        var whole = new LiteDbScoreStore(_whole.Open());
        string[] ids = ["acc-001", "acc-002"];
        foreach (var store in new[] { headed, whole })
        {
            store.SaveScores([.. ids.Select(id => TestData.Score(id, Today.AddDays(-1), 50))]);
            store.SaveScores([.. ids.Select(id => TestData.Score(id, Today, 52))]);
        }

        HealthScore[][] saves =
        [
            // Back-filled: the stored latest (a later day's) stays, the day's point changes; as stored, nothing is written.
            [TestData.Score("acc-001", Today.AddDays(-1), 44)],
            [TestData.Score("acc-002", Today.AddDays(-1), 50)],
            [TestData.Score("acc-002", Today, 52)],
        ];
        foreach (var save in saves) Assert.Equal(whole.SaveScores(save), headed.SaveRecentScores(save));
        // Histories replaced whole: the heads go, and what is stored now decides.
        var replaced = new Dictionary<string, ScorePoint[]> { ["acc-002"] = [new(Today.AddDays(-3), 90), new(Today.AddDays(-2), 91)] };
        headed.SaveHistories(replaced);
        whole.SaveHistories(replaced);
        Assert.Equal(whole.SaveScores([TestData.Score("acc-002", Today, 52)]), headed.SaveRecentScores([TestData.Score("acc-002", Today, 52)]));

        Same(whole, headed, ids);
    }

    [Fact]
    public void A_save_that_another_committed_beside_sets_only_the_heads_it_wrote()
    {
        var heads = new ScoreHeads();
        var head = new ScoreHeads.Head(7, 100, 100, 60);
        var readAt = heads.Commits;
        heads.Committed(heads.Commits, new Dictionary<string, ScoreHeads.Head?> { ["a"] = head }, new Dictionary<string, ScoreHeads.Head?> { ["b"] = head });
        Assert.NotNull(heads.StandIn("b", DateOnly.FromDayNumber(100)));

        // A save that read before that commit: what it only read may be older than what the other wrote.
        heads.Committed(readAt, new Dictionary<string, ScoreHeads.Head?> { ["c"] = head }, new Dictionary<string, ScoreHeads.Head?> { ["a"] = head with { Fingerprint = 1 }, ["b"] = head });

        Assert.Null(heads.StandIn("a", DateOnly.FromDayNumber(100)));
        Assert.Null(heads.StandIn("b", DateOnly.FromDayNumber(100)));
        Assert.NotNull(heads.StandIn("c", DateOnly.FromDayNumber(100)));
        // And none for a score of a day before the newest point.
        Assert.Null(heads.StandIn("c", DateOnly.FromDayNumber(99)));
    }

    private static void Same(LiteDbScoreStore expected, LiteDbScoreStore actual, string[] ids)
    {
        foreach (var id in ids)
        {
            Assert.Equal(expected.GetHistory(id), actual.GetHistory(id));
            Asserts.SameScore(expected.GetLatest(id)!, actual.GetLatest(id));
        }
        var all = expected.GetAllHistories();
        var got = actual.GetAllHistories();
        Assert.Equal(all.Keys.Order(), got.Keys.Order());
        foreach (var (id, points) in all) Assert.Equal(points, got[id]);
        // The next whole save finds the same to write.
        HealthScore[] next = [.. ids.Select(id => TestData.Score(id, Today.AddDays(2), 40))];
        Assert.Equal(expected.SaveScores(next), actual.SaveScores(next));
        foreach (var id in ids) Assert.Equal(expected.GetHistory(id), actual.GetHistory(id));
    }
}
