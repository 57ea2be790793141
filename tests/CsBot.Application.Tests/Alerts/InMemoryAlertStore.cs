using CsBot.Core.Alerts;
using CsBot.Core.Ports;

namespace CsBot.Application.Tests.Alerts;

internal sealed class InMemoryAlertStore : IAlertStore
{
    private readonly Dictionary<string, Alert> _alerts = new(StringComparer.Ordinal);

    public Alert? Get(string alertId) => _alerts.GetValueOrDefault(alertId);
    public IReadOnlyList<Alert> GetOpen() => [.. _alerts.Values.Where(a => a.IsOpen).OrderBy(a => a.Id, StringComparer.Ordinal)];
    public IReadOnlyList<Alert> GetForAccount(string accountId) => [.. _alerts.Values.Where(a => a.AccountId == accountId).OrderBy(a => a.Id, StringComparer.Ordinal)];

    public void Upsert(IReadOnlyCollection<Alert> alerts)
    {
        foreach (var alert in alerts) _alerts[alert.Id] = alert;
    }
}
