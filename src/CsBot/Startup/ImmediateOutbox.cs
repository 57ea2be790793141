using System.Collections.Concurrent;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;

namespace CsBot.Host.Startup;

/// <summary>
/// Temporary <see cref="IOutbox"/> for the host: hands each message straight to the chat sender and remembers its
/// key, so the same key is never sent twice in this process. It ignores deliverAfter (quiet hours) and keeps
/// nothing across restarts; the durable LiteDB outbox with its delivery worker replaces it.
/// </summary>
public sealed class ImmediateOutbox(IChatSender sender, ILogger<ImmediateOutbox> logger) : IOutbox
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    public bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter)
    {
        if (!_keys.TryAdd(message.IdempotencyKey, 0)) return false;
        // Enqueue is synchronous by contract; the local sender completes synchronously, so this does not block a pool thread for long.
        var result = sender.SendAsync(message, CancellationToken.None).GetAwaiter().GetResult();
        if (!result.Delivered)
            logger.LogWarning("Message to {Recipient} was not delivered: {Error}", message.Recipient.Key, result.Error);
        return true;
    }
}
