using CsBot.Core.Messaging;
using CsBot.Core.Ports;

namespace CsBot.Host.Startup;

/// <summary>
/// An outbox that delivers at once through the chat sender, for hosts without a durable outbox: nothing is stored,
/// so it neither retries nor drops duplicates by key.
/// </summary>
public sealed class ImmediateOutbox(IChatSender sender) : IOutbox
{
    public bool Enqueue(OutgoingMessage message, DateTimeOffset deliverAfter)
    {
        sender.SendAsync(message, CancellationToken.None).GetAwaiter().GetResult();
        return true;
    }
}
