using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.Tests.Ingestion;

/// <summary>One read of a store: which call, and whether it reads the whole stored portfolio rather than given accounts.</summary>
internal sealed record StoreRead(string Call, bool WholePortfolio);

/// <summary>The in-memory stores, recording every read, so a test can tell what a piece of work read.</summary>
internal sealed class CountingStores(InMemoryStores inner) : IPortfolioStore, IScoreStore, IAlertStore
{
    public InMemoryStores Inner { get; } = inner;
    public List<StoreRead> Reads { get; } = [];

    private T Read<T>(string call, T result, bool whole = false)
    {
        lock (Reads) Reads.Add(new StoreRead(call, whole));
        return result;
    }

    public bool IsEmpty() => Inner.IsEmpty();
    public IReadOnlyList<Account> GetAccounts() => Read(nameof(GetAccounts), Inner.GetAccounts(), whole: true);
    public Account? GetAccount(string accountId) => Read(nameof(GetAccount), Inner.GetAccount(accountId));
    public Account? FindByExternalId(string externalId) => Read(nameof(FindByExternalId), Inner.FindByExternalId(externalId));
    public AccountSignals? LoadSignals(string accountId) => Read(nameof(LoadSignals), Inner.LoadSignals(accountId));
    public IReadOnlyDictionary<string, Account> FindByExternalIds(IReadOnlyCollection<string> externalIds) =>
        Read(nameof(FindByExternalIds), ((IPortfolioStore)Inner).FindByExternalIds(externalIds));
    public IReadOnlyDictionary<string, string> FindIdsByExternalIds(IReadOnlyCollection<string> externalIds) =>
        Read(nameof(FindIdsByExternalIds), ((IPortfolioStore)Inner).FindIdsByExternalIds(externalIds));
    public IReadOnlyDictionary<string, AccountSignals> LoadSignalsOf(IReadOnlyCollection<string> accountIds) =>
        Read(nameof(LoadSignalsOf), ((IPortfolioStore)Inner).LoadSignalsOf(accountIds));
    public IEnumerable<AccountSignals> LoadAllSignals() => Read(nameof(LoadAllSignals), Inner.LoadAllSignals(), whole: true);
    public void Save(IReadOnlyCollection<AccountSignals> portfolio) => Inner.Save(portfolio);

    public int SaveScores(IReadOnlyCollection<HealthScore> scores) => Inner.SaveScores(scores);
    public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories) => Inner.SaveHistories(histories);
    public HealthScore? GetLatest(string accountId) => Read(nameof(GetLatest), Inner.GetLatest(accountId));
    public IReadOnlyDictionary<string, HealthScore> GetAllLatest() => Read(nameof(GetAllLatest), Inner.GetAllLatest(), whole: true);
    public ScorePoint[] GetHistory(string accountId) => Read(nameof(GetHistory), Inner.GetHistory(accountId));
    public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() => Read(nameof(GetAllHistories), Inner.GetAllHistories(), whole: true);
    public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds) => Read(nameof(GetHistories), Inner.GetHistories(accountIds));

    public Alert? Get(string alertId) => Read(nameof(Get), Inner.Get(alertId));
    public IReadOnlyList<Alert> GetOpen() => Read(nameof(GetOpen), Inner.GetOpen(), whole: true);
    public IReadOnlyList<Alert> GetForAccount(string accountId) => Read(nameof(GetForAccount), Inner.GetForAccount(accountId));
    public IReadOnlyList<Alert> GetOpenFor(IReadOnlyCollection<string> accountIds) => Read(nameof(GetOpenFor), ((IAlertStore)Inner).GetOpenFor(accountIds));
    public void Upsert(IReadOnlyCollection<Alert> alerts) => Inner.Upsert(alerts);
}
