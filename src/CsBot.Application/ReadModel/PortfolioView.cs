using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;

namespace CsBot.Application.ReadModel;

/// <summary>
/// The in-memory read model questions are answered from, so an answer takes microseconds rather than a
/// database scan. Each part (portfolio, scores, open alerts) is rebuilt lazily, on the first read after a write
/// to its store; until then readers share one immutable copy.
/// </summary>
public sealed class PortfolioView(IPortfolioStore portfolio, IScoreStore scores, IAlertStore alerts, DataVersions versions)
{
    private readonly Cached<PortfolioSnapshot> _portfolio = new(() => versions.Portfolio, () => new PortfolioSnapshot([.. portfolio.LoadAllSignals()]));
    private readonly Cached<ScoreSnapshot> _scores = new(() => versions.Scores, () => new ScoreSnapshot(scores.GetAllLatest(), scores.GetAllHistories()));
    private readonly Cached<AlertSnapshot> _alerts = new(() => versions.Alerts, () => new AlertSnapshot(alerts.GetOpen()));

    public PortfolioSnapshot Portfolio => _portfolio.Value;
    public ScoreSnapshot Scores => _scores.Value;
    public AlertSnapshot Alerts => _alerts.Value;

    private volatile DayBoard? _board;

    /// <summary>
    /// The list answers' board for these snapshots and <paramref name="day"/>: built on the first list question after
    /// a write to any of the three parts (or on a new day), then shared until the next one.
    /// </summary>
    public DayBoard Board(PortfolioSnapshot portfolio, ScoreSnapshot scores, AlertSnapshot alerts, DateOnly day)
    {
        var board = _board;
        if (board is not null && board.Day == day && ReferenceEquals(board.Portfolio, portfolio) && ReferenceEquals(board.Scores, scores) && ReferenceEquals(board.Alerts, alerts))
            return board;
        board = new DayBoard(portfolio, scores, alerts, day);
        _board = board;
        return board;
    }

    private sealed class Cached<T>(Func<long> version, Func<T> build) where T : class
    {
        private readonly Lock _gate = new();
        private (long Version, T Value)? _current;

        public T Value
        {
            get
            {
                var wanted = version();
                var current = _current;
                if (current is { } c && c.Version == wanted) return c.Value;
                lock (_gate)
                {
                    wanted = version();
                    if (_current is { } again && again.Version == wanted) return again.Value;
                    var value = build();
                    _current = (wanted, value);
                    return value;
                }
            }
        }
    }
}

public sealed record ScoreSnapshot(IReadOnlyDictionary<string, HealthScore> Latest, IReadOnlyDictionary<string, ScorePoint[]> Histories)
{
    public ScorePoint[] HistoryOf(string accountId) => Histories.TryGetValue(accountId, out var h) ? h : [];
}

public sealed class AlertSnapshot(IReadOnlyList<Alert> open)
{
    // Grouped once per snapshot: list answers ask for every account's alerts, so a look-up must not allocate.
    private readonly Dictionary<string, Alert[]> _byAccount = open.GroupBy(a => a.AccountId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);

    public IReadOnlyList<Alert> Open { get; } = open;
    public IReadOnlyList<Alert> ForAccount(string accountId) => _byAccount.TryGetValue(accountId, out var alerts) ? alerts : [];
}
