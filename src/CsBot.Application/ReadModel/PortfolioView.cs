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
