using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;

namespace CsBot.Application.Notifications;

/// <summary>Renders a <see cref="PlannedNotification"/> as a neutral message: alert list, manager escalation or "recovered" note.</summary>
public static class NotificationMessageBuilder
{
    public static ChatMessage Build(PlannedNotification notification, IReadOnlyDictionary<string, Account> accounts, Func<string, HealthScore?> scoreOf, string currency) =>
        notification.Kind switch
        {
            NotificationKind.Escalation => Escalation(notification.Alerts, accounts, scoreOf, currency),
            NotificationKind.Recovered => Recovered(notification.Alerts, accounts),
            _ => Alerts(notification.Alerts, accounts, scoreOf, currency),
        };

    private static ChatMessage Alerts(IReadOnlyList<NoticedAlert> noticed, IReadOnlyDictionary<string, Account> accounts, Func<string, HealthScore?> scoreOf, string currency)
    {
        var message = AlertMessageBuilder.Grouped([.. noticed.Select(n => n.Alert)], accounts, scoreOf, currency);
        if (noticed.All(n => n.Notice == AlertNotice.New)) return message;

        var byId = noticed.ToDictionary(n => n.Alert.Id);
        var sections = message.Sections.Select(section =>
            AlertIdOf(section) is { } id && byId.TryGetValue(id, out var n) && NoticeLine(n) is { } line
                ? section with { Text = section.Text + "\n" + line }
                : section).ToList();
        var title = noticed.Count == 1
            ? message.Title
            : $"{noticed.Count} churn-risk alerts need your attention on {noticed.Select(n => n.Alert.AccountId).Distinct().Count()} accounts";
        return message with { Title = title, Sections = sections, FallbackText = title + ": " + string.Join("; ", noticed.Take(3).Select(n => $"{accounts[n.Alert.AccountId].Name}: {n.Alert.Reason}")) };
    }

    private static ChatMessage Escalation(IReadOnlyList<NoticedAlert> noticed, IReadOnlyDictionary<string, Account> accounts, Func<string, HealthScore?> scoreOf, string currency)
    {
        var alerts = noticed.Select(n => n.Alert).OrderBy(a => accounts[a.AccountId].Name, StringComparer.OrdinalIgnoreCase).ToList();
        var title = alerts.Count == 1
            ? $"Escalation: {accounts[alerts[0].AccountId].Name} has a critical alert nobody acknowledged"
            : $"Escalation: {alerts.Count} critical alerts nobody acknowledged";
        var sections = alerts.Take(AlertMessageBuilder.MaxAlertsPerMessage).Select(a =>
        {
            var account = accounts[a.AccountId];
            var section = AlertMessageBuilder.Section(a, account, scoreOf(a.AccountId), currency);
            var told = a.CriticalNotifiedAt is { } at ? $" since {Format.Instant(at)}" : "";
            return section with { Text = $"{section.Text}\nOwner {account.Owner.Name} was told{told} and has not acknowledged it." };
        }).ToList();
        var context = new List<string> { "You get this because you manage the owner. Acknowledging it here stops further reminders." };
        if (alerts.Count > AlertMessageBuilder.MaxAlertsPerMessage) context.Add($"and {alerts.Count - AlertMessageBuilder.MaxAlertsPerMessage} more");
        return new ChatMessage { Title = title, Severity = Severity.Critical, FallbackText = title, Sections = sections, Context = context };
    }

    private static ChatMessage Recovered(IReadOnlyList<NoticedAlert> noticed, IReadOnlyDictionary<string, Account> accounts)
    {
        var alerts = noticed.Select(n => n.Alert).OrderBy(a => accounts[a.AccountId].Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.RuleId, StringComparer.Ordinal).ToList();
        var title = alerts.Count == 1
            ? $"Recovered: {accounts[alerts[0].AccountId].Name} ({RuleNames.Words(alerts[0].RuleId)})"
            : $"{alerts.Count} churn-risk alerts recovered";
        var sections = alerts.Take(AlertMessageBuilder.MaxAlertsPerMessage).Select(a => new MessageSection
        {
            Heading = $"{accounts[a.AccountId].Name}: {RuleNames.Words(a.RuleId)}",
            Text = $"No longer firing (was: {a.Reason}). Open since {Format.Instant(a.FirstFiredAt)}.",
            Account = new AccountLink(a.AccountId, accounts[a.AccountId].Name),
        }).ToList();
        var context = alerts.Count > AlertMessageBuilder.MaxAlertsPerMessage ? new List<string> { $"and {alerts.Count - AlertMessageBuilder.MaxAlertsPerMessage} more" } : [];
        return new ChatMessage { Title = title, FallbackText = title, Sections = sections, Context = context };
    }

    private static string? NoticeLine(NoticedAlert noticed) => noticed.Notice switch
    {
        AlertNotice.SeverityRose => $"Severity rose from {noticed.Alert.NotifiedSeverity} to {noticed.Alert.Severity}.",
        AlertNotice.Reminder => $"Reminder: still firing since {Format.Instant(noticed.Alert.FirstFiredAt)}.",
        AlertNotice.SnoozeEnded => $"Snooze ended and it is still firing (since {Format.Instant(noticed.Alert.FirstFiredAt)}).",
        _ => null,
    };

    /// <summary>The alert a section is about, read from its Acknowledge button.</summary>
    public static string? AlertIdOf(MessageSection section) =>
        section.Actions.FirstOrDefault(a => a.Kind == ActionKind.Acknowledge)?.Value;
}
