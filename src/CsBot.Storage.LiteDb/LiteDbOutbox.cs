using System.Runtime.CompilerServices;
using System.Text.Json;
using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// The durable outbox in collection "outbox": one document per message, a unique index on the idempotency key, an
/// index on the due time of waiting entries (see <see cref="OutboxDocument"/>), and indexes on state and platform
/// message id. Every change of an entry is one LiteDB transaction, made durable before the method returns.
/// </summary>
/// <remarks>
/// <para><b>Durability.</b> LiteDB 5.0.21 writes a committed transaction to its log file before <c>Commit</c> returns,
/// so a process killed after it loses nothing, but the operating system may still hold those pages in memory. Each
/// write here is therefore followed by flushing the log file to disk (<see cref="LiteDbContext.FlushLogToDisk"/>): once
/// <see cref="Enqueue"/> returns true the message survives a crash, and once <see cref="TryClaim"/> returns the
/// attempt is on disk before the sender is called. (It was a checkpoint before, which copied the whole log into the
/// data file after every write: with a log of up to 64 MB beside an ingestion, that was most of an outbox write.)</para>
/// <para><b>What "exactly once" means here.</b> Per idempotency key there is only ever one entry (unique index), so
/// re-running whatever enqueued a message never queues it twice. The entry is claimed (Pending → Delivering with a
/// lease, persisted) before the platform is called and marked Delivered right after the platform accepts it. If the
/// process dies in the short window between the platform accepting the message and Delivered being persisted, the
/// entry is still Delivering; when its lease expires it is sent again. Slack and Teams take no idempotency key on
/// chat messages, so that one case is at-least-once at the platform boundary: the recipient may see the message
/// twice, unless the sender can find its earlier delivery (Slack searches the channel for the key it attached as
/// metadata; the delivery service asks before re-sending such an entry). The window is one network round trip plus one local write; the lease (Delivery:LeaseSeconds) only decides
/// how soon the retry happens, so keep it short but longer than a send can take. Every other crash point (before
/// the claim, after the claim but before the send, after Delivered) delivers the message exactly once.</para>
/// </remarks>
public sealed class LiteDbOutbox : IOutboxStore
{
    internal const string CollectionName = "outbox";

    /// <summary>
    /// One writer at a time per database file. LiteDB 5.0.21 loses committed outbox documents when two transactions
    /// insert the same unique key concurrently and the loser rolls back pages it had newly allocated (measured: 8
    /// parallel enqueues of one key into a new file left 0 or 2 entries in about two rounds of three). Serialising
    /// the outbox's own writes makes check-then-insert atomic, so that rollback never happens; outbox writes are
    /// few, so the lock costs nothing noticeable.
    /// </summary>
    private static readonly ConditionalWeakTable<LiteDbContext, Lock> WriteGates = new();

    private readonly LiteDbContext _context;
    private readonly TimeProvider _time;
    private readonly Lock _writeGate;

    public LiteDbOutbox(LiteDbContext context, TimeProvider time)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _writeGate = WriteGates.GetValue(context, _ => new Lock());

