using CsBot.Core.Ports;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;

namespace CsBot.Application.Notifications;

/// <summary>
/// Decides, purely, who is told what after one evaluation: new and re-notifiable alerts go to the owner (and High+
/// to the segment channel) in one grouped message per recipient; a still-firing alert repeats only when its severity
/// rose or its repeat interval passed; snoozed and acknowledged alerts stay quiet; unacknowledged critical alerts
/// escalate to the manager once; resolved alerts send one "recovered" note to everyone who was told.
/// </summary>
public sealed class NotificationPlanner(AlertingOptions options, TimeZoneInfo businessZone, IRecipientTimeZones platformZones)
{
    private readonly QuietHours _quietHours = new(options.QuietHours);

    /// <summary>
    /// Whether <see cref="Plan"/> may tell anyone of, or change, this still-firing alert at <paramref name="now"/>: its
    /// snooze ended, it is new to its owner, due a reminder or risen in severity, or a critical one due to escalate.
    /// The others (most open alerts, every hour) it passes over, so a run need not keep them for it.
    /// </summary>
    public bool MayAct(Alert refreshed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(refreshed);
        return refreshed is { State: AlertState.Snoozed, SnoozedUntil: { } until } && until <= now
            || NoticeFor(refreshed, now) is not null
            || EscalationDue(refreshed, now);
    }

    private bool EscalationDue(Alert alert, DateTimeOffset now) => EscalationDue(alert, alert.State, alert.CriticalNotifiedAt, now);

    /// <summary>Whether <paramref name="alert"/> is due to escalate, in the state and told-critical time this run may have given it.</summary>
    private bool EscalationDue(Alert alert, AlertState state, DateTimeOffset? criticalNotifiedAt, DateTimeOffset now) =>
        state == AlertState.Notified && alert is { Severity: Severity.Critical, EscalatedAt: null } && criticalNotifiedAt is { } told
        && now - told >= TimeSpan.FromHours(options.EscalateCriticalAfterHours);

    public NotificationPlan Plan(AlertChanges changes, IReadOnlyDictionary<string, Account> accounts, DateTimeOffset now)
    {
        var marks = new AlertMarksById(now);

        var noticed = new List<NoticedAlert>();
        foreach (var alert in changes.Started.Where(a => accounts.ContainsKey(a.AccountId)))
            noticed.Add(new NoticedAlert(alert, AlertNotice.New));
        var stillFiring = new List<Alert>();
        foreach (var refreshed in changes.Refreshed.Where(a => accounts.ContainsKey(a.AccountId)))
        {
            var alert = refreshed;
            AlertNotice? notice;
            if (alert.State == AlertState.Snoozed && alert.SnoozedUntil is { } until && until <= now)
            {
                // Firing again; the escalation clock restarts from this notification, not from before the snooze.
                var ended = marks.For(alert);
                ended.EndSnooze(new AlertEvent(now, "snooze ended"));
                alert = ended.Apply();
                notice = AlertNotice.SnoozeEnded;
            }
            else notice = NoticeFor(alert, now);
            stillFiring.Add(alert);
            if (notice is { } n) noticed.Add(new NoticedAlert(alert, n));
        }

        var notifications = new List<PlannedNotification>();
        PlanAlertMessages(noticed, accounts, now, notifications, marks);
        PlanEscalations(stillFiring, accounts, now, notifications, marks);
        PlanRecoveries(changes.Resolved.Where(a => accounts.ContainsKey(a.AccountId)).ToList(), now, notifications, marks);
        return new NotificationPlan(notifications, marks);
    }

    private AlertNotice? NoticeFor(Alert alert, DateTimeOffset now) => alert.State switch
    {
        // Firing but never told (e.g. queueing failed last run) is new; told before is a reminder.
        AlertState.Firing => alert.NotifiedAt is null ? AlertNotice.New : AlertNotice.Reminder,
        AlertState.Notified when alert.Severity > (alert.NotifiedSeverity ?? alert.Severity) => AlertNotice.SeverityRose,
        AlertState.Notified when alert.NotifiedAt is not { } at || now - at >= options.RepeatIntervalFor(alert.Severity) => AlertNotice.Reminder,
        // Snoozed (until it ends), Acknowledged (until it resolves) and notified-within-interval alerts stay quiet.
        _ => null,
    };

