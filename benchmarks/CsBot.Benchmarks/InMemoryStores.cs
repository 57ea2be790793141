using System.Collections.Concurrent;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Digest;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Benchmarks;

/// <summary>
/// Stores that keep everything in dictionaries, so a benchmark measures answering and scoring rather than the
/// database. They follow the store contracts the LiteDB stores follow (latest score also becomes that day's history point).
/// </summary>
internal sealed class InMemoryPortfolioStore : IPortfolioStore
{
    private readonly ConcurrentDictionary<string, AccountSignals> _signals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _idByExternalId = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Lock _gate = new();

    public bool IsEmpty() => _signals.IsEmpty;
    public IReadOnlyList<Account> GetAccounts() => [.. LoadAllSignals().Select(s => s.Account)];
    public Account? GetAccount(string accountId) => _signals.GetValueOrDefault(accountId)?.Account;
    public AccountSignals? LoadSignals(string accountId) => _signals.GetValueOrDefault(accountId);

    public Account? FindByExternalId(string externalId) =>
        _idByExternalId.TryGetValue(externalId, out var id) ? GetAccount(id) : null;

    public IEnumerable<AccountSignals> LoadAllSignals()
    {
        lock (_gate) return [.. _order.Select(id => _signals[id])];
    }

    public void Save(IReadOnlyCollection<AccountSignals> portfolio)
    {
        lock (_gate)
        {
            foreach (var signals in portfolio)
            {
                if (_signals.TryAdd(signals.Account.Id, signals)) _order.Add(signals.Account.Id);
                else _signals[signals.Account.Id] = signals;
                _idByExternalId[signals.Account.ExternalId] = signals.Account.Id;
            }
        }
    }
}

internal sealed class InMemoryScoreStore : IScoreStore
{
    private readonly ConcurrentDictionary<string, HealthScore> _latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ScorePoint[]> _histories = new(StringComparer.Ordinal);

    public int SaveScores(IReadOnlyCollection<HealthScore> scores)
    {
        foreach (var score in scores)
        {
            _latest[score.AccountId] = score;
            var history = _histories.GetValueOrDefault(score.AccountId) ?? [];
            _histories[score.AccountId] = [.. history.Where(p => p.Date != score.AsOf).Append(new ScorePoint(score.AsOf, score.Score)).OrderBy(p => p.Date)];
        }
        return scores.Count;
    }

    public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories)
    {
        foreach (var (id, points) in histories) _histories[id] = [.. points.OrderBy(p => p.Date)];
    }

    public HealthScore? GetLatest(string accountId) => _latest.GetValueOrDefault(accountId);
    public IReadOnlyDictionary<string, HealthScore> GetAllLatest() => new Dictionary<string, HealthScore>(_latest, StringComparer.Ordinal);
    public ScorePoint[] GetHistory(string accountId) => _histories.GetValueOrDefault(accountId) ?? [];
    public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() => new Dictionary<string, ScorePoint[]>(_histories, StringComparer.Ordinal);
    public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds) =>
        accountIds.Distinct(StringComparer.Ordinal).Where(_histories.ContainsKey).ToDictionary(id => id, id => _histories[id], StringComparer.Ordinal);
}

internal sealed class InMemoryAlertStore : IAlertStore
{
    private readonly ConcurrentDictionary<string, Alert> _alerts = new(StringComparer.Ordinal);

    public Alert? Get(string alertId) => _alerts.GetValueOrDefault(alertId);
    public IReadOnlyList<Alert> GetOpen() => [.. _alerts.Values.Where(a => a.IsOpen).OrderBy(a => a.Id, StringComparer.Ordinal)];
    public IReadOnlyList<Alert> GetForAccount(string accountId) => [.. _alerts.Values.Where(a => a.AccountId == accountId)];
    public void Upsert(IReadOnlyCollection<Alert> alerts) { foreach (var alert in alerts) _alerts[alert.Id] = alert; }
}

/// <summary>Digest sign-ups in a dictionary; questions that subscribe a channel are not what the benchmarks time.</summary>
internal sealed class InMemoryDigestSubscriptions : IDigestSubscriptions
{
    private readonly ConcurrentDictionary<string, DigestSubscription> _byChannel = new(StringComparer.Ordinal);

    public IReadOnlyList<DigestSubscription> GetAll() => [.. _byChannel.Values];
    public DigestSubscription? Find(string channel) => _byChannel.GetValueOrDefault(DigestSubscription.KeyOf(channel));
    public void Upsert(DigestSubscription subscription) => _byChannel[DigestSubscription.KeyOf(subscription.Channel)] = subscription;
    public bool Remove(string channel) => _byChannel.TryRemove(DigestSubscription.KeyOf(channel), out _);
}
