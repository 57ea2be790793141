using CsBot.Core.Messaging;
using CsBot.Core.Ports;

namespace CsBot.Application.Tests.Reminders;

/// <summary>An outbox that keeps what was queued and, like the real one, refuses a key it has already queued.</summary>
internal sealed class RecordingOutbox : IOutbox
{
    public List<(OutgoingMessage Message, DateTimeOffset DeliverAfter)> Queued { get; } = [];

    public bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter)
    {
        if (Queued.Any(q => q.Message.IdempotencyKey == message.IdempotencyKey)) return false;
        Queued.Add((message, deliverAfter));
        return true;
    }
}
