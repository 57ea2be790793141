using CsBot.Core.Digest;
using CsBot.Core.Ports;
using CsBot.Storage.LiteDb.Documents;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Weekly digest subscriptions in "digest_subscriptions", so a channel subscribed from chat stays subscribed
/// across restarts. Channels match without case and with or without a leading '#'.
/// </summary>
public sealed class LiteDbDigestSubscriptions(LiteDbContext context) : IDigestSubscriptions
{
    internal const string CollectionName = "digest_subscriptions";

    private LiteDB.ILiteCollection<DigestSubscriptionDocument> Subscriptions => context.Collection<DigestSubscriptionDocument>(CollectionName);

    public IReadOnlyList<DigestSubscription> GetAll() =>
        [.. Subscriptions.FindAll().OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.ToDomain())];

    public DigestSubscription? Find(string channel) =>
        Subscriptions.FindById(DigestSubscription.KeyOf(channel))?.ToDomain();

    public void Upsert(DigestSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (string.IsNullOrWhiteSpace(subscription.Channel)) throw new ArgumentException("A digest subscription needs a channel.", nameof(subscription));
        context.InTransaction(() => Subscriptions.Upsert(DigestSubscriptionDocument.From(subscription)));
    }

    public bool Remove(string channel)
    {
        var removed = false;
        context.InTransaction(() => removed = Subscriptions.Delete(DigestSubscription.KeyOf(channel)));
        return removed;
    }
}
