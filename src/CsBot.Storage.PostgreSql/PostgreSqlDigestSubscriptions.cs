using CsBot.Core.Digest;
using CsBot.Core.Ports;

namespace CsBot.Storage.PostgreSql;

/// <summary>Weekly digest subscriptions in "digest_subscriptions", keyed by <see cref="DigestSubscription.KeyOf"/> of the channel.</summary>
public sealed class PostgreSqlDigestSubscriptions(PostgreSqlDatabase database) : IDigestSubscriptions
{
    private const string Columns = "channel, time_zone, segment, schedule";

    private readonly PostgreSqlDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public IReadOnlyList<DigestSubscription> GetAll() =>
        _database.With(c => Sql.Rows(c, null, $"SELECT {Columns} FROM digest_subscriptions ORDER BY key", Read));

    public DigestSubscription? Find(string channel) =>
        _database.With(c => Sql.Rows(c, null, $"SELECT {Columns} FROM digest_subscriptions WHERE key = @key", Read, ("key", DigestSubscription.KeyOf(channel)))).SingleOrDefault();

    public void Upsert(DigestSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        if (string.IsNullOrWhiteSpace(subscription.Channel)) throw new ArgumentException("A digest subscription needs a channel.", nameof(subscription));
        _database.With(c => Sql.Execute(c, null, """
            INSERT INTO digest_subscriptions (key, channel, time_zone, segment, schedule) VALUES (@key, @channel, @zone, @segment, @schedule)
            ON CONFLICT (key) DO UPDATE SET channel = excluded.channel, time_zone = excluded.time_zone, segment = excluded.segment, schedule = excluded.schedule
            """,
            ("key", DigestSubscription.KeyOf(subscription.Channel)), ("channel", subscription.Channel), ("zone", subscription.TimeZone),
            ("segment", subscription.Segment), ("schedule", subscription.Schedule)));
    }

    public bool Remove(string channel) =>
        _database.With(c => Sql.Execute(c, null, "DELETE FROM digest_subscriptions WHERE key = @key", ("key", DigestSubscription.KeyOf(channel)))) > 0;

    private static DigestSubscription Read(Npgsql.NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.NullableString(2), string.IsNullOrWhiteSpace(r.NullableString(3)) ? null : r.GetString(3));
}
