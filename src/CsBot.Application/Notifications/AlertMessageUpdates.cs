using System.Globalization;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Notifications;

/// <summary>
/// Queues, through the outbox like every other delivery, an in-place update of each message that announced the given
/// alerts (DM, channel, escalation), redrawn from the message as first sent and the current state of every alert in
/// it (<see cref="LivingAlertMessage"/>). Each update goes to the platform that delivered the message, after it.
/// </summary>
public sealed class AlertMessageUpdates(IOutboxStore outbox, IAlertStore alerts, ILogger<AlertMessageUpdates> logger)
{
    /// <summary>Queues the updates; <paramref name="changed"/> win over the store for alerts not yet stored. Returns how many were queued.</summary>
    public int Queue(IReadOnlyCollection<Alert> changed, DateTimeOffset now)
    {
        var latest = changed.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var parents = changed.SelectMany(a => a.Announcements.Where(x => x.At < now)).Select(a => a.MessageKey).Distinct(StringComparer.Ordinal);
        var updates = new List<MessageToQueue>();
        foreach (var key in parents)
        {
            if (outbox.FindByIdempotencyKey(key) is not { } parent) continue;
            var inIt = new Dictionary<string, Alert>(StringComparer.Ordinal);
            foreach (var id in LivingAlertMessage.AlertIds(parent.Message.Message))
                if ((latest.GetValueOrDefault(id) ?? alerts.Get(id)) is { } alert) inIt[id] = alert;
            var redrawn = LivingAlertMessage.Render(parent.Message.Message, inIt);
            var signature = string.Join("\n", redrawn.Sections.Select(s => s.Text)) + redrawn.Title;
            var updateKey = $"alert-update:{AlertThreads.Hash(key)}:{now.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{AlertThreads.Hash(signature)}";
            var update = new OutgoingMessage(parent.Message.Recipient, redrawn, updateKey)
            {
                Platform = parent.Platform ?? parent.Message.Platform,
                Link = new MessageLink(MessageLinkKind.Replace, key),
            };
            // Never before the message it updates: one held for quiet hours is updated once it went out.
            var after = parent.State is OutboxState.Pending or OutboxState.Delivering && parent.NextAttemptAt > now ? parent.NextAttemptAt : now;
            updates.Add(new MessageToQueue(update, after));
        }
        var queued = updates.Count == 0 ? 0 : outbox.EnqueueAll(updates).Count(newly => newly);
        if (queued > 0) logger.LogInformation("Queued {Count} in-place updates of alert messages", queued);
        return queued;
    }
}
