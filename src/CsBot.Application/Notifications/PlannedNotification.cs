using CsBot.Core.Alerts;
using CsBot.Core.Messaging;

namespace CsBot.Application.Notifications;

/// <summary>What a message is about: alerts to act on, an escalation to a manager, or a "recovered" follow-up.</summary>
public enum NotificationKind
{
    Alert,
    Escalation,
    Recovered,
}

/// <summary>Why an alert is in an <see cref="NotificationKind.Alert"/> message this time.</summary>
public enum AlertNotice
{
    New,
    SeverityRose,
    /// <summary>Still firing after the repeat interval.</summary>
    Reminder,
    SnoozeEnded,
}

/// <summary>An alert as it was before this run's notification marks, with why it is being sent.</summary>
public sealed record NoticedAlert(Alert Alert, AlertNotice Notice);

/// <summary>One message to send: to whom, what kind, which alerts, not before when, and its deterministic idempotency key.</summary>
public sealed record PlannedNotification(
    Recipient Recipient,
    NotificationKind Kind,
    IReadOnlyList<NoticedAlert> Alerts,
    DateTimeOffset DeliverAfter,
    string IdempotencyKey)
{
    /// <summary>Set when it replies in the thread of the message that announced its alerts (<see cref="AlertThreads"/>).</summary>
    public MessageLink? Link { get; init; }
}

/// <summary>
/// The outcome of planning one evaluation: the messages to queue, and what to mark on the alerts once those messages
/// are queued (notified, escalated, snooze ended, recovery sent, announced).
/// </summary>
public sealed record NotificationPlan(IReadOnlyList<PlannedNotification> Notifications, AlertMarksById Marks)
{
    /// <summary>The alerts as they must be stored, in id order (each made anew from its marks on every call).</summary>
    public IReadOnlyList<Alert> UpdatedAlerts => [.. Marks.InIdOrder().Select(m => m.Apply())];
}
