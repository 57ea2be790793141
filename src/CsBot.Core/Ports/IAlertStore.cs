using CsBot.Core.Alerts;

namespace CsBot.Core.Ports;

public interface IAlertStore
{
    Alert? Get(string alertId);
    IReadOnlyList<Alert> GetOpen();
    IReadOnlyList<Alert> GetForAccount(string accountId);

    /// <summary>
    /// The open alerts (any state but Resolved) of these accounts, ordered by id. Rescoring an ingestion batch reads
    /// its accounts' alerts with this call: a store that can answers it in one query, and need not build the resolved
    /// alerts an account collects over time. The default calls <see cref="GetForAccount"/> per distinct id.
    /// </summary>
    IReadOnlyList<Alert> GetOpenFor(IReadOnlyCollection<string> accountIds)
    {
        ArgumentNullException.ThrowIfNull(accountIds);
        return [.. accountIds.Distinct(StringComparer.Ordinal).SelectMany(GetForAccount).Where(a => a.IsOpen).OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Inserts or replaces alerts by id. Nothing is written when any alert is null or has no id; otherwise each alert is
    /// written whole, in one transaction or (LiteDB, to bound its cache) in transactions of a thousand.
    /// </summary>
    void Upsert(IReadOnlyCollection<Alert> alerts);
}
