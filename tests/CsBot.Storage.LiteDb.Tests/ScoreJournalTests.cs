using CsBot.Core.Scoring;
using CsBot.Tests.Shared;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// Scores saved as recent (an ingestion's rescoring) are appended to the journal instead of rewriting each account's
/// documents: they must read back exactly as whole saves do, before and after the next whole save takes them into the
/// documents, and after the file is opened again.
/// </summary>
public sealed class ScoreJournalTests : IDisposable
{
    private static readonly DateOnly Today = TestData.Today;
    private readonly TempDatabase _journaled = new();
    private readonly TempDatabase _whole = new();

    public void Dispose()
    {
        _journaled.Dispose();
        _whole.Dispose();
    }

    [Fact]
    public void Recent_saves_read_back_as_whole_saves_do_and_a_whole_save_takes_them_into_the_documents()
    {
        var journaledContext = _journaled.Open();
        var journaled = new LiteDbScoreStore(journaledContext);
        var whole = new LiteDbScoreStore(_whole.Open());
        string[] ids = ["acc-001", "acc-002", "acc-003", "acc-004"];
        foreach (var store in new[] { journaled, whole })
        {
            // acc-001 has a history and a latest score; acc-002 a history replaced whole (no fingerprint); the others nothing.
            store.SaveScores([TestData.Score("acc-001", Today.AddDays(-2), 50), TestData.Score("acc-001", Today.AddDays(-1), 52)]);
            store.SaveHistories(new Dictionary<string, ScorePoint[]> { ["acc-002"] = [new(Today.AddDays(-3), 70), new(Today.AddDays(-1), 71)] });
        }

        HealthScore[][] saves =
        [
            [TestData.Score("acc-001", Today, 48), TestData.Score("acc-002", Today, 69), TestData.Score("acc-003", Today, 30)],
            // The same day again (replaced), a back-filled day (kept in the history, not the latest), the same account twice.
            [TestData.Score("acc-001", Today, 47), TestData.Score("acc-003", Today.AddDays(-5), 90), TestData.Score("acc-004", Today.AddDays(-1), 60), TestData.Score("acc-004", Today, 61)],
            // Unchanged: nothing to write.
            [TestData.Score("acc-001", Today, 47)],
            [TestData.Score("acc-002", Today, 75) with { Components = [TestData.Score("x", Today, 1).Components[0] with { Reason = "reworded" }] }],
        ];
        foreach (var save in saves)
            Assert.Equal(whole.SaveScores(save), journaled.SaveRecentScores(save));

        Assert.True(Entries(journaledContext) > 0);
        SameReads(whole, journaled, ids);

        // The next whole save of the accounts writes their documents as they read and empties their entries.
        HealthScore[] next = [.. ids.Select((id, i) => TestData.Score(id, Today.AddDays(1), 40 + i))];
        Assert.Equal(whole.SaveScores(next), journaled.SaveScores(next));
        Assert.Equal(0, Entries(journaledContext));
        SameReads(whole, journaled, ids);
    }

    [Fact]
    public void Recent_saves_stay_when_the_file_is_opened_again()
    {
        var first = _journaled.Open();
        var store = new LiteDbScoreStore(first);
        store.SaveScores([TestData.Score("acc-001", Today.AddDays(-1), 50)]);
        store.SaveRecentScores([TestData.Score("acc-001", Today, 44), TestData.Score("acc-002", Today, 80)]);
        first.Dispose();

        var again = _journaled.Open();
        var reopened = new LiteDbScoreStore(again);

        Assert.Equal([new ScorePoint(Today.AddDays(-1), 50), new ScorePoint(Today, 44)], reopened.GetHistory("acc-001"));
        Asserts.SameScore(TestData.Score("acc-001", Today, 44), reopened.GetLatest("acc-001"));
        Asserts.SameScore(TestData.Score("acc-002", Today, 80), reopened.GetAllLatest()["acc-002"]);
        Assert.Equal([new ScorePoint(Today, 80)], reopened.GetAllHistories()["acc-002"]);
        // And the journal's count is read from the file: a whole save empties it.
        reopened.SaveScores([TestData.Score("acc-001", Today, 44), TestData.Score("acc-002", Today, 80)]);
        Assert.Equal(0, Entries(again));
    }

    [Fact]
    public void An_entry_read_before_the_whole_save_that_took_it_in_reads_the_same_over_the_documents_it_is_now_in()
    {
        // Reads take an account's entry before its documents, so one racing a whole save may apply an entry over
        // documents that already hold it: that must change nothing. The entries are put back after the save to read so.
        var context = _journaled.Open();
        var store = new LiteDbScoreStore(context);
        store.SaveScores([TestData.Score("acc-001", Today.AddDays(-1), 50), TestData.Score("acc-002", Today.AddDays(-1), 70)]);
        store.SaveRecentScores([TestData.Score("acc-001", Today, 44), TestData.Score("acc-002", Today, 72)]);
        var entries = context.Database.GetCollection(ScoreJournal.Name).FindAll().ToList();
        var before = (store.GetAllHistories(), store.GetAllLatest());

        store.SaveScores([TestData.Score("acc-001", Today, 44), TestData.Score("acc-002", Today, 72)]);
        Assert.Equal(0, Entries(context));
        context.Database.GetCollection(ScoreJournal.Name).Insert(entries);
        context.ScoreJournal.Recount();

        foreach (var id in new[] { "acc-001", "acc-002" })
        {
            Assert.Equal(before.Item1[id], store.GetAllHistories()[id]);
            Assert.Equal(before.Item1[id], store.GetHistory(id));
            Asserts.SameScore(before.Item2[id], store.GetAllLatest()[id]);
            Asserts.SameScore(before.Item2[id], store.GetLatest(id));
        }
        Assert.Equal(0, store.SaveScores([TestData.Score("acc-001", Today, 44)]));
    }

