using CsBot.Core.Digest;

namespace CsBot.Core.Ports;

/// <summary>
/// The channels subscribed to the weekly digest, one subscription per channel. Seeded from configuration; chat
/// commands add and remove subscriptions through the same port.
/// </summary>
public interface IDigestSubscriptions
{
    IReadOnlyList<DigestSubscription> GetAll();
    /// <summary>The channel's subscription, matched without case and with or without a leading '#'.</summary>
    DigestSubscription? Find(string channel);
    /// <summary>Adds or replaces the channel's subscription.</summary>
    void Upsert(DigestSubscription subscription);
    /// <summary>False when the channel was not subscribed.</summary>
    bool Remove(string channel);
}
