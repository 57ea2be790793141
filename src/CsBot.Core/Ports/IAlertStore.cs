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
    /// The stored alerts with these ids, by id; ids not stored are left out. An evaluation reads the earlier alert of
    /// every alert it starts with this call, a batch at a time (a day's first run at 100k accounts starts some 90k): a
    /// store that can answers it in one query. The default calls <see cref="Get"/> per distinct id.
    /// </summary>
    IReadOnlyDictionary<string, Alert> GetMany(IReadOnlyCollection<string> alertIds) => OneByOne.Read(alertIds, Get);

    /// <summary>
    /// Inserts or replaces alerts by id. Nothing is written when any alert is null or has no id; otherwise each alert is
    /// written whole, in one transaction or (LiteDB, to bound its cache) in transactions of a thousand.
    /// </summary>
    void Upsert(IReadOnlyCollection<Alert> alerts);
}
