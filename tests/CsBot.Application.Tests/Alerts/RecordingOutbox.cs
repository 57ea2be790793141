using CsBot.Core.Messaging;
using CsBot.Core.Ports;

namespace CsBot.Application.Tests.Alerts;

/// <summary>An outbox that keeps what was queued, honouring idempotency keys like the durable one.</summary>
internal sealed class RecordingOutbox : IOutbox
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    public List<Queued> Messages { get; } = [];

    public bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter)
    {
        if (!_keys.Add(message.IdempotencyKey)) return false;
        Messages.Add(new Queued(message, deliverAfter));
        return true;
    }
}

internal sealed record Queued(OutgoingMessage Outgoing, DateTimeOffset DeliverAfter)
{
    public string To => Outgoing.Recipient.Key;
    public string Title => Outgoing.Message.Title;
    public string Key => Outgoing.IdempotencyKey;
    public bool IsKind(Application.Notifications.NotificationKind kind) => Key.StartsWith($"alert-{kind.ToString().ToLowerInvariant()}:", StringComparison.Ordinal);
}
