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

    /// <summary>
    /// The accounts with these CRM ids (exact match), keyed by external id; ids with no account are left out. An
    /// ingestion batch resolves all its ids with this call: a store that can answers them in one query, where a look-up
    /// per id cost an index seek and a query each. The default asks <see cref="FindByExternalId"/> per distinct id.
    /// </summary>
    IReadOnlyDictionary<string, Account> FindByExternalIds(IReadOnlyCollection<string> externalIds) => OneByOne.Read(externalIds, FindByExternalId);

    /// <summary>
    /// The ids of the accounts with these CRM ids, keyed by external id, resolved as <see cref="FindByExternalIds"/>
    /// resolves them; ids with no account are left out. A batch of signals needs only which account each record
    /// belongs to, and a store that can answers without reading the whole accounts. The default asks
    /// <see cref="FindByExternalIds"/>.
    /// </summary>
    IReadOnlyDictionary<string, string> FindIdsByExternalIds(IReadOnlyCollection<string> externalIds) =>
        FindByExternalIds(externalIds).ToDictionary(found => found.Key, found => found.Value.Id, StringComparer.Ordinal);

    /// <summary>
    /// The signals of these accounts, keyed by account id; unknown ids are left out. An ingestion batch reads the
    /// accounts it merges into with this call. The default calls <see cref="LoadSignals(string)"/> per distinct id.
    /// </summary>
    IReadOnlyDictionary<string, AccountSignals> LoadSignalsOf(IReadOnlyCollection<string> accountIds) => OneByOne.Read(accountIds, LoadSignals);

    /// <summary>
    /// The portfolio cut into consecutive id ranges of about <paramref name="accountsEach"/> accounts, which together
    /// hold every account (<see cref="AccountIdRange.Between"/>), so a full evaluation can read several ranges at once. A
    /// store that cannot cut cheaply answers one range of everything, which the default does.
    /// </summary>
    IReadOnlyList<AccountIdRange> CutIntoRanges(int accountsEach) => [AccountIdRange.All];

    /// <summary>
    /// The accounts of <paramref name="range"/> with their signals, in the order <see cref="LoadAllSignals"/> gives them
    /// (by id where the store orders), streamed as <see cref="LoadAllSignals"/> is. The default filters that.
    /// </summary>
    IEnumerable<AccountSignals> LoadSignalsIn(AccountIdRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return range == AccountIdRange.All ? LoadAllSignals() : LoadAllSignals().Where(s => range.Contains(s.Account.Id));
    }
}
