using System.Globalization;
using CsBot.Application.Alerts;
using CsBot.Application.Notifications;
using CsBot.Application.ReadModel;
using CsBot.Application.Time;
using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Ports;
using Microsoft.Extensions.Logging;

namespace CsBot.Application.Nudges;

/// <summary>
/// Reminds people of alerts they let sit, without pinging per alert:
/// <list type="bullet">
/// <item>an acknowledged alert still firing <see cref="AlertingOptions.AcknowledgedReminderHours"/> after it was
/// acknowledged (or handed over) reminds whoever holds it, once per interval, in the thread of the message that
/// told them, with "Handled", snooze and "Hand over" buttons; each reminder is recorded in the alert's history,
/// which is also what tells when the next is due;</item>
/// <item>a CSM whose High or Critical alerts have waited unacknowledged for a working day gets one summary in their
/// morning (from the end of their quiet hours until noon, working days, in their time zone), at most one a day.</item>
/// </list>
/// Everything goes through the outbox; idempotency keys make a re-run within the same interval or day queue nothing.
/// </summary>
public sealed class AlertNudges(IAlertStore alerts, IOutbox outbox, IPortfolioStore portfolio, PortfolioView view, AlertingOptions options,
    BusinessClock clock, IRecipientTimeZones zones, ILogger<AlertNudges> logger)
{
    public const string Nudged = "nudged ";
    public static readonly TimeSpan WaitingFor = TimeSpan.FromDays(1);
    public static readonly TimeOnly MorningEnds = new(12, 0);

    private readonly QuietHours _quietHours = new(options.QuietHours);

    public NudgeRunSummary Run()
    {
        var now = clock.Now;
        var open = alerts.GetOpen();
        var reminders = RemindHolders(open, now);
        var summaries = SummariseMornings(open, now);
        if (reminders + summaries > 0) logger.LogInformation("Queued {Reminders} acknowledged-alert reminders and {Summaries} morning summaries", reminders, summaries);
        return new NudgeRunSummary(reminders, summaries);
    }

    private int RemindHolders(IReadOnlyList<Alert> open, DateTimeOffset now)
    {
        var interval = TimeSpan.FromHours(options.AcknowledgedReminderHours);
        var queued = 0;
        foreach (var alert in open.Where(a => a.State == AlertState.Acknowledged))
        {
            if (AcknowledgedFollowUps.Holder(alert) is not { Email: { } email } holder || portfolio.GetAccount(alert.AccountId) is not { } account) continue;
            var nudges = alert.History.Where(e => e.At >= holder.Since && e.What.StartsWith(Nudged, StringComparison.Ordinal)).ToList();
            var last = nudges.Count > 0 ? nudges[^1].At : holder.Since;
            if (now - last < interval) continue;

            var recipient = Recipient.Person(email, holder.Name, zones.Find(email));
            var parent = alert.Announcements.LastOrDefault(a => a.Recipient.Kind == RecipientKind.User && a.Recipient.Key.Equals(email, StringComparison.OrdinalIgnoreCase));
            var colleagues = view.Portfolio.Accounts.Where(a => a.Segment == account.Segment).Select(a => a.Owner)
                .Concat(view.Portfolio.Owners)
                .Where(p => !p.Email.Equals(email, StringComparison.OrdinalIgnoreCase))
                .DistinctBy(p => p.Email.ToLowerInvariant());
            var message = NudgeMessages.Reminder(alert, account, holder.Name, holder.Since, colleagues, now);
            var key = $"alert-nudge:{alert.Id}:{holder.Since.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{nudges.Count + 1}";
            var outgoing = new OutgoingMessage(recipient, message, key) { Link = parent is null ? null : new MessageLink(MessageLinkKind.Reply, parent.MessageKey) };
            if (outbox.Enqueue(outgoing, _quietHours.DeliverAfter(now, ZoneOf(recipient)))) queued++;
            alerts.Upsert([alert with { History = [.. alert.History, new AlertEvent(now, $"{Nudged}{holder.Name}: acknowledged {Span(now - holder.Since)} ago and still firing")] }]);
        }
        return queued;
    }

    private int SummariseMornings(IReadOnlyList<Alert> open, DateTimeOffset now)
    {
        var queued = 0;
        var waiting = open
            .Where(a => a.State is AlertState.Notified or AlertState.Firing && a.Severity >= Severity.High)
            .Select(a => (Alert: a, Account: portfolio.GetAccount(a.AccountId), Since: a.Announcements.FirstOrDefault()?.At ?? a.NotifiedAt))
            .Where(x => x.Account is not null && x.Since is { } since && now - since >= WaitingFor)
            .GroupBy(x => x.Account!.Owner.Email, StringComparer.OrdinalIgnoreCase);
        foreach (var group in waiting)
        {
            var owner = group.First().Account!.Owner;
            var recipient = Recipient.Person(owner.Email, owner.Name, owner.TimeZone ?? zones.Find(owner.Email));
            var local = TimeZoneInfo.ConvertTime(now, ZoneOf(recipient));
            if (!IsMorning(local)) continue;
            var items = group.OrderByDescending(x => x.Alert.Severity).ThenBy(x => x.Since).Select(x => (x.Alert, x.Account!, x.Since!.Value)).ToList();
            var key = $"alert-morning-summary:{owner.Email.ToLowerInvariant()}:{local:yyyyMMdd}";
            if (outbox.Enqueue(new OutgoingMessage(recipient, NudgeMessages.MorningSummary(owner.Name, items), key), now)) queued++;
        }
        return queued;
    }

    /// <summary>A working morning: from the end of quiet hours until noon, and not a weekend when weekends are quiet.</summary>
    private bool IsMorning(DateTimeOffset local)
    {
        if (options.QuietHours.Weekends && local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return false;
        var start = TimeOnly.TryParse(options.QuietHours.End, CultureInfo.InvariantCulture, out var end) ? end : new TimeOnly(8, 0);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return time >= start && time < MorningEnds;
    }

    private TimeZoneInfo ZoneOf(Recipient recipient) =>
        recipient.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : clock.Zone;

    private static string Span(TimeSpan span) => span.TotalHours < 48 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalDays} days";
}

/// <summary>What one nudge run queued.</summary>
public sealed record NudgeRunSummary(int Reminders, int MorningSummaries);
