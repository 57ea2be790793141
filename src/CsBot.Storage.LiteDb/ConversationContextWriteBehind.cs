using System.Collections.Concurrent;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Conversation contexts saved but not yet in the file, written in batches by one thread at a time: a save puts the
/// context here and returns, and a batch writes every context pending at that moment in one LiteDB transaction, the
/// latest per conversation only. A batch starts at least <see cref="BatchInterval"/> after the one before, on the
/// injected clock.
/// </summary>
/// <remarks>
/// Every answered question saves its context, and LiteDB holds a collection's write lock for a whole transaction
/// (including writing its pages to the log): one upsert per question made concurrent askers queue on that lock,
/// each blocking a thread-pool thread, which starved the web server (at 100 concurrent askers about 350 answers/s,
/// most of each request's time spent waiting in LiteDB's LockService). Now a question never waits for the file.
/// A batch written as soon as the previous one ended held about one context per question under load, since each
/// conversation had asked once at most meanwhile: the upserts cost a seventh of the host's CPU at 100 concurrent
/// askers. Waiting <see cref="BatchInterval"/> between batches writes each busy conversation once per interval
/// instead of once per question; the first save after a quiet interval is written at once.
/// A context is read from here until its batch is committed (read-your-writes within the process, the only one the
/// file's lock allows), and whatever is pending when the file is closed is written before LiteDB is closed
/// (<see cref="LiteDbContext.BeforeClose"/>), so a stop loses nothing; a crash loses the contexts saved in the last
/// interval (the follow-ups of those conversations, nothing else).
/// Once written, the latest contexts stay readable from memory too (up to <see cref="MaxRemembered"/>): every question
/// reads its conversation's context, and a read by id from the file (a query parsed, pages read, BSON mapped back)
/// was a tenth of an answer's CPU. Only this process writes the file, so what it wrote last is what the file holds;
/// a purge that removes live contexts forgets them all.
/// </remarks>
internal sealed class ConversationContextWriteBehind
{
    /// <summary>Most written contexts kept in memory; past it they are forgotten at once and read from the file again.</summary>
    public const int MaxRemembered = 10_000;

    /// <summary>Least time from the start of one batch to the start of the next.</summary>
    public static readonly TimeSpan BatchInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, ConversationContextDocument> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConversationContextDocument> _written = new(StringComparer.Ordinal);
    private readonly LiteDbContext _context;
    private readonly string _collection;
    private readonly Action<ILiteCollection<ConversationContextDocument>> _afterWrite;
    private readonly ILogger? _logger;
    private readonly TimeProvider _time;
    private readonly Lock _writing = new();
    private int _scheduled;
    private long _nextBatchTicks;
    private int _batches;
    private long _documents;

    /// <param name="afterWrite">Runs after each batch, in the same thread and under the same gate (the purge).</param>
    public ConversationContextWriteBehind(LiteDbContext context, string collection, Action<ILiteCollection<ConversationContextDocument>> afterWrite, TimeProvider time, ILogger? logger)
    {
        _context = context;
        _time = time;
        _collection = collection;
        _afterWrite = afterWrite;
        _logger = logger;
        context.BeforeClose(FlushOnClose);
    }

    /// <summary>The context saved under <paramref name="id"/> that is not in the file yet, or the one this process wrote last.</summary>
    public bool TryGetKnown(string id, out ConversationContextDocument document) =>
        _pending.TryGetValue(id, out document!) || _written.TryGetValue(id, out document!);

    /// <summary>How many written contexts are held in memory; for tests.</summary>
    public int Remembered => _written.Count;

    /// <summary>How many batches and documents have been written to the file; for tests.</summary>
    public (int Batches, long Documents) Written => (Volatile.Read(ref _batches), Interlocked.Read(ref _documents));

    /// <summary>Drops the written contexts held in memory (the file lost some of them); later reads go to the file.</summary>
    public void ForgetWritten() => _written.Clear();

    /// <summary>Keeps <paramref name="document"/> as the latest for its id and makes sure a batch will write it.</summary>
    public void Add(ConversationContextDocument document)
    {
        _pending[document.Id] = document;
        if (Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0) ScheduleBatch();
    }

    private void ScheduleBatch()
    {
        var wait = TimeSpan.FromTicks(Interlocked.Read(ref _nextBatchTicks) - _time.GetUtcNow().UtcTicks);
        if (wait <= TimeSpan.Zero)
            ThreadPool.UnsafeQueueUserWorkItem(static self => self.Drain(), this, preferLocal: false);
        else
            Task.Delay(wait, _time).ContinueWith(static (_, self) => ((ConversationContextWriteBehind)self!).Drain(), this,
                CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Writes whatever is pending now, on the calling thread (for a count or an inspection that must see it).</summary>
    public void Flush() => Flush(_context.Database);

    private void Drain()
    {
        while (true)
        {
            try
            {
                Flush(_context.Database);
            }
            catch (ObjectDisposedException)
            {
                // Closed meanwhile: the close wrote what was pending.
                Volatile.Write(ref _scheduled, 0);
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The contexts stay pending (still answered from here) and the next save tries again.
                _logger?.LogWarning(ex, "Could not write {Count} conversation context(s) to the database; will retry on the next question", _pending.Count);
                Volatile.Write(ref _scheduled, 0);
                return;
            }
            Volatile.Write(ref _scheduled, 0);
            // A save made while the batch was written found the flag set and left the write to the next batch.
            if (_pending.IsEmpty || Interlocked.CompareExchange(ref _scheduled, 1, 0) != 0) return;
            ScheduleBatch();
            return;
        }
    }

    private void FlushOnClose(LiteDatabase database)
    {
        try
        {
            Flush(database);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Closing goes on: losing these costs the follow-ups of their conversations, not the file.
            _logger?.LogWarning(ex, "Could not write {Count} conversation context(s) to the database while closing it", _pending.Count);
        }
    }

    private void Flush(LiteDatabase database)
    {
        lock (_writing)
        {
            if (_pending.IsEmpty) return;
            Interlocked.Exchange(ref _nextBatchTicks, (_time.GetUtcNow() + BatchInterval).UtcTicks);
            var batch = _pending.ToArray();
            var contexts = database.GetCollection<ConversationContextDocument>(_collection);
            contexts.Upsert(batch.Select(p => p.Value));
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _documents, batch.Length);
            if (_written.Count + batch.Length > MaxRemembered) _written.Clear();
            // Remembered before it leaves the pending ones, so a read in between finds it in one or the other. Only
            // what was written leaves: a newer save for the same conversation stays pending for the next batch.
            foreach (var written in batch)
            {
                // A batch larger than the bound leaves the rest to the file, with no older copy held for them.
                if (_written.Count < MaxRemembered) _written[written.Key] = written.Value;
                else _written.TryRemove(written.Key, out _);
                _pending.TryRemove(written);
            }
            _afterWrite(contexts);
        }
    }
}
