using CsBot.Application.Alerts;
using CsBot.Core.Alerts;
using CsBot.Core.Messaging;
using CsBot.Core.Querying;
using CsBot.Core.Rules;

namespace CsBot.Application.Asking;

/// <summary>
/// "ack Initech usage-cliff", "snooze the Hooli alert for a week": finds the open alert meant and applies the
/// same action its button would. Several candidates become a choice with one button each.
/// </summary>
public static class AlertCommands
{
    /// <param name="rules">The configured rules, whose names in words the answer for all of an account's alerts uses.</param>
    public static ChatMessage Handle(AskContext ctx, IAlertActions actions, IReadOnlyList<RuleDefinition>? rules = null)
    {
        var q = ctx.Question;
        var kind = q.Intent == IntentKind.Acknowledge ? ActionKind.Acknowledge : SnoozeKind(q.Snooze);
        if (kind is null) return HelpMessages.Refused("I can snooze an alert for 1 day, 7 days or until the account's renewal.");
        if (q.AllAlerts) return AllAlertsCommand.Handle(ctx, actions, kind.Value, rules ?? []);
        if (string.IsNullOrWhiteSpace(q.AlertText))
            return HelpMessages.Refused("Which alert? Name the account and, if it has several, the rule, e.g. \"ack Initech usage-cliff\".");

        var (candidates, refusal) = Candidates(ctx, q.AlertText);
        if (refusal is not null) return refusal;
        if (candidates.Count == 1) return actions.Apply(kind.Value, candidates[0].Id, ctx.Asker).Reply;
        if (candidates.Count == 0) return HelpMessages.Refused($"I found no open alert matching \"{q.AlertText}\".");
        return new ChatMessage
        {
            Title = "Which alert did you mean?",
            Sections = [new MessageSection { Text = string.Join("\n", candidates.Select(a => $"{Name(ctx, a)}, {RuleNames.Words(a.RuleId)}: {a.Reason}")) }],
            Actions = [.. candidates.Take(5).Select(a => new MessageAction(kind.Value, $"{Name(ctx, a)}: {RuleNames.Words(a.RuleId)}", a.Id))],
        };
    }

    /// <summary>
    /// The open alerts the text names, on accounts the asker may see only: the choice lists each alert's reason, whose
    /// numbers are what the health answer refuses to show. A named account the asker may not see is refused as
    /// "health of" refuses it.
    /// </summary>
    private static (List<Alert> Alerts, ChatMessage? Refusal) Candidates(AskContext ctx, string text)
    {
        var open = ctx.Alerts.Open.Where(a => a.State != AlertState.Resolved).ToList();
        // Rule ids are configuration, not customer data: they are recognised whoever's alerts carry them.
        var mention = RuleMentions.Find(text, open.Select(a => a.RuleId).Distinct());
        var rule = mention?.RuleId;
        var accountText = mention?.Remainder ?? text;
        accountText = accountText.Replace(" alert", " ", StringComparison.OrdinalIgnoreCase).Replace("the ", " ", StringComparison.OrdinalIgnoreCase).Trim();

        var match = accountText.Length == 0 ? null : ctx.Match(accountText);
        if (match is { Outcome: Asking.MatchOutcome.Found } && ctx.Refusal(match.Account!) is { } why) return ([], HelpMessages.Refused(why));
        var accountIds = match?.Outcome switch
        {
            Asking.MatchOutcome.Found => [match.Account!.Id],
            Asking.MatchOutcome.Ambiguous => match.Candidates.Select(c => c.Id).ToHashSet(),
            _ => rule is null ? [] : open.Select(a => a.AccountId).ToHashSet(),
        };
        return ([.. open.Where(a => accountIds.Contains(a.AccountId) && (rule is null || a.RuleId == rule) && ctx.MaySee(a)).OrderByDescending(a => a.Severity)], null);
    }

    private static ActionKind? SnoozeKind(SnoozeDuration? duration) => duration switch
    {
        null => ActionKind.Snooze1Day,
        { UntilRenewal: true } => ActionKind.SnoozeUntilRenewal,
        { Days: 1 } => ActionKind.Snooze1Day,
        { Days: 7 } => ActionKind.Snooze7Days,
        _ => null,
    };

    private static string Name(AskContext ctx, Alert alert) =>
        ctx.Portfolio.AccountOf(alert.AccountId)?.Name ?? alert.AccountId;
}
