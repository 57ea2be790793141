using LiteDB;

namespace CsBot.Storage.LiteDb.Tests;

/// <summary>
/// Writes to different collections of one file run one at a time (LiteDB 5's concurrent writers can damage its list
/// of free pages); reads do not wait for them, and a transaction's own writes do not wait for its turn.
/// </summary>
public sealed class OneWriterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_write_to_another_collection_waits_for_an_open_transaction_while_reads_go_on()
    {
        using var context = _db.Open();
        var first = context.Database.GetCollection("first");
        var second = context.Database.GetCollection("second");
        second.Insert(new BsonDocument { ["_id"] = "stored" });
        using var inTransaction = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        var transaction = Task.Factory.StartNew(() => context.InTransaction(() =>
        {
            first.Insert(new BsonDocument { ["_id"] = "one" });
            // The transaction's own second write does not wait for the turn it holds.
            first.Insert(new BsonDocument { ["_id"] = "two" });
            inTransaction.Set();
            Assert.True(release.Wait(Patience));
        }), TaskCreationOptions.LongRunning);
        Assert.True(inTransaction.Wait(Patience));

        var read = Task.Factory.StartNew(() => second.FindById("stored"), TaskCreationOptions.LongRunning);
        var write = Task.Factory.StartNew(() => second.Insert(new BsonDocument { ["_id"] = "other" }), TaskCreationOptions.LongRunning);

        Assert.NotNull(await read.WaitAsync(Patience));
        // The write cannot finish while the transaction holds the turn; a short look is enough to see it waiting.
        Assert.NotSame(write, await Task.WhenAny(write, Task.Delay(TimeSpan.FromMilliseconds(300))));
        release.Set();
        await transaction.WaitAsync(Patience);
        await write.WaitAsync(Patience);
        Assert.Equal(2, first.Count());
        Assert.Equal(2, second.Count());
    }

    [Fact]
    public async Task A_transaction_that_fails_rolls_back_and_lets_the_next_write_in()
    {
        using var context = _db.Open();
        var notes = context.Database.GetCollection("notes");

        Assert.Throws<InvalidOperationException>(() => context.InTransaction(() =>
        {
            notes.Insert(new BsonDocument { ["_id"] = "lost" });
            throw new InvalidOperationException("midway");
        }));

        var next = Task.Factory.StartNew(() => notes.Insert(new BsonDocument { ["_id"] = "kept" }), TaskCreationOptions.LongRunning);
        await next.WaitAsync(Patience);
        Assert.Equal(["kept"], notes.FindAll().Select(d => d["_id"].AsString));
    }
}
