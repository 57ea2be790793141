using System.Text.RegularExpressions;

namespace CsBot.Core.Querying;

/// <summary>What a follow-up changes in the question before it.</summary>
public enum FollowUpKind
{
    /// <summary>"and initrode?": the same question about another account (<see cref="FollowUp.AccountText"/>).</summary>
    OtherAccount,
    /// <summary>"how come?", "why?": why the last account scores as it does.</summary>
    Why,
    /// <summary>"who owns it?": the question as parsed, about the last account ("it", "they", "them").</summary>
    SameAccount,
    /// <summary>"what about Q2?", "and last week?": the same metric or list over another period (<see cref="FollowUp.PeriodText"/>).</summary>
    OtherPeriod,
    /// <summary>"and the quarter before?": the same metric or list over the period before the last one.</summary>
    PeriodBefore,
    /// <summary>"just smb", "and in enterprise?", "only mine": the last list or metric narrowed.</summary>
    Narrow,
    /// <summary>"show more", "more": the next page of the last list.</summary>
    NextPage,
}

/// <summary>A message read as a follow-up: what it changes, with the parts it names (as typed).</summary>
public sealed record FollowUp(FollowUpKind Kind)
{
    public string? AccountText { get; init; }
    /// <summary>The period as typed ("q2", "last week"); read against the last question's direction when merged.</summary>
    public string? PeriodText { get; init; }
    public string? Segment { get; init; }
    public bool Mine { get; init; }
    /// <summary>The words that stand for the last account ("it", "they"), as typed, for <see cref="FollowUpKind.SameAccount"/>.</summary>
    public string? Pronoun { get; init; }
    /// <summary>The unit "the quarter before" names ("week", "month", "quarter", "year"); null for "the one before".</summary>
    public string? Unit { get; init; }
}

/// <summary>
/// Recognises the forms of follow-up people type in chat ("and initrode?", "how come?", "what about Q2?", "just smb",
/// "who owns it?", "show more") and says what each changes. Pure and cheap: a message that is no follow-up costs a
/// few anchored regex checks, so only follow-ups need the stored conversation. Merging with the earlier question is
/// the caller's business.
/// </summary>
public static partial class FollowUps
{
    /// <summary>
    /// The follow-up <paramref name="parsed"/> is, or null when it is a question of its own (which then replaces the
    /// conversation's context). <paramref name="today"/> and <paramref name="segments"/> tell periods and segments apart
    /// from account names.
    /// </summary>
    public static FollowUp? Read(ParsedQuestion parsed, DateOnly today, IReadOnlyCollection<string>? segments)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        // Read in lower case; what is taken from it (a name, a period) is taken as typed, at the same place.
        var typed = parsed.Text.Replace('\u2019', '\'').Trim().Trim('?', '!', '.', ',', ' ', '…');
        var text = typed.ToLowerInvariant();
        if (text.Length != typed.Length) text = typed;
        if (text.Length == 0 || text.Length > 80) return null;
        segments ??= Qualifiers.DefaultSegments;

        if (NextPage().IsMatch(text)) return new FollowUp(FollowUpKind.NextPage);
        if (WhyAlone().IsMatch(text)) return new FollowUp(FollowUpKind.Why);
        if (parsed.AccountText is { } account && Pronouns.Contains(Plain(account))) return new FollowUp(FollowUpKind.SameAccount) { Pronoun = account.Trim() };

