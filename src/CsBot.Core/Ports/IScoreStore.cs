using CsBot.Core.Scoring;

namespace CsBot.Core.Ports;

/// <summary>Latest health score (with breakdown) per account, and the daily score history trends and drops are computed from.</summary>
public interface IScoreStore
{
    /// <summary>
    /// Stores each score as its account's latest and as that day's point in its history (replacing a point for the same
    /// day). A score equal to what is stored need not be written again.
    /// </summary>
    /// <returns>How many scores were written: 0 when every one was already stored, so nothing has changed.</returns>
    int SaveScores(IReadOnlyCollection<HealthScore> scores);
    /// <summary>
    /// <see cref="SaveScores"/> for a few accounts among many (an ingestion's rescoring), read back exactly as it would
    /// be. A store may keep such scores where a small write costs least and bring them into the accounts' own records
    /// the next time <see cref="SaveScores"/> saves those accounts (the hourly run saves every active account's).
    /// </summary>
    int SaveRecentScores(IReadOnlyCollection<HealthScore> scores) => SaveScores(scores);
    /// <summary>Replaces whole histories, e.g. after back-filling from signals.</summary>
    void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories);
    HealthScore? GetLatest(string accountId);
    IReadOnlyDictionary<string, HealthScore> GetAllLatest();
    /// <summary>The account's daily scores, oldest first; empty when it has none.</summary>
    ScorePoint[] GetHistory(string accountId);
    IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories();
    /// <summary>
    /// The histories of the given accounts, oldest first, keyed by account id; accounts without one are left out. The
    /// evaluation asks for a batch of accounts adjacent in id order at a time, which a store answers with one range read.
    /// </summary>
    IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds);
}
