using CsBot.Core.Ports;
using CsBot.Core.Reminders;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>Sent reminders in "reminders_sent", one document per reminder keyed by <see cref="ReminderKey.Id"/>.</summary>
public sealed class LiteDbReminderLedger : IReminderLedger
{
    internal const string CollectionName = "reminders_sent";

    private readonly LiteDbContext _context;

    public LiteDbReminderLedger(LiteDbContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    private ILiteCollection<SentReminderDocument> Sent => _context.Collection<SentReminderDocument>(CollectionName);

    public bool WasSent(ReminderKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Sent.Exists(Query.EQ("_id", key.Id));
    }

    public void RecordSent(IReadOnlyCollection<ReminderKey> keys, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return;
        _context.InTransaction(() =>
        {
            var collection = Sent;
            foreach (var key in keys)
            {
                // The first record wins: recording again must not move the time it was sent.
                if (collection.Exists(Query.EQ("_id", key.Id))) continue;
                collection.Insert(SentReminderDocument.From(key, at));
            }
        });
    }
}
