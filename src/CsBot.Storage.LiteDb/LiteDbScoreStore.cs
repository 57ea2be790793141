using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Storage.LiteDb.Documents;
using LiteDB;

namespace CsBot.Storage.LiteDb;

/// <summary>
/// Latest score per account in "scores_latest" (one document with the breakdown) and daily history in
/// "score_history" (one document per account, points packed, oldest first, at most 400 days); scores saved as recent
/// since an account's documents were last written whole are in its entry in "score_journal" (<see cref="ScoreJournal"/>),
/// which every read applies over the documents.
/// </summary>
public sealed class LiteDbScoreStore : IScoreStore
{
    private readonly LiteDbContext _context;

    public LiteDbScoreStore(LiteDbContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    private ILiteCollection<BsonDocument> LatestRaw => _context.Database.GetCollection(LiteDbContext.LatestScores);

    /// <summary>
    /// In one transaction, puts each score into its account's history (replacing the point of the same day, so a
    /// re-run on the same day is idempotent) and makes it the account's latest score — unless the stored latest is of
    /// a later day, so back-filling past days does not turn back the current score. A latest score or history point
    /// equal to the stored one is not written again: an hourly run mostly rescores accounts to what they already have,
    /// and writing is what a save costs. The history carries the fingerprint of the latest score
    /// (<see cref="ScoreHistoryDocument.LatestFingerprint"/>), so telling that a score is unchanged reads only the small
    /// history document; the latest document, with its breakdown, is read only for scores whose fingerprint differs.
    /// </summary>
    /// <remarks>
    /// A whole save also writes the documents of the saved accounts that have a journal entry as they read with it, and
    /// deletes the entries, in the same transaction (<see cref="ScoreJournal"/>).
    /// </remarks>
    public int SaveScores(IReadOnlyCollection<HealthScore> scores) => Save(scores, asRecent: false);

    /// <summary>
    /// As <see cref="SaveScores"/>, read back the same, but what changed goes into the accounts' journal entries
    /// (<see cref="ScoreJournal"/>) instead of their documents where they lie: a few pages for an ingestion's 1,000
    /// accounts instead of one or two an account. Made whole once the journal holds entries for
    /// <see cref="ScoreJournal.DefaultMaxEntries"/> accounts.
    /// </summary>
    public int SaveRecentScores(IReadOnlyCollection<HealthScore> scores) => Save(scores, asRecent: _context.ScoreJournal.Count(_context.Database) < _context.ScoreJournal.MaxEntries);

    private int Save(IReadOnlyCollection<HealthScore> scores, bool asRecent)
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
        var heads = _context.ScoreHeads;
        var readAt = heads.Commits;
        // The journal's entries of these accounts, read before their documents (ScoreJournal.All).
        var journal = _context.ScoreJournal;
        var entries = journal.For(_context.Database, ids);
        // The histories a read for scoring just returned are taken as they are (RecentReads); the rest read now.
        var recent = _context.RecentHistories;
        var unread = new List<string>();
        var storedHistories = recent.Take(ids, unread);
        // A recent save compares the rest with their heads where those tell enough (ScoreHeads); a whole save writes the
        // documents, so it reads them.
        if (asRecent && unread.Count > 0) unread = StandIns(scores, unread, storedHistories, heads);
        if (unread.Count > 0)
            foreach (var (id, document) in KeyedReads.ByIds(histories, unread)) storedHistories[id] = document;
        // The entries applied over the history documents: what the save compares with. The documents as stored stay in
        // storedHistories, for writing them in place (GrowthRoom).
        var effective = storedHistories;
        var journalLatest = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        if (entries.Count > 0)
        {
            effective = new Dictionary<string, BsonDocument>(storedHistories, StringComparer.Ordinal);
            foreach (var (id, entry) in entries)
            {
                var applied = ScoreJournal.Apply(storedHistories.GetValueOrDefault(id), entry);
                effective[id] = ScoreHistoryDocument.ToBson(id, applied.Packed, applied.Fingerprint, applied.LatestDay);
                if (applied.Latest is not null) journalLatest[id] = applied.Latest;
            }
        }
        var fingerprints = new long[scores.Count];
        var unsure = new List<string>();
        var at = 0;
        foreach (var score in scores)
        {
            fingerprints[at] = ScoreFingerprint.Of(score);
            // The latest document is read only when the history cannot tell: no fingerprint, or no day beside it.
            var storedHistory = effective.GetValueOrDefault(score.AccountId);
            if (ScoreHistoryDocument.LatestFingerprintOf(storedHistory) is not { } known || known != fingerprints[at] && ScoreHistoryDocument.LatestDayOf(storedHistory) is null)
                unsure.Add(score.AccountId);
            at++;
        }
        unsure.RemoveAll(journalLatest.ContainsKey);
        var storedLatest = unsure.Count == 0 ? [] : KeyedReads.ByIds(latest, unsure);

        var latestWrites = new Dictionary<string, BsonDocument>(StringComparer.Ordinal);
        var historyWrites = new Dictionary<string, (byte[] Packed, long? LatestFingerprint, int? LatestDay)>(StringComparer.Ordinal);
        var newPoints = new Dictionary<string, List<ScorePoint>>(StringComparer.Ordinal);
        at = 0;
        foreach (var score in scores)
        {
            var fingerprint = fingerprints[at++];
            var day = Days.From(score.AsOf);
            // The same account may come twice in one call: the second sees the first.
            var storedHistory = effective.GetValueOrDefault(score.AccountId);
            var (baseFingerprint, baseDay) = historyWrites.TryGetValue(score.AccountId, out var pending)
                ? (pending.LatestFingerprint, pending.LatestDay)
                : (ScoreHistoryDocument.LatestFingerprintOf(storedHistory), ScoreHistoryDocument.LatestDayOf(storedHistory));
            var packed = pending.Packed ?? (storedHistory is null ? null : ScoreHistoryDocument.PackedOf(storedHistory));
            var (latestFingerprint, latestDay) = (baseFingerprint, baseDay);

            if (latestFingerprint == fingerprint)
            {
                // The fingerprint covers the day, so the stored latest is of this score's day.
                latestDay = day;
            }
            else if (latestFingerprint is not null && latestDay is { } storedDay)
            {
                // A different score: written unless the stored latest is of a later day, so back-filling past days
                // does not turn back the current score (its fingerprint and day then stay).
                if (day >= storedDay)
                {
                    latestWrites[score.AccountId] = LatestScoreDocument.ToBson(score, ScoreBreakdownPacking.Pack(score));
                    (latestFingerprint, latestDay) = (fingerprint, day);
                }
            }
            else
            {
                // No fingerprint, or none with its day (histories of older files): the latest document tells, and
                // unequal fingerprints may still be an equal score.
                var stored = latestWrites.GetValueOrDefault(score.AccountId) ?? journalLatest.GetValueOrDefault(score.AccountId) ?? storedLatest.GetValueOrDefault(score.AccountId);
                var storedAsOf = stored?[nameof(LatestScoreDocument.AsOfDay)];
                var breakdown = ScoreBreakdownPacking.Pack(score);
                var holds = stored is not null && LatestScoreDocument.Holds(stored, score, breakdown);
                if ((storedAsOf is null || storedAsOf.IsNull || day >= storedAsOf.AsInt32) && !holds)
                {
                    latestWrites[score.AccountId] = LatestScoreDocument.ToBson(score, breakdown);
                    (latestFingerprint, latestDay) = (fingerprint, day);
                }
                else if (holds)
                {
                    (latestFingerprint, latestDay) = (fingerprint, day);
                }
                else if (storedAsOf is { IsInt32: true })
                {
                    // A later day's latest score stays, and so does the fingerprint stored for it, now with its day.
                    latestDay = storedAsOf.AsInt32;
                }
            }

            var point = new ScorePoint(score.AsOf, score.Score);
            var pointHeld = packed is not null && ScoreHistoryDocument.Holds(packed, point);
            // A history with a fingerprint but no day is not rewritten for the day alone: its next new point adds it.
            var fingerprintHeld = latestFingerprint == baseFingerprint && (baseDay is null || latestDay == baseDay);
            if (pointHeld && fingerprintHeld) continue;
            if (!pointHeld)
            {
                packed = ScoreHistoryDocument.Pack(ScoreHistoryDocument.Merge(packed is null ? [] : ScoreHistoryDocument.Unpack(packed), point));
                if (!newPoints.TryGetValue(score.AccountId, out var added)) newPoints[score.AccountId] = added = [];
                added.Add(point);
            }
            historyWrites[score.AccountId] = (packed!, latestFingerprint, latestDay);
        }
        // A history rewritten only to carry the fingerprint it lacked changes nothing anyone reads, so it is not counted.
        var written = latestWrites.Keys.Union(newPoints.Keys, StringComparer.Ordinal).Count();
        if (asRecent)
        {
            WriteToJournal(entries, historyWrites, latestWrites, newPoints, readAt, effective);
            return written;
        }

        // A whole save writes the documents of its accounts with journal entries as they read with them, written or not.
        foreach (var id in entries.Keys)
        {
            if (!historyWrites.ContainsKey(id))
            {
                var document = effective[id];
                historyWrites[id] = (ScoreHistoryDocument.PackedOf(document), ScoreHistoryDocument.LatestFingerprintOf(document), ScoreHistoryDocument.LatestDayOf(document));
            }
            if (!latestWrites.ContainsKey(id) && journalLatest.TryGetValue(id, out var journaled)) latestWrites[id] = journaled;
        }
        if (latestWrites.Count == 0 && historyWrites.Count == 0)
        {
            CommitWithHeads(write: null, readAt, ids, historyWrites, effective);
            return 0;
        }

        // Always latest, then history, so concurrent writers take collection locks in the same order. Both documents
        // are built by hand: through the reflection mapper, building them cost as much as LiteDB's writing them.
        var deleted = 0;
        try
        {
            CommitWithHeads(() =>
            {
                foreach (var document in latestWrites.Values) latest.Upsert(document);
                foreach (var (accountId, (packed, latestFingerprint, latestDay)) in historyWrites)
                    GrowthRoom.Write(histories, storedHistories.GetValueOrDefault(accountId), ScoreHistoryDocument.ToBson(accountId, packed, latestFingerprint, latestDay));
                deleted = journal.Delete(_context.Database, entries.Keys);
            }, readAt, ids, historyWrites, effective);
            journal.Removed(deleted);
        }
        finally
        {
            recent.Written(historyWrites.Keys);
        }
        return written;
    }

