using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Documents of one collection a read just returned, kept until the save of the same accounts takes them, so the save
/// compares with what is stored without reading it again. Score histories: an evaluation batch (and an ingestion's
/// rescoring) reads each history once rather than once to score and again to save; at 100k accounts the second read
/// cost as much CPU as the first. Account data: an ingestion batch reads the data documents it merges into, and its
/// save compares with them. One per collection and database file: the file is this process's alone, and every write of
/// the collection goes through <see cref="Written"/>.
/// </summary>
/// <remarks>
/// A document is only ever handed out as it is stored: every write, after its commit, drops the account's kept
/// document and counts a version, and a read that a write committed during is not kept at all (its version moved).
/// Reads are kept in the order they came and the oldest dropped beyond <see cref="Limit"/> documents, so reads nobody
/// saves after (a listing's, accounts not scored) cost memory only until then.
/// </remarks>
internal sealed class RecentReads(int limit)
{
    /// <summary>Four evaluation batches of histories: the one being saved and the two read ahead fit, with room for an ingestion's.</summary>
    internal const int HistoryLimit = 4_000;

    /// <summary>Two ingestion batches of account data (about 6 KB an account): the one being saved and one more.</summary>
    internal const int DataLimit = 2_000;

    /// <summary>Documents kept at most; a read of more is not kept.</summary>
    public int Limit { get; } = limit;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (BsonDocument Document, long Read)> _kept = new(StringComparer.Ordinal);
    private readonly Queue<(long Read, string[] Ids)> _reads = new();
    private long _version;
    private long _readCount;

    /// <summary>The version to pass to <see cref="Remember"/>, taken before the read.</summary>
    public long Version
    {
        get
        {
            lock (_gate) return _version;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate) return _kept.Count;
        }
    }

    /// <summary>Keeps what a read returned, unless a history was written since <paramref name="versionBefore"/>.</summary>
    public void Remember(long versionBefore, IReadOnlyDictionary<string, BsonDocument> read)
    {
        if (read.Count == 0 || read.Count > Limit) return;
        lock (_gate)
        {
            if (_version != versionBefore) return;
            var at = ++_readCount;
            foreach (var (id, document) in read) _kept[id] = (document, at);
            _reads.Enqueue((at, [.. read.Keys]));
            while (_kept.Count > Limit && _reads.TryDequeue(out var oldest))
                foreach (var id in oldest.Ids)
                    if (_kept.TryGetValue(id, out var entry) && entry.Read == oldest.Read) _kept.Remove(id);
        }
    }

    /// <summary>Hands out and forgets the kept documents of <paramref name="ids"/>; the ids without one go to <paramref name="unknown"/>.</summary>
    public Dictionary<string, BsonDocument> Take(IEnumerable<string> ids, List<string> unknown)
    {
        var found = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var id in ids)
            {
                if (found.ContainsKey(id)) continue;
                if (_kept.Remove(id, out var entry)) found[id] = entry.Document;
                else unknown.Add(id);
            }
            // Reads whose documents were all taken need not be remembered.
            while (_reads.TryPeek(out var oldest) && !oldest.Ids.Any(id => _kept.TryGetValue(id, out var entry) && entry.Read == oldest.Read)) _reads.Dequeue();
        }
        return found;
    }

    /// <summary>Called after every commit (or failed commit) that wrote histories of these accounts.</summary>
    public void Written(IEnumerable<string> ids)
    {
        lock (_gate)
        {
            _version++;
            foreach (var id in ids) _kept.Remove(id);
        }
    }
}
