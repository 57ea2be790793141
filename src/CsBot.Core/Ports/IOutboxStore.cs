using CsBot.Core.Outbox;

namespace CsBot.Core.Ports;

/// <summary>
/// The outbox as the delivery worker sees it. Every method that changes an entry is one atomic, durable write.
/// </summary>
/// <remarks>
/// The worker's cycle is <see cref="Due"/> → <see cref="TryClaim"/> (persisted before the send) → send →
/// <see cref="MarkDelivered"/>, <see cref="MarkFailed"/> or <see cref="MarkDeadLetter"/>. A claim is a lease: if the
/// process dies holding it, the entry is due again once <see cref="OutboxEntry.LeaseUntil"/> has passed.
/// The Mark methods act only on an entry that is currently claimed (Delivering) and return false otherwise, so a
/// late or repeated outcome never reopens a delivered or dead-lettered message.
/// </remarks>
public interface IOutboxStore : IOutbox
{
    /// <summary>
    /// Up to <paramref name="max"/> entries due at <paramref name="now"/>: Pending ones whose next attempt has come and
    /// Delivering ones whose lease has expired, earliest first.
    /// </summary>
    IReadOnlyList<OutboxEntry> Due(DateTimeOffset now, int max);

    /// <summary>
    /// Claims a due entry until <paramref name="leaseUntil"/> and counts an attempt. Null when it is no longer due
    /// (delivered, dead-lettered, or claimed by someone else meanwhile).
    /// </summary>
    OutboxEntry? TryClaim(string id, DateTimeOffset now, DateTimeOffset leaseUntil);

    bool MarkDelivered(string id, string platform, string? platformMessageId, DateTimeOffset at);

    /// <summary>Back to Pending with the error, due again at <paramref name="nextAttemptAt"/>.</summary>
    bool MarkFailed(string id, string error, DateTimeOffset nextAttemptAt);

    bool MarkDeadLetter(string id, string error, DateTimeOffset at);

    /// <summary>
    /// Puts a dead letter back in the queue, due at <paramref name="at"/> with its attempts reset (after the cause was
    /// fixed, e.g. the bot was invited to the channel). False when the entry is not a dead letter.
    /// </summary>
    bool Requeue(string id, DateTimeOffset at);

    OutboxEntry? Get(string id);

    OutboxEntry? FindByIdempotencyKey(string idempotencyKey);

    /// <summary>The entry a platform message came from, e.g. to update an alert message in place.</summary>
    OutboxEntry? FindByPlatformMessageId(string platform, string platformMessageId);

    /// <summary>Dead-lettered entries, newest first.</summary>
    IReadOnlyList<OutboxEntry> DeadLetters(int max = 100);

    /// <summary>Entries in <paramref name="state"/> (any state when null), newest first.</summary>
    IReadOnlyList<OutboxEntry> List(OutboxState? state, int max);

    /// <summary>How many entries are in each state; every state is present, with 0 when none.</summary>
    IReadOnlyDictionary<OutboxState, int> Counts();

    /// <summary>When the earliest waiting entry was due, and how many were dead-lettered at or after <paramref name="deadLetteredSince"/>.</summary>
    OutboxBacklog Backlog(DateTimeOffset deadLetteredSince);
}
