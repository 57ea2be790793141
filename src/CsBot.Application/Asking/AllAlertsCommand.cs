using CsBot.Application.Alerts;
using CsBot.Core.Alerts;
using CsBot.Core.Formatting;
using CsBot.Core.Messaging;
using CsBot.Core.Rules;

namespace CsBot.Application.Asking;

/// <summary>
/// "ack every hooli alert", "snooze all of initech's alerts for a week": the same action as one alert's button, applied
/// to each open alert of one account, each through <see cref="IAlertActions"/> so every one is checked and recorded
/// as a single press would be. The answer counts what was done, names the rules in words, and lists any alert that was
/// not done with why, so a partial run never reads as complete.
/// </summary>
internal static class AllAlertsCommand
{
    public static ChatMessage Handle(AskContext ctx, IAlertActions actions, ActionKind kind, IReadOnlyList<RuleDefinition> rules)
    {
        var verb = kind == ActionKind.Acknowledge ? "acknowledge" : "snooze";
        var typed = ctx.Question.AlertText;
        if (string.IsNullOrWhiteSpace(typed))
            return HelpMessages.Refused($"Whose alerts? Name the account, e.g. \"{verb} all Hooli alerts\".");

        var match = ctx.Match(typed);
        if (match.Outcome == MatchOutcome.Ambiguous)
        {
            return new ChatMessage
            {
                Title = $"Which account's alerts did you mean by \"{typed}\"?",
                FallbackText = "Several accounts match: " + string.Join(", ", match.Candidates.Select(a => a.Name)),
                Actions = [.. match.Candidates.Take(5).Select(a => new MessageAction(ActionKind.Choose, a.Name, Command(kind, a.Name)))],
            };
        }
        if (match.Outcome != MatchOutcome.Found)
            return HelpMessages.NoSuchAccount(typed, [], ctx.Question.Intent, onlyVisible: !ctx.Access.SeesEveryBook(ctx.Role));
        var account = match.Account!;
        if (ctx.Refusal(account) is { } why) return HelpMessages.Refused(why);

        var open = ctx.Alerts.ForAccount(account.Id).Where(a => a.IsOpen).OrderByDescending(a => a.Severity).ToList();
        // An acknowledged alert is already answered: acknowledging it again changes nothing, and snoozing it would
        // bring back the reminders the acknowledgement stopped.
        var already = open.Where(a => a.State == AlertState.Acknowledged).ToList();
        var todo = open.Except(already).ToList();
        if (todo.Count == 0)
        {
            var none = open.Count == 0
                ? $"{account.Name} has no open alerts to {verb}"
                : $"{account.Name}'s {Alerts(already.Count)} {(already.Count == 1 ? "is" : "are")} already acknowledged";
            return new ChatMessage
            {
                Title = none,
                FallbackText = none,
                Sections = already.Count == 0 ? [] : [new MessageSection { Text = Names(already, rules) }],
            };
        }

        var done = new List<(Alert Alert, AlertActionOutcome Outcome)>();
        var failed = new List<(Alert Alert, string Why)>();
        foreach (var alert in todo)
        {
            try
            {
                var outcome = actions.Apply(kind, alert.Id, ctx.Asker);
                if (outcome.Applied) done.Add((alert, outcome));
                else failed.Add((alert, Reason(outcome.Reply)));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One alert failing must not hide what was already done to the others.
                failed.Add((alert, "something went wrong; try it again on its own"));
            }
        }

        var past = kind == ActionKind.Acknowledge ? "Acknowledged" : "Snoozed";
        var title = failed.Count == 0
            ? $"{past} {Alerts(done.Count)} on {account.Name}{For(kind, done)}"
            : done.Count == 0
                ? $"None of {account.Name}'s {Alerts(todo.Count)} could be {(kind == ActionKind.Acknowledge ? "acknowledged" : "snoozed")}"
                : $"{past} {done.Count} of {Alerts(todo.Count)} on {account.Name}{For(kind, done)}";
        var sections = new List<MessageSection>();
        if (done.Count > 0) sections.Add(new MessageSection { Heading = past, Text = Names(done.Select(d => d.Alert), rules) });
        if (failed.Count > 0)
            sections.Add(new MessageSection
            {
                Heading = "Not done",
                Text = string.Join("\n", failed.Select(f => $"{Capital(RuleNames.Of(f.Alert.RuleId, rules))}: {f.Why}")),
            });
        if (already.Count > 0) sections.Add(new MessageSection { Heading = "Already acknowledged", Text = Names(already, rules) });
        return new ChatMessage
        {
            Title = title,
            FallbackText = title,
            Sections = sections,
        };
    }

    /// <summary>The typed command for one account, for the choice buttons: pressed, it is asked as if typed.</summary>
    private static string Command(ActionKind kind, string account) => kind switch
    {
        ActionKind.Acknowledge => $"ack all {account} alerts",
        ActionKind.Snooze7Days => $"snooze all {account} alerts for 7 days",
        ActionKind.SnoozeUntilRenewal => $"snooze all {account} alerts until renewal",
        _ => $"snooze all {account} alerts for 1 day",
    };

    /// <summary>" until 2026-12-03 10:00 UTC" from what the snoozes recorded; nothing for an acknowledgement.</summary>
    private static string For(ActionKind kind, List<(Alert Alert, AlertActionOutcome Outcome)> done)
    {
        if (kind == ActionKind.Acknowledge) return "";
        var until = done.Select(d => d.Outcome.Alert?.SnoozedUntil).Where(u => u is not null).Select(u => u!.Value).Distinct().ToList();
        return until.Count == 1 ? $" until {Format.Instant(until[0])}" : "";
    }

    private static string Names(IEnumerable<Alert> alerts, IReadOnlyList<RuleDefinition> rules) =>
        string.Join("\n", alerts.Select(a => $"{Capital(RuleNames.Of(a.RuleId, rules))} ({a.Severity})"));

    /// <summary>What the refusal said, in one line: its text, else its title.</summary>
    private static string Reason(ChatMessage reply) =>
        reply.Sections.FirstOrDefault(s => !string.IsNullOrWhiteSpace(s.Text))?.Text ?? reply.Title;

    private static string Alerts(int n) => Format.Count(n, "alert");

    private static string Capital(string s) => s.Length == 0 || char.IsUpper(s[0]) ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
