using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>A channel's digest mark, collection "digest_slots", keyed like the subscriptions.</summary>
internal sealed class DigestSlotDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public InstantDocument Slot { get; set; } = new();
}
