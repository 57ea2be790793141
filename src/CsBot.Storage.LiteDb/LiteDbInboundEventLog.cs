using CsBot.Core.Ports;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Inbound events already taken, in collection "inbound_events" with an index on their expiry. Expired records are
/// purged at most every <see cref="PurgeInterval"/>, so the collection holds about one retry window of events.
/// Not checkpointed: losing the last few ids to a kill -9 only means a retry arriving in that moment is answered.
/// </summary>
public sealed class LiteDbInboundEventLog : IInboundEventLog
{
    internal const string CollectionName = "inbound_events";

    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    private readonly LiteDbContext _context;
    // Check-then-insert must be atomic, or two deliveries of one event arriving together would both be "first".
    private readonly Lock _gate = new();
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    public LiteDbInboundEventLog(LiteDbContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _context.Database.GetCollection(CollectionName).EnsureIndex("expires", "$.ExpiresTicks");
    }

    private ILiteCollection<InboundEventDocument> Events => _context.Collection<InboundEventDocument>(CollectionName);

    public bool TryRecord(string platform, string eventId, DateTimeOffset now, DateTimeOffset forgetAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var id = Key(platform, eventId);
        lock (_gate)
        {
            var first = false;
            _context.InTransaction(() =>
            {
                var events = Events;
                if (events.FindById(id) is { } seen && seen.ExpiresTicks > now.UtcTicks) return;
                events.Upsert(new InboundEventDocument { Id = id, ExpiresTicks = forgetAt.UtcTicks });
                first = true;
            });
            if (now >= _nextPurge)
            {
                _nextPurge = now + PurgeInterval;
                Events.DeleteMany(Query.LT(nameof(InboundEventDocument.ExpiresTicks), now.UtcTicks));
            }
            return first;
        }
    }

    /// <summary>How many records are kept, expired or not; for tests and inspection.</summary>
    public int Count => Events.Count();

    private static string Key(string platform, string eventId) => IndexKeys.Bounded(platform + ":", eventId);
}
