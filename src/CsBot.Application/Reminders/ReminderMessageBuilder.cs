using CsBot.Application.Asking;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Reminders;
using CsBot.Core.Scoring;

namespace CsBot.Application.Reminders;

/// <summary>A renewal or notice-deadline reminder: what is at stake (ARR), how healthy the account is, its trend and open alerts.</summary>
public static class ReminderMessageBuilder
{
    public static ChatMessage Build(PlannedReminder reminder, HealthScore? score, IReadOnlyList<ScorePoint> history, IReadOnlyList<Alert> openAlerts, DateOnly today, string currency)
    {
        var account = reminder.Account;
        var renewal = reminder.Key.RenewalDate;
        var when = $"{Format.Date(reminder.Target)} ({Days(reminder.DaysLeft)})";
        var (title, text) = reminder.Key.Kind switch
        {
            ReminderKind.NoticeDeadline => (
                $"{account.Name}: notice deadline in {Days(reminder.DaysLeft)}",
                $"The contract auto-renews on {Format.Date(renewal)} unless the customer gives notice by {Format.Date(reminder.Target)}."),
            _ => (
                $"{account.Name} renews in {Days(reminder.DaysLeft)}",
                $"Renewal on {Format.Date(renewal)}{(account.AutoRenew ? ", auto-renews" : "")}."),
        };

        var fields = new List<MessageField>
        {
            new("ARR at stake", Format.Money(account.Arr, currency)),
            new("Health", score is null ? "not scored yet" : $"{score.Score} ({score.Band})"),
            new("Trend", score is null ? "no history yet" : HealthAnswerBuilder.Trend(score, history, today)),
            new(reminder.Key.Kind == ReminderKind.NoticeDeadline ? "Notice by" : "Renewal", when),
            new("Open alerts", Format.Count(openAlerts.Count)),
        };
        var sections = new List<MessageSection>
        {
            new() { Text = text, Fields = fields, Account = new AccountLink(account.Id, account.Name) },
        };
        if (openAlerts.Count > 0)
        {
            sections.Add(new MessageSection
            {
                Heading = "Open alerts",
                Text = string.Join("\n", openAlerts.OrderByDescending(a => a.Severity).Select(a => $"[{a.Severity}] {a.Reason}")),
            });
        }

        return new ChatMessage
        {
            Title = title,
            Severity = SeverityFor(score, openAlerts),
            FallbackText = $"{title}: {Format.Money(account.Arr, currency)} ARR, health {(score is null ? "not scored yet" : $"{score.Score} ({score.Band})")}",
            Sections = sections,
            Actions = [new MessageAction(ActionKind.Why, "Why?", account.Id)],
            Context = [$"{Label(reminder.Key.Kind)} reminder {reminder.Key.OffsetDays} days before"],
        };
    }

    private static string Days(int days) => Format.Count(days, "day");

    private static string Label(ReminderKind kind) => kind == ReminderKind.NoticeDeadline ? "Notice-deadline" : "Renewal";

    // A renewal is as urgent as the account is unhealthy: poor health or an open alert at renewal time is a risk to act on.
    private static Severity SeverityFor(HealthScore? score, IReadOnlyList<Alert> openAlerts)
    {
        var fromBand = score?.Band switch
        {
            HealthBand.Poor => Severity.High,
            HealthBand.Average => Severity.Warning,
            _ => Severity.Info,
        };
        return openAlerts.Count == 0 ? fromBand : (Severity)Math.Max((int)fromBand, (int)openAlerts.Max(a => a.Severity));
    }
}
