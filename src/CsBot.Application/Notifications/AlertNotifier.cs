using CsBot.Application.Alerts;
using CsBot.Application.Time;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Ports;
using CsBot.Core.Scoring;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Notifications;

/// <summary>
/// Turns one evaluation's alert changes into messages: the <see cref="NotificationPlanner"/> decides who hears what,
/// this renders each planned message and queues it in the durable outbox, then stores the alerts marked (notified,
/// escalated, recovery sent). Queueing first means a crash can at worst re-plan the same messages, whose
/// idempotency keys the outbox already holds.
/// </summary>
/// <remarks>
/// With <paramref name="threads"/> and <paramref name="updates"/> (the host always has them), repeats and "recovered"
/// notes reply in the thread of the message that announced their alert, and every such message is redrawn in place.
/// With <paramref name="view"/>, the alerts it marks are stored as the read model holds them (see <see cref="NotifyAsync"/>).
/// </remarks>
public sealed class AlertNotifier(IOutbox outbox, IAlertStore alerts, NotificationPlanner planner, MetricsOptions metrics, BusinessClock clock, ILogger<AlertNotifier> logger,
    AlertThreads? threads = null, AlertMessageUpdates? updates = null, ReadModel.PortfolioView? view = null)
{
    /// <summary>Whether <see cref="NotifyAsync"/> may act on this still-firing alert now (<see cref="NotificationPlanner.MayAct"/>); the others need not be handed to it.</summary>
    public bool MayAct(Alert refreshed) => planner.MayAct(refreshed, clock.Now);

    /// <summary>Plans, queues and records the notifications for <paramref name="changes"/>; returns how many messages were newly queued.</summary>
    /// <remarks>
    /// The marked alerts are stored as the read model holds them (<see cref="ReadModel.PortfolioView.Holding"/>), so it
    /// patches in those objects rather than a copy of each. The plan keeps what it marks on an alert beside the alert as
    /// it was (<see cref="AlertMarks"/>); the marked alerts are made a part at a time as they are written, each part's
    /// marks let go once stored, and nothing else of the plan is held meanwhile: a day's first run at 100k accounts
    /// marks some 115k alerts, and the plan's copies of them (marked, then announced), the alerts as they were before
    /// and the accounts' records held through those writes were that run's memory peak.
    /// </remarks>
    public Task<int> NotifyAsync(
        AlertChanges changes,
        IReadOnlyDictionary<string, Account> accounts,
        Func<string, HealthScore?> scoreOf,
        CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var (queued, marked) = QueueMessages(changes, accounts, scoreOf, now, cancellationToken);
        var stored = alerts.UpsertInParts(marked, part =>
        {
            var applied = new Alert[part.Count];
            for (var i = 0; i < applied.Length; i++) applied[i] = part[i].Apply();
            return view?.Holding(applied) ?? applied;
        });
        updates?.Queue(stored, now);
        return Task.FromResult(queued);
    }

    /// <summary>Plans and queues the messages; returns how many were newly queued and the marks to store (the plan itself is let go).</summary>
    private (int Queued, AlertMarks[] Marked) QueueMessages(
        AlertChanges changes, IReadOnlyDictionary<string, Account> accounts, Func<string, HealthScore?> scoreOf, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = planner.Plan(changes, accounts, now);
        if (threads is not null) plan = threads.Arrange(plan, now);
        var messages = new List<MessageToQueue>(plan.Notifications.Count);
        foreach (var planned in plan.Notifications)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var message = NotificationMessageBuilder.Build(planned, accounts, scoreOf, metrics.Currency);
            messages.Add(new MessageToQueue(new OutgoingMessage(planned.Recipient, message, planned.IdempotencyKey) { Link = planned.Link }, planned.DeliverAfter));
        }
        // One outbox write for the run's messages (one a recipient), not a transaction and a log flush each.
        var newlyQueued = outbox.EnqueueAll(messages);
        var queued = 0;
        for (var i = 0; i < newlyQueued.Count; i++)
        {
            if (newlyQueued[i]) queued++;
            else logger.LogInformation("{Kind} message to {Recipient} was already queued ({Key})", plan.Notifications[i].Kind, plan.Notifications[i].Recipient.Key, plan.Notifications[i].IdempotencyKey);
        }
        if (plan.Notifications.Count > 0)
            logger.LogInformation("Queued {Queued} of {Planned} alert messages ({Held} held for quiet hours)",
                queued, plan.Notifications.Count, plan.Notifications.Count(n => n.DeliverAfter > now));
        return (queued, plan.Marks.InIdOrder());
    }
}
