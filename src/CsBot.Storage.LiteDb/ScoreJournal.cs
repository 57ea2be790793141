using CsBot.Core.Scoring;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Scores saved as recent (<see cref="LiteDbScoreStore.SaveRecentScores"/>) since their accounts' documents were last
/// written whole: one small document per account in "score_journal", holding what those saves changed.
/// </summary>
/// <remarks>
/// An ingestion's rescoring saves the scores of accounts spread over the file, and rewriting their latest-score and
/// history documents there writes a page an account (1,000 accounts among 100k: about 1,100 pages to the log, and as
/// many again into the data file at the checkpoint). Here the entries of a batch's accounts lie together, on a few
/// pages (on LiteDB alone, 1,000 such small documents 19 ms against 64 ms for rewriting 1,000 spread documents), and a
/// later batch of the same accounts rewrites the same few pages. An entry holds the points the saves added to the
/// history, the latest score the last of them wrote (if any) and the latest score's fingerprint and day after them.
/// Every read of scores applies an account's entry over its documents; the next whole save of the account
/// (<see cref="LiteDbScoreStore.SaveScores"/>, which the hourly run makes for every active account) writes its
/// documents as they then read and deletes the entry in the same transaction. One per file, shared by the stores over it.
/// </remarks>
internal sealed class ScoreJournal() : AccountJournal(Name)
{
    internal const string Name = "score_journal";

    private const string Points = "P";
    private const string Latest = "L";
    private const string Fingerprint = "F";
    private const string LatestDay = "D";

    /// <summary>
    /// What recent saves changed of one account: the points they put into the history (sorted, one a day), the latest
    /// score the last of them wrote (null when none did: the latest-score document holds it), and the latest score's
    /// fingerprint and day after them.
    /// </summary>
    internal sealed record Entry(byte[] Points, BsonDocument? Latest, long? Fingerprint, int? LatestDay);

    /// <summary>An account's history once its entry is applied over its document.</summary>
    internal sealed record Applied(byte[] Packed, long? Fingerprint, int? LatestDay, BsonDocument? Latest);

    /// <summary>The entries of <paramref name="accountIds"/>; none read when the journal is empty.</summary>
    public Dictionary<string, Entry> For(LiteDatabase database, IEnumerable<string> accountIds)
    {
        if (Count(database) == 0) return new Dictionary<string, Entry>(StringComparer.Ordinal);
        return KeyedReads.ByIds(Collection(database), accountIds).ToDictionary(d => d.Key, d => Read(d.Value), StringComparer.Ordinal);
    }

    /// <summary>
    /// Every entry, read a page at a time as the caller goes (<see cref="PagedReads"/>), so a full journal is never held
    /// whole beside the scores read with it.
    /// </summary>
    /// <remarks>
    /// Read the entries before the documents they apply to, everywhere: a whole save that takes an entry into its
    /// account's documents between the two reads then leaves documents that already hold what the entry holds, and
    /// applying it again changes nothing; read the other way round, the account would read as before the entry.
    /// </remarks>
    public IEnumerable<(string AccountId, Entry Entry)> All(LiteDatabase database) =>
        Count(database) == 0 ? [] : PagedReads.All(Collection(database)).Select(d => (d["_id"].AsString, Read(d)));

    private static Entry Read(BsonDocument document) => new(
        document[Points].AsBinary ?? [],
        document.TryGetValue(Latest, out var latest) && latest.IsDocument ? latest.AsDocument : null,
        document.TryGetValue(Fingerprint, out var fingerprint) && fingerprint.IsInt64 ? fingerprint.AsInt64 : null,
        document.TryGetValue(LatestDay, out var day) && day.IsInt32 ? day.AsInt32 : null);

    /// <summary><paramref name="entry"/> applied over the account's stored history document (null when it has none).</summary>
    public static Applied Apply(BsonDocument? history, Entry entry) =>
        new(ScoreHistoryDocument.Pack(Apply(history is null ? [] : ScoreHistoryDocument.Unpack(ScoreHistoryDocument.PackedOf(history)), entry.Points)),
            entry.Fingerprint, entry.LatestDay, entry.Latest);

    /// <summary>An entry's packed <paramref name="points"/> merged into a sorted history.</summary>
    public static ScorePoint[] Apply(ScorePoint[] history, byte[] points)
    {
        foreach (var point in ScoreHistoryDocument.Unpack(points)) history = ScoreHistoryDocument.Merge(history, point);
        return history;
    }

    /// <summary>
    /// Writes the account's entry with a save's changes over the one it had (null when none); call inside the save's
    /// transaction, then <see cref="Added"/> with the number of accounts that had none once it committed.
    /// </summary>
    public void Write(LiteDatabase database, string accountId, Entry? before, IReadOnlyList<ScorePoint> points, BsonDocument? latest, long? fingerprint, int? latestDay)
    {
        var merged = before is null ? [] : ScoreHistoryDocument.Unpack(before.Points);
        foreach (var point in points) merged = ScoreHistoryDocument.Merge(merged, point);
        var document = new BsonDocument
        {
            ["_id"] = accountId,
            [Points] = ScoreHistoryDocument.Pack(merged),
        };
        if ((latest ?? before?.Latest) is { } written) document[Latest] = written;
        if (fingerprint is { } f) document[Fingerprint] = f;
        if (latestDay is { } d) document[LatestDay] = d;
        Collection(database).Upsert(document);
    }
}
