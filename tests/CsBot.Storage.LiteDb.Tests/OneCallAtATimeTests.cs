using LiteDB;
using LiteDB.Engine;
using NSubstitute;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// Every call into LiteDB, and every step of a query's reader, runs alone: LiteDB 5's page cache can hand a reader a page
/// it is recycling for another thread (LiteDB issue #2817), and the reader then decodes another page's bytes.
/// </summary>
public sealed class OneCallAtATimeTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDatabase _db = new();
    private int _inside;
    private int _mostAtOnce;

    [Fact]
    public void Readers_and_writers_on_many_threads_never_enter_LiteDB_at_the_same_time()
    {
        var inner = Substitute.For<ILiteEngine>();
        inner.Query(default!, default!).ReturnsForAnyArgs(_ => Entered(NewReader()));
        inner.Upsert(default!, default!, default).ReturnsForAnyArgs(_ => Entered(1));
        inner.Pragma(default(string)!).ReturnsForAnyArgs(_ => Entered(new BsonValue(1000)));
        var engine = new OneAtATimeEngine(inner);

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, thread =>
        {
            for (var i = 0; i < 20; i++)
            {
                if (thread == 0)
                {
                    engine.Upsert("outbox", [new BsonDocument { ["_id"] = i }], BsonAutoId.ObjectId);
                    continue;
                }
                using var reader = engine.Query("accounts", new Query());
                while (reader.Read()) Assert.Equal(7, reader.Current["v"].AsInt32);
                _ = engine.Pragma("CHECKPOINT");
            }
        });

        Assert.Equal(1, _mostAtOnce);
    }

    [Fact]
    public void A_checkpoint_waits_for_a_reader_half_way_through_its_documents_and_the_reader_finishes()
    {
        using var context = _db.Open();
        var notes = context.Database.GetCollection("notes");
        for (var i = 0; i < 5; i++) notes.Insert(new BsonDocument { ["_id"] = i });

        // LiteDB binds a query's transaction to its thread: the reader is read on this one throughout.
        using (var reader = context.Database.Execute("SELECT $ FROM notes"))
        {
            Assert.True(reader.Read());
            using var checkpointed = new ManualResetEventSlim();
            Exception? failed = null;
            var checkpoint = new Thread(() =>
            {
                try { context.Database.Checkpoint(); }
                catch (Exception ex) { failed = ex; }
                checkpointed.Set();
            });
            checkpoint.Start();
            // The checkpoint cannot run while the reader's transaction is open; a short look is enough to see it waiting.
            Assert.False(checkpointed.Wait(TimeSpan.FromMilliseconds(300)));

            var read = 1;
            while (reader.Read()) read++;
            Assert.Equal(5, read);
            reader.Dispose();
            Assert.True(checkpointed.Wait(Patience));
            Assert.Null(failed);
        }
        Assert.Equal(5, notes.Count());
    }

    public void Dispose() => _db.Dispose();

    private IBsonDataReader NewReader()
    {
        var reader = Substitute.For<IBsonDataReader>();
        var left = 3;
        reader.Read().Returns(_ => Entered(left-- > 0));
        reader.Current.Returns(new BsonDocument { ["v"] = 7 });
        reader.When(r => r.Dispose()).Do(_ => Entered(0));
        return reader;
    }

    /// <summary>Counts the calls inside LiteDB at once, staying a moment so that calls let in together overlap.</summary>
    private T Entered<T>(T result)
    {
        var now = Interlocked.Increment(ref _inside);
        int most;
        while ((most = Volatile.Read(ref _mostAtOnce)) < now && Interlocked.CompareExchange(ref _mostAtOnce, now, most) != most) { }
        Thread.Sleep(1);
        Interlocked.Decrement(ref _inside);
        return result;
    }
}
