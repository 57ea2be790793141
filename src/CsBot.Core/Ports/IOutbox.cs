using CsBot.Core.Messaging;

namespace CsBot.Core.Ports;

/// <summary>
/// Durable queue of outgoing messages. A message is stored before any delivery is tried, so a crash never loses
/// it; its idempotency key makes a second enqueue of the same message a no-op, so a retried run never duplicates it.
/// </summary>
public interface IOutbox
{
    /// <summary>Queues <paramref name="message"/> for delivery no earlier than <paramref name="deliverAfter"/>. False when its key was already queued.</summary>
    bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter);
}
