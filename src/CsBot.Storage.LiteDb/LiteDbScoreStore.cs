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
    /// a later day, so back-filling past days does not turn back the current score.
    /// </summary>
    public void SaveScores(IReadOnlyCollection<HealthScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count == 0) return;

        _context.InTransaction(() =>
        {
            // Always latest, then history, so concurrent writers take collection locks in the same order.
            var latest = Latest;
            var latestRaw = _context.Database.GetCollection(LiteDbContext.LatestScores);
            var histories = Histories;
            foreach (var score in scores)
            {
                if (score is null) throw new ArgumentException("Scores must not contain null.", nameof(scores));
                if (string.IsNullOrEmpty(score.AccountId)) throw new ArgumentException("Every score needs an account id.", nameof(scores));

                var storedAsOf = latestRaw.FindById(score.AccountId)?[nameof(LatestScoreDocument.AsOfDay)];
                if (storedAsOf is null || score.AsOf.DayNumber >= storedAsOf.AsInt32) latest.Upsert(LatestScoreDocument.From(score));

                var history = histories.FindById(score.AccountId)?.ToPoints() ?? [];
                var merged = ScoreHistoryDocument.Merge(history, new ScorePoint(score.AsOf, score.Score));
                histories.Upsert(ScoreHistoryDocument.From(score.AccountId, merged));
            }
        });
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

    public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() =>
        Histories.FindAll().ToDictionary(d => d.Id, d => d.ToPoints(), StringComparer.Ordinal);
}
