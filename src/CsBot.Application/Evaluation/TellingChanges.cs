using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Scoring;

namespace CsBot.Application.Evaluation;

/// <summary>
/// What an evaluation hands the notifier at its end, gathered batch by batch: every started and resolved alert, the
/// still-firing ones it may act on, and the records (and, for accounts with rule hits, the scores) of their accounts.
/// </summary>
internal sealed class TellingChanges
{
    private readonly List<Alert> _refreshed = [];
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HealthScore> _scores = new(StringComparer.Ordinal);

    public List<Alert> Started { get; } = [];
    public List<Alert> Resolved { get; } = [];

    public AlertChanges Changes => new(Started, _refreshed, Resolved);
    public IReadOnlyDictionary<string, Account> Accounts => _accounts;
    public IReadOnlyDictionary<string, HealthScore> Scores => _scores;

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
            if (hit) _scores[alert.AccountId] = score;
        }
    }
}
