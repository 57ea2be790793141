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
    /// The account with this CRM id, or null. The default scans every account; stores that index the external id
    /// override it.
    /// </summary>
    Account? FindByExternalId(string externalId) =>
        GetAccounts().FirstOrDefault(a => string.Equals(a.ExternalId, externalId, StringComparison.Ordinal));
}
