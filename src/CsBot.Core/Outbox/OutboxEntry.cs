using CsBot.Core.Messaging;

namespace CsBot.Core.Outbox;

/// <summary>One queued message and its delivery record, as the outbox stores it.</summary>
public sealed record OutboxEntry
{
    public required string Id { get; init; }
    /// <summary>The neutral message (recipient, content, idempotency key), so any platform can render it.</summary>
    public required OutgoingMessage Message { get; init; }
    public string IdempotencyKey => Message.IdempotencyKey;
    public OutboxState State { get; init; }
    /// <summary>Claims so far. Counted when claimed, so a run that dies mid-send still uses up an attempt.</summary>
    public int Attempts { get; init; }
    /// <summary>When it is next due: the requested delivery time or back-off while Pending, the lease end while Delivering.</summary>
    public DateTimeOffset NextAttemptAt { get; init; }
    /// <summary>End of the current claim; set only while <see cref="OutboxState.Delivering"/>.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }
    public string? LastError { get; init; }
    /// <summary>The platform that took the message ("local", "slack", "teams").</summary>
    public string? Platform { get; init; }
    /// <summary>The platform's id of the sent message (Slack ts, Teams activity id), so it can later be updated in place.</summary>
    public string? PlatformMessageId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastAttemptAt { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    public DateTimeOffset? DeadLetteredAt { get; init; }
}
