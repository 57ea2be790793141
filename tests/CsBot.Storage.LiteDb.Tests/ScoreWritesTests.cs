using CsBot.Core.Scoring;
using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// An hourly evaluation rescores every account to what it mostly already has: such a score must not be written again,
/// while any change still is. A field only this test puts into the stored document shows whether it was rewritten.
/// </summary>
public sealed class ScoreWritesTests : IDisposable
{
    private const string Marker = "WrittenBefore";
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Saving_the_same_score_again_writes_nothing_and_a_changed_breakdown_or_score_is_written()
    {
        var context = _db.Open();
        var store = new LiteDbScoreStore(context);
        var score = TestData.Score("acc-001", TestData.Today, 61);
        store.SaveScores([score]);
        Mark(context);

        Assert.Equal(0, store.SaveScores([TestData.Score("acc-001", TestData.Today, 61)]));
        Assert.True(Marked(context, LiteDbContext.LatestScores));
        Assert.True(Marked(context, LiteDbContext.ScoreHistories));

        // Same score, another reason in the breakdown: the latest score is rewritten, and the history only to carry the
        // new score's fingerprint; its day's point stays.
        var reworded = score with { Components = [score.Components[0] with { Reason = "active users down 13% (16 -> 14) vs 28-day baseline" }, .. score.Components.Skip(1)] };
        Assert.Equal(1, store.SaveScores([reworded]));
        Assert.False(Marked(context, LiteDbContext.LatestScores));
        Asserts.SameScore(reworded, store.GetLatest("acc-001"));
        Assert.Equal([new ScorePoint(TestData.Today, 61)], store.GetHistory("acc-001"));

        Mark(context);
        Assert.Equal(1, store.SaveScores([TestData.Score("acc-001", TestData.Today, 58)]));
        Assert.False(Marked(context, LiteDbContext.LatestScores));
        Assert.False(Marked(context, LiteDbContext.ScoreHistories));
        Assert.Equal([new ScorePoint(TestData.Today, 58)], store.GetHistory("acc-001"));
    }

    [Fact]
    public void The_same_account_twice_in_one_save_keeps_both_days_and_the_later_score()
    {
        var store = new LiteDbScoreStore(_db.Open());
        var yesterday = TestData.Today.AddDays(-1);

        store.SaveScores([TestData.Score("acc-001", yesterday, 40), TestData.Score("acc-001", TestData.Today, 45)]);

        Assert.Equal([new ScorePoint(yesterday, 40), new ScorePoint(TestData.Today, 45)], store.GetHistory("acc-001"));
        Assert.Equal(45, store.GetLatest("acc-001")!.Score);
    }

    [Fact]
    public void Histories_of_many_accounts_are_read_at_once_adjacent_or_scattered()
    {
        var store = new LiteDbScoreStore(_db.Open());
        var ids = Enumerable.Range(0, 200).Select(i => $"acc-{i:D3}").ToList();
        store.SaveHistories(ids.ToDictionary(id => id, id => new[] { new ScorePoint(TestData.Today, int.Parse(id[4..], System.Globalization.CultureInfo.InvariantCulture) % 100) }));

        // Adjacent ids (a batch of the evaluation), with one never stored.
        var adjacent = store.GetHistories([.. ids.Skip(50).Take(40), "acc-050x"]);
        Assert.Equal(ids.Skip(50).Take(40).Order(StringComparer.Ordinal), adjacent.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new ScorePoint(TestData.Today, 77)], adjacent["acc-077"]);

        // Ids spread over the whole collection: more than twice as many documents lie between them as were asked for.
        var scattered = ids.Where((_, i) => i % 9 == 0).Append("acc-999").ToList();
        var found = store.GetHistories(scattered);
        Assert.Equal(scattered.SkipLast(1).Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.All(found, h => Assert.Equal([new ScorePoint(TestData.Today, int.Parse(h.Key[4..], System.Globalization.CultureInfo.InvariantCulture) % 100)], h.Value));

        // A few ids, and none.
        Assert.Equal(["acc-003", "acc-199"], store.GetHistories(["acc-199", "acc-003", "acc-003"]).Keys.Order(StringComparer.Ordinal));
        Assert.Empty(store.GetHistories([]));
    }

    private static void Mark(LiteDbContext context)
    {
        foreach (var name in new[] { LiteDbContext.LatestScores, LiteDbContext.ScoreHistories })
        {
            var collection = context.Database.GetCollection(name);
            var document = collection.FindById("acc-001");
            document[Marker] = true;
            collection.Update(document);
        }
    }

    private static bool Marked(LiteDbContext context, string collection) =>
        context.Database.GetCollection(collection).FindById("acc-001").ContainsKey(Marker);
}
