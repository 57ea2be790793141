using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>
/// One queued message, collection "outbox". The recipient is stored as fields (so entries can be listed and
/// inspected in the file); the neutral <see cref="ChatMessage"/> is stored as JSON (<see cref="OutboxMessageJson"/>).
/// </summary>
/// <remarks>
/// <see cref="DueTicks"/> duplicates the next-attempt time as UTC ticks, but only while the entry is waiting
/// (Pending or Delivering); it is absent in the terminal states. Its index is therefore the "state + next attempt"
/// index: a range scan on it finds exactly the due entries, oldest first, and never walks delivered history.
/// </remarks>
internal sealed class OutboxDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public string IdempotencyKey { get; set; } = "";
    public RecipientKind RecipientKind { get; set; }
    public string RecipientKey { get; set; } = "";
    public string RecipientName { get; set; } = "";
    public string? RecipientTimeZone { get; set; }
    /// <summary>The platform that must deliver it (<see cref="OutgoingMessage.Platform"/>); absent for notifications.</summary>
    public string? ForPlatform { get; set; }
    public string? ThreadId { get; set; }
    /// <summary>Where a late answer is posted while valid (<see cref="OutgoingMessage.ReplyUrl"/>); absent for everything else.</summary>
    public string? ReplyUrl { get; set; }
    public InstantDocument? ReplyUrlExpiresAt { get; set; }
    /// <summary>The earlier message this one updates or replies under (<see cref="OutgoingMessage.Link"/>); absent otherwise.</summary>
    public MessageLinkKind? LinkKind { get; set; }
    public string? LinkParentKey { get; set; }
    public int MessageFormat { get; set; } = OutboxMessageJson.CurrentFormat;
    public string MessageJson { get; set; } = "";
    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public long? DueTicks { get; set; }
    public InstantDocument NextAttemptAt { get; set; } = new();
    public InstantDocument? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public string? Platform { get; set; }
    public string? PlatformMessageId { get; set; }
    public long CreatedTicks { get; set; }
    public InstantDocument CreatedAt { get; set; } = new();
    public InstantDocument? LastAttemptAt { get; set; }
    public InstantDocument? DeliveredAt { get; set; }
    public InstantDocument? DeadLetteredAt { get; set; }

    public static OutboxDocument New(string id, OutgoingMessage message, DateTimeOffset deliverAfter, DateTimeOffset createdAt)
    {
        var document = new OutboxDocument
        {
            Id = id,
            IdempotencyKey = message.IdempotencyKey,
            RecipientKind = message.Recipient.Kind,
            RecipientKey = message.Recipient.Key,
            RecipientName = message.Recipient.DisplayName,
            RecipientTimeZone = message.Recipient.TimeZone,
            ForPlatform = message.Platform,
            ThreadId = message.ThreadId,
            ReplyUrl = message.ReplyUrl,
            ReplyUrlExpiresAt = InstantDocument.From(message.ReplyUrlExpiresAt),
            LinkKind = message.Link?.Kind,
            LinkParentKey = message.Link?.ParentKey,
            MessageJson = OutboxMessageJson.Serialize(message.Message),
            State = OutboxState.Pending,
            CreatedTicks = createdAt.UtcTicks,
            CreatedAt = InstantDocument.From(createdAt),
        };
        document.SetDue(deliverAfter);
        return document;
    }

    public bool IsWaiting => State is OutboxState.Pending or OutboxState.Delivering;

    /// <summary>Waiting again, due at <paramref name="at"/>.</summary>
    public void SetDue(DateTimeOffset at)
    {
        NextAttemptAt = InstantDocument.From(at);
        DueTicks = at.UtcTicks;
    }

    /// <summary>In a terminal state: out of the due index.</summary>
    public void SetDone()
    {
        DueTicks = null;
        LeaseUntil = null;
    }

    public OutboxEntry ToEntry()
    {
        if (MessageFormat != OutboxMessageJson.CurrentFormat)
            throw new InvalidDataException($"Outbox entry '{Id}' stores its message in unknown format {MessageFormat}.");
        var recipient = new Recipient(RecipientKind, RecipientKey, RecipientName, RecipientTimeZone);
        return new OutboxEntry
        {
            Id = Id,
            Message = new OutgoingMessage(recipient, OutboxMessageJson.Deserialize(MessageJson), IdempotencyKey)
            {
                Platform = ForPlatform, ThreadId = ThreadId, ReplyUrl = ReplyUrl, ReplyUrlExpiresAt = ReplyUrlExpiresAt?.ToDateTimeOffset(),
                Link = LinkKind is { } kind && LinkParentKey is { } parent ? new MessageLink(kind, parent) : null,
            },
            State = State,
            Attempts = Attempts,
            NextAttemptAt = NextAttemptAt.ToDateTimeOffset(),
            LeaseUntil = LeaseUntil?.ToDateTimeOffset(),
            LastError = LastError,
            Platform = Platform,
            PlatformMessageId = PlatformMessageId,
            CreatedAt = CreatedAt.ToDateTimeOffset(),
            LastAttemptAt = LastAttemptAt?.ToDateTimeOffset(),
            DeliveredAt = DeliveredAt?.ToDateTimeOffset(),
            DeadLetteredAt = DeadLetteredAt?.ToDateTimeOffset(),
        };
    }
}
