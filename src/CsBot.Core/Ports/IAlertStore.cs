using CsBot.Core.Alerts;

namespace CsBot.Core.Ports;

public interface IAlertStore
{
    Alert? Get(string alertId);
    IReadOnlyList<Alert> GetOpen();
    IReadOnlyList<Alert> GetForAccount(string accountId);
    /// <summary>Inserts or replaces alerts by id, in one transaction.</summary>
    void Upsert(IReadOnlyCollection<Alert> alerts);
}
