using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Latest score per account in "scores_latest" (one document with the breakdown) and daily history in
/// "score_history" (one document per account, points packed, oldest first, at most 400 days).
/// </summary>
public sealed class LiteDbScoreStore : IScoreStore
{
    private readonly LiteDbContext _context;

    public LiteDbScoreStore(LiteDbContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    private ILiteCollection<LatestScoreDocument> Latest => _context.Collection<LatestScoreDocument>(LiteDbContext.LatestScores);
    private ILiteCollection<ScoreHistoryDocument> Histories => _context.Collection<ScoreHistoryDocument>(LiteDbContext.ScoreHistories);

    /// <summary>
    /// In one transaction, puts each score into its account's history (replacing the point of the same day, so a
    /// re-run on the same day is idempotent) and makes it the account's latest score — unless the stored latest is of
    /// a later day, so back-filling past days does not turn back the current score. A latest score or history point
    /// equal to the stored one is not written again: an hourly run mostly rescores accounts to what they already have,
    /// and writing is what a save costs. The history carries the fingerprint of the latest score
    /// (<see cref="ScoreHistoryDocument.LatestFingerprint"/>), so telling that a score is unchanged reads only the small
    /// history document; the latest document, with its breakdown, is read only for scores whose fingerprint differs.
    /// </summary>
    public int SaveScores(IReadOnlyCollection<HealthScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0) return 0;

        var ids = new List<string>(scores.Count);
        foreach (var score in scores)
        {
            if (score is null) throw new ArgumentException("Scores must not contain null.", nameof(scores));
            if (string.IsNullOrEmpty(score.AccountId)) throw new ArgumentException("Every score needs an account id.", nameof(scores));
            ids.Add(score.AccountId);
        }

        // What is stored is read before the write transaction, as raw documents: inside it LiteDB reads every page for
        // writing, which made comparing cost more than the writes it saves. Scores are saved by one evaluation at a
        // time and by the rescoring of an ingestion, both of today; a save of the same account between this read and
        // the write below would be replaced, as it would be by a save just after it.
        var latest = _context.Database.GetCollection(LiteDbContext.LatestScores);
        var histories = _context.Database.GetCollection(LiteDbContext.ScoreHistories);
        var storedHistories = KeyedReads.ByIds(histories, ids);
        var fingerprints = new long[scores.Count];
        var unsure = new List<string>();
        var at = 0;
        foreach (var score in scores)
        {
            fingerprints[at] = ScoreFingerprint.Of(score);
            if (ScoreHistoryDocument.LatestFingerprintOf(storedHistories.GetValueOrDefault(score.AccountId)) != fingerprints[at]) unsure.Add(score.AccountId);
            at++;
        }
        var storedLatest = unsure.Count == 0 ? [] : KeyedReads.ByIds(latest, unsure);

        var latestWrites = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        var historyWrites = new Dictionary<string, (byte[] Packed, long? LatestFingerprint)>(StringComparer.Ordinal);
        var newPoints = new HashSet<string>(StringComparer.Ordinal);
        at = 0;
        foreach (var score in scores)
        {
            var fingerprint = fingerprints[at++];
            // The same account may come twice in one call: the second sees the first.
            var storedHistory = storedHistories.GetValueOrDefault(score.AccountId);
            var (packed, latestFingerprint) = historyWrites.TryGetValue(score.AccountId, out var pending)
                ? pending
                : (storedHistory is null ? null : ScoreHistoryDocument.PackedOf(storedHistory), ScoreHistoryDocument.LatestFingerprintOf(storedHistory));

            // Unequal fingerprints may still be an equal score (a history without one); the latest document tells.
            if (latestFingerprint != fingerprint)
            {
                var stored = latestWrites.GetValueOrDefault(score.AccountId) ?? storedLatest.GetValueOrDefault(score.AccountId);
                var storedAsOf = stored?[nameof(LatestScoreDocument.AsOfDay)];
                var holds = stored is not null && LatestScoreDocument.Holds(stored, score);
                if ((storedAsOf is null || storedAsOf.IsNull || score.AsOf.DayNumber >= storedAsOf.AsInt32) && !holds)
                {
                    latestWrites[score.AccountId] = _context.Mapper.ToDocument(LatestScoreDocument.From(score));
                    latestFingerprint = fingerprint;
                }
                else if (holds)
                {
                    latestFingerprint = fingerprint;
                }
                // Otherwise a later day's latest score stays, and so does the fingerprint stored for it.
            }

            var point = new ScorePoint(score.AsOf, score.Score);
            var pointHeld = packed is not null && ScoreHistoryDocument.Holds(packed, point);
            var fingerprintHeld = pending.Packed is null
                ? latestFingerprint == ScoreHistoryDocument.LatestFingerprintOf(storedHistory)
                : latestFingerprint == pending.LatestFingerprint;
            if (pointHeld && fingerprintHeld) continue;
            if (!pointHeld)
            {
                packed = ScoreHistoryDocument.Pack(ScoreHistoryDocument.Merge(packed is null ? [] : ScoreHistoryDocument.Unpack(packed), point));
                newPoints.Add(score.AccountId);
            }
            historyWrites[score.AccountId] = (packed!, latestFingerprint);
        }
        if (latestWrites.Count == 0 && historyWrites.Count == 0) return 0;
        // A history rewritten only to carry the fingerprint it lacked changes nothing anyone reads, so it is not counted.
        var written = latestWrites.Keys.Union(newPoints, StringComparer.Ordinal).Count();

        // Always latest, then history, so concurrent writers take collection locks in the same order.
        _context.InTransaction(() =>
        {
            foreach (var document in latestWrites.Values) latest.Upsert(document);
            foreach (var (accountId, (packed, latestFingerprint)) in historyWrites)
                histories.Upsert(_context.Mapper.ToDocument(new ScoreHistoryDocument { Id = accountId, Packed = packed, LatestFingerprint = latestFingerprint }));
        });
        return written;
    }

    /// <summary>
    /// Replaces whole histories in one transaction. Each is stored sorted by day, one point per day (the last given
    /// wins) and trimmed to 400 days; an empty history removes the account's history.
    /// </summary>
    public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        if (histories.Count == 0) return;

        _context.InTransaction(() =>
        {
            var collection = Histories;
            foreach (var (accountId, points) in histories)
            {
                if (string.IsNullOrEmpty(accountId)) throw new ArgumentException("Every history needs an account id.", nameof(histories));
                var normalized = ScoreHistoryDocument.Normalize(points ?? []);
                if (normalized.Length == 0) collection.Delete(accountId);
                else collection.Upsert(ScoreHistoryDocument.From(accountId, normalized));
            }
        });
    }

    public HealthScore? GetLatest(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return Latest.FindById(accountId)?.ToHealthScore();
    }

    public IReadOnlyDictionary<string, HealthScore> GetAllLatest() =>
        Latest.FindAll().ToDictionary(d => d.Id, d => d.ToHealthScore(), StringComparer.Ordinal);

    public ScorePoint[] GetHistory(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        return Histories.FindById(accountId)?.ToPoints() ?? [];
    }

    /// <summary>
    /// Read as raw documents (<see cref="KeyedReads"/>): only the packed points are used.
    /// </summary>
    public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        var documents = KeyedReads.ByIds(_context.Database.GetCollection(LiteDbContext.ScoreHistories), accountIds);
        return documents.ToDictionary(d => d.Key, d => ScoreHistoryDocument.Unpack(ScoreHistoryDocument.PackedOf(d.Value)), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() =>
        Histories.FindAll().ToDictionary(d => d.Id, d => d.ToPoints(), StringComparer.Ordinal);
}
