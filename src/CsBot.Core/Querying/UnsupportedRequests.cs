using System.Text.RegularExpressions;

namespace CsBot.Core.Querying;

/// <summary>
/// Requests CsBot does not do, recognised so they are answered with what it can do instead rather than guessed into
/// another intent: forecasts ("what will nrr be next quarter", "will initech renew", "projected grr for q1"), actions
/// in other tools ("open a ticket for acme", "draft an email to hooli", "update hooli's renewal date") and contact
/// details ("who is the contact at globex", "phone number for stark industries"). "update on acme" and "any updates
/// on acme" stay health questions, "open tickets for hooli" a fact, "send me the at risk list" a list.
/// ("share" is left out: "could you share who the top movers are" asks to be told.)
/// </summary>
public static partial class UnsupportedRequests
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Verbs that, opening a message, ask CsBot to do something in another tool.</summary>
    internal static readonly HashSet<string> ActionVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "open", "draft", "write", "schedule", "book", "create", "log", "send", "update", "change", "set", "email", "e-mail",
        "call", "add", "remove", "delete", "assign", "reassign", "move", "remind", "ping", "export", "escalate", "close",
        "message", "invite", "cancel", "edit", "file", "raise",
    };

    /// <summary>Verbs that are also nouns of questions ("open tickets", "close date"): an action only with "a", "the"... after.</summary>
    private static readonly HashSet<string> ActionOnlyWithArticle = new(StringComparer.OrdinalIgnoreCase) { "open", "close", "file", "raise", "change", "book" };

    private static readonly HashSet<string> Articles = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "new", "another", "some", "this", "that", "my", "our",
    };

    /// <summary>Words after the verb that make it no action: "update on acme", "log in", "send me the list", "call with vandelay".</summary>
    private static readonly HashSet<string> NotAnObject = new(StringComparer.OrdinalIgnoreCase)
    {
        "on", "about", "for", "from", "in", "of", "with", "to", "up", "me", "us", "off", "out", "by", "at", "over", "into",
        "who", "what", "which", "how", "when", "where", "why",
    };

    /// <summary>The kind of request, when <paramref name="q"/> (normalised) asks for something CsBot does not do.</summary>
    public static UnsupportedRequest? Find(string q)
    {
        if (Forecast().IsMatch(q)) return UnsupportedRequest.Forecast;
        if (Contact().IsMatch(q)) return UnsupportedRequest.ContactDetails;
        var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 2 && ActionVerbs.Contains(words[0]) && !NotAnObject.Contains(words[1])
            && (!ActionOnlyWithArticle.Contains(words[0]) || Articles.Contains(words[1])))
            return UnsupportedRequest.Action;
        return null;
    }

    /// <summary>The request with the account it names, when it names one of <paramref name="names"/> ("open a ticket for acme").</summary>
    public static ParsedQuestion WithAccount(ParsedQuestion parsed, KnownNames names)
    {
        if (names.IsEmpty) return parsed;
        var words = KnownNames.Words(parsed.Text);
        return names.Find(words) is { } found ? parsed with { AccountText = string.Join(' ', words.Skip(found.First).Take(found.Count)) } : parsed;
    }

    [GeneratedRegex(@"\b(?:predict(?:s|ed|ion|ions)?|forecast(?:s|ed|ing)?|projected|projections?)\b|^will\s+(?!you\b)\S+|^(?:what|how)\s+(?:will|would|is\s+going\s+to|are\s+going\s+to)\s+(?!you\b)|\b(?:going\s+to|gonna)\s+(?:be|renew|churn|look|end|land)\b.*\b(?:next|in\s+20\d\d)\b", I)]
    private static partial Regex Forecast();

    // "accounts with no contact in 30 days" asks about engagement, not for a person's details.
    [GeneratedRegex(@"(?<!\bno\s)\b(?:contacts?|phone(?:\s+numbers?)?|mobile\s+numbers?|email\s+address(?:es)?|e-mail\s+address(?:es)?|postal\s+address|champion|decision\s+makers?|stakeholders?|point\s+of\s+contact|poc)\b", I)]
    private static partial Regex Contact();
}
