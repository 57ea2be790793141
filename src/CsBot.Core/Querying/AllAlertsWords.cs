using System.Text.RegularExpressions;

namespace CsBot.Core.Querying;

/// <summary>
/// "ack every hooli alert", "snooze all of initech's alerts", "ack all alerts for pied piper": an alert command meant
/// for every open alert of one account. What is left names the account as the single-alert commands read it.
/// </summary>
internal static partial class AllAlertsWords
{
    /// <summary>
    /// True when <paramref name="reference"/> (what follows "ack" or "snooze") starts with "all" or "every"; the
    /// reference is then left without that word and without a possessive on the name ("initech's" is "initech").
    /// </summary>
    public static bool Take(ref string reference)
    {
        var all = Leading().Match(reference);
        if (!all.Success) return false;
        var rest = reference[all.Length..].Trim();
        rest = Possessive().Replace(rest, "");
        reference = rest;
        return true;
    }

    [GeneratedRegex(@"^(?:all|every|each|everything)(?:\s+(?:single|open|current|active))?(?:\s+(?:of|for|on))?(?:\s+(?:the|their|its|them))?(?:\s+(?:open|current|active))?(?=\s|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Leading();

    /// <summary>"initech's alerts", "initech's", "stark industries' alerts".</summary>
    [GeneratedRegex(@"(?<=\w)(?:'s|(?<=s)')(?=\s+alerts?\b|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Possessive();
}
