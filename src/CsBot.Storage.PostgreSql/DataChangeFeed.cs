namespace CsBot.Storage.PostgreSql;

/// <summary>
/// Reads the writes other CsBot instances recorded in data_changes since this one last looked, so it can refresh its
/// cached answers for just those accounts. One feed per process, polled by one caller at a time.
/// </summary>
/// <remarks>
/// A row's sequence number is taken when its write inserts it but becomes visible when the write commits, so a later
/// number can appear before an earlier one. The feed therefore does not simply read "after the highest number seen":
/// it remembers the numbers it took during the last <see cref="Window"/> and asks for any other number above those it
/// has put behind it. Only a write whose commit came more than a window after its change row would be missed; the
/// stores record the row as the last statement of the write, just before its commit.
/// </remarks>
public sealed class DataChangeFeed(PostgreSqlDatabase database, TimeProvider time)
{
    /// <summary>How long a taken row's number is remembered before the feed moves past it for good.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Rows older than this are deleted: every running instance has long read them.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(1);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private readonly PostgreSqlDatabase _database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));
    private readonly Dictionary<long, DateTimeOffset> _taken = [];
    private long? _floor;
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    /// <summary>
    /// The changes other instances made since the previous call, oldest first. The first call only notes where the log
    /// stands and returns nothing: what was written before this instance looked, it read from the tables themselves.
    /// </summary>
    public IReadOnlyList<DataChange> Poll()
    {
        var now = _time.GetUtcNow();
        if (_floor is null)
        {
            _floor = _database.With(c => Sql.Scalar(c, null, "SELECT coalesce(max(seq), 0) FROM data_changes")) is long max ? max : 0;
            return [];
        }

        // The account ids of this instance's own rows are not read: it logged those writes when it made them.
        var rows = _database.With(c => Sql.Rows(c, null, """
            SELECT seq, kind, CASE WHEN origin = @origin THEN NULL ELSE account_ids END
            FROM data_changes WHERE seq > @floor AND NOT (seq = ANY(@taken)) ORDER BY seq
            """,
            r => (Seq: r.GetInt64(0), Kind: r.GetString(1), Ids: r.IsDBNull(2) ? null : r.GetFieldValue<string[]>(2)),
            ("origin", _database.InstanceId), ("floor", _floor.Value), ("taken", _taken.Keys.ToArray())));

        var changes = new List<DataChange>();
        foreach (var row in rows)
        {
            _taken[row.Seq] = now;
            if (row.Ids is not null && Enum.TryParse<DataChangeKind>(row.Kind, out var kind)) changes.Add(new DataChange(row.Seq, kind, row.Ids));
        }

        foreach (var (seq, takenAt) in _taken.Where(e => now - e.Value > Window).ToList())
        {
            _taken.Remove(seq);
            _floor = Math.Max(_floor.Value, seq);
        }

        if (now - _prunedAt >= PruneEvery)
        {
            _prunedAt = now;
            _database.With(c => Sql.Execute(c, null, "DELETE FROM data_changes WHERE recorded_at < clock_timestamp() - @retention", ("retention", Retention)));
        }
        return changes;
    }
}
