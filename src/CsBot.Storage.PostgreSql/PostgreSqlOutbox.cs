using System.Text.Json;
using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using Npgsql;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// The durable outbox in table "outbox", shared by every CsBot on the database: one row per message, unique on its
/// idempotency key, with a partial index on the due time of waiting entries. Every change of an entry is one
/// statement, committed before the method returns.
/// </summary>
/// <remarks>
/// <para><b>Several instances.</b> Every instance's delivery run reads the same due entries, and each claims an entry
/// with one UPDATE whose row is picked <c>FOR UPDATE SKIP LOCKED</c> and re-checked to be due: a row another instance
/// is claiming at that moment is skipped rather than waited for, and a row it has claimed is no longer due (its
/// due time moved to the end of its lease). So each message is claimed by one instance at a time, and again only
/// once that lease has expired, which happens when the claiming instance died.</para>
/// <para><b>What "exactly once" means here</b> (as in the LiteDB outbox). Per idempotency key there is only ever
/// one entry, so re-running whatever enqueued a message never queues it twice. The entry is claimed (persisted)
/// before the platform is called and marked Delivered right after the platform accepts it. If the instance dies in
/// between (the platform accepted the message, Delivered was not recorded), the entry is still Delivering; when its
/// lease expires any instance may send it again. Slack and Teams take no idempotency key on chat messages, so that
/// one case is at-least-once at the platform boundary, unless the sender can find its earlier delivery (Slack
/// searches the channel for the key it attached as metadata; the delivery service asks before re-sending an entry
/// whose last attempt has no recorded outcome). Every other crash point delivers the message exactly once.</para>
/// </remarks>
public sealed class PostgreSqlOutbox(PostgreSqlDatabase database, TimeProvider time) : IOutboxStore
{
    /// <summary>The format of message_json; a message whose shape changes incompatibly gets a new one.</summary>
    internal const int MessageFormat = 1;

    private const string Columns = """
        id, idempotency_key, recipient_kind, recipient_key, recipient_name, recipient_time_zone, for_platform, thread_id, reply_url,
        reply_url_expires_at, message_format, message_json, state, attempts, next_attempt_at, lease_until, last_error, platform,
        platform_message_id, created_at, last_attempt_at, delivered_at, dead_lettered_at
        """;

