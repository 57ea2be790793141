using CsBot.Core.Ports;
using CsBot.Core.Reminders;

namespace CsBot.Storage.PostgreSql;

/// <summary>Sent reminders in "reminders_sent", one row per reminder keyed by <see cref="ReminderKey.Id"/>.</summary>
public sealed class PostgreSqlReminderLedger(PostgreSqlDatabase database) : IReminderLedger
{
    private readonly PostgreSqlDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    public bool WasSent(ReminderKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _database.With(c => Sql.Scalar(c, null, "SELECT EXISTS (SELECT 1 FROM reminders_sent WHERE id = @id)", ("id", key.Id))) is true;
    }

    /// <summary>In one statement; the first record wins, so recording again never moves the time it was sent.</summary>
    public void RecordSent(IReadOnlyCollection<ReminderKey> keys, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return;
        _database.InTransaction((c, t) => Sql.Execute(c, t,
            "INSERT INTO reminders_sent (id, sent_at) SELECT DISTINCT id, @at FROM unnest(@ids) AS given(id) ON CONFLICT (id) DO NOTHING",
            ("ids", keys.Select(k => k.Id).ToArray()), ("at", at)));
    }
}
