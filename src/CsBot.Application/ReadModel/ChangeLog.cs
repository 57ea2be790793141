namespace CsBot.Application.ReadModel;

/// <summary>
/// A version counter for one kind of stored data, with the account ids each recent write touched. The read model asks
/// <see cref="TryChangesSince"/> to patch only those accounts; once more ids were logged than <see cref="Capacity"/>
/// (a full evaluation, a large import) or a write did not say which accounts it touched, the oldest entries are
/// forgotten and a reader that far behind rebuilds instead. Store-agnostic: any store's writer, or a notification
/// from another instance, reports changes through <see cref="Record"/>.
/// </summary>
public sealed class ChangeLog(int capacity = ChangeLog.DefaultCapacity)
{
    /// <summary>Ids kept before the oldest entries are dropped: patching more than this costs about what a rebuild does.</summary>
    public const int DefaultCapacity = 20_000;

    private readonly Lock _gate = new();
    // Oldest first, from _head on (dropped entries are cut off the front in bulk); their versions run on one by one
    // from _forgotten + 1, so the entry of a version is found by subtraction.
    private readonly List<Entry> _entries = [];
    private int _head;
    private long _version;
    private int _logged;
    // Ids logged since start, so how far a reader is behind is a subtraction too.
    private long _total;
    // Versions up to this one are no longer in the log: a reader at an older version cannot be told what changed.
    private long _forgotten;

    public int Capacity { get; } = capacity;

    /// <summary>Ids a write may touch and still count as one person's action (an acknowledgement, a snooze) rather than bulk work.</summary>
    public const int SmallWrite = 8;

    /// <summary>The version of the latest write of at most <see cref="SmallWrite"/> accounts (or of unknown ones); 0 when none.</summary>
    public long LastSmallWrite => Interlocked.Read(ref _lastSmall);
    private long _lastSmall;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>
    /// Raised after each write is recorded, on the writer's thread, outside the log's lock: a reader that must not fall
    /// so far behind that the log forgets what it missed (the read model, during a full evaluation) catches up then.
    /// </summary>
    public event Action? Recorded;

    /// <summary>
    /// Records a write that changed <paramref name="accountIds"/>; null when the writer cannot say, which makes every
    /// reader behind this version rebuild.
    /// </summary>
    public void Record(IEnumerable<string>? accountIds) => Record(accountIds, null);

    /// <summary>
    /// Records a write that changed <paramref name="accountIds"/> and, when the writer holds it, what each account now
    /// is as stored (<paramref name="written"/>, by account id): a reader can take that instead of reading it back.
    /// </summary>
    public void Record(IEnumerable<string>? accountIds, IReadOnlyDictionary<string, object>? written)
    {
        var ids = accountIds?.Distinct(StringComparer.Ordinal).ToArray();
        lock (_gate)
        {
            var version = _version + 1;
            if (ids is null || ids.Length > Capacity)
            {
                _entries.Clear();
                _head = 0;
                _logged = 0;
                _forgotten = version;
            }
            else
            {
                _entries.Add(new Entry(version, ids, written, _total));
                _logged += ids.Length;
                _total += ids.Length;
                while (_logged > Capacity)
                {
                    var dropped = _entries[_head];
                    _entries[_head++] = null!;
                    _logged -= dropped.Ids.Length;
                    _forgotten = dropped.Version;
                }
                if (_head > 1024 && _head > _entries.Count / 2)
                {
                    _entries.RemoveRange(0, _head);
                    _head = 0;
                }
            }
            if (ids is null || ids.Length <= SmallWrite) Interlocked.Exchange(ref _lastSmall, version);
            Interlocked.Exchange(ref _version, version);
        }
        Recorded?.Invoke();
    }

    /// <summary>
    /// How many account ids were logged after <paramref name="since"/> (counted once per write), or null when some of
    /// those writes are no longer logged.
    /// </summary>
    public int? LoggedSince(long since)
    {
        lock (_gate)
        {
            if (since < _forgotten) return null;
            if (since >= _version) return 0;
            return (int)(_total - _entries[_head + (int)(since - _forgotten)].TotalBefore);
        }
    }

    /// <summary>
    /// Lets go of what the writes up to <paramref name="through"/> said they stored, keeping which accounts they
    /// touched: the one reader that takes those values has taken them, and holding them on would keep a second copy of
    /// up to <see cref="Capacity"/> accounts' data. A reader still behind that version reads those accounts back.
    /// </summary>
    public void ReleaseWritten(long through)
    {
        lock (_gate)
        {
            for (var i = _head; i < _entries.Count && _entries[i].Version <= through; i++) _entries[i].Written = null;
        }
    }

    /// <summary>
    /// The accounts changed after <paramref name="since"/> up to <paramref name="now"/> (the current version), or false
    /// when some of those changes are no longer logged.
    /// </summary>
    public bool TryChangesSince(long since, out long now, out IReadOnlySet<string> accountIds) => TryChangesSince(since, out now, out accountIds, out _);

    /// <summary>
    /// As <see cref="TryChangesSince(long, out long, out IReadOnlySet{string})"/>, with what each account's writes said
    /// they stored (<paramref name="written"/>).
    /// </summary>
    public bool TryChangesSince(long since, out long now, out IReadOnlySet<string> accountIds, out LoggedWrites written)
    {
        lock (_gate)
        {
            now = _version;
            if (since < _forgotten)
            {
                accountIds = EmptySet;
                written = LoggedWrites.None;
                return false;
            }
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var values = new Dictionary<string, List<object>>(StringComparer.Ordinal);
            var unlogged = new HashSet<string>(StringComparer.Ordinal);
            for (var i = _head + (int)Math.Max(0, since - _forgotten); i < _entries.Count; i++)
            {
                var entry = _entries[i];
                var (changed, stored) = (entry.Ids, entry.Written);
                ids.UnionWith(changed);
                foreach (var id in changed)
                {
                    if (stored is not null && stored.TryGetValue(id, out var value))
                    {
                        if (!values.TryGetValue(id, out var list)) values[id] = list = [];
                        list.Add(value);
                    }
                    else
                    {
                        // What was logged before a write that did not say what it stored no longer says what is stored.
                        values.Remove(id);
                        unlogged.Add(id);
                    }
                }
            }
            accountIds = ids;
            written = new LoggedWrites(values, unlogged);
            return true;
        }
    }

    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    private sealed class Entry(long version, string[] ids, IReadOnlyDictionary<string, object>? written, long totalBefore)
    {
        public long Version { get; } = version;
        public string[] Ids { get; } = ids;
        /// <summary>Ids logged before this entry, since start.</summary>
        public long TotalBefore { get; } = totalBefore;
        public IReadOnlyDictionary<string, object>? Written { get; set; } = written;
    }
}