    private readonly PostgreSqlDatabase _database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    public bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter)
    {
        OutboxMessageCheck.ThrowIfUnqueueable(message);
        return _database.With(c => Insert(c, null, message, deliverAfter));
    }

    public IReadOnlyList<bool> EnqueueAll(IReadOnlyList<MessageToQueue> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // Every message is checked before anything is written, so a bad one queues none.
        foreach (var m in messages) OutboxMessageCheck.ThrowIfUnqueueable(m?.Message!);
        if (messages.Count == 0) return [];
        return _database.InTransaction((c, t) => messages.Select(m => Insert(c, t, m.Message, m.DeliverAfter)).ToArray());
    }

    // ON CONFLICT DO NOTHING makes the check and the insert one atomic step, across instances too; within a
    // transaction it also sees a key inserted earlier in the same transaction.
    private bool Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, OutgoingMessage message, DateTimeOffset deliverAfter) =>
        Sql.Execute(connection, transaction, """
            INSERT INTO outbox (id, idempotency_key, recipient_kind, recipient_key, recipient_name, recipient_time_zone, for_platform, thread_id,
                reply_url, reply_url_expires_at, message_format, message_json, state, attempts, due_at, next_attempt_at, created_at)
            VALUES (@id, @key, @kind, @recipient, @name, @zone, @for, @thread, @reply, @replyExpires, @format, @json, @state, 0, @due, @due, @created)
            ON CONFLICT (idempotency_key) DO NOTHING
            """,
            ("id", Guid.CreateVersion7().ToString("N")), ("key", message.IdempotencyKey), ("kind", message.Recipient.Kind.ToString()), ("recipient", message.Recipient.Key),
            ("name", message.Recipient.DisplayName), ("zone", message.Recipient.TimeZone), ("for", message.Platform), ("thread", message.ThreadId),
            ("reply", message.ReplyUrl), ("replyExpires", message.ReplyUrlExpiresAt), ("format", MessageFormat),
            ("json", StoredJson.Write(message.Message)), ("state", nameof(OutboxState.Pending)), ("due", deliverAfter), ("created", _time.GetUtcNow())) == 1;

    public IReadOnlyList<OutboxEntry> Due(DateTimeOffset now, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var rows = _database.With(c => Sql.Rows(c, null, $"SELECT {Columns} FROM outbox WHERE due_at <= @now ORDER BY due_at, created_seq LIMIT @max",
            Row.Read, ("now", now), ("max", max)));
        var due = new List<OutboxEntry>(rows.Count);
        foreach (var row in rows)
        {
            if (row.TryRead(out var entry, out var error)) due.Add(entry);
            // A message that cannot be read back can never be sent; park it where an admin sees it rather than let it fail every run.
            else MarkUnreadable(row.Id, error, now);
        }
        return due;
    }

    public OutboxEntry? TryClaim(string id, DateTimeOffset now, DateTimeOffset leaseUntil)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (leaseUntil <= now) throw new ArgumentException("A lease must end after it starts.", nameof(leaseUntil));
        var row = _database.With(c => Sql.Rows(c, null, $"""
            UPDATE outbox SET state = '{nameof(OutboxState.Delivering)}', attempts = attempts + 1, last_attempt_at = @now,
                lease_until = @lease, due_at = @lease, next_attempt_at = @lease
            WHERE id = (SELECT id FROM outbox WHERE id = @id AND due_at <= @now FOR UPDATE SKIP LOCKED)
            RETURNING {Columns}
            """, Row.Read, ("id", id), ("now", now), ("lease", leaseUntil))).SingleOrDefault();
        return row is null ? null : row.TryRead(out var entry, out _) ? entry : row.ForDisplay();
    }

    public bool MarkDelivered(string id, string platform, string? platformMessageId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        return Transition(id, "state = 'Delivered', platform = @platform, platform_message_id = @message, delivered_at = @at, due_at = NULL, lease_until = NULL",
            ("platform", platform), ("message", platformMessageId), ("at", at));
    }

    public bool MarkFailed(string id, string error, DateTimeOffset nextAttemptAt)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Transition(id, "state = 'Pending', last_error = @error, lease_until = NULL, due_at = @next, next_attempt_at = @next",
            ("error", error), ("next", nextAttemptAt));
    }

    public bool MarkDeadLetter(string id, string error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Transition(id, "state = 'DeadLetter', last_error = @error, dead_lettered_at = @at, due_at = NULL, lease_until = NULL",
            ("error", error), ("at", at));
    }

    /// <summary>The last error stays, so the entry still says why it was dead-lettered before.</summary>
    public bool Requeue(string id, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _database.With(c => Sql.Execute(c, null, """
            UPDATE outbox SET state = 'Pending', attempts = 0, dead_lettered_at = NULL, due_at = @at, next_attempt_at = @at
            WHERE id = @id AND state = 'DeadLetter'
            """, ("id", id), ("at", at))) == 1;
    }

    public OutboxEntry? Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return One("WHERE id = @id", ("id", id));
    }

    public OutboxEntry? FindByIdempotencyKey(string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        return One("WHERE idempotency_key = @key", ("key", idempotencyKey));
    }

    public OutboxEntry? FindByPlatformMessageId(string platform, string platformMessageId)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(platformMessageId);
        return One("WHERE platform_message_id = @message AND platform = @platform ORDER BY created_seq LIMIT 1", ("message", platformMessageId), ("platform", platform));
    }

    public IReadOnlyList<OutboxEntry> DeadLetters(int max = 100) => List(OutboxState.DeadLetter, max);

    public IReadOnlyList<OutboxEntry> List(OutboxState? state, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var rows = _database.With(c => state is { } s
            ? Sql.Rows(c, null, $"SELECT {Columns} FROM outbox WHERE state = @state ORDER BY created_seq DESC LIMIT @max", Row.Read, ("state", s.ToString()), ("max", max))
            : Sql.Rows(c, null, $"SELECT {Columns} FROM outbox ORDER BY created_seq DESC LIMIT @max", Row.Read, ("max", max)));
        return [.. rows.Select(r => r.ForDisplay())];
    }

    public IReadOnlyDictionary<OutboxState, int> Counts()
    {
        var counted = _database.With(c => Sql.Rows(c, null, "SELECT state, count(*) FROM outbox GROUP BY state", r => (State: r.GetString(0), Count: r.GetInt64(1))));
        return Enum.GetValues<OutboxState>().ToDictionary(s => s, s => (int)counted.Where(r => r.State == s.ToString()).Sum(r => r.Count));
    }

    public OutboxBacklog Backlog(DateTimeOffset deadLetteredSince) =>
        _database.With(c => Sql.Rows(c, null, """
            SELECT (SELECT next_attempt_at FROM outbox WHERE due_at IS NOT NULL ORDER BY due_at, created_seq LIMIT 1),
                   (SELECT count(*) FROM outbox WHERE state = 'DeadLetter' AND dead_lettered_at >= @since)
            """, r => new OutboxBacklog(r.NullableInstant(0), (int)r.GetInt64(1)), ("since", deadLetteredSince)).Single());

    /// <summary>Applies <paramref name="set"/> to a claimed (Delivering) entry in one statement; false when there is none.</summary>
    private bool Transition(string id, string set, params (string, object?)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _database.With(c => Sql.Execute(c, null, $"UPDATE outbox SET {set} WHERE id = @id AND state = 'Delivering'", [("id", id), .. parameters])) == 1;
    }

    private void MarkUnreadable(string id, string error, DateTimeOffset at) =>
        _database.With(c => Sql.Execute(c, null, """
            UPDATE outbox SET state = 'DeadLetter', last_error = @error, dead_lettered_at = @at, due_at = NULL, lease_until = NULL
            WHERE id = @id AND due_at IS NOT NULL
            """, ("id", id), ("error", "The stored message could not be read: " + error), ("at", at)));

    private OutboxEntry? One(string where, params (string, object?)[] parameters) =>
        _database.With(c => Sql.Rows(c, null, $"SELECT {Columns} FROM outbox {where}", Row.Read, parameters)).SingleOrDefault()?.ForDisplay();

    /// <summary>One outbox row as read, before its message is parsed.</summary>
    private sealed record Row(
        string Id, string IdempotencyKey, RecipientKind RecipientKind, string RecipientKey, string RecipientName, string? RecipientTimeZone,
        string? ForPlatform, string? ThreadId, string? ReplyUrl, DateTimeOffset? ReplyUrlExpiresAt, int MessageFormat, string MessageJson,
        OutboxState State, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? LeaseUntil, string? LastError, string? Platform,
        string? PlatformMessageId, DateTimeOffset CreatedAt, DateTimeOffset? LastAttemptAt, DateTimeOffset? DeliveredAt, DateTimeOffset? DeadLetteredAt)
    {
        public static Row Read(NpgsqlDataReader r) => new(
            r.GetString(0), r.GetString(1), Enum.Parse<RecipientKind>(r.GetString(2)), r.GetString(3), r.GetString(4), r.NullableString(5),
            r.NullableString(6), r.NullableString(7), r.NullableString(8), r.NullableInstant(9), r.GetInt32(10), r.GetString(11),
            Enum.Parse<OutboxState>(r.GetString(12)), r.GetInt32(13), r.Instant(14), r.NullableInstant(15), r.NullableString(16), r.NullableString(17),
            r.NullableString(18), r.Instant(19), r.NullableInstant(20), r.NullableInstant(21), r.NullableInstant(22));

        public bool TryRead(out OutboxEntry entry, out string error)
        {
            try
            {
                if (MessageFormat != PostgreSqlOutbox.MessageFormat)
                    throw new InvalidDataException($"Outbox entry '{Id}' stores its message in unknown format {MessageFormat}.");
                entry = ToEntry(StoredJson.Read<ChatMessage>(MessageJson), LastError);
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

        /// <summary>The entry for listing; an unreadable message shows as a placeholder instead of failing the whole list.</summary>
        public OutboxEntry ForDisplay() => TryRead(out var entry, out var error)
            ? entry
            : ToEntry(new ChatMessage { Title = "(unreadable stored message)" }, LastError ?? "The stored message could not be read: " + error);

        private OutboxEntry ToEntry(ChatMessage message, string? lastError) => new()
        {
            Id = Id,
            Message = new OutgoingMessage(new Recipient(RecipientKind, RecipientKey, RecipientName, RecipientTimeZone), message, IdempotencyKey)
            {
                Platform = ForPlatform, ThreadId = ThreadId, ReplyUrl = ReplyUrl, ReplyUrlExpiresAt = ReplyUrlExpiresAt,
            },
            State = State,
            Attempts = Attempts,
            NextAttemptAt = NextAttemptAt,
            LeaseUntil = LeaseUntil,
            LastError = lastError,
            Platform = Platform,
            PlatformMessageId = PlatformMessageId,
            CreatedAt = CreatedAt,
            LastAttemptAt = LastAttemptAt,
            DeliveredAt = DeliveredAt,
            DeadLetteredAt = DeadLetteredAt,
        };
    }
}
