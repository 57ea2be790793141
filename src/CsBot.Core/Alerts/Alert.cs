using CsBot.Core.Messaging;

namespace CsBot.Core.Alerts;

/// <summary>
/// A churn-risk alert, keyed by (account, rule): the same condition firing again updates this alert rather
/// than creating another, which is what keeps CsBot from spamming.
/// </summary>
public sealed record Alert
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string RuleId { get; init; }
    public required Severity Severity { get; init; }
    public required AlertState State { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset FirstFiredAt { get; init; }
    public required DateTimeOffset LastEvaluatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public IReadOnlyList<AlertEvent> History { get; init; } = [];

    /// <summary>When a notification about this alert was last queued (new, reminder or severity rise); null before the first.</summary>
    public DateTimeOffset? NotifiedAt { get; init; }
    /// <summary>The severity the last notification carried, so a rise can be told apart from a repeat.</summary>
    public Severity? NotifiedSeverity { get; init; }
    /// <summary>Everyone told about this alert (owner, channel, manager), so the "recovered" follow-up reaches the same people.</summary>
    public IReadOnlyList<Recipient> NotifiedRecipients { get; init; } = [];
    /// <summary>When the owner was first told about it at Critical severity; escalation counts from here.</summary>
    public DateTimeOffset? CriticalNotifiedAt { get; init; }
    /// <summary>While <see cref="State"/> is Snoozed: when the snooze ends and the alert may notify again.</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }
    public string? AcknowledgedBy { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public string? AcknowledgedPlatform { get; init; }
    /// <summary>When the unacknowledged critical alert was escalated to the account's manager; escalation happens once.</summary>
    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>
    /// The messages that announced it (alert messages and escalations), by outbox idempotency key: each is redrawn
    /// when the alert changes, and repeats and the "recovered" note reply in their threads.
    /// </summary>
    public IReadOnlyList<AlertAnnouncement> Announcements { get; init; } = [];

    public static string KeyFor(string accountId, string ruleId) => $"{accountId}:{ruleId}";

    public bool IsOpen => State != AlertState.Resolved;
}

/// <summary>A message that announced an alert: the outbox key it was queued with, to whom, and when.</summary>
public sealed record AlertAnnouncement(string MessageKey, Recipient Recipient, DateTimeOffset At);

/// <summary>One entry of an alert's history: what happened, when, by whom and from which platform.</summary>
public sealed record AlertEvent(DateTimeOffset At, string What, string? By = null, string? Platform = null);
