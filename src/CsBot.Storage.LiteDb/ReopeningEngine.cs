using LiteDB;
using LiteDB.Engine;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// The LiteDB engine of the process, opened again when LiteDB has closed it after an internal error.
/// </summary>
/// <remarks>
/// <para>LiteDB closes its engine for good when a call fails with an I/O error or one of its own consistency checks
/// (<see cref="LiteException.INVALID_DATAFILE_STATE"/>): every later call throws the same exception until the process is
/// restarted. Such a check can fail on a page read while other threads read and write the file (seen once in five
/// start-ups at 100k accounts, a whole-collection read beside the outbox's writes), and the file is whole: opened again,
/// it reads. Without this the host answered nothing and ran no job until someone restarted it.</para>
/// <para>The call that failed still fails (its caller reports it or retries, as for any store error); the next call
/// opens the file again. Committed writes are in LiteDB's log or data file, so nothing committed is lost; a
/// transaction open on the closed engine is lost with it, and calls on the thread that opened it keep going to that
/// engine (and fail) until it commits or rolls back, so its writes can never land outside it on the new one.</para>
/// </remarks>
internal sealed class ReopeningEngine : ILiteEngine
{
    private readonly Func<ILiteEngine> _open;
    private readonly Action<Exception> _reopened;
    private readonly Lock _gate = new();
    /// <summary>The engine a thread's explicit transaction was begun on: LiteDB binds transactions to threads too.</summary>
    private readonly ThreadLocal<ILiteEngine?> _transaction = new();
    private ILiteEngine _current;
    /// <summary>What closed <see cref="_current"/>, or null while it is open.</summary>
    private Exception? _closedBy;
    private bool _disposed;

    /// <param name="open">Opens the file; called once now and again after each fatal failure.</param>
    /// <param name="reopened">Told of the failure that closed the engine, once the file is open again.</param>
    public ReopeningEngine(Func<ILiteEngine> open, Action<Exception> reopened)
    {
        _open = open ?? throw new ArgumentNullException(nameof(open));
        _reopened = reopened ?? throw new ArgumentNullException(nameof(reopened));
        _current = open();
    }

    /// <summary>How often the file was opened again since start.</summary>
    public int Reopens { get; private set; }

    /// <summary>True for the failures after which LiteDB has closed its engine (its own rule, <c>EngineState.Handle</c>).</summary>
    internal static bool ClosesTheEngine(Exception ex) =>
        ex is IOException || ex is LiteException { ErrorCode: LiteException.INVALID_DATAFILE_STATE };

    private ILiteEngine Engine()
    {
        if (_transaction.Value is { } inTransaction) return inTransaction;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_closedBy is not { } closedBy) return _current;
            // Opening may fail too (the file is gone or truly damaged): then the engine stays closed, this call throws
            // and the next one tries again.
            var opened = _open();
            var closed = _current;
            _current = opened;
            _closedBy = null;
            Reopens++;
            try
            {
                closed.Dispose();
            }
            catch (Exception ex) when (ClosesTheEngine(ex) || ex is ObjectDisposedException)
            {
                // Already closed by LiteDB; what it failed to release goes with it.
            }
            _reopened(closedBy);
            return opened;
        }
    }

    private T Call<T>(Func<ILiteEngine, T> call) => On(Engine(), call);

    /// <summary>Runs <paramref name="call"/> on <paramref name="engine"/>, noting a failure that closed it.</summary>
    private T On<T>(ILiteEngine engine, Func<ILiteEngine, T> call)
    {
        try
        {
            return call(engine);
        }
        catch (Exception ex) when (ClosesTheEngine(ex))
        {
            Closed(engine, ex);
            throw;
        }
    }

    private void Closed(ILiteEngine engine, Exception ex)
    {
        lock (_gate)
        {
            // Only the engine that failed: a thread still busy on an engine already replaced must not close the new one.
            if (ReferenceEquals(engine, _current) && _closedBy is null) _closedBy = ex;
        }
    }

    public int Checkpoint() => Call(e => e.Checkpoint());

    public long Rebuild(RebuildOptions options) => Call(e => e.Rebuild(options));

    public bool BeginTrans()
    {
        var engine = Engine();
        var began = On(engine, e => e.BeginTrans());
        if (began) _transaction.Value = engine;
        return began;
    }

    public bool Commit() => EndTransaction(e => e.Commit());

    public bool Rollback() => EndTransaction(e => e.Rollback());

    private bool EndTransaction(Func<ILiteEngine, bool> end)
    {
        try
        {
            return Call(end);
        }
        finally
        {
            _transaction.Value = null;
        }
    }

    public IBsonDataReader Query(string collection, Query query)
    {
        var engine = Engine();
        return new Reader(On(engine, e => e.Query(collection, query)), ex => Closed(engine, ex));
    }

    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Call(e => e.Insert(collection, docs, autoId));

    public int Update(string collection, IEnumerable<BsonDocument> docs) => Call(e => e.Update(collection, docs));

    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Call(e => e.UpdateMany(collection, transform, predicate));

    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Call(e => e.Upsert(collection, docs, autoId));

    public int Delete(string collection, IEnumerable<BsonValue> ids) => Call(e => e.Delete(collection, ids));

    public int DeleteMany(string collection, BsonExpression predicate) => Call(e => e.DeleteMany(collection, predicate));

    public bool DropCollection(string name) => Call(e => e.DropCollection(name));

    public bool RenameCollection(string name, string newName) => Call(e => e.RenameCollection(name, newName));

    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Call(e => e.EnsureIndex(collection, name, expression, unique));

    public bool DropIndex(string collection, string name) => Call(e => e.DropIndex(collection, name));

    public BsonValue Pragma(string name) => Call(e => e.Pragma(name));

    public bool Pragma(string name, BsonValue value) => Call(e => e.Pragma(name, value));

    public void Dispose()
    {
        ILiteEngine current;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            current = _current;
        }
        _transaction.Dispose();
        current.Dispose();
    }

    /// <summary>A query's results; a read that closes the engine is told, as the calls are.</summary>
    private sealed class Reader(IBsonDataReader inner, Action<Exception> closed) : IBsonDataReader
    {
        public BsonValue this[string field] => inner[field];

        public string Collection => inner.Collection;

        public BsonValue Current => inner.Current;

        public bool HasValues => inner.HasValues;

        public bool Read()
        {
            try
            {
                return inner.Read();
            }
            catch (Exception ex) when (ClosesTheEngine(ex))
            {
                closed(ex);
                throw;
            }
        }

        public void Dispose() => inner.Dispose();
    }
}
