using CsBot.Core.Alerts;

namespace CsBot.Core.Ports;

public interface IAlertStore
{
    Alert? Get(string alertId);
    IReadOnlyList<Alert> GetOpen();
    IReadOnlyList<Alert> GetForAccount(string accountId);

    /// <summary>
    /// The alerts of these accounts in every state, ordered by id. Rescoring an ingestion batch reads its accounts'
    /// alerts with this call: a store that can answers it in one query. The default calls <see cref="GetForAccount"/>
    /// per distinct id.
    /// </summary>
    IReadOnlyList<Alert> GetForAccounts(IReadOnlyCollection<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        return [.. accountIds.Distinct(StringComparer.Ordinal).SelectMany(GetForAccount).OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>Inserts or replaces alerts by id, in one transaction.</summary>
    void Upsert(IReadOnlyCollection<Alert> alerts);
}
