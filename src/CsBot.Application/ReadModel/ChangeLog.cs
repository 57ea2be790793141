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
    private readonly Queue<(long Version, string[] Ids, IReadOnlyDictionary<string, object>? Written)> _entries = new();
    private long _version;
    private int _logged;
    // Versions up to this one are no longer in the log: a reader at an older version cannot be told what changed.
    private long _forgotten;

    public int Capacity { get; } = capacity;

    public long Version => Interlocked.Read(ref _version);

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
                _logged = 0;
                _forgotten = version;
            }
            else
            {
                _entries.Enqueue((version, ids, written));
                _logged += ids.Length;
                while (_logged > Capacity)
                {
                    var (dropped, droppedIds, _) = _entries.Dequeue();
                    _logged -= droppedIds.Length;
                    _forgotten = dropped;
                }
            }
            Interlocked.Exchange(ref _version, version);
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
            foreach (var (version, changed, stored) in _entries)
            {
                if (version <= since) continue;
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
}
