using CsBot.Application.Digest;
using CsBot.Core.Digest;
using CsBot.Core.Ports;

namespace CsBot.Application.Tests.Digest;

/// <summary>
/// Digest subscriptions held in memory for tests, seeded from a list. Changes made through
/// the port last for the test.
/// </summary>
public sealed class InMemoryDigestSubscriptions : IDigestSubscriptions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DigestSubscription> _byChannel = [];

    public InMemoryDigestSubscriptions(IEnumerable<DigestSubscription> seed)
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
