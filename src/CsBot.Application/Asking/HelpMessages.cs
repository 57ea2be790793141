using CsBot.Core.Accounts;
using CsBot.Core.Messaging;
using CsBot.Core.Querying;

namespace CsBot.Application.Asking;

/// <summary>The short replies: help, "did you mean", no such account, no data, and the polite failure.</summary>
public static class HelpMessages
{
    public static readonly IReadOnlyList<string> Examples = ["health of Acme Corp", "how is Initech doing?", "why is Initech at risk?", "help"];

    public static ChatMessage Help() => new()
    {
        Title = "Ask me about your accounts",
        FallbackText = "Try: " + string.Join(", ", Examples),
        Sections = [new MessageSection { Text = "Try:\n" + string.Join("\n", Examples.Select(e => "  " + e)) }],
    };

    public static ChatMessage NotUnderstood(string text) => new()
    {
        Title = $"I didn't understand \"{text.Trim()}\"",
        Sections = [new MessageSection { Text = "Try:\n" + string.Join("\n", Examples.Select(e => "  " + e)) }],
    };

    public static ChatMessage DidYouMean(string typed, IReadOnlyList<Account> candidates, IntentKind intent) => new()
    {
        Title = "Which account did you mean?",
        FallbackText = $"\"{typed}\" matches {candidates.Count} accounts: {string.Join(", ", candidates.Select(c => c.Name))}",
        Sections = [new MessageSection { Text = $"\"{typed}\" matches {candidates.Count} accounts." }],
        Actions = [.. candidates.Take(5).Select(c => new MessageAction(ActionKind.Choose, c.Name, FollowUp(intent, c)))],
    };

    public static ChatMessage NoSuchAccount(string typed, IReadOnlyList<Account> suggestions, IntentKind intent) => new()
    {
        Title = $"I couldn't find an account called \"{typed}\"",
        FallbackText = suggestions.Count == 0 ? "No matching account." : "Closest: " + string.Join(", ", suggestions.Select(s => s.Name)),
        Sections = [new MessageSection { Text = suggestions.Count == 0 ? "No account has a similar name, alias or domain." : "Closest matches:" }],
        Actions = [.. suggestions.Select(c => new MessageAction(ActionKind.Choose, c.Name, FollowUp(intent, c)))],
    };

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

    private static string FollowUp(IntentKind intent, Account account) =>
        intent == IntentKind.Why ? $"why is {account.Name} at risk" : $"health of {account.Name}";
}
