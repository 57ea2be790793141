using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Scoring;

namespace CsBot.Application.Evaluation;

/// <summary>
/// What an evaluation hands the notifier at its end, gathered batch by batch: every started and resolved alert, the
/// still-firing ones it may act on, the records of their accounts, and the scores of those with rule hits.
/// </summary>
/// <remarks>
/// Scores are kept for the first <paramref name="keptScores"/> accounts with rule hits only; for the others only that
/// they had hits is kept, and their score is read back from the store if a message shows it. A message lists at most
/// <see cref="Notifications.AlertMessageBuilder.MaxAlertsPerMessage"/> alerts, so a run that starts alerts on most of a
/// large portfolio (a day's first run after a gap: 89k at 100k accounts) shows a few hundred scores, and keeping all of
/// them, each with its components and their texts, was some 70 MB held to the run's end, at its memory peak.
/// </remarks>
internal sealed class TellingChanges(int keptScores = TellingChanges.DefaultKeptScores)
{
    /// <summary>Enough for an ingestion batch's rescoring to need no read back.</summary>
    public const int DefaultKeptScores = 2_000;

    private List<Alert> _refreshed = [];
    private Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private Dictionary<string, HealthScore> _scores = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hitsNotKept = new(StringComparer.Ordinal);

    public List<Alert> Started { get; private set; } = [];
    public List<Alert> Resolved { get; private set; } = [];

    public AlertChanges Changes => new(Started, _refreshed, Resolved);
    public IReadOnlyDictionary<string, Account> Accounts => _accounts;

    /// <summary>Scores held in memory (at most the number given), for the accounts with rule hits first met.</summary>
    public int KeptScores => _scores.Count;

    /// <param name="mayAct">Whether the notifier may act on a still-firing alert; the others are not kept.</param>
    /// <param name="evaluated">The account of an alert in <paramref name="changes"/>, its score and whether it had rule hits.</param>
    public void Add(AlertChanges changes, Func<Alert, bool> mayAct, Func<string, (Account Account, HealthScore Score, bool Hit)> evaluated)
    {
        var refreshed = changes.Refreshed.Where(mayAct).ToList();
        Started.AddRange(changes.Started);
        Resolved.AddRange(changes.Resolved);
        _refreshed.AddRange(refreshed);
        foreach (var alert in changes.Started.Concat(changes.Resolved).Concat(refreshed))
        {
            if (_accounts.ContainsKey(alert.AccountId)) continue;
            var (account, score, hit) = evaluated(alert.AccountId);
            _accounts[alert.AccountId] = account;
            if (!hit) continue;
            if (_scores.Count < keptScores) _scores[alert.AccountId] = score;
            else _hitsNotKept.Add(alert.AccountId);
        }
    }

    /// <summary>
    /// What the notifier is handed (<see cref="Changes"/>, <see cref="Accounts"/>, <see cref="ScoreOf"/>), which this
    /// then lets go of: the run holds it no longer than the notifier does, so the alerts as they were before the notifier
    /// marked them and the accounts' records (some 115k and 89k on a day's first run at 100k) are not held while the
    /// marked alerts are written. Counts taken afterwards are of nothing.
    /// </summary>
    public (AlertChanges Changes, IReadOnlyDictionary<string, Account> Accounts, Func<string, HealthScore?> ScoreOf) HandOver(Func<string, HealthScore?> stored)
    {
        var handed = (Changes, Accounts, ScoreOf(stored));
        Started = [];
        Resolved = [];
        _refreshed = [];
        _accounts = new(StringComparer.Ordinal);
        _scores = new(StringComparer.Ordinal);
        return handed;
    }

    /// <summary>
    /// The score a message shows for an account: the one kept, or for an account with hits whose score was not kept,
    /// the one <paramref name="stored"/> gives (read once each); none for an account without hits.
    /// </summary>
    public Func<string, HealthScore?> ScoreOf(Func<string, HealthScore?> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var readBack = new Dictionary<string, HealthScore?>(StringComparer.Ordinal);
        // The scores kept now, whatever this holds later (see HandOver).
        var scores = _scores;
        var hitsNotKept = _hitsNotKept;
        return accountId =>
        {
            if (scores.TryGetValue(accountId, out var kept)) return kept;
            if (!hitsNotKept.Contains(accountId)) return null;
            if (!readBack.TryGetValue(accountId, out var read)) readBack[accountId] = read = stored(accountId);
            return read;
        };
    }
}
