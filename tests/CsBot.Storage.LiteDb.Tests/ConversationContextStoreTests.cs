using CsBot.Core.Conversations;
using CsBot.Core.Metrics;
using CsBot.Core.Querying;
using CsBot.Core.Scoring;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Storage.LiteDb.Tests;

public sealed class ConversationContextStoreTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Noon);

    public void Dispose() => _db.Dispose();

    private static ConversationContext Metric(string text, int page = 0) => new(new ParsedQuestion(IntentKind.Metric)
    {
        Text = text,
        Metric = MetricKind.NetRevenueRetention,
        Period = new DateRange(new(2026, 7, 1), new(2026, 9, 30)),
        PeriodText = "last quarter",
        Segment = "Enterprise",
        Compare = MetricComparison.PreviousQuarter,
    }, page);

    [Fact]
    public void The_last_question_reads_back_as_saved_and_survives_reopening_the_file()
    {
        var context = _db.Open();
        var store = new LiteDbConversationContexts(context, _time);
        var list = new ConversationContext(new ParsedQuestion(IntentKind.AtRiskList)
        {
            Text = "red accounts for Dana", OwnerText = "Dana", Mine = true, Band = HealthBand.Poor, Movement = MoverFilter.Drops,
        }, Page: 2);
        store.Save("slack\nD1\nU1", list, Noon.AddMinutes(30));
        context.Dispose();

        var reopened = new LiteDbConversationContexts(_db.Open(), _time);
        Assert.Equal(list, reopened.Find("slack\nD1\nU1"));
        Assert.Null(reopened.Find("slack\nD1\nU2"));
    }

    [Fact]
    public void Only_the_latest_question_is_kept_per_key()
    {
        var store = new LiteDbConversationContexts(_db.Open(), _time);
        store.Save("k", Metric("nrr last quarter"), Noon.AddMinutes(30));
        store.Save("k", Metric("and in enterprise", page: 1), Noon.AddMinutes(31));

        Assert.Equal("and in enterprise", store.Find("k")!.Question.Text);
        Assert.Equal(Metric("and in enterprise", page: 1), store.Find("k"));
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void A_context_is_gone_once_its_expiry_passes_on_the_injected_clock()
    {
        var store = new LiteDbConversationContexts(_db.Open(), _time);
        store.Save("k", Metric("nrr last quarter"), Noon.AddMinutes(30));

        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(store.Find("k"));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(store.Find("k"));
    }

    [Fact]
    public void Expired_contexts_are_purged_so_the_collection_stays_small()
    {
        var store = new LiteDbConversationContexts(_db.Open(), _time);
        for (var n = 0; n < 40; n++) store.Save($"k{n}", Metric("nrr"), Noon.AddMinutes(30));
        // In the file before they expire: a batch still being written when the clock moves on would otherwise purge
        // at the later time and leave the saves that came after its snapshot to the next purge.
        Assert.Equal(40, store.Count);

        _time.Advance(LiteDbConversationContexts.PurgeInterval + TimeSpan.FromMinutes(30));
        store.Save("late", Metric("nrr"), _time.GetUtcNow().AddMinutes(30));

        Assert.Equal(1, store.Count);
        Assert.NotNull(store.Find("late"));
    }

    [Fact]
    public void A_question_is_remembered_without_waiting_for_another_write_to_the_contexts_and_reaches_the_file()
    {
        var context = _db.Open();
        var store = new LiteDbConversationContexts(context, _time);
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        // Another writer holds the collection's write lock in an open transaction, as a slow commit does.
        var writer = new Thread(() =>
        {
            var database = context.Database;
            database.BeginTrans();
            database.GetCollection(LiteDbConversationContexts.CollectionName).Upsert(new LiteDB.BsonDocument { ["_id"] = "other", ["ExpiresTicks"] = 0L });
            holding.Set();
            release.Wait();
            database.Commit();
        });
        writer.Start();
        holding.Wait();

        Exception? failed = null;
        var saver = new Thread(() =>
        {
            try { store.Save("k", Metric("nrr last quarter"), Noon.AddMinutes(30)); }
            catch (Exception ex) { failed = ex; }
        });
        saver.Start();
        var saved = saver.Join(TimeSpan.FromSeconds(20));
        // Read back in this process before it is in the file.
        var found = store.Find("k");
        release.Set();
        writer.Join();
        saver.Join();

        Assert.True(saved, "saving a context waited for another transaction on the file");
        Assert.Null(failed);
        Assert.Equal(Metric("nrr last quarter"), found);
        context.Dispose();
        Assert.Equal(Metric("nrr last quarter"), new LiteDbConversationContexts(_db.Open(), _time).Find("k"));
    }

    [Fact]
    public void Every_conversation_saved_before_the_file_is_closed_is_there_after_reopening_it_with_its_latest_question()
    {
        var context = _db.Open();
        var store = new LiteDbConversationContexts(context, _time);
        for (var n = 0; n < 500; n++)
        {
            store.Save($"k{n}", Metric("nrr last quarter"), Noon.AddMinutes(30));
            store.Save($"k{n}", Metric($"question {n}", page: n % 3), Noon.AddMinutes(30));
        }
        context.Dispose();

        var reopened = new LiteDbConversationContexts(_db.Open(), _time);
        for (var n = 0; n < 500; n++) Assert.Equal(Metric($"question {n}", page: n % 3), reopened.Find($"k{n}"));
        Assert.Equal(500, reopened.Count);
    }

    [Fact]
    public void Another_store_over_the_same_file_reads_a_context_saved_a_moment_before()
    {
        var context = _db.Open();
        new LiteDbConversationContexts(context, _time).Save("k", Metric("nrr last quarter"), Noon.AddMinutes(30));

        Assert.Equal(Metric("nrr last quarter"), new LiteDbConversationContexts(context, _time).Find("k"));
    }

    [Fact]
    public void A_very_long_key_is_stored_without_hitting_the_index_key_limit()
    {
        var store = new LiteDbConversationContexts(_db.Open(), _time);
        var key = "teams\n" + new string('x', 5_000) + "\nuser";

        store.Save(key, Metric("nrr"), Noon.AddMinutes(30));

        Assert.NotNull(store.Find(key));
        Assert.Null(store.Find(key[..^1]));
    }

    [Fact]
    public void A_context_already_written_to_the_file_is_read_as_its_latest_save_and_still_expires()
    {
        var store = new LiteDbConversationContexts(_db.Open(), _time);
        store.Save("k", Metric("nrr last quarter"), Noon.AddMinutes(30));
        store.Save("k", Metric("and in enterprise", page: 1), Noon.AddMinutes(30));
        Assert.Equal(1, store.Count);

        Assert.Equal(Metric("and in enterprise", page: 1), store.Find("k"));
        Assert.Equal(1, store.Remembered);
        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Null(store.Find("k"));
    }

    [Fact]
    public void The_contexts_held_in_memory_are_bounded_and_the_rest_are_read_from_the_file()
    {
        var store = new LiteDbConversationContexts(_db.Open(), _time);
        var many = ConversationContextWriteBehind.MaxRemembered + 100;
        for (var n = 0; n < many; n++) store.Save($"k{n}", Metric($"question {n}"), Noon.AddMinutes(30));

        Assert.Equal(many, store.Count);
        Assert.InRange(store.Remembered, 0, ConversationContextWriteBehind.MaxRemembered);
        for (var n = 0; n < many; n += 97) Assert.Equal(Metric($"question {n}"), store.Find($"k{n}"));
    }

    [Fact]
    public void Questions_asked_while_a_batch_waits_for_its_interval_reach_the_file_once_per_conversation()
    {
        var store = new LiteDbConversationContexts(_db.Open(), _time);
        store.Save("k0", Metric("first"), Noon.AddMinutes(30));
        // The first save after a quiet interval is written at once.
        Assert.True(SpinWait.SpinUntil(() => store.Written.Batches == 1, TimeSpan.FromSeconds(10)));

        // Ten conversations asking twenty questions each, with time for a batch after every round.
        for (var round = 0; round < 20; round++)
        {
            for (var n = 0; n < 10; n++) store.Save($"k{n}", Metric($"question {round} of {n}", page: round % 3), Noon.AddMinutes(30));
            SpinWait.SpinUntil(() => store.Written.Batches > 1, TimeSpan.FromMilliseconds(25));
        }
        Assert.Equal(1, store.Written.Batches);

        _time.Advance(ConversationContextWriteBehind.BatchInterval);
        Assert.True(SpinWait.SpinUntil(() => store.Written.Batches == 2, TimeSpan.FromSeconds(10)));
        Assert.Equal((2, 1L + 10), store.Written);
        for (var n = 0; n < 10; n++) Assert.Equal(Metric($"question 19 of {n}", page: 19 % 3), store.Find($"k{n}"));
        Assert.Equal(10, store.Count);
    }
}
