using System.Security.Cryptography;
using System.Text;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;

namespace CsBot.Application.Notifications;

/// <summary>
/// Keeps one living message per alert and recipient: a repeat or severity rise of an alert whose announcement to that
/// recipient is younger than <see cref="AlertingOptions.ReplyInThreadWithinHours"/> replies in that message's thread
/// instead of posting anew, and the "recovered" note always replies under the message that announced it. Messages
/// that are posted top-level (new alerts, escalations, repeats of old ones) are recorded on their alerts as
/// announcements, on the plan's marks; the notifier queues and stores the result.
/// </summary>
public sealed class AlertThreads(AlertingOptions options)
{
    /// <summary>
    /// The plan with its messages arranged in threads; the announcements are added to <paramref name="plan"/>'s marks
    /// (the plan is taken over: the notifier stores what both decided from one set of marks).
    /// </summary>
    public NotificationPlan Arrange(NotificationPlan plan, DateTimeOffset now)
    {
        var marks = plan.Marks;
        var maxAge = TimeSpan.FromHours(options.ReplyInThreadWithinHours);
        var arranged = new List<PlannedNotification>();

        foreach (var planned in plan.Notifications)
        {
            Func<NoticedAlert, AlertAnnouncement?> parentOf = planned.Kind switch
            {
                NotificationKind.Recovered => n => LatestTo(AnnouncementsOf(n.Alert, marks), planned.Recipient, DateTimeOffset.MinValue),
                NotificationKind.Alert => n => n.Notice is AlertNotice.Reminder or AlertNotice.SeverityRose ? LatestTo(AnnouncementsOf(n.Alert, marks), planned.Recipient, now - maxAge) : null,
                _ => _ => null,
            };
            var byParent = planned.Alerts.GroupBy(n => parentOf(n)?.MessageKey).ToList();
            foreach (var group in byParent.Where(g => g.Key is not null))
                arranged.Add(planned with { Alerts = [.. group], IdempotencyKey = $"{planned.IdempotencyKey}:thread:{Hash(group.Key!)}", Link = new MessageLink(MessageLinkKind.Reply, group.Key!) });
            if (byParent.FirstOrDefault(g => g.Key is null) is not { } alone) continue;
            var topLevel = alone.Count() == planned.Alerts.Count ? planned : planned with { Alerts = [.. alone] };
            arranged.Add(topLevel);
            if (planned.Kind is NotificationKind.Alert or NotificationKind.Escalation)
            {
                // One announcement for all the message's alerts: they were announced by the same message, alike.
                var announcement = new AlertAnnouncement(topLevel.IdempotencyKey, planned.Recipient, now);
                foreach (var noticed in topLevel.Alerts) marks.For(noticed.Alert).Announce(announcement);
            }
        }
        return plan with { Notifications = arranged };
    }

    private static IEnumerable<AlertAnnouncement> AnnouncementsOf(Alert alert, AlertMarksById marks) =>
        marks.Find(alert.Id)?.Announcements ?? alert.Announcements;

    /// <summary>The latest of an alert's <paramref name="announcements"/> made to <paramref name="recipient"/> at or after <paramref name="since"/>.</summary>
    private static AlertAnnouncement? LatestTo(IEnumerable<AlertAnnouncement> announcements, Recipient recipient, DateTimeOffset since) =>
        announcements.LastOrDefault(a => a.At >= since && a.Recipient.Kind == recipient.Kind && a.Recipient.Key.Equals(recipient.Key, StringComparison.OrdinalIgnoreCase));

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
