using CsBot.Core.Scoring;
using CsBot.Core.Signals;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// An account's data grows a usage day at a time, and its score history a point a day, on pages their neighbours fill;
/// each must stay on one page, so that a day's write of an account is one page, not one for every place the document
/// was continued.
/// </summary>
public sealed class GrowthRoomTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void A_usage_day_for_accounts_whose_data_grew_day_by_day_writes_no_more_pages_than_for_data_written_at_once()
    {
        using var other = new TempDatabase();
        var grown = PagesWrittenForTheNextDay(_db, dayByDay: true);
        var atOnce = PagesWrittenForTheNextDay(other, dayByDay: false);

        Assert.True(grown <= atOnce * 1.25 + 2, $"A day of usage wrote {grown} pages where the data grew day by day, {atOnce} where it was written at once.");
    }

    /// <summary>
    /// Pages written to LiteDB's log by a day of usage for every sixth of 600 accounts, on a file where the accounts were
    /// created bare and then given 40 days of usage a day at a time (<paramref name="dayByDay"/>), or all 40 at once.
    /// The usage journal is off, so that every day's save writes the data documents.
    /// </summary>
    private static long PagesWrittenForTheNextDay(TempDatabase db, bool dayByDay)
    {
        var context = db.Open();
        context.UsageJournal.MaxDays = 0;
        var store = new LiteDbPortfolioStore(context);
        var accounts = Enumerable.Range(0, 600).Select(i => TestData.MinimalAccount($"acc-{i:D4}")).ToArray();
        store.Save([.. accounts.Select(TestData.Bare)]);
        for (var days = dayByDay ? 1 : 40; days <= 40; days++)
            store.Save([.. accounts.Select(a => TestData.Bare(a) with { Usage = TestData.Usage(days) })]);

        var next = accounts.Where((_, i) => i % 6 == 0).Select(a => TestData.Bare(a) with { Usage = TestData.Usage(41) }).ToArray();
        var pages = LogPages.WrittenBy(context, () => store.Save(next));
        var loaded = store.LoadSignalsOf([.. next.Select(s => s.Account.Id)]);
        Assert.All(next, s => Assert.Equal(TestData.Usage(41), loaded[s.Account.Id].Usage));
        return pages;
    }

    [Fact]
    public void A_score_for_accounts_whose_history_grew_day_by_day_writes_no_more_pages_than_for_histories_written_at_once()
    {
        using var other = new TempDatabase();
        var grown = PagesWrittenForTheNextScore(_db, dayByDay: true);
        var atOnce = PagesWrittenForTheNextScore(other, dayByDay: false);

        Assert.True(grown <= atOnce * 1.25 + 2, $"A day's scores wrote {grown} pages where the histories grew day by day, {atOnce} where they were written at once.");
    }

    /// <summary>
    /// Pages written by a day's scores of every sixth of 600 accounts, on a file where their histories were given 40
    /// days a day at a time (<paramref name="dayByDay"/>, as the hourly evaluation does), or all at once; the score
    /// stays the same, so only the histories are written.
    /// </summary>
    private static long PagesWrittenForTheNextScore(TempDatabase db, bool dayByDay)
    {
        var context = db.Open();
        var scores = new LiteDbScoreStore(context);
        var ids = Enumerable.Range(0, 600).Select(i => $"acc-{i:D4}").ToArray();
        var first = TestData.Today.AddDays(-40);
        if (dayByDay)
            for (var day = 0; day < 40; day++) scores.SaveScores([.. ids.Select(id => TestData.Score(id, first.AddDays(day), 70))]);
        else
        {
            scores.SaveHistories(ids.ToDictionary(id => id, _ => Enumerable.Range(0, 39).Select(d => new ScorePoint(first.AddDays(d), 70)).ToArray()));
            scores.SaveScores([.. ids.Select(id => TestData.Score(id, first.AddDays(39), 70))]);
        }

        var next = ids.Where((_, i) => i % 6 == 0).ToArray();
        var pages = LogPages.WrittenBy(context, () => scores.SaveScores([.. next.Select(id => TestData.Score(id, TestData.Today, 70))]));
        Assert.All(next, id => Assert.Equal(41, scores.GetHistory(id).Length));
        return pages;
    }

    [Fact]
    public void A_document_that_outgrows_its_room_is_moved_whole_and_still_found_by_id_and_external_id()
    {
        var context = _db.Open();
        var store = new LiteDbPortfolioStore(context);
        var account = TestData.MinimalAccount("acc-grow");
        store.Save([TestData.Bare(account)]);
        var data = context.Database.GetCollection(LiteDbContext.AccountData);
        var small = GrowthRoom.Length(data.FindById("acc-grow"));

        store.Save([TestData.Bare(account) with { Usage = TestData.Usage(180) }]);

        var grown = data.FindById("acc-grow");
        Assert.True(GrowthRoom.Length(grown) > small);
        Assert.Equal(0, GrowthRoom.Length(grown) % GrowthRoom.Step);
        Assert.Equal(1, data.Count());
        Assert.Equal(TestData.Usage(180), store.LoadSignals("acc-grow")!.Usage);
        Assert.Equal("acc-grow", Assert.Single(store.FindIdsByExternalIds(["crm-acc-grow"])).Value);
    }

    [Fact]
    public void A_document_gone_since_it_was_read_is_written_anew_whatever_its_length()
    {
        var context = _db.Open();
        var collection = context.Database.GetCollection("growth_room_test");
        // As read once, deleted since: neither is in the collection.
        var stored = GrowthRoom.Padded(new BsonDocument { ["_id"] = "a", ["Bytes"] = new byte[100] });
        var storedToo = GrowthRoom.Padded(new BsonDocument { ["_id"] = "b", ["Bytes"] = new byte[100] });
        var shorter = GrowthRoom.Padded(new BsonDocument { ["_id"] = "a", ["Bytes"] = new byte[10] });
        var longer = GrowthRoom.Padded(new BsonDocument { ["_id"] = "b", ["Bytes"] = new byte[1_000] });

        GrowthRoom.Write(collection, stored, shorter);
        GrowthRoom.Write(collection, storedToo, longer);

        Assert.Equal(10, collection.FindById("a")["Bytes"].AsBinary.Length);
        Assert.Equal(1_000, collection.FindById("b")["Bytes"].AsBinary.Length);
    }

    [Fact]
    public void A_padded_document_is_a_whole_number_of_steps_and_reads_back_as_before()
    {
        foreach (var signals in new[] { TestData.FullSignals("acc-1"), TestData.FullSignals("acc-2", usageDays: 7), TestData.Bare(TestData.MinimalAccount("acc-3")) })
        {
            var document = AccountDataDocument.From(signals);

            Assert.Equal(0, BsonSerializer.Serialize(document).Length % GrowthRoom.Step);
            Assert.InRange(document[GrowthRoom.PadField].AsBinary.Length, 0, GrowthRoom.Step - 1);
            Assert.Equivalent(signals, AccountDataDocument.ToSignals(document), strict: true);
        }
    }

    [Fact]
    public void The_length_counted_is_the_length_LiteDB_serialises()
    {
        var document = new BsonDocument
        {
            ["_id"] = "äccount-1",
            ["Int"] = 3,
            ["Long"] = 3L,
            ["Double"] = 1.5,
            ["Decimal"] = 2.5m,
            ["Bool"] = true,
            ["Null"] = BsonValue.Null,
            ["When"] = new DateTime(2026, 12, 2, 0, 0, 0, DateTimeKind.Utc),
            ["Guid"] = Guid.NewGuid(),
            ["ObjectId"] = ObjectId.NewObjectId(),
            ["Bytes"] = new byte[] { 1, 2, 3 },
            ["Nested"] = new BsonDocument { ["Name"] = "Zoë", ["List"] = new BsonArray(Enumerable.Range(0, 12).Select(i => new BsonValue(i))) },
        };

        Assert.Equal(BsonSerializer.Serialize(document).Length, GrowthRoom.Length(document));
    }
}
