using CsBot.Application.Asking;
using CsBot.Application.Delivery;
using CsBot.Application.Notifications;
using CsBot.Application.Nudges;
using CsBot.Application.Time;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Alerts;

/// <summary>
/// Alert actions whose effect shows everywhere: after an acknowledge, snooze, "Handled" or hand-over, every message
/// that announced the alert (DM, channel, escalation) is redrawn through the outbox (<see cref="AlertMessageUpdates"/>),
/// and a hand-over tells the CSM who now has it. The person who pressed still gets their reply at once.
/// </summary>
public sealed class LivingAlertActions(IAlertActions inner, AlertMessageUpdates updates, IOutbox outbox, IPortfolioStore portfolio, BusinessClock clock,
    ILogger<LivingAlertActions> logger, IDeliveryTrigger? delivery = null) : IAlertActions
{
    public AlertActionOutcome Apply(ActionKind kind, string alertId, Asker asker, ChatMessage? original = null)
    {
        var outcome = inner.Apply(kind, alertId, asker, original);
        if (!outcome.Applied || outcome.Alert is not { } alert) return outcome;
        var now = clock.Now;
        var queued = updates.Queue([alert], now);
        if (kind == ActionKind.HandOver && TellNewHolder(alert, asker, now)) queued++;
        if (queued > 0 && delivery is not null)
            _ = delivery.DeliverSoonAsync(CancellationToken.None).ContinueWith(t => logger.LogWarning(t.Exception, "Could not ask for delivery now; the next poll sends the updates"),
                TaskContinuationOptions.OnlyOnFaulted);
        return outcome;
    }

    private bool TellNewHolder(Alert alert, Asker asker, DateTimeOffset now)
    {
        if (AcknowledgedFollowUps.Holder(alert) is not { Email: { } email } holder || portfolio.GetAccount(alert.AccountId) is not { } account) return false;
        var key = $"alert-handed-over:{alert.Id}:{email.ToLowerInvariant()}:{now.UtcTicks}";
        return outbox.Enqueue(new OutgoingMessage(Recipient.Person(email, holder.Name), NudgeMessages.HandedOver(alert, account, asker.DisplayName), key), now);
    }
}
