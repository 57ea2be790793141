using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Tests.Shared;

/// <summary>Plain in-memory stores for tests that answer or render from a fixed dataset without a database.</summary>
internal sealed class InMemoryStores : IPortfolioStore, IScoreStore, IAlertStore
{
    private readonly Dictionary<string, AccountSignals> _signals = [];
    private readonly Dictionary<string, HealthScore> _latest = [];
    private readonly Dictionary<string, ScorePoint[]> _histories = [];
    private readonly Dictionary<string, Alert> _alerts = [];

    public bool IsEmpty() => _signals.Count == 0;
    public IReadOnlyList<Account> GetAccounts() => [.. _signals.Values.Select(s => s.Account)];
    public Account? GetAccount(string accountId) => _signals.GetValueOrDefault(accountId)?.Account;
    public Account? FindByExternalId(string externalId) => _signals.Values.Select(s => s.Account).FirstOrDefault(a => a.ExternalId == externalId);
    public AccountSignals? LoadSignals(string accountId) => _signals.GetValueOrDefault(accountId);
    public IEnumerable<AccountSignals> LoadAllSignals() => [.. _signals.Values];
    public void Save(IReadOnlyCollection<AccountSignals> portfolio) { foreach (var s in portfolio) _signals[s.Account.Id] = s; }

    // As the stores do: the latest score unless a later day's is held, and that day's point in the history (replacing a point of the same day).
    public int SaveScores(IReadOnlyCollection<HealthScore> scores)
    {
        foreach (var s in scores)
        {
            if (_latest.GetValueOrDefault(s.AccountId) is not { } held || s.AsOf >= held.AsOf) _latest[s.AccountId] = s;
            _histories[s.AccountId] = [.. (_histories.GetValueOrDefault(s.AccountId) ?? []).Where(p => p.Date != s.AsOf).Append(new ScorePoint(s.AsOf, s.Score)).OrderBy(p => p.Date)];
        }
        return scores.Count;
    }
    public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories) { foreach (var (k, v) in histories) _histories[k] = v; }
    public HealthScore? GetLatest(string accountId) => _latest.GetValueOrDefault(accountId);
    public IReadOnlyDictionary<string, HealthScore> GetAllLatest() => new Dictionary<string, HealthScore>(_latest);
    public ScorePoint[] GetHistory(string accountId) => _histories.GetValueOrDefault(accountId) ?? [];
    public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() => new Dictionary<string, ScorePoint[]>(_histories);
    public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds) =>
        accountIds.Where(_histories.ContainsKey).Distinct().ToDictionary(id => id, id => _histories[id]);

    public Alert? Get(string alertId) => _alerts.GetValueOrDefault(alertId);
    public IReadOnlyList<Alert> GetOpen() => [.. _alerts.Values.Where(a => a.IsOpen)];
    public IReadOnlyList<Alert> GetForAccount(string accountId) => [.. _alerts.Values.Where(a => a.AccountId == accountId)];
    public void Upsert(IReadOnlyCollection<Alert> alerts) { foreach (var a in alerts) _alerts[a.Id] = a; }
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
