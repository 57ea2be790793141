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

    /// <summary>
    /// Queues <paramref name="messages"/> as <see cref="Enqueue"/> does each; the stores write them in one transaction
    /// (all or none) made durable once, so a run that tells many people pays for one write instead of one a message.
    /// Returns per message, in order, whether it was newly queued (false when its key was already queued, earlier in
    /// the list too).
    /// </summary>
    IReadOnlyList<bool> EnqueueAll(IReadOnlyList<MessageToQueue> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return [.. messages.Select(m => Enqueue(m.Message, m.DeliverAfter))];
    }
}
