using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Rules;

namespace CsBot.Application.Nudges;

/// <summary>What the nudges say: the reminder to whoever acknowledged an alert that keeps firing, and the morning summary.</summary>
public static class NudgeMessages
{
    /// <summary>At most this many "Hand over to" buttons, so the reminder stays one short row of choices.</summary>
    public const int MaxHandOverChoices = 3;

    public static ChatMessage Reminder(Alert alert, Account account, string holderName, DateTimeOffset since, IEnumerable<Person> handOverTo, DateTimeOffset now)
    {
        var days = Math.Max(1, (int)Math.Floor((now - since).TotalDays));
        var title = $"Still firing: {account.Name} ({RuleNames.Words(alert.RuleId)})";
        var actions = new List<MessageAction>
        {
            new(ActionKind.Handled, "Handled", alert.Id, ActionStyle.Primary),
            new(ActionKind.Snooze7Days, "Snooze 7 days", alert.Id),
        };
        actions.AddRange(handOverTo.Take(MaxHandOverChoices).Select(p => new MessageAction(ActionKind.HandOver, $"Hand over to {p.Name}", $"{alert.Id}|{p.Email}")));
        return new ChatMessage
        {
            Title = title,
            Severity = alert.Severity,
            FallbackText = $"{title}: acknowledged by {holderName} {days} day{(days == 1 ? "" : "s")} ago",
            Sections =
            [
                new MessageSection
                {
                    Heading = $"{account.Name}: {RuleNames.Words(alert.RuleId)}",
                    Text = $"{holderName}, you acknowledged this {days} day{(days == 1 ? "" : "s")} ago ({Format.Instant(since)}) and it still fires: {alert.Reason}\n"
                        + "If you dealt with it, press Handled; otherwise snooze it or hand it to a colleague.",
                    Account = new AccountLink(account.Id, account.Name),
                    Actions = actions,
                },
            ],
        };
    }

    /// <summary>To the CSM an alert was handed to: what it is and who gave it to them, with the same choices as a reminder.</summary>
    public static ChatMessage HandedOver(Alert alert, Account account, string byName)
    {
        var title = $"{byName} handed you an alert: {account.Name} ({RuleNames.Words(alert.RuleId)})";
        return new ChatMessage
        {
            Title = title,
            Severity = alert.Severity,
            FallbackText = title,
            Sections =
            [
                new MessageSection
                {
                    Heading = $"{account.Name}: {RuleNames.Words(alert.RuleId)}",
                    Text = $"It still fires: {alert.Reason}\nIt counts as acknowledged by you now; I'll remind you if it keeps firing.",
                    Account = new AccountLink(account.Id, account.Name),
                    Actions = [new(ActionKind.Handled, "Handled", alert.Id, ActionStyle.Primary), new(ActionKind.Snooze7Days, "Snooze 7 days", alert.Id)],
                },
            ],
        };
    }

    public static ChatMessage MorningSummary(string ownerName, IReadOnlyList<(Alert Alert, Account Account, DateTimeOffset Since)> waiting)
    {
        var title = waiting.Count == 1
            ? $"Good morning {ownerName}: 1 high-priority alert is still waiting for you"
            : $"Good morning {ownerName}: {waiting.Count} high-priority alerts are still waiting for you";
        var sections = waiting.Take(Notifications.AlertMessageBuilder.MaxAlertsPerMessage).Select(w => new MessageSection
        {
            Heading = $"{w.Account.Name}: {RuleNames.Words(w.Alert.RuleId)}",
            Text = $"{w.Alert.Severity}, unacknowledged since {Format.Instant(w.Since)}: {w.Alert.Reason}",
            Account = new AccountLink(w.Account.Id, w.Account.Name),
            Actions = Notifications.AlertMessageBuilder.Actions(w.Alert, w.Account),
        }).ToList();
        var context = new List<string> { "One summary a morning instead of a ping per alert." };
        if (waiting.Count > Notifications.AlertMessageBuilder.MaxAlertsPerMessage) context.Add($"and {waiting.Count - Notifications.AlertMessageBuilder.MaxAlertsPerMessage} more");
        return new ChatMessage { Title = title, Severity = waiting.Max(w => w.Alert.Severity), FallbackText = title, Sections = sections, Context = context };
    }
}