        var lead = Lead().Match(text);
        if (lead.Success) return Rest(Typed(typed, lead.Groups["rest"]), today, segments, namesAllowed: true);
        var narrow = JustOnly().Match(text);
        if (narrow.Success) return Rest(Typed(typed, narrow.Groups["rest"]), today, segments, namesAllowed: false);
        // "mine" alone; "my accounts" is a question of its own.
        if (text is "mine" or "for me") return new FollowUp(FollowUpKind.Narrow) { Mine = true };
        // "who owns it?", "how is it doing": not understood alone, but about the last account.
        if (parsed.Intent == IntentKind.Unknown && PronounWord().Match(parsed.Text) is { Success: true } pronoun)
            return new FollowUp(FollowUpKind.SameAccount) { Pronoun = pronoun.Value };
        return null;
    }

    /// <summary>
    /// <paramref name="text"/> with <paramref name="pronoun"/> ("it", "its", "they") replaced by the account's name
    /// ("Hooli", "Hooli's"), to be parsed again: "who owns it" reads as "who owns Hooli".
    /// </summary>
    public static string NameInsteadOf(string text, string pronoun, string account)
    {
        ArgumentNullException.ThrowIfNull(text);
        var possessive = Plain(pronoun) is "its" or "their" or "theirs";
        var at = text.IndexOf(pronoun, StringComparison.OrdinalIgnoreCase);
        if (at < 0) return text;
        return text[..at] + account + (possessive ? "'s" : "") + text[(at + pronoun.Length)..];
    }

    /// <summary>The words of <paramref name="group"/> as typed, without a trailing "then", "too", "please".</summary>
    private static string Typed(string typed, Group group)
    {
        var rest = Tail().Replace(group.Value, "").Trim();
        return typed.Substring(group.Index, rest.Length);
    }

    /// <summary>What the words after "and", "what about", "just" name: a period, a segment, "mine", or an account.</summary>
    private static FollowUp? Rest(string typedRest, DateOnly today, IReadOnlyCollection<string> segments, bool namesAllowed)
    {
        if (typedRest.Length == 0) return null;
        var rest = typedRest.ToLowerInvariant();
        var before = Before().Match(rest);
        if (before.Success) return new FollowUp(FollowUpKind.PeriodBefore) { Unit = before.Groups["unit"].Success ? before.Groups["unit"].Value : null };
        if (MineAlone().IsMatch(rest)) return new FollowUp(FollowUpKind.Narrow) { Mine = true };

        var withoutSegment = rest;
        if (Qualifiers.TakeSegment(ref withoutSegment, segments, forMeansSegment: true) is { } segment
            && Filler().Replace(withoutSegment, "").Trim().Length == 0)
            return new FollowUp(FollowUpKind.Narrow) { Segment = segment };

        if (PeriodParser.TryParse(rest, today, out var period) && Filler().Replace(period.RemoveFrom(rest), "").Trim().Length == 0)
            return new FollowUp(FollowUpKind.OtherPeriod) { PeriodText = typedRest };

        // "and nrr?" asks for another metric: a question of its own, not an account called "nrr".
        if (!namesAllowed || MetricSynonyms.TryFind(rest, out _, out _, out _) || MetricPhrasings.TryFind(rest, out _, out _)) return null;
        var name = Possessive().Replace(typedRest, "").Trim();
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 5 || words.Any(w => NotNames.Contains(w.ToLowerInvariant()))) return null;
        return new FollowUp(FollowUpKind.OtherAccount) { AccountText = name };
    }

    /// <summary>Lower case, curly apostrophes straightened, no punctuation at the ends.</summary>
    private static string Plain(string text) =>
        text.Replace('\u2019', '\'').ToLowerInvariant().Trim().Trim('?', '!', '.', ',', ' ', '…');

    /// <summary>Words that stand for the last account: "who owns it", "how are they doing".</summary>
    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "it", "its", "it's", "they", "them", "their", "theirs", "this", "that", "this one", "that one", "this account",
        "that account", "the account", "this customer", "that customer", "the customer", "em", "'em",
    };

    /// <summary>Words that make "and ..." a sentence of its own rather than an account's name.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "what", "how", "why", "who", "when", "where", "which", "is", "are", "was", "were", "do", "does", "did", "can", "could",
        "will", "would", "should", "i", "me", "my", "you", "we", "our", "us", "it", "they", "them", "the", "a", "an", "all",
        "thanks", "thank", "ok", "okay", "bye", "yes", "no", "not", "more", "also", "everything", "anything", "nothing",
        "accounts", "health", "score", "list", "show", "tell", "give",
    };

    [GeneratedRegex(@"(?<![\w'])(?:it|its|they|them|their|this\s+account|that\s+account|this\s+one|that\s+one)(?![\w'])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PronounWord();

    // "show more", "more", "next page", "see the rest", "more please", "and the next 10".
    [GeneratedRegex(@"^(?:(?:ok|okay|and|so|cool|great|thanks|thx)[,]?\s+)?(?:(?:pls|please)\s+)?(?:(?:show|see|give|list|load|send|get)\s+(?:me\s+|us\s+)?)?(?:some\s+|the\s+)?(?:more|rest|next(?:\s+(?:page|one|ones|\d+|ten|10))?)(?:\s+(?:please|pls|of\s+them|ones|rows|accounts|results|of\s+those))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NextPage();

    // "how come?", "why?", "why so", "how so", "what happened", "and why is that".
    [GeneratedRegex(@"^(?:(?:and|but|ok|okay|so|hmm|hm)[,]?\s+)?(?:how\s+come|why(?:\s+(?:so|though|is\s+that|was\s+that|that))?|why'?s\s+that|how\s+so|what\s+happened|what'?s\s+(?:wrong|going\s+on|up\s+with\s+that|behind\s+(?:it|that))|explain(?:\s+(?:it|that|please|pls|why))?|any\s+idea\s+why|reasons?)$", RegexOptions.CultureInvariant)]
    private static partial Regex WhyAlone();

    // "and ...", "what about ...", "how about ...", "same for ...", "now for ...".
    [GeneratedRegex(@"^(?:(?:ok|okay|so|now|then|cool|great|thanks|thx)[,]?\s+)?(?:and\s+(?:what|how)\s+about|and\s+for|and|(?:what|how)\s+about|what\s+of|same\s+(?:for|in|but\s+for|but\s+in|thing\s+for)|now\s+for|now\s+in|now)\s+(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Lead();

    // "just smb", "only mine", "only enterprise ones".
    [GeneratedRegex(@"^(?:(?:and|ok|okay|now)\s+)?(?:just|only|filter\s+(?:to|by|for)|narrow\s+(?:it\s+)?(?:to|down\s+to))\s+(?<rest>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex JustOnly();

    [GeneratedRegex(@"\s+(?:then|too|instead|please|pls|as\s+well)$", RegexOptions.CultureInvariant)]
    private static partial Regex Tail();

    [GeneratedRegex(@"^(?:(?:just|only)\s+)?(?:mine|my\s+(?:accounts|ones|book|customers)|for\s+me|my\s+own)$", RegexOptions.CultureInvariant)]
    private static partial Regex MineAlone();

    // "the quarter before", "the month before that", "the previous quarter", "before that", "the one before".
    [GeneratedRegex(@"^(?:(?:the|a)\s+)?(?:(?:(?<unit>quarter|month|week|year)|period|one)\s+before(?:\s+that)?|(?:previous|prior)\s+(?:(?<unit>quarter|month|week|year)|period|one)|before\s+that|prior\s+to\s+that)$", RegexOptions.CultureInvariant)]
    private static partial Regex Before();

    // What may stay around a segment or a period: "in", "for", "the", "segment", "accounts".
    [GeneratedRegex(@"\b(?:in|for|the|just|only|segment|accounts|ones|customers|over|during)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    [GeneratedRegex(@"'s?$", RegexOptions.CultureInvariant)]
    private static partial Regex Possessive();
}
