using CsBot.Core.Accounts;
using CsBot.Core.Messaging;
using CsBot.Core.Querying;

namespace CsBot.Application.Asking;

/// <summary>The short replies: help, "did you mean", no such account, no data, and the polite failure.</summary>
public static class HelpMessages
{
    public static readonly IReadOnlyList<string> Examples =
    [
        "health of Acme Corp", "why is Initech at risk?", "who owns Initech?", "is Hooli trending up?", "at-risk accounts", "my accounts", "renewals in the next 60 days",
        "what was NRR last quarter?", "NPS this year", "top movers this week", "accounts with overdue invoices", "ack Initech usage-cliff",
    ];

    private static readonly (string[] Words, string[] Examples)[] TopicExamples =
    [
        (["renew", "contract", "expir"], ["renewals in the next 60 days", "renewals this quarter", "what renews in March?"]),
        (["nrr", "grr", "churn", "retention", "nps", "csat", "ces", "revenue", "metric", "clv", "ltv", "ratio", "adoption", "sticki"], ["what was NRR last quarter?", "churn in October", "NPS this year", "GRR for Enterprise in 2026", "CSAT last 90 days"]),
        (["risk", "poor", "red", "bad", "overdue", "invoice", "mover", "drop"], ["at-risk accounts", "at risk for Dana", "poor health in Enterprise", "accounts with overdue invoices", "top movers this week", "accounts with open critical tickets", "usage cliffs"]),
        (["ack", "snooze", "alert", "mute"], ["ack Initech usage-cliff", "snooze the Hooli alert for 7 days", "snooze Soylent Foods until renewal", "ack every Hooli alert"]),
        (["digest", "subscribe", "weekly"], ["subscribe this channel to the weekly digest", "unsubscribe"]),
    ];

    public static ChatMessage Help() => new()
    {
        Title = "Ask me about your accounts",
        FallbackText = "Try: " + string.Join(", ", Examples),
        Sections = [new MessageSection { Text = "Try:\n" + string.Join("\n", Examples.Select(e => "  " + e)) }],
    };

    /// <summary>A short help whose examples fit what was typed: renewal wording gets renewal examples, and so on.</summary>
    public static ChatMessage NotUnderstood(string text)
    {
        var examples = ExamplesFor(text);
        return new ChatMessage
        {
            Title = $"I didn't understand \"{text.Trim()}\"",
            FallbackText = "Try: " + string.Join(", ", examples),
            Sections = [new MessageSection { Text = "Try:\n" + string.Join("\n", examples.Select(e => "  " + e)) }],
            Actions = [.. examples.Take(3).Select(e => new MessageAction(ActionKind.Choose, e, e))],
        };
    }

    /// <summary>Examples that fit what was typed (renewal wording gets renewal examples...); the first general ones otherwise.</summary>
    public static IReadOnlyList<string> ExamplesFor(string text)
    {
        var lower = text.ToLowerInvariant();
        var fitting = TopicExamples.Where(t => t.Words.Any(w => lower.Contains(w, StringComparison.Ordinal))).SelectMany(t => t.Examples).Distinct().ToList();
        return fitting.Count > 0 ? fitting : [.. Examples.Take(6)];
    }

    public static ChatMessage Refused(string why) => new()
    {
        Title = why,
        FallbackText = why,
    };

    public static ChatMessage NotAnOwner(Asker asker) => Refused(
        $"I can't tell which accounts are yours: your {asker.Platform} account isn't linked to a CSM (no account owner has your email or user id).");

    public static ChatMessage NoSuchOwner(string typed, IReadOnlyList<Person> owners) => new()
    {
        Title = $"I don't know a CSM called \"{typed}\"",
        Sections = [new MessageSection { Text = "Account owners: " + string.Join(", ", owners.Select(o => o.Name)) }],
    };

    public static ChatMessage NoSuchSegment(string typed, IReadOnlyList<string> segments) => new()
    {
        Title = $"There is no segment called \"{typed}\"",
        Sections = [new MessageSection { Text = "Segments: " + string.Join(", ", segments) }],
    };

    /// <param name="fact">The fact asked for (AccountFact), so each choice asks it again about that account.</param>
    public static ChatMessage DidYouMean(string typed, IReadOnlyList<Account> candidates, IntentKind intent, AccountFactKind? fact = null) => new()
    {
        Title = "Which account did you mean?",
        FallbackText = $"\"{typed}\" matches {candidates.Count} accounts: {string.Join(", ", candidates.Select(c => c.Name))}",
        Sections = [new MessageSection { Text = $"\"{typed}\" matches {candidates.Count} accounts." }],
        Actions = [.. candidates.Take(5).Select(c => new MessageAction(ActionKind.Choose, c.Name, FollowUp(intent, c, fact)))],
    };

    /// <param name="onlyVisible">True when the asker sees only their own book: the suggestions come from it alone, and the reply says so.</param>
    public static ChatMessage NoSuchAccount(string typed, IReadOnlyList<Account> suggestions, IntentKind intent, bool onlyVisible = false, AccountFactKind? fact = null) => new()
    {
        Title = $"I couldn't find an account called \"{typed}\"",
        FallbackText = suggestions.Count == 0 ? "No matching account." : "Closest: " + string.Join(", ", suggestions.Select(s => s.Name)),
        Sections = [new MessageSection { Text = (suggestions.Count, onlyVisible) switch
        {
            (0, false) => "No account has a similar name, alias or domain.",
            (0, true) => "None of the accounts you can see has a similar name, alias or domain. Other CSMs' accounts are visible to their owners and to managers only.",
            (_, false) => "Closest matches:",
            (_, true) => "Closest matches among the accounts you can see:",
        } }],
        Actions = [.. suggestions.Select(c => new MessageAction(ActionKind.Choose, c.Name, FollowUp(intent, c, fact)))],
    };

    /// <summary>
    /// For a CSM who sees only their own book and owns no account: an empty list would read as good news, so say why
    /// it is empty and what would change that.
    /// </summary>
    public static ChatMessage NoBook(Asker asker, string listed)
    {
        var who = asker.Email is { } email ? $"as {email}" : $"as {asker.DisplayName} on {asker.Platform}, with no email I can match";
        var title = $"You don't own any accounts ({who}), so there are no {listed} in your book";
        return new ChatMessage
        {
            Title = title,
            FallbackText = title,
            Sections =
            [
                new MessageSection
                {
                    Text = "Here CSMs see the accounts they own, and managers see every book. If some accounts should be yours, ask whoever "
                        + (asker.Email is null
                            ? $"keeps the CRM to set you as their owner, and make sure your {asker.Platform} profile shows the same email. "
                            : "keeps the CRM to set you as their owner with this email. ")
                        + "If you lead CSMs, ask an admin to list you as a manager.",
                },
            ],
        };
    }

    public static ChatMessage NoData(Account account) => new()
    {
        Title = $"No health data for {account.Name} yet",
        Sections = [new MessageSection { Text = "It has no signals stored. Send usage, tickets or surveys and it will be scored on the next run." }],
    };

    public static ChatMessage Failure() => new()
    {
        Title = "Sorry, something went wrong answering that",
        Sections = [new MessageSection { Text = "The error has been logged. Please try again, or ask \"help\"." }],
    };

    private static string FollowUp(IntentKind intent, Account account, AccountFactKind? fact) => intent switch
    {
        IntentKind.Why => $"why is {account.Name} at risk",
        IntentKind.AccountTrend => $"{account.Name} health trend",
        IntentKind.AccountFact when fact is { } f => FactAnswers.Question(f, account.Name),
        _ => $"health of {account.Name}",
    };
}