    private void PlanAlertMessages(List<NoticedAlert> noticed, IReadOnlyDictionary<string, Account> accounts, DateTimeOffset now,
        List<PlannedNotification> notifications, AlertMarksById marks)
    {
        var toOwners = noticed.GroupBy(n => accounts[n.Alert.AccountId].Owner.Email, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Recipient: PersonRecipient(accounts[g.First().Alert.AccountId].Owner), Alerts: g.ToList()));
        var toChannels = noticed
            .Where(n => n.Alert.Severity >= options.ChannelMinimumSeverity)
            .Select(n => (Channel: options.ChannelFor(accounts[n.Alert.AccountId].Segment), Noticed: n))
            .Where(x => x.Channel is not null)
            .GroupBy(x => x.Channel!.TrimStart('#'), StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => (Recipient: Recipient.Channel(g.Key), Alerts: g.Select(x => x.Noticed).ToList()));

        foreach (var (recipient, alerts) in toOwners.Concat(toChannels))
        {
            var critical = alerts.Any(n => n.Alert.Severity == Severity.Critical);
            notifications.Add(Planned(recipient, NotificationKind.Alert, alerts, critical ? now : QuietUntil(recipient, now), now));
        }

        // Alerts of the same owner, channel and notice are told to the same recipients with the same history entry: one
        // copy of each is shared by them (a day's first run at 100k accounts marks some 89k new alerts of a few hundred
        // owners, and a list, recipients and an entry of their own were some 30 MB of the plan).
        var shared = new Dictionary<(string Email, string Name, string? TimeZone, string? Channel, AlertNotice Notice, Severity Severity), (Recipient[] Told, AlertEvent Entry)>();
        foreach (var (alert, notice) in noticed)
        {
            var account = accounts[alert.AccountId];
            var channel = alert.Severity >= options.ChannelMinimumSeverity ? options.ChannelFor(account.Segment) : null;
            var key = (account.Owner.Email, account.Owner.Name, account.Owner.TimeZone, channel, notice, alert.Severity);
            if (!shared.TryGetValue(key, out var told))
                shared[key] = told = Told(account.Owner, channel, notice, alert.Severity, now);
            marks.For(alert).Tell(alert.Severity, told.Told, told.Entry);
        }
    }

    /// <summary>Who an alert's notice goes to (its owner, and its segment's channel when given) and the history entry saying so.</summary>
    private (Recipient[] Told, AlertEvent Entry) Told(Person owner, string? channel, AlertNotice notice, Severity severity, DateTimeOffset now)
    {
        Recipient[] told = channel is null ? [PersonRecipient(owner)] : [PersonRecipient(owner), Recipient.Channel(channel.TrimStart('#'))];
        var what = notice switch
        {
            AlertNotice.SeverityRose => $"notified again, severity rose to {severity}",
            AlertNotice.Reminder => "reminder sent, still firing",
            AlertNotice.SnoozeEnded => "notified again after the snooze",
            _ => "notified",
        };
        return (told, new AlertEvent(now, $"{what}: {string.Join(", ", told.Select(r => r.DisplayName))}"));
    }

    private void PlanEscalations(List<Alert> stillFiring, IReadOnlyDictionary<string, Account> accounts, DateTimeOffset now,
        List<PlannedNotification> notifications, AlertMarksById marks)
    {
        var due = stillFiring
            .Where(a => marks.Find(a.Id) is { } m ? EscalationDue(a, m.State, m.CriticalNotifiedAt, now) : EscalationDue(a, now))
            .Where(a => accounts[a.AccountId].Manager is { } manager && !manager.Email.Equals(accounts[a.AccountId].Owner.Email, StringComparison.OrdinalIgnoreCase))
            .GroupBy(a => accounts[a.AccountId].Manager!.Email, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase);
        foreach (var group in due)
        {
            var manager = PersonRecipient(accounts[group.First().AccountId].Manager!);
            // Escalations are about critical alerts, so they ignore quiet hours.
            notifications.Add(Planned(manager, NotificationKind.Escalation, [.. group.Select(a => new NoticedAlert(Current(a, marks), AlertNotice.Reminder))], now, now));
            var entry = new AlertEvent(now, $"escalated to {manager.DisplayName}: critical and not acknowledged within {options.EscalateCriticalAfterHours.ToString(CultureInfo.InvariantCulture)} h");
            foreach (var alert in group) marks.For(alert).Escalate(manager, entry);
        }
    }

    /// <summary>The alert as this run has marked it so far (a copy made for the few escalations and snoozes that need one).</summary>
    private static Alert Current(Alert alert, AlertMarksById marks) => marks.Find(alert.Id)?.Apply() ?? alert;

    private void PlanRecoveries(List<Alert> resolved, DateTimeOffset now, List<PlannedNotification> notifications, AlertMarksById marks)
    {
        var byRecipient = resolved
            .SelectMany(a => a.NotifiedRecipients.Select(r => (Recipient: r, Alert: a)))
            .GroupBy(x => (x.Recipient.Kind, Key: x.Recipient.Key.ToLowerInvariant()))
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Key, StringComparer.Ordinal);
        foreach (var group in byRecipient)
        {
            var recipient = group.First().Recipient;
            notifications.Add(Planned(recipient, NotificationKind.Recovered, [.. group.Select(x => new NoticedAlert(x.Alert, AlertNotice.New))], QuietUntil(recipient, now), now));
        }
        foreach (var alert in resolved.Where(a => a.NotifiedRecipients.Count > 0))
            marks.For(alert).AddEntry(new AlertEvent(now, "recovery sent: " + string.Join(", ", alert.NotifiedRecipients.Select(r => r.DisplayName))));
    }

    private PlannedNotification Planned(Recipient recipient, NotificationKind kind, IReadOnlyList<NoticedAlert> alerts, DateTimeOffset deliverAfter, DateTimeOffset now) =>
        new(recipient, kind, alerts, deliverAfter, IdempotencyKey(recipient, kind, alerts.Select(a => a.Alert.Id), now));

    /// <summary>
    /// Same recipient, kind, alerts and evaluation hour give the same key, so re-running an evaluation (after a crash
    /// between queueing and storing, say) queues nothing twice.
    /// </summary>
    public static string IdempotencyKey(Recipient recipient, NotificationKind kind, IEnumerable<string> alertIds, DateTimeOffset evaluatedAt)
    {
        var ids = string.Join("\n", alertIds.Order(StringComparer.Ordinal));
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ids)))[..16];
        var hour = evaluatedAt.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);
        return $"alert-{kind.ToString().ToLowerInvariant()}:{recipient.Kind.ToString().ToLowerInvariant()}:{recipient.Key.ToLowerInvariant()}:{hour}:{hash}";
    }

    private DateTimeOffset QuietUntil(Recipient recipient, DateTimeOffset now) => _quietHours.DeliverAfter(now, ZoneOf(recipient));

    private TimeZoneInfo ZoneOf(Recipient recipient)
    {
        if (string.IsNullOrWhiteSpace(recipient.TimeZone)) return businessZone;
        // A person's stored zone that this machine does not know falls back to the business zone rather than failing the run.
        return TimeZoneInfo.TryFindSystemTimeZoneById(recipient.TimeZone, out var zone) ? zone : businessZone;
    }

    /// <summary>The person's own time zone: from the CRM when given, else from the chat platform when it knows it.</summary>
    private Recipient PersonRecipient(Person person) => Recipient.Person(person.Email, person.Name, person.TimeZone ?? platformZones.Find(person.Email));
}
