using System.Text;
using CsBot.Core.Messaging;

namespace CsBot.Core.Outbox;

/// <summary>What every outbox refuses to queue, checked before anything is written.</summary>
public static class OutboxMessageCheck
{
    /// <summary>
    /// LiteDB refuses index keys over 1023 bytes; a key is an id, not content, so every store stays well below, and a
    /// message queued on one store can be queued on another.
    /// </summary>
    public const int MaxKeyBytes = 512;

    /// <summary>Throws when <paramref name="message"/> has no recipient, no message, or no usable idempotency key.</summary>
    public static void ThrowIfUnqueueable(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(message.Recipient, nameof(message));
        ArgumentNullException.ThrowIfNull(message.Message, nameof(message));
        var key = message.IdempotencyKey;
        if (string.IsNullOrWhiteSpace(key)) throw new ArgumentException("An outgoing message needs an idempotency key.", nameof(message));
        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
            throw new ArgumentException($"Idempotency key '{key[..40]}...' is longer than {MaxKeyBytes} bytes.", nameof(message));
    }
}