    [Fact]
    public void Replacing_histories_keeps_the_latest_score_a_recent_save_wrote()
    {
        var context = _journaled.Open();
        var store = new LiteDbScoreStore(context);
        store.SaveRecentScores([TestData.Score("acc-001", Today, 44)]);

        store.SaveHistories(new Dictionary<string, ScorePoint[]> { ["acc-001"] = [new(Today.AddDays(-1), 60)] });

        Assert.Equal(0, Entries(context));
        Assert.Equal([new ScorePoint(Today.AddDays(-1), 60)], store.GetHistory("acc-001"));
        Asserts.SameScore(TestData.Score("acc-001", Today, 44), store.GetLatest("acc-001"));
    }

    [Fact]
    public void A_full_journal_makes_recent_saves_whole_which_take_their_accounts_entries_out()
    {
        var context = _journaled.Open();
        context.ScoreJournal.MaxEntries = 3;
        var store = new LiteDbScoreStore(context);
        store.SaveRecentScores([.. Enumerable.Range(1, 4).Select(i => TestData.Score($"acc-{i:D3}", Today, 50 + i))]);
        Assert.Equal(4, Entries(context));

        store.SaveRecentScores([TestData.Score("acc-001", Today, 40), TestData.Score("acc-002", Today, 41)]);

        Assert.Equal(2, Entries(context));
        Assert.Equal([new ScorePoint(Today, 40)], store.GetHistory("acc-001"));
        Assert.Equal([new ScorePoint(Today, 53)], store.GetHistory("acc-003"));
    }

    [Fact]
    public void Recent_saves_of_accounts_spread_over_the_file_write_a_few_pages_where_whole_saves_write_one_an_account_and_so_do_the_next()
    {
        var context = _journaled.Open();
        var store = new LiteDbScoreStore(context);
        var ids = Enumerable.Range(0, 4_000).Select(i => $"acc-{i:D5}").ToArray();
        ScorePoint[] history = [.. Enumerable.Range(1, 90).Select(d => new ScorePoint(Today.AddDays(-d), 60 + d % 7))];
        store.SaveHistories(ids.ToDictionary(id => id, _ => history));
        store.SaveScores([.. ids.Select(id => TestData.Score(id, Today.AddDays(-1), 61))]);
        // Every tenth account, as an ingestion's rows name accounts spread over the portfolio; two sets of the same size.
        var wholeSet = ids.Where((_, i) => i % 10 == 0).ToArray();
        var recentSet = ids.Where((_, i) => i % 10 == 5).ToArray();

        var whole = LogPages.WrittenBy(context, () => store.SaveScores([.. wholeSet.Select(id => TestData.Score(id, Today, 58))]));
        var recent = LogPages.WrittenBy(context, () => store.SaveRecentScores([.. recentSet.Select(id => TestData.Score(id, Today, 58))]));

        // The same accounts again (the next batch of a feed): their entries lie together, so again a few pages.
        var again = LogPages.WrittenBy(context, () => store.SaveRecentScores([.. recentSet.Select(id => TestData.Score(id, Today.AddDays(1), 57))]));

        Assert.True(whole >= recentSet.Length, $"whole save wrote {whole} pages");
        Assert.True(recent * 5 <= whole, $"recent save wrote {recent} pages, whole {whole}");
        Assert.True(again * 5 <= whole, $"recent save of the same accounts wrote {again} pages, whole {whole}");
        var read = store.GetHistory(recentSet[7]);
        Assert.Equal(92, read.Length);
        Assert.Equal([new ScorePoint(Today, 58), new ScorePoint(Today.AddDays(1), 57)], read[^2..]);
    }

    private static void SameReads(LiteDbScoreStore expected, LiteDbScoreStore actual, string[] ids)
    {
        foreach (var id in ids)
        {
            Assert.Equal(expected.GetHistory(id), actual.GetHistory(id));
            var latest = expected.GetLatest(id);
            if (latest is null) Assert.Null(actual.GetLatest(id));
            else Asserts.SameScore(latest, actual.GetLatest(id));
        }
        var histories = expected.GetHistories(ids);
        var got = actual.GetHistories(ids);
        Assert.Equal(histories.Keys.Order(), got.Keys.Order());
        foreach (var (id, points) in histories) Assert.Equal(points, got[id]);
        var all = expected.GetAllHistories();
        var allGot = actual.GetAllHistories();
        Assert.Equal(all.Keys.Order(), allGot.Keys.Order());
        foreach (var (id, points) in all) Assert.Equal(points, allGot[id]);
        var latestAll = expected.GetAllLatest();
        var latestAllGot = actual.GetAllLatest();
        Assert.Equal(latestAll.Keys.Order(), latestAllGot.Keys.Order());
        foreach (var (id, score) in latestAll) Asserts.SameScore(score, latestAllGot[id]);
    }

    private static int Entries(LiteDbContext context) => context.Database.GetCollection(ScoreJournal.Name).Count();
}
