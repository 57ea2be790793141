using CsBot.Application.Time;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Notifications;

/// <summary>
/// Sends each owner CSM one message listing all of their new alerts from a run, rather than one message per
/// account, and marks the alerts notified once the platform has taken the message.
/// </summary>
public sealed class AlertNotifier(IChatSender sender, IAlertStore alerts, BusinessClock clock, ILogger<AlertNotifier> logger)
{
    public async Task<int> NotifyNewAlertsAsync(
        IReadOnlyList<Alert> newAlerts,
        IReadOnlyDictionary<string, Account> accounts,
        IReadOnlyDictionary<string, HealthScore> scores,
        CancellationToken cancellationToken)
    {
        var sent = 0;
        var byOwner = newAlerts
            .Where(a => accounts.ContainsKey(a.AccountId))
            .GroupBy(a => accounts[a.AccountId].Owner.Email, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase);

        foreach (var group in byOwner)
        {
            var owner = accounts[group.First().AccountId].Owner;
            var message = AlertMessageBuilder.Grouped([.. group], accounts, scores);
            var key = $"alerts:{owner.Email}:{clock.Now:yyyyMMddHHmm}";
            var result = await sender.SendAsync(new OutgoingMessage(Recipient.Person(owner.Email, owner.Name), message, key), cancellationToken);
            if (!result.Delivered)
            {
                logger.LogWarning("Alert message to {Owner} was not delivered: {Error}", owner.Email, result.Error);
                continue;
            }
            sent++;
            var now = clock.Now;
            alerts.Upsert([.. group.Select(a => a with
            {
                State = AlertState.Notified,
                History = [.. a.History, new AlertEvent(now, "notified", owner.Email, sender.Platform)],
            })]);
        }
        return sent;
    }
}
