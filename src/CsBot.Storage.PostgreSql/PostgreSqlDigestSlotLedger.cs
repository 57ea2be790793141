using CsBot.Core.Digest;
using CsBot.Core.Ports;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// Each channel's latest digest slot dealt with, in "digest_slots", keyed like the subscriptions. Recording is one
/// upsert that never moves a mark backwards, so instances catching up at once cannot reopen a slot.
/// </summary>
public sealed class PostgreSqlDigestSlotLedger(PostgreSqlDatabase database) : IDigestSlotLedger
{
    private readonly PostgreSqlDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public DateTimeOffset? LastSlot(string channel) =>
        _database.With(c => Sql.Rows(c, null, "SELECT slot FROM digest_slots WHERE key = @key", r => r.Instant(0), ("key", DigestSubscription.KeyOf(channel))))
            is [var slot] ? slot : null;

    public void Record(string channel, DateTimeOffset slot)
    {
        if (string.IsNullOrWhiteSpace(channel)) throw new ArgumentException("A digest slot needs a channel.", nameof(channel));
        _database.With(c => Sql.Execute(c, null, """
            INSERT INTO digest_slots AS d (key, slot) VALUES (@key, @slot)
            ON CONFLICT (key) DO UPDATE SET slot = excluded.slot WHERE d.slot < excluded.slot
            """, ("key", DigestSubscription.KeyOf(channel)), ("slot", slot)));
    }
}
