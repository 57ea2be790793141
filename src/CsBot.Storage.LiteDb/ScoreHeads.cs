using System.Buffers.Binary;
using CsBot.Core.Scoring;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// What a recent score save needs of each account's stored scores, kept in memory: the latest score's fingerprint and
/// day and the history's newest point, as the last save that read or wrote the account left them.
/// </summary>
/// <remarks>
/// An ingestion's rescoring saves the scores of accounts spread over the file, and telling which of them changed read
/// each account's history document from the file: two pages an account, a third of a 1,000-row batch at 100k accounts.
/// A save of a score of the newest point's day or later needs only what a head holds (the fingerprint says whether
/// the latest score is the same, the newest point whether the day's point is held), so
/// <see cref="LiteDbScoreStore.SaveRecentScores"/> compares with a stand-in history of that one point instead, and
/// reads the document only for accounts without a head or with a score of an earlier day. Every save of the account's
/// scores sets its head after its commit, in commit order; one that another save committed beside since it read sets
/// only the accounts it wrote and forgets the rest, and replacing histories forgets theirs. The hourly run saves every
/// active account, so after it every one has a head (some 24 bytes and its id, about 6 MB at 100k accounts).
/// </remarks>
internal sealed class ScoreHeads
{
    /// <summary>An account's head; <see cref="LastDay"/> is <see cref="NoPoints"/> when its history is empty.</summary>
    internal readonly record struct Head(long Fingerprint, int LatestDay, int LastDay, int LastScore);

    private const int NoPoints = int.MinValue;

    private readonly Dictionary<string, Head> _heads = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _commits;

    /// <summary>Taken around a save's transaction and the heads it sets after it, so heads are set in commit order.</summary>
    public Lock CommitGate { get; } = new();

    /// <summary>The number of score commits so far; a save takes it before it reads.</summary>
    public long Commits
    {
        get
        {
            lock (_gate) return _commits;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate) return _heads.Count;
        }
    }

    /// <summary>
    /// A history document holding only the account's newest point, with its latest score's fingerprint and day, when
    /// that tells a save of scores of <paramref name="earliestDay"/> or later all the stored document would; else null.
    /// </summary>
    public BsonDocument? StandIn(string accountId, DateOnly earliestDay)
    {
        Head head;
        lock (_gate)
            if (!_heads.TryGetValue(accountId, out head)) return null;
        if (head.LastDay != NoPoints && earliestDay.DayNumber < head.LastDay) return null;
        byte[] packed = head.LastDay == NoPoints ? [] : ScoreHistoryDocument.Pack([new ScorePoint(DateOnly.FromDayNumber(head.LastDay), head.LastScore)]);
        return ScoreHistoryDocument.ToBson(accountId, packed, head.Fingerprint, head.LatestDay);
    }

    /// <summary>
    /// The head of a history as stored (<paramref name="packed"/> sorted points, the latest score's fingerprint and
    /// day); null when the history cannot tell a save enough (no fingerprint or no day beside it).
    /// </summary>
    public static Head? Of(ReadOnlySpan<byte> packed, long? fingerprint, int? latestDay)
    {
        if (fingerprint is not { } f || latestDay is not { } d) return null;
        if (packed.Length < ScoreHistoryDocument.BytesPerPoint) return new Head(f, d, NoPoints, 0);
        var last = packed[^ScoreHistoryDocument.BytesPerPoint..];
        return new Head(f, d, BinaryPrimitives.ReadInt32LittleEndian(last), BinaryPrimitives.ReadInt32LittleEndian(last[sizeof(int)..]));
    }

    /// <summary>
    /// After a save's commit, under <see cref="CommitGate"/>: sets the heads of the accounts it <paramref name="wrote"/>,
    /// and of those it only <paramref name="read"/> when no other save committed since <paramref name="readAt"/> (else
    /// forgets them: what it read may be older than what the other wrote). A head of null forgets the account's.
    /// </summary>
    public void Committed(long readAt, IReadOnlyDictionary<string, Head?> wrote, IReadOnlyDictionary<string, Head?> read)
    {
        lock (_gate)
        {
            var alone = _commits == readAt;
            _commits++;
            foreach (var (id, head) in wrote) Set(id, head);
            foreach (var (id, head) in read)
                if (!wrote.ContainsKey(id)) Set(id, alone ? head : null);
        }
    }

    /// <summary>After a commit that replaced these accounts' histories, or a save that failed: forgets their heads.</summary>
    public void Forget(IEnumerable<string> accountIds)
    {
        lock (_gate)
        {
            _commits++;
            foreach (var id in accountIds) _heads.Remove(id);
        }
    }

    private void Set(string id, Head? head)
    {
        if (head is { } value) _heads[id] = value;
        else _heads.Remove(id);
    }
}
