using CsBot.Core.Digest;
using CsBot.Core.Ports;

namespace CsBot.Application.Digest;

/// <summary>
/// Digest subscriptions held in memory, seeded from configuration ("Digest:Subscriptions"). Changes made through
/// the port last until the host stops; configuration stays the source of truth at startup.
/// </summary>
public sealed class ConfiguredDigestSubscriptions : IDigestSubscriptions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DigestSubscription> _byChannel = [];

    public ConfiguredDigestSubscriptions(IEnumerable<DigestSubscription> seed)
    {
        foreach (var subscription in seed) Upsert(subscription);
    }

    public IReadOnlyList<DigestSubscription> GetAll()
    {
        lock (_gate) return [.. _byChannel.Values.OrderBy(s => DigestKeys.Normalize(s.Channel), StringComparer.Ordinal)];
    }

    public DigestSubscription? Find(string channel)
    {
        lock (_gate) return _byChannel.GetValueOrDefault(DigestKeys.Normalize(channel));
    }

    public void Upsert(DigestSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (string.IsNullOrWhiteSpace(subscription.Channel)) throw new ArgumentException("A digest subscription needs a channel.", nameof(subscription));
        lock (_gate) _byChannel[DigestKeys.Normalize(subscription.Channel)] = subscription;
    }

    public bool Remove(string channel)
    {
        lock (_gate) return _byChannel.Remove(DigestKeys.Normalize(channel));
    }
}