        var collection = _context.Database.GetCollection(CollectionName);
        collection.EnsureIndex("idempotency_key", "$.IdempotencyKey", unique: true);
        collection.EnsureIndex("due", "$.DueTicks");
        collection.EnsureIndex("state", "$.State");
        collection.EnsureIndex("platform_message", "$.PlatformMessageId");
    }

    private ILiteCollection<OutboxDocument> Entries => _context.Collection<OutboxDocument>(CollectionName);

    public bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter)
    {
        var document = NewDocument(message, deliverAfter);
        var inserted = false;
        try
        {
            Write(() => inserted = InsertUnlessQueued(Entries, document));
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // The check above runs under the write gate, so this is only a backstop: the unique index kept one entry.
            return false;
        }
        if (inserted) MakeDurable();
        return inserted;
    }

    public IReadOnlyList<bool> EnqueueAll(IReadOnlyList<MessageToQueue> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // Every message is checked before anything is written, so a bad one queues none.
        var documents = messages.Select(m => NewDocument(m?.Message!, m?.DeliverAfter ?? default)).ToArray();
        var queued = new bool[documents.Length];
        if (documents.Length == 0) return queued;
        try
        {
            // A key met earlier in the list is found by the check: the transaction reads what it has inserted.
            Write(() =>
            {
                var entries = Entries;
                for (var i = 0; i < documents.Length; i++) queued[i] = InsertUnlessQueued(entries, documents[i]);
            });
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            // The backstop again; the transaction was rolled back whole, so each is queued on its own instead.
            return [.. messages.Select(m => Enqueue(m.Message, m.DeliverAfter))];
        }
        if (queued.Contains(true)) MakeDurable();
        return queued;
    }

    private OutboxDocument NewDocument(OutgoingMessage message, DateTimeOffset deliverAfter)
    {
        OutboxMessageCheck.ThrowIfUnqueueable(message);
        return OutboxDocument.New(ObjectId.NewObjectId().ToString(), message, deliverAfter, _time.GetUtcNow());
    }

    private static bool InsertUnlessQueued(ILiteCollection<OutboxDocument> entries, OutboxDocument document)
    {
        if (entries.Exists(Filters.Equal("$." + nameof(OutboxDocument.IdempotencyKey), document.IdempotencyKey))) return false;
        entries.Insert(document);
        return true;
    }

    public IReadOnlyList<OutboxEntry> Due(DateTimeOffset now, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var documents = Entries.Query()
            .Where(Query.Between(nameof(OutboxDocument.DueTicks), new BsonValue(0L), new BsonValue(now.UtcTicks)))
            .OrderBy(nameof(OutboxDocument.DueTicks))
            .Limit(max)
            .ToList();

        var due = new List<OutboxEntry>(documents.Count);
        foreach (var document in documents.OrderBy(d => d.DueTicks).ThenBy(d => d.CreatedTicks).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            if (TryRead(document, out var entry, out var error)) due.Add(entry);
            // A message that cannot be read back can never be sent; park it where an admin sees it rather than
            // let it fail every run.
            else MarkUnreadable(document.Id, error, now);
        }
        return due;
    }

    public OutboxEntry? TryClaim(string id, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (leaseUntil <= now) throw new ArgumentException("A lease must end after it starts.", nameof(leaseUntil));

        OutboxEntry? claimed = null;
        Write(() =>
        {
            var entries = Entries;
            var document = entries.FindById(id);
            if (document is null || !document.IsWaiting || document.DueTicks > now.UtcTicks) return;
            document.State = OutboxState.Delivering;
            document.Attempts++;
            document.LastAttemptAt = InstantDocument.From(now);
            document.LeaseUntil = InstantDocument.From(leaseUntil);
            document.SetDue(leaseUntil);
            entries.Update(document);
            claimed = document.ToEntry();
        });
        if (claimed is not null) MakeDurable();
        return claimed;
    }

    public bool MarkDelivered(string id, string platform, string? platformMessageId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        return Transition(id, d =>
        {
            d.State = OutboxState.Delivered;
            d.Platform = platform;
            d.PlatformMessageId = platformMessageId;
            d.DeliveredAt = InstantDocument.From(at);
            d.SetDone();
        });
    }

    public bool MarkFailed(string id, string error, DateTimeOffset nextAttemptAt)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Transition(id, d =>
        {
            d.State = OutboxState.Pending;
            d.LastError = error;
            d.LeaseUntil = null;
            d.SetDue(nextAttemptAt);
        });
    }

    public bool MarkDeadLetter(string id, string error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Transition(id, d =>
        {
            d.State = OutboxState.DeadLetter;
            d.LastError = error;
            d.DeadLetteredAt = InstantDocument.From(at);
            d.SetDone();
        });
    }

    public bool Requeue(string id, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(id);
        var changed = false;
        Write(() =>
        {
            var entries = Entries;
            var document = entries.FindById(id);
            if (document is null || document.State != OutboxState.DeadLetter) return;
            // The last error stays, so the entry still says why it was dead-lettered before.
            document.State = OutboxState.Pending;
            document.Attempts = 0;
            document.DeadLetteredAt = null;
            document.SetDue(at);
            changed = entries.Update(document);
        });
        if (changed) MakeDurable();
        return changed;
    }

    public OutboxEntry? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Entries.FindById(id) is { } document ? ReadForDisplay(document) : null;
    }

    public OutboxEntry? FindByIdempotencyKey(string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        return Entries.FindOne(Filters.Equal("$." + nameof(OutboxDocument.IdempotencyKey), idempotencyKey)) is { } document ? ReadForDisplay(document) : null;
    }

    public OutboxEntry? FindByPlatformMessageId(string platform, string platformMessageId)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(platformMessageId);
        var document = Entries.Find(Query.EQ(nameof(OutboxDocument.PlatformMessageId), platformMessageId))
            .FirstOrDefault(d => string.Equals(d.Platform, platform, StringComparison.Ordinal));
        return document is null ? null : ReadForDisplay(document);
    }

    public IReadOnlyList<OutboxEntry> DeadLetters(int max = 100) => List(OutboxState.DeadLetter, max);

    public IReadOnlyList<OutboxEntry> List(OutboxState? state, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var query = Entries.Query();
        if (state is { } s) query = query.Where(Query.EQ(nameof(OutboxDocument.State), s.ToString()));
        return [.. query.OrderByDescending(nameof(OutboxDocument.CreatedTicks)).Limit(max).ToEnumerable().Select(ReadForDisplay)];
    }

    public IReadOnlyDictionary<OutboxState, int> Counts()
    {
        var entries = Entries;
        return Enum.GetValues<OutboxState>().ToDictionary(s => s, s => entries.Count(Query.EQ(nameof(OutboxDocument.State), s.ToString())));
    }

    public OutboxBacklog Backlog(DateTimeOffset deadLetteredSince)
    {
        var entries = Entries;
        // The due index holds waiting entries only, so its first key is the earliest due one.
        var earliest = entries.Query()
            .Where(Query.Between(nameof(OutboxDocument.DueTicks), new BsonValue(0L), new BsonValue(long.MaxValue)))
            .OrderBy(nameof(OutboxDocument.DueTicks))
            .Limit(1)
            .FirstOrDefault();
        var recent = entries.Count(Query.And(
            Query.EQ(nameof(OutboxDocument.State), nameof(OutboxState.DeadLetter)),
            Query.GTE($"{nameof(OutboxDocument.DeadLetteredAt)}.{nameof(InstantDocument.UtcTicks)}", new BsonValue(deadLetteredSince.UtcTicks))));
        return new OutboxBacklog(earliest?.NextAttemptAt.ToDateTimeOffset(), recent);
    }

    /// <summary>Applies <paramref name="change"/> to a claimed (Delivering) entry in one transaction; false when there is none.</summary>
    private bool Transition(string id, Action<OutboxDocument> change)
    {
        ArgumentNullException.ThrowIfNull(id);
        var changed = false;
        Write(() =>
        {
            var entries = Entries;
            var document = entries.FindById(id);
            if (document is null || document.State != OutboxState.Delivering) return;
            change(document);
            changed = entries.Update(document);
        });
        if (changed) MakeDurable();
        return changed;
    }

    private void MarkUnreadable(string id, string error, DateTimeOffset at)
    {
        var changed = false;
        Write(() =>
        {
            var entries = Entries;
            var document = entries.FindById(id);
            if (document is null || !document.IsWaiting) return;
            document.State = OutboxState.DeadLetter;
            document.LastError = "The stored message could not be read: " + error;
            document.DeadLetteredAt = InstantDocument.From(at);
            document.SetDone();
            changed = entries.Update(document);
        });
        if (changed) MakeDurable();
    }

    private static bool TryRead(OutboxDocument document, out OutboxEntry entry, out string error)
    {
        try
        {
            entry = document.ToEntry();
            error = "";
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
        {
            entry = null!;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Reads an entry for listing; an unreadable message shows as a placeholder instead of failing the whole list.</summary>
    private static OutboxEntry ReadForDisplay(OutboxDocument document)
    {
        if (TryRead(document, out var entry, out var error)) return entry;
        var placeholder = new OutboxDocument
        {
            Id = document.Id, IdempotencyKey = document.IdempotencyKey, RecipientKind = document.RecipientKind,
            RecipientKey = document.RecipientKey, RecipientName = document.RecipientName, ForPlatform = document.ForPlatform,
            ThreadId = document.ThreadId, ReplyUrl = document.ReplyUrl, ReplyUrlExpiresAt = document.ReplyUrlExpiresAt, State = document.State,
            Attempts = document.Attempts, NextAttemptAt = document.NextAttemptAt, LeaseUntil = document.LeaseUntil,
            LastError = document.LastError ?? "The stored message could not be read: " + error,
            Platform = document.Platform, PlatformMessageId = document.PlatformMessageId, CreatedAt = document.CreatedAt,
            LastAttemptAt = document.LastAttemptAt, DeliveredAt = document.DeliveredAt, DeadLetteredAt = document.DeadLetteredAt,
            MessageJson = OutboxMessageJson.Serialize(new ChatMessage { Title = "(unreadable stored message)" }),
        };
        return placeholder.ToEntry();
    }

    private void Write(Action write)
    {
        lock (_writeGate) _context.InTransaction(write);
    }

    private void MakeDurable() => _context.FlushLogToDisk();
}
