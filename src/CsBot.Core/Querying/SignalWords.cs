using System.Text.RegularExpressions;

namespace CsBot.Core.Querying;

/// <summary>
/// The words people use for a warning sign when they ask for a list of accounts showing it: "accounts with open
/// critical tickets", "who hasn't logged in", "detractors this month", "low seat utilisation", "usage cliffs", "who
/// contracted", "renewals at risk". Overdue invoices keep their own phrasings (<see cref="IntentPatterns.Overdue"/>).
/// A mistyped word of a sign ("detracters", "utilsation") is read as the word, with the tolerance names get; the
/// phrasings need a list's words (plural, "who", "accounts with"), and a yes/no question about one thing ("does hooli
/// have a detractor", "is hooli's renewal at risk") is no list. A rule's id ("usage-cliff", "nps-detractor") names an alert
/// in an ack or snooze command, even a mistyped one ("acknowlege initech usage-cliff"), so it is no list either.
/// </summary>
public static partial class SignalWords
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>The sign <paramref name="text"/> asks a list of accounts for; null when it asks for none.</summary>
    public static ListSignal? Find(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var q = Correct(text);
        if (AboutOne().IsMatch(q)) return null;
        if (RenewalAtRisk().IsMatch(q)) return ListSignal.RenewalAtRisk;
        if (CriticalTickets().IsMatch(q)) return ListSignal.CriticalTickets;
        if (NoLogin().IsMatch(q)) return ListSignal.NoLogin;
        if (NpsDetractor().IsMatch(q)) return ListSignal.NpsDetractor;
        if (LowSeatUtilization().IsMatch(q)) return ListSignal.LowSeatUtilization;
        if (UsageCliff().IsMatch(q)) return ListSignal.UsageCliff;
        if (Contraction().IsMatch(q)) return ListSignal.Contraction;
        return null;
    }

    /// <summary>
    /// Which way a period typed with the sign points: detractors and contraction happened in a past window ("this
    /// month", "in the last 30 days"), renewals at risk come up in a future one ("next quarter"); the other signs are
    /// today's state, so a time word with them is part of the sign ("no logins in two weeks"), not a period.
    /// </summary>
    public static PeriodDirection? PeriodDirectionOf(ListSignal signal) => signal switch
    {
        ListSignal.NpsDetractor or ListSignal.Contraction => PeriodDirection.Past,
        ListSignal.RenewalAtRisk => PeriodDirection.Future,
        _ => null,
    };

    /// <summary>The words of the signs, for typo tolerance; others are read by <see cref="KeywordTypos"/>.</summary>
    private static readonly string[] Vocabulary =
    [
        "critical", "tickets", "detractor", "detractors", "utilisation", "utilization", "underutilised", "underutilized",
        "logins", "logged", "cliffs", "contracted", "downgraded", "unused", "inactive", "dormant",
    ];

    private static readonly HashSet<string> Known = new(Vocabulary, StringComparer.Ordinal);

    /// <summary>
    /// Words of five letters or more one edit from a sign's word, first letter kept, become that word. One edit only,
    /// even for long words: "contracts" (renewals) must not become "contracted".
    /// </summary>
    private static string Correct(string text)
    {
        string[]? tokens = null;
        var parts = text.Split(' ');
        for (var i = 0; i < parts.Length; i++)
        {
            var lower = parts[i].ToLowerInvariant();
            if (lower.Length < 5 || Known.Contains(lower) || !lower.All(char.IsAsciiLetterLower)) continue;
            foreach (var word in Vocabulary)
            {
                if (word[0] != lower[0] || EditDistance.Bounded(lower, word, 1) > 1) continue;
                tokens ??= parts;
                tokens[i] = word;
                break;
            }
        }
        return tokens is null ? text : string.Join(' ', tokens);
    }

    /// <summary>A yes/no question about one thing ("does hooli have a detractor"), not a request for a list ("do we ...", "is anyone ...").</summary>
    [GeneratedRegex(@"^(?:does|do|did|is|has|have|was|were)\s+(?!(?:any|anyone|anybody|anything|there|we|our|you|the\s+accounts?|accounts?|customers?|clients?)\b)", I)]
    private static partial Regex AboutOne();

    private const string Accounts = @"(?:accounts?|accts?|customers?|clients?|logos?|companies|ones)";

    [GeneratedRegex(@"\brenewals\s+(?:at[\s-]*risk|in\s+danger|in\s+trouble|(?:that\s+are|which\s+are)\s+(?:at[\s-]*risk|in\s+danger))\b|\b(?:at[\s-]*risk|risky|endangered|shaky)\s+renewals\b|\brenewals\s+(?:with|in)\s+(?:poor|bad|low|average|red|amber|orange|yellow)\s+health\b", I)]
    private static partial Regex RenewalAtRisk();

    [GeneratedRegex(@"\b(?:critical|crit|sev[\s-]?1|p1|blocker)\s+(?:support\s+)?(?:tickets?|issues?|cases?|incidents?|escalations)\b|\btickets?\s+(?:marked\s+|flagged\s+)?critical\b", I)]
    private static partial Regex CriticalTickets();

    [GeneratedRegex(@"\b(?:no|zero)\s+(?:recent\s+|user\s+)?(?:logins|login|log[\s-]ins?|activity)\b|\b(?:nobody|no[\s-]?one|no\s+users?|noone)\s+(?:has\s+|have\s+|is\s+)?(?:logged|logging|log)\b|\b(?:not|never|haven'?t|hasn'?t|didn'?t)\s+(?:been\s+)?(?:logged|logging|log)\s*(?:in|on|into)\b|\b(?:inactive|dormant)\s+" + Accounts + @"\b|\b" + Accounts + @"\s+(?:that\s+are\s+|that\s+have\s+|which\s+are\s+|who\s+are\s+)?(?:inactive|dormant|gone\s+(?:quiet|dark))\b|\bstopped\s+logging\s+in\b", I)]
    private static partial Regex NoLogin();

    [GeneratedRegex(@"(?<!-)\bdetractors?\b|\b(?:bad|low|poor|negative|terrible|awful|lousy|unhappy)\s+(?:nps|nps\s+scores?|nps\s+responses?|nps\s+ratings?)\b|\bgave\s+(?:us\s+)?(?:a\s+)?(?:bad|low|poor|negative|terrible)\s+(?:nps|score|rating)\b", I)]
    private static partial Regex NpsDetractor();

    [GeneratedRegex(@"\b(?:low|poor|bad|weak)\s+(?:seat\s+)?(?:utilisation|utilization|usage\s+of\s+(?:their\s+)?seats|seat\s+usage|seat\s+use)\b|\bunder[\s-]?utili[sz](?:ed|ation)\b|\b(?:unused|empty|idle|wasted|spare)\s+(?:seats|licen[cs]es)\b|\bshelfware\b|\bseats?\s+(?:not\s+(?:being\s+)?used|unused|sitting\s+idle)\b|\bseat\s+utili[sz]ation\s+(?:below|under|less\s+than)\b", I)]
    private static partial Regex LowSeatUtilization();

    [GeneratedRegex(@"\busage\s+(?:cliffs|drops|crash(?:es)?|collapses)\b|^(?:any\s+)?usage\s+cliff$|\b(?:with|had|having|hit|hitting|showing|any)\s+(?:a\s+)?usage\s+cliff\b|\bcliffs\b|^cliffs?$|\b(?:dropping|falling|collapsing|crashing|plunging)\s+usage\b|\busage\s+(?:fell|dropped|crashed|collapsed|plunged)(?:\s+off)?(?:\s+a\s+cliff)?\b|\bfell\s+off\s+a\s+cliff\b", I)]
    private static partial Regex UsageCliff();

    [GeneratedRegex(@"\b(?:who|which\s+" + Accounts + @"|" + Accounts + @"|anyone|anybody)\s+(?:that\s+|who\s+|which\s+)?(?:has\s+|have\s+|had\s+)?(?:contracted|downgraded|shrank|shrunk|cut\s+(?:seats|spend|back))\b|\bcontractions\b|\bdowngrades\b|\b(?:contracted|downgraded|contracting|downgrading)\s+" + Accounts + @"\b|\b" + Accounts + @"\s+(?:with|that\s+had)\s+(?:a\s+)?(?:contraction|downgrade)s?\b", I)]
    private static partial Regex Contraction();
}
