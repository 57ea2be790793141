using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using CsBot.Core.Signals;

namespace CsBot.Application.ReadModel;

/// <summary>Passes every call to the real portfolio store and records which accounts each write touched, so cached views patch just those.</summary>
public sealed class ObservedPortfolioStore(IPortfolioStore inner, DataVersions versions) : IPortfolioStore
{
    // Saves and their log entries in one order, so the value logged last for an account is the one stored last.
    private readonly Lock _saving = new();

    public bool IsEmpty() => inner.IsEmpty();
    public IReadOnlyList<Account> GetAccounts() => inner.GetAccounts();
    public Account? GetAccount(string accountId) => inner.GetAccount(accountId);
    public Account? FindByExternalId(string externalId) => inner.FindByExternalId(externalId);
    public IReadOnlyDictionary<string, Account> FindByExternalIds(IReadOnlyCollection<string> externalIds) => inner.FindByExternalIds(externalIds);
    public IReadOnlyDictionary<string, string> FindIdsByExternalIds(IReadOnlyCollection<string> externalIds) => inner.FindIdsByExternalIds(externalIds);
    public AccountSignals? LoadSignals(string accountId) => inner.LoadSignals(accountId);
    public IReadOnlyDictionary<string, AccountSignals> LoadSignalsOf(IReadOnlyCollection<string> accountIds) => inner.LoadSignalsOf(accountIds);
    public IEnumerable<AccountSignals> LoadAllSignals() => inner.LoadAllSignals();
    public IReadOnlyList<AccountIdRange> CutIntoRanges(int accountsEach) => inner.CutIntoRanges(accountsEach);
    public IEnumerable<AccountSignals> LoadSignalsIn(AccountIdRange range) => inner.LoadSignalsIn(range);

    public void Save(IReadOnlyCollection<AccountSignals> portfolio)
    {
        lock (_saving)
        {
            inner.Save(portfolio);
            versions.PortfolioSaved(portfolio);
        }
    }
}

/// <summary>Passes every call to the real score store and records writes.</summary>
public sealed class ObservedScoreStore(IScoreStore inner, DataVersions versions) : IScoreStore
{
    public HealthScore? GetLatest(string accountId) => inner.GetLatest(accountId);
    public IReadOnlyDictionary<string, HealthScore> GetAllLatest() => inner.GetAllLatest();
    public ScorePoint[] GetHistory(string accountId) => inner.GetHistory(accountId);
    public IReadOnlyDictionary<string, ScorePoint[]> GetAllHistories() => inner.GetAllHistories();
    public IReadOnlyDictionary<string, ScorePoint[]> GetHistories(IReadOnlyCollection<string> accountIds) => inner.GetHistories(accountIds);

    /// <summary>A save that wrote nothing (an hourly run rescoring accounts to what they have) leaves cached views current.</summary>
    /// <remarks>
    /// Saves are not serialised here (the evaluation saves batches in parallel): two saves of one account at the same
    /// moment, an evaluation's and an ingestion's rescoring, may log in the other order than they were stored. Both
    /// score the same signals of the same day, and the account's next save puts the read model right.
    /// </remarks>
    public int SaveScores(IReadOnlyCollection<HealthScore> scores) => Saved(scores, inner.SaveScores(scores));

    public int SaveRecentScores(IReadOnlyCollection<HealthScore> scores) => Saved(scores, inner.SaveRecentScores(scores));

    private int Saved(IReadOnlyCollection<HealthScore> scores, int written)
    {
        // Every score of the save is logged: the store does not say which of them it wrote, and taking an unchanged one again is harmless.
        if (written > 0) versions.ScoresSaved(scores);
        return written;
    }

    public void SaveHistories(IReadOnlyDictionary<string, ScorePoint[]> histories)
    {
        inner.SaveHistories(histories);
        versions.ScoresChanged(histories.Keys);
    }
}

/// <summary>Passes every call to the real alert store and records writes, with the alerts written.</summary>
public sealed class ObservedAlertStore(IAlertStore inner, DataVersions versions) : IAlertStore
{
    // Upserts and their log entries in one order, so the alert logged last is the one stored last.
    private readonly Lock _saving = new();

    public Alert? Get(string alertId) => inner.Get(alertId);
    public IReadOnlyList<Alert> GetOpen() => inner.GetOpen();
    public IReadOnlyList<Alert> GetForAccount(string accountId) => inner.GetForAccount(accountId);
    public IReadOnlyList<Alert> GetOpenFor(IReadOnlyCollection<string> accountIds) => inner.GetOpenFor(accountIds);
    public IReadOnlyDictionary<string, Alert> GetMany(IReadOnlyCollection<string> alertIds) => inner.GetMany(alertIds);

    public void Upsert(IReadOnlyCollection<Alert> alerts)
    {
        lock (_saving)
        {
            inner.Upsert(alerts);
            versions.AlertsUpserted(alerts);
        }
    }
}
