using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Tests.Shared;

/// <summary>
/// Plain in-memory stores for tests that answer or render from a fixed dataset without a database. Safe for the calls
/// of several threads at once, as the real stores are: an evaluation reads ahead on other threads while it writes.
/// </summary>
internal sealed class InMemoryStores : IPortfolioStore, IScoreStore, IAlertStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AccountSignals> _signals = [];
    private readonly Dictionary<string, HealthScore> _latest = [];
    private readonly Dictionary<string, ScorePoint[]> _histories = [];
    private readonly Dictionary<string, Alert> _alerts = [];

    public bool IsEmpty() { lock (_gate) return _signals.Count == 0; }
    public IReadOnlyList<Account> GetAccounts() { lock (_gate) return [.. _signals.Values.Select(s => s.Account)]; }
    public Account? GetAccount(string accountId) { lock (_gate) return _signals.GetValueOrDefault(accountId)?.Account; }
    public Account? FindByExternalId(string externalId) { lock (_gate) return _signals.Values.Select(s => s.Account).FirstOrDefault(a => a.ExternalId == externalId); }
    public AccountSignals? LoadSignals(string accountId) { lock (_gate) return _signals.GetValueOrDefault(accountId); }
    public IEnumerable<AccountSignals> LoadAllSignals() { lock (_gate) return [.. _signals.Values]; }
    public void Save(IReadOnlyCollection<AccountSignals> portfolio) { lock (_gate) foreach (var s in portfolio) _signals[s.Account.Id] = s; }

    // As the stores do: the latest score unless a later day's is held, and that day's point in the history (replacing a point of the same day).
    public int SaveScores(IReadOnlyCollection<HealthScore> scores)
    {
        lock (_gate)
        {
            foreach (var s in scores)
            {
                if (_latest.GetValueOrDefault(s.AccountId) is not { } held || s.AsOf >= held.AsOf) _latest[s.AccountId] = s;
                _histories[s.AccountId] = [.. (_histories.GetValueOrDefault(s.AccountId) ?? []).Where(p => p.Date != s.AsOf).Append(new ScorePoint(s.AsOf, s.Score)).OrderBy(p => p.Date)];
            }
            return scores.Count;
        }
    }
    public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories) { lock (_gate) foreach (var (k, v) in histories) _histories[k] = v; }
    public HealthScore? GetLatest(string accountId) { lock (_gate) return _latest.GetValueOrDefault(accountId); }
    public IReadOnlyDictionary<string, HealthScore> GetAllLatest() { lock (_gate) return new Dictionary<string, HealthScore>(_latest); }
    public ScorePoint[] GetHistory(string accountId) { lock (_gate) return _histories.GetValueOrDefault(accountId) ?? []; }
    public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() { lock (_gate) return new Dictionary<string, ScorePoint[]>(_histories); }
    public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds)
    {
        lock (_gate) return accountIds.Where(_histories.ContainsKey).Distinct().ToDictionary(id => id, id => _histories[id]);
    }

    public Alert? Get(string alertId) { lock (_gate) return _alerts.GetValueOrDefault(alertId); }
    public IReadOnlyList<Alert> GetOpen() { lock (_gate) return [.. _alerts.Values.Where(a => a.IsOpen)]; }
    public IReadOnlyList<Alert> GetForAccount(string accountId) { lock (_gate) return [.. _alerts.Values.Where(a => a.AccountId == accountId)]; }
    public void Upsert(IReadOnlyCollection<Alert> alerts) { lock (_gate) foreach (var a in alerts) _alerts[a.Id] = a; }
}

/// <summary>Conversation contexts in memory, expiring by <paramref name="time"/> as the LiteDB store does.</summary>
internal sealed class InMemoryConversationContexts(TimeProvider time) : IConversationContexts
{
    private readonly Dictionary<string, (CsBot.Core.Conversations.ConversationContext Context, DateTimeOffset ExpiresAt)> _contexts = [];

    public InMemoryConversationContexts() : this(TimeProvider.System)
    {
    }

    public CsBot.Core.Conversations.ConversationContext? Find(string key)
    {
        lock (_contexts)
            return _contexts.TryGetValue(key, out var kept) && kept.ExpiresAt > time.GetUtcNow() ? kept.Context : null;
    }

    public void Save(string key, CsBot.Core.Conversations.ConversationContext context, DateTimeOffset expiresAt)
    {
        lock (_contexts) _contexts[key] = (context, expiresAt);
    }

    /// <summary>A memory over these contexts with the default 30 minutes, as the host wires it.</summary>
    public CsBot.Application.Asking.ConversationMemory Memory() =>
        new(this, time, new CsBot.Application.Asking.ConversationOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger<CsBot.Application.Asking.ConversationMemory>.Instance);
}
