using CsBot.Core;
using CsBot.Core.Accounts;
using CsBot.Core.Alerts;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Rules;
using CsBot.Core.Scoring;

namespace CsBot.Application.Notifications;

/// <summary>Builds the neutral alert messages: every alert says why, with numbers, and offers its actions.</summary>
public static class AlertMessageBuilder
{
    /// <summary>At most this many alerts are listed in one message; the rest are summarised as "and N more".</summary>
    public const int MaxAlertsPerMessage = 10;

    /// <summary>At most this many accounts' health trends follow one alert message.</summary>
    public const int MaxPicturesPerMessage = 3;

    public static ChatMessage Grouped(IReadOnlyList<Alert> alerts, IReadOnlyDictionary<string, Account> accounts, Func<string, HealthScore?> scoreOf, string currency)
    {
        var ordered = alerts.OrderByDescending(a => a.Severity).ThenBy(a => accounts[a.AccountId].Name, StringComparer.OrdinalIgnoreCase).ToList();
        var accountCount = ordered.Select(a => a.AccountId).Distinct().Count();
        var top = ordered[0].Severity;
        var title = ordered.Count == 1
            ? $"{accounts[ordered[0].AccountId].Name} is at risk"
            : $"{ordered.Count} new churn-risk alerts on {accountCount} account{(accountCount == 1 ? "" : "s")}";

        var sections = ordered.Take(MaxAlertsPerMessage).Select(a => Section(a, accounts[a.AccountId], scoreOf(a.AccountId), currency)).ToList();
        var context = new List<string>();
        if (ordered.Count > MaxAlertsPerMessage) context.Add($"and {ordered.Count - MaxAlertsPerMessage} more");

        return new ChatMessage
        {
            Title = title,
            Severity = top,
            FallbackText = $"{title}: " + string.Join("; ", ordered.Take(3).Select(a => $"{accounts[a.AccountId].Name}: {a.Reason}")),
            Sections = sections,
            Context = context,
            // The health trend of each account alerted on (the first few), after the alert itself.
            FollowedBy = [.. ordered.Select(a => a.AccountId).Distinct().Take(MaxPicturesPerMessage).Select(id => new PictureRequest(PictureKind.HealthTrend, id))],
        };
    }

    public static MessageSection Section(Alert alert, Account account, HealthScore? score, string currency)
    {
        var fields = new List<MessageField> { new("Severity", alert.Severity.ToString()) };
        if (score is not null) fields.Add(new("Health", $"{score.Score} ({score.Band})"));
        fields.Add(new("ARR", Format.Money(account.Arr, currency)));
        if (account.RenewalDate is { } renewal) fields.Add(new("Renewal", Format.Date(renewal)));

        return new MessageSection
        {
            Heading = $"{account.Name}: {RuleNames.Words(alert.RuleId)}",
            Text = alert.Reason,
            Fields = fields,
            Account = new AccountLink(account.Id, account.Name),
            Actions = Actions(alert, account),
        };
    }

    public static IReadOnlyList<MessageAction> Actions(Alert alert, Account account)
    {
        var actions = new List<MessageAction>
        {
            new(ActionKind.Acknowledge, "Acknowledge", alert.Id, ActionStyle.Primary),
            new(ActionKind.Snooze1Day, "Snooze 1 day", alert.Id),
            new(ActionKind.Snooze7Days, "Snooze 7 days", alert.Id),
        };
        if (account.RenewalDate is not null) actions.Add(new(ActionKind.SnoozeUntilRenewal, "Snooze until renewal", alert.Id));
        actions.Add(new(ActionKind.Why, "Why?", account.Id));
        return actions;
    }

    public static string SeverityLabel(Severity severity) => severity.ToString().ToLowerInvariant();
}
