using Npgsql;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// Records in data_changes which accounts a write changed, inside the write's own transaction: the row exists exactly
/// when the data does, so another instance never learns of a change that was rolled back, nor misses one that was kept.
/// </summary>
internal static class DataChangeRecorder
{
    public static void Record(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid origin, DataChangeKind kind, IEnumerable<string> accountIds)
    {
        var ids = accountIds.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0) return;
        Sql.Execute(connection, transaction, "INSERT INTO data_changes (kind, origin, account_ids) VALUES (@kind, @origin, @ids)",
            ("kind", kind.ToString()), ("origin", origin), ("ids", ids));
    }
}
