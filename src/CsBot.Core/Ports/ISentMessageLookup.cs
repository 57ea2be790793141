using CsBot.Core.Messaging;

namespace CsBot.Core.Ports;

/// <summary>
/// A chat sender that can tell whether it already delivered a message, by the idempotency key it attached to it.
/// Used before re-sending a message whose last attempt ended without a recorded outcome (the process died mid-send).
/// </summary>
public interface ISentMessageLookup
{
    /// <summary>
    /// The platform's id of <paramref name="message"/> if it was delivered since <paramref name="since"/>; null when
    /// it was not, or when this cannot be told (the caller then sends it again).
    /// </summary>
    Task<string?> FindDeliveredAsync(OutgoingMessage message, DateTimeOffset since, CancellationToken cancellationToken);
}
