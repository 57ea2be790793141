using System.Text.RegularExpressions;

namespace CsBot.Core.Querying;

/// <summary>
/// Understands the account questions people type in chat: "health of Acme", "how is Acme doing?",
/// "/cs health acme corp", "why is Acme at risk?", a bare account name, and "help".
/// </summary>
public static partial class QuestionParser
{
    public static ParsedQuestion Parse(string text)
    {
        var q = Clean(text);
        if (q.Length == 0 || HelpPattern().IsMatch(q)) return new ParsedQuestion(IntentKind.Help);

        var why = WhyPattern().Match(q);
        if (why.Success) return new ParsedQuestion(IntentKind.Why, why.Groups["account"].Value.Trim());

        var health = HealthPattern().Match(q);
        if (health.Success) return new ParsedQuestion(IntentKind.AccountHealth, health.Groups["account"].Value.Trim());

        var howIs = HowIsPattern().Match(q);
        if (howIs.Success) return new ParsedQuestion(IntentKind.AccountHealth, howIs.Groups["account"].Value.Trim());

        // Anything else is taken as an account name; the matcher decides whether it is one.
        return new ParsedQuestion(IntentKind.AccountHealth, q);
    }

    /// <summary>Drops the slash command, @mentions, trailing punctuation and extra spaces.</summary>
    public static string Clean(string text)
    {
        var q = MentionPattern().Replace(text ?? "", " ");
        q = q.Trim();
        if (q.StartsWith("/cs ", StringComparison.OrdinalIgnoreCase) || q.Equals("/cs", StringComparison.OrdinalIgnoreCase)) q = q[3..];
        q = q.Trim().TrimEnd('?', '!', '.', ' ');
        return SpacesPattern().Replace(q, " ");
    }

    [GeneratedRegex(@"^(help|\?|what can you do|commands)$", RegexOptions.IgnoreCase)]
    private static partial Regex HelpPattern();

    [GeneratedRegex(@"^why\s+(is\s+|are\s+)?(?<account>.+?)(\s+(at\s+risk|flagged|alerted|poor|red|unhealthy))?$", RegexOptions.IgnoreCase)]
    private static partial Regex WhyPattern();

    [GeneratedRegex(@"^(show\s+(me\s+)?)?(the\s+)?(health\s*score|health|score)(\s+(of|for))?\s+(?<account>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex HealthPattern();

    [GeneratedRegex(@"^how('s|\s+is|\s+are)\s+(?<account>.+?)(\s+doing)?$", RegexOptions.IgnoreCase)]
    private static partial Regex HowIsPattern();

    [GeneratedRegex(@"<@[^>]+>|@csbot\b", RegexOptions.IgnoreCase)]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesPattern();
}