    /// <summary>
    /// Takes a stand-in history (<see cref="ScoreHeads.StandIn"/>) into <paramref name="storedHistories"/> for each of
    /// <paramref name="unread"/> whose head tells enough for its scores; returns the ids still to read.
    /// </summary>
    private static List<string> StandIns(IReadOnlyCollection<HealthScore> scores, List<string> unread, Dictionary<string, BsonDocument> storedHistories, ScoreHeads heads)
    {
        var earliest = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var score in scores)
            if (!earliest.TryGetValue(score.AccountId, out var day) || score.AsOf < day) earliest[score.AccountId] = score.AsOf;
        var still = new List<string>();
        foreach (var id in unread)
        {
            if (heads.StandIn(id, earliest[id]) is { } standIn) storedHistories[id] = standIn;
            else still.Add(id);
        }
        return still;
    }

    /// <summary>
    /// Runs a save's transaction (none when <paramref name="write"/> is null) and sets the heads it leaves, both under
    /// <see cref="ScoreHeads.CommitGate"/> so heads are set in commit order: those of the accounts it wrote, and of those
    /// it compared with <paramref name="effective"/> (<see cref="ScoreHeads.Committed"/>). A transaction that fails
    /// forgets the heads of <paramref name="accounts"/>.
    /// </summary>
    private void CommitWithHeads(Action? write, long readAt, IEnumerable<string> accounts,
        Dictionary<string, (byte[] Packed, long? LatestFingerprint, int? LatestDay)> historyWrites, Dictionary<string, BsonDocument> effective)
    {
        var heads = _context.ScoreHeads;
        lock (heads.CommitGate)
        {
            try
            {
                if (write is not null) _context.InTransaction(write);
            }
            catch
            {
                heads.Forget(accounts);
                throw;
            }
            heads.Committed(readAt, HeadsOf(historyWrites), HeadsOf(effective));
        }
    }

    private static Dictionary<string, ScoreHeads.Head?> HeadsOf(Dictionary<string, (byte[] Packed, long? LatestFingerprint, int? LatestDay)> writes) =>
        writes.ToDictionary(w => w.Key, w => ScoreHeads.Of(w.Value.Packed, w.Value.LatestFingerprint, w.Value.LatestDay), StringComparer.Ordinal);

    private static Dictionary<string, ScoreHeads.Head?> HeadsOf(Dictionary<string, BsonDocument> histories) =>
        histories.ToDictionary(h => h.Key, h => ScoreHeads.Of(ScoreHistoryDocument.PackedOf(h.Value), ScoreHistoryDocument.LatestFingerprintOf(h.Value), ScoreHistoryDocument.LatestDayOf(h.Value)), StringComparer.Ordinal);

    /// <summary>The journal entries of the accounts the save changed, each over the one it had, in one transaction.</summary>
    private void WriteToJournal(
        Dictionary<string, ScoreJournal.Entry> entries,
        Dictionary<string, (byte[] Packed, long? LatestFingerprint, int? LatestDay)> historyWrites,
        Dictionary<string, BsonDocument> latestWrites,
        Dictionary<string, List<ScorePoint>> newPoints,
        long readAt,
        Dictionary<string, BsonDocument> effective)
    {
        var journal = _context.ScoreJournal;
        try
        {
            Action? write = historyWrites.Count == 0 ? null : () =>
            {
                foreach (var (accountId, (_, latestFingerprint, latestDay)) in historyWrites)
                    journal.Write(_context.Database, accountId, entries.GetValueOrDefault(accountId), newPoints.GetValueOrDefault(accountId) ?? [],
                        latestWrites.GetValueOrDefault(accountId), latestFingerprint, latestDay);
            };
            CommitWithHeads(write, readAt, effective.Keys.Union(historyWrites.Keys, StringComparer.Ordinal), historyWrites, effective);
            journal.Added(historyWrites.Keys.Count(id => !entries.ContainsKey(id)));
        }
        catch
        {
            journal.Recount();
            throw;
        }
    }

    /// <summary>
    /// Replaces whole histories in one transaction. Each is stored sorted by day, one point per day (the last given
    /// wins) and trimmed to 400 days; an empty history removes the account's history. The accounts' journal entries go
    /// with the histories they added to, the latest score an entry wrote into the latest-score document first.
    /// </summary>
    public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories)
    {
        ArgumentNullException.ThrowIfNull(histories);
        if (histories.Count == 0) return;

        var journal = _context.ScoreJournal;
        var entries = journal.For(_context.Database, histories.Keys.Where(id => !string.IsNullOrEmpty(id)));
        var deleted = 0;
        var heads = _context.ScoreHeads;
        try
        {
            // Whatever the outcome, the accounts' heads go, in commit order: what is stored now is read when next asked.
            lock (heads.CommitGate)
            {
                try
                {
                    _context.InTransaction(() =>
                    {
                        var latest = _context.Database.GetCollection(LiteDbContext.LatestScores);
                        foreach (var entry in entries.Values)
                            if (entry.Latest is { } journaled) latest.Upsert(journaled);
                        var collection = _context.Database.GetCollection(LiteDbContext.ScoreHistories);
                        foreach (var (accountId, points) in histories)
                        {
                            if (string.IsNullOrEmpty(accountId)) throw new ArgumentException("Every history needs an account id.", nameof(histories));
                            var normalized = ScoreHistoryDocument.Normalize(points ?? []);
                            if (normalized.Length == 0) collection.Delete(accountId);
                            else collection.Upsert(ScoreHistoryDocument.ToBson(accountId, ScoreHistoryDocument.Pack(normalized), latestFingerprint: null, latestDay: null));
                        }
                        deleted = journal.Delete(_context.Database, entries.Keys);
                    });
                }
                finally
                {
                    heads.Forget(histories.Keys);
                }
            }
            journal.Removed(deleted);
        }
        finally
        {
            _context.RecentHistories.Written(histories.Keys);
        }
    }

    /// <summary>Read as a raw document, of either format (<see cref="LatestScoreDocument"/>); the journal's latest for the account first.</summary>
    public HealthScore? GetLatest(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        if (_context.ScoreJournal.For(_context.Database, [accountId]).GetValueOrDefault(accountId)?.Latest is { } journaled)
            return LatestScoreDocument.ToHealthScore(journaled, _context.Mapper);
        var stored = LatestRaw.FindById(accountId);
        return stored is null ? null : LatestScoreDocument.ToHealthScore(stored, _context.Mapper);
    }

    /// <summary>
    /// The journal's latest scores, then the documents of the other accounts, each read a page at a time
    /// (<see cref="PagedReads"/>), so LiteDB's cache does not grow to hold them all (entries first: <see cref="ScoreJournal.All"/>).
    /// </summary>
    public IReadOnlyDictionary<string, HealthScore> GetAllLatest()
    {
        var all = new Dictionary<string, HealthScore>(StringComparer.Ordinal);
        foreach (var (accountId, entry) in _context.ScoreJournal.All(_context.Database))
            if (entry.Latest is { } journaled) all[accountId] = LatestScoreDocument.ToHealthScore(journaled, _context.Mapper);
        foreach (var document in PagedReads.All(LatestRaw))
        {
            var accountId = document["_id"].AsString;
            if (!all.ContainsKey(accountId)) all[accountId] = LatestScoreDocument.ToHealthScore(document, _context.Mapper);
        }
        return all;
    }

    public ScorePoint[] GetHistory(string accountId)
    {
        ArgumentNullException.ThrowIfNull(accountId);
        // The entry before the document (ScoreJournal.All).
        var entry = _context.ScoreJournal.For(_context.Database, [accountId]).GetValueOrDefault(accountId);
        var stored = _context.Database.GetCollection(LiteDbContext.ScoreHistories).FindById(accountId);
        var points = stored is null ? [] : ScoreHistoryDocument.Unpack(ScoreHistoryDocument.PackedOf(stored));
        return entry is null ? points : ScoreJournal.Apply(points, entry.Points);
    }

    /// <summary>
    /// Read as raw documents (<see cref="KeyedReads"/>): only the packed points are used, with the accounts' journal
    /// entries applied. The documents are kept for the next <see cref="SaveScores"/> of these accounts (<see cref="RecentReads"/>).
    /// </summary>
    public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        // The entries before the documents (ScoreJournal.All).
        var entries = _context.ScoreJournal.For(_context.Database, accountIds);
        var recent = _context.RecentHistories;
        var version = recent.Version;
        var documents = KeyedReads.ByIds(_context.Database.GetCollection(LiteDbContext.ScoreHistories), accountIds);
        // Kept for the save of these accounts' scores that usually follows, so it need not read them again.
        recent.Remember(version, documents);
        var histories = documents.ToDictionary(d => d.Key, d => ScoreHistoryDocument.Unpack(ScoreHistoryDocument.PackedOf(d.Value)), StringComparer.Ordinal);
        foreach (var (accountId, entry) in entries)
            histories[accountId] = ScoreJournal.Apply(histories.GetValueOrDefault(accountId) ?? [], entry.Points);
        return histories;
    }

    /// <summary>
    /// The journal's points, then the documents, each read a page at a time (<see cref="PagedReads"/>), as raw
    /// documents: only the packed points are used (entries first: <see cref="ScoreJournal.All"/>).
    /// </summary>
    public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories()
    {
        var journaled = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (accountId, entry) in _context.ScoreJournal.All(_context.Database)) journaled[accountId] = entry.Points;
        var all = new Dictionary<string, ScorePoint[]>(StringComparer.Ordinal);
        foreach (var document in PagedReads.All(_context.Database.GetCollection(LiteDbContext.ScoreHistories)))
        {
            var accountId = document["_id"].AsString;
            var points = ScoreHistoryDocument.Unpack(ScoreHistoryDocument.PackedOf(document));
            all[accountId] = journaled.Remove(accountId, out var added) ? ScoreJournal.Apply(points, added) : points;
        }
        // An account whose whole history is in the journal has no document.
        foreach (var (accountId, added) in journaled) all[accountId] = ScoreJournal.Apply([], added);
        return all;
    }
}
