using LiteDB;
using LiteDB.Engine;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// A LiteDB engine that lets one call into LiteDB run at a time in the whole file (a query's each step included), and
/// one write or explicit transaction at a time.
/// </summary>
/// <remarks>
/// <para>LiteDB 5 locks writes per collection, but writes to two collections at once share the header page's list of
/// free pages, and a race there leaves a page both in use and free (LiteDB issues #2503 and #2825, still reported on
/// 5.0.21): later reads and writes fail LiteDB's page checks ("get only index below highest index", "page must be
/// writable to support changes"), LiteDB closes the engine, and the damaged list can be saved. CsBot writes several
/// collections at once (an evaluation's scores and alerts, the outbox, conversation contexts), and at 100k accounts a
/// start-up met those failures about once in five. One write at a time is the remedy LiteDB's maintainers name; CsBot's
/// writes are short (a thousand documents at most), so waiting for one costs little.</para>
/// <para>Reads race too, with each other and with writes: LiteDB's page cache can hand a page it is recycling to a
/// reader that found it but had not yet pinned it (LiteDB issue #2817, unchanged on 5.0.21), and the reader then decodes
/// another page's bytes. At 100k accounts about one start-up in ten failed so while the read model loaded on two threads
/// and the outbox wrote: "pages in memory store must be non-shared", or an account's packed signals read back damaged.
/// So every call, and every step of a query's reader, enters LiteDB alone. The lock is taken per call, not held while
/// a caller works through the documents it got, so a caller streaming a large read never holds others up for long, and
/// CsBot's reads are paged (<see cref="PagedReads"/>), so no single step is long either.</para>
/// <para>An explicit transaction holds the write turn from <see cref="BeginTrans"/> to <see cref="Commit"/> or
/// <see cref="Rollback"/>, on its thread (LiteDB binds transactions to threads); writes on that thread meanwhile are
/// part of it and do not wait, and other threads' reads go on between its calls.</para>
/// </remarks>
internal sealed class OneAtATimeEngine(ILiteEngine inner) : ILiteEngine
{
    /// <summary>Held by a write, or by an explicit transaction from its start to its end.</summary>
    private readonly Lock _turn = new();
    /// <summary>Held by every call into LiteDB while it runs: one at a time in its page cache.</summary>
    private readonly Lock _call = new();
    /// <summary>Whether this thread holds the turn for an explicit transaction it began.</summary>
    private readonly ThreadLocal<bool> _inTransaction = new();

    // A checkpoint or rebuild waits inside LiteDB until no transaction is open, and a query's transaction stays open
    // until its reader is done: holding every call out meanwhile would leave a reader half way through unable to finish.
    // LiteDB itself lets no transaction begin or go on while one runs, so the write turn is enough.
    public int Checkpoint()
    {
        lock (_turn) return inner.Checkpoint();
    }

    public long Rebuild(RebuildOptions options)
    {
        lock (_turn) return inner.Rebuild(options);
    }

    public bool BeginTrans()
    {
        _turn.Enter();
        var began = false;
        try
        {
            lock (_call) began = inner.BeginTrans();
            if (began) _inTransaction.Value = true;
            return began;
        }
        finally
        {
            // A thread already in a transaction holds the turn from its own BeginTrans; this call's enter is undone.
            if (!began) _turn.Exit();
        }
    }

    public bool Commit() => EndTransaction(inner.Commit);

    public bool Rollback() => EndTransaction(inner.Rollback);

    private bool EndTransaction(Func<bool> end)
    {
        try
        {
            lock (_call) return end();
        }
        finally
        {
            if (_inTransaction.Value)
            {
                _inTransaction.Value = false;
                _turn.Exit();
            }
        }
    }

    public IBsonDataReader Query(string collection, Query query)
    {
        // LiteDB's reader reads its first document as it is made.
        lock (_call) return new OneStepAtATimeReader(inner.Query(collection, query), _call);
    }

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(() => inner.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Write(() => inner.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Write(() => inner.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Write(() => inner.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Write(() => inner.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Write(() => inner.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Write(() => inner.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Write(() => inner.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Write(() => inner.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Write(() => inner.DropIndex(collection, name));

    public BsonValue Pragma(string name)
    {
        lock (_call) return inner.Pragma(name);
    }

    public bool Pragma(string name, BsonValue value) => Write(() => inner.Pragma(name, value));

    private T Write<T>(Func<T> write)
    {
        // Re-entered freely by the thread whose transaction holds the turn, and by a write's own reads.
        lock (_turn)
        lock (_call)
            return write();
    }

    public void Dispose()
    {
        lock (_turn)
        lock (_call)
            inner.Dispose();
        _inTransaction.Dispose();
    }

    /// <summary>A query's reader whose every step (reading the next document, letting go of its pages) enters LiteDB alone.</summary>
    /// <remarks>The document read is whole by then, so looking at it needs no lock.</remarks>
    private sealed class OneStepAtATimeReader(IBsonDataReader inner, Lock call) : IBsonDataReader
    {
        public BsonValue this[string field] => inner[field];

        public string Collection => inner.Collection;

        public BsonValue Current => inner.Current;

        public bool HasValues => inner.HasValues;

        public bool Read()
        {
            lock (call) return inner.Read();
        }

        public void Dispose()
        {
            lock (call) inner.Dispose();
        }
    }
}
