using CsBot.Core.Ports;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// Inbound events already taken, in "inbound_events", shared by every CsBot on the database: a platform's retry is
/// recognised whichever instance it reaches, also after a restart. Recording is one INSERT ... ON CONFLICT, so two
/// deliveries of one event arriving together at two instances cannot both be "first". Expired rows are purged at
/// most every <see cref="PurgeInterval"/> per instance.
/// </summary>
public sealed class PostgreSqlInboundEventLog(PostgreSqlDatabase database) : IInboundEventLog
{
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(10);

    private readonly PostgreSqlDatabase _database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly Lock _purgeGate = new();
    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    public bool TryRecord(string platform, string eventId, DateTimeOffset now, DateTimeOffset forgetAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(platform);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var id = BoundedKeys.Of(platform + ":", eventId);
        // A row comes back when the event was inserted, or when an earlier record had expired and is taken over.
        var first = _database.With(c => Sql.Scalar(c, null, """
            INSERT INTO inbound_events AS e (id, expires_at) VALUES (@id, @forget)
            ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at WHERE e.expires_at <= @now
            RETURNING 1
            """, ("id", id), ("forget", forgetAt), ("now", now))) is not null;
        Purge(now);
        return first;
    }

    /// <summary>How many records are kept, expired or not; for tests and inspection.</summary>
    public int Count => Convert.ToInt32(_database.With(c => Sql.Scalar(c, null, "SELECT count(*) FROM inbound_events")), System.Globalization.CultureInfo.InvariantCulture);

    private void Purge(DateTimeOffset now)
    {
        lock (_purgeGate)
        {
            if (now < _nextPurge) return;
            _nextPurge = now + PurgeInterval;
        }
        _database.With(c => Sql.Execute(c, null, "DELETE FROM inbound_events WHERE expires_at < @now", ("now", now)));
    }
}
