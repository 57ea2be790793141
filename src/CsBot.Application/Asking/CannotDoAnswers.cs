using CsBot.Core.Accounts;
using CsBot.Core.Messaging;
using CsBot.Core.Metrics;
using CsBot.Core.Querying;

namespace CsBot.Application.Asking;

/// <summary>
/// The answer to a request CsBot does not do: say so plainly, then offer what it can do that comes closest, as buttons.
/// A forecast of NRR offers NRR last quarter and this quarter so far; a ticket for Acme offers Acme's health and why;
/// a contact at Globex offers who owns Globex. An account is offered only to someone who may see it.
/// </summary>
public static class CannotDoAnswers
{
    private static readonly (string[] Verbs, string What)[] Actions =
    [
        (["open", "create", "log", "add", "file", "raise"], "create tickets, tasks or records in other tools"),
        (["draft", "write", "send", "email", "e-mail", "message", "ping", "export", "invite"], "write or send messages for you"),
        (["schedule", "book", "remind", "call"], "schedule meetings, calls or reminders"),
        (["update", "change", "set", "edit", "remove", "delete", "assign", "reassign", "move", "close", "escalate", "cancel"], "change data in the CRM or other tools"),
    ];

    public static ChatMessage Answer(AskContext ctx)
    {
        var q = ctx.Question;
        var named = Visible(ctx);
        var account = named.Count == 1 ? named[0] : null;
        // "acme" with several Acmes: the same offer for each, the asker picks one.
        if (named.Count > 1 && !(q.Unsupported == UnsupportedRequest.Forecast && q.Metric is not null))
            return Several(q, named);
        var (title, offer, examples) = q.Unsupported switch
        {
            UnsupportedRequest.Forecast => Forecast(ctx, account),
            UnsupportedRequest.ContactDetails => (
                "I don't keep customer contacts, phone numbers or email addresses",
                account is null ? "I can tell you who owns an account here and how it is doing, for example:" : $"I can tell you who owns {account.Name} here and how it is doing.",
                account is null ? HelpMessages.ExamplesFor(q.Text) : [$"who owns {account.Name}", $"health of {account.Name}"]),
            _ => (
                $"Sorry, I can't {ActionWords(q.Text)}",
                account is null
                    ? "I only read your customer data. Here is what I can show you:"
                    : $"I only read your customer data. For {account.Name} I can show its health, why it scores as it does, and who owns it.",
                account is null ? HelpMessages.ExamplesFor(q.Text) : [$"health of {account.Name}", $"why is {account.Name} at risk", $"who owns {account.Name}"]),
        };
        return new ChatMessage
        {
            Title = title,
            FallbackText = $"{title}. {offer}",
            // An offer that ends in a colon introduces the examples; the others name what the buttons ask.
            Sections = [new MessageSection { Text = offer.EndsWith(':') ? offer + "\n" + string.Join("\n", examples.Select(e => "  " + e)) : offer }],
            Actions = [.. examples.Take(3).Select(e => new MessageAction(ActionKind.Choose, e, e))],
        };
    }

    private static (string Title, string Offer, IReadOnlyList<string> Examples) Forecast(AskContext ctx, Account? account)
    {
        if (ctx.Question.Metric is { } metric)
        {
            var name = MetricNames.Name(metric);
            var title = $"I don't forecast {name} yet";
            if (ctx.Access.MetricRefusal(metric, ctx.Role, ctx.Asker) is { } refusal) return (title, refusal, []);
            return (title, $"I can tell you {name} last quarter, or this quarter so far.", [$"{name} last quarter", $"{name} this quarter"]);
        }
        if (account is not null)
            return ($"I don't predict how {account.Name} will do", $"I can show {account.Name}'s health today, how it has moved, and why it scores as it does.",
                [$"health of {account.Name}", $"{account.Name} health trend", $"why is {account.Name} at risk"]);
        return ("I don't forecast yet", "I can tell you how your metrics and accounts stand so far:", [.. HelpMessages.Examples.Take(3)]);
    }

    private static ChatMessage Several(ParsedQuestion q, IReadOnlyList<Account> accounts)
    {
        var title = q.Unsupported switch
        {
            UnsupportedRequest.Forecast => "I don't predict how accounts will do",
            UnsupportedRequest.ContactDetails => "I don't keep customer contacts, phone numbers or email addresses",
            _ => $"Sorry, I can't {ActionWords(q.Text)}",
        };
        var offer = $"\"{q.AccountText}\" matches {accounts.Count} accounts; I can show the health of each:";
        var examples = accounts.Take(3).Select(a => $"health of {a.Name}").ToList();
        return new ChatMessage
        {
            Title = title,
            FallbackText = $"{title}. {offer} {string.Join(", ", accounts.Take(3).Select(a => a.Name))}",
            Sections = [new MessageSection { Text = offer }],
            Actions = [.. examples.Select(e => new MessageAction(ActionKind.Choose, e, e))],
        };
    }

    /// <summary>
    /// The accounts the request names that the asker may see: one when the name fits one, several when it fits more;
    /// none otherwise, and then no account is offered.
    /// </summary>
    private static IReadOnlyList<Account> Visible(AskContext ctx)
    {
        if (ctx.Question.AccountText is not { } typed) return [];
        var match = ctx.Match(typed);
        return match.Outcome switch
        {
            MatchOutcome.Found when ctx.Refusal(match.Account!) is null => [match.Account!],
            MatchOutcome.Ambiguous => match.Candidates,
            _ => [],
        };
    }

    private static string ActionWords(string text)
    {
        foreach (var word in KnownNames.Words(text))
            foreach (var (verbs, what) in Actions)
                if (verbs.Contains(word)) return what;
        return "do that from chat";
    }
}
