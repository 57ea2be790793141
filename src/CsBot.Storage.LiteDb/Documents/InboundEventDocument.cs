using LiteDB;

namespace CsBot.Storage.LiteDb.Documents;

/// <summary>An inbound event already taken, collection "inbound_events", keyed by platform and event id, kept until <see cref="ExpiresTicks"/> (UTC).</summary>
internal sealed class InboundEventDocument
{
    [BsonId]
    public string Id { get; set; } = "";
    public long ExpiresTicks { get; set; }
}
