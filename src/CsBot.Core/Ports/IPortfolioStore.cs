using CsBot.Core.Accounts;
using CsBot.Core.Signals;

namespace CsBot.Core.Ports;

/// <summary>Accounts and their signals. Implementations write atomically: a failed save leaves the previous data intact.</summary>
public interface IPortfolioStore
{
    bool IsEmpty();
    IReadOnlyList<Account> GetAccounts();
    Account? GetAccount(string accountId);
    AccountSignals? LoadSignals(string accountId);
    /// <summary>Every account with its signals, streamed so a large portfolio need not sit in memory twice.</summary>
    IEnumerable<AccountSignals> LoadAllSignals();
    /// <summary>Upserts the accounts and replaces their signals, in one transaction.</summary>
    void Save(IReadOnlyCollection<AccountSignals> portfolio);

    /// <summary>
    /// The account with this CRM id (exact match), or null. Ingestion calls it once per record, so a store answers it
    /// from an index: no default here, because a scanning fallback silently made every batch cost the whole portfolio.
    /// </summary>
    Account? FindByExternalId(string externalId);
}
