using CsBot.Core.Scoring;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// Latest scores are written with the breakdown packed in one field (format 2); files written before hold it as
/// arrays of nested documents and histories without the latest score's day. Such a file reads the same, and a
/// changed score is rewritten in the current format.
/// </summary>
public sealed class LatestScoreFormatTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_score_written_by_the_earlier_format_reads_the_same_and_is_rewritten_in_the_current_one_when_it_changes()
    {
        var context = _db.Open();
        var store = new LiteDbScoreStore(context);
        var score = TestData.Score("acc-001", TestData.Today, 61);
        WriteAsBefore(context, score);

        Asserts.SameScore(score, store.GetLatest("acc-001"));
        Asserts.SameScore(score, store.GetAllLatest()["acc-001"]);
        Assert.Equal(0, store.SaveScores([score]));
        Assert.False(Stored(context, LiteDbContext.LatestScores).ContainsKey("Breakdown"));

        var changed = TestData.Score("acc-001", TestData.Today, 58);
        Assert.Equal(1, store.SaveScores([changed]));

        var stored = Stored(context, LiteDbContext.LatestScores);
        Assert.Equal(LatestScoreDocument.CurrentFormat, stored["Format"].AsInt32);
        Assert.True(stored["Breakdown"].IsBinary);
        Assert.False(stored.ContainsKey("Components"));
        Asserts.SameScore(changed, store.GetLatest("acc-001"));
        Asserts.SameScore(changed, store.GetAllLatest()["acc-001"]);
        Assert.Equal(changed.AsOf.DayNumber, Stored(context, LiteDbContext.ScoreHistories)["LatestDay"].AsInt32);
        Assert.Equal([new ScorePoint(TestData.Today, 58)], store.GetHistory("acc-001"));
    }

    [Fact]
    public void Back_filling_an_earlier_day_over_a_file_of_the_earlier_format_keeps_the_later_latest_score()
    {
        var context = _db.Open();
        var store = new LiteDbScoreStore(context);
        var today = TestData.Score("acc-001", TestData.Today, 61);
        WriteAsBefore(context, today);

        Assert.Equal(1, store.SaveScores([TestData.Score("acc-001", TestData.Today.AddDays(-1), 40)]));

        Asserts.SameScore(today, store.GetLatest("acc-001"));
        Assert.Equal([new ScorePoint(TestData.Today.AddDays(-1), 40), new ScorePoint(TestData.Today, 61)], store.GetHistory("acc-001"));
        // The history now knows its latest score's day, so the next change needs no read of the latest document.
        Assert.Equal(TestData.Today.DayNumber, Stored(context, LiteDbContext.ScoreHistories)["LatestDay"].AsInt32);
    }

    [Fact]
    public void A_changed_score_is_written_on_what_its_history_knows_without_reading_the_latest_document()
    {
        var context = _db.Open();
        var store = new LiteDbScoreStore(context);
        store.SaveScores([TestData.Score("acc-001", TestData.Today, 61)]);
        // Had the save read the latest document, this day would make it keep the stored score as one of a later day.
        var latest = context.Database.GetCollection(LiteDbContext.LatestScores);
        var document = latest.FindById("acc-001");
        document["AsOfDay"] = TestData.Today.AddDays(30).DayNumber;
        latest.Update(document);

        var changed = TestData.Score("acc-001", TestData.Today, 58);
        Assert.Equal(1, store.SaveScores([changed]));
        Asserts.SameScore(changed, store.GetLatest("acc-001"));
    }

    [Fact]
    public void A_breakdown_packed_by_an_unknown_format_is_refused_rather_than_misread()
    {
        var context = _db.Open();
        var store = new LiteDbScoreStore(context);
        store.SaveScores([TestData.Score("acc-001", TestData.Today, 61)]);
        var latest = context.Database.GetCollection(LiteDbContext.LatestScores);
        var document = latest.FindById("acc-001");
        document["Format"] = 3;
        latest.Update(document);

        Assert.Throws<InvalidDataException>(() => store.GetLatest("acc-001"));
    }

    /// <summary>The documents the earlier code wrote: the latest score through the mapper, the history with a fingerprint but no day.</summary>
    private static void WriteAsBefore(LiteDbContext context, HealthScore score)
    {
        context.Database.GetCollection(LiteDbContext.LatestScores).Upsert(context.Mapper.ToDocument(LatestScoreDocument.From(score)));
        context.Database.GetCollection(LiteDbContext.ScoreHistories).Upsert(context.Mapper.ToDocument(new ScoreHistoryDocument
        {
            Id = score.AccountId,
            Packed = ScoreHistoryDocument.Pack([new ScorePoint(score.AsOf, score.Score)]),
            LatestFingerprint = ScoreFingerprint.Of(score),
        }));
        Assert.True(Stored(context, LiteDbContext.LatestScores)["Components"].IsArray);
        Assert.False(Stored(context, LiteDbContext.ScoreHistories).ContainsKey("LatestDay"));
    }

    private static BsonDocument Stored(LiteDbContext context, string collection) => context.Database.GetCollection(collection).FindById("acc-001");
}
