using System.Text.RegularExpressions;
using CsBot.Core.Scoring;

namespace CsBot.Core.Querying;

/// <summary>
/// The filters list and metric questions carry: segment ("in Enterprise", "for the SMB segment"), owner ("for Dana",
/// "Dana's", "owned by dana@example.com"), "my"/"for me", and health band ("poor health", "red accounts").
/// Segment names are data: the known ones are recognised anywhere in any case, any other capitalised word after
/// "in" (or "for", for metrics) is taken as typed and left to the answerer to validate.
/// </summary>
internal static partial class Qualifiers
{
    public static readonly IReadOnlyList<string> DefaultSegments = ["Enterprise", "Mid-Market", "SMB"];

    /// <summary>Finds the segment and returns the text without it (and without its "in the ... segment" frame).</summary>
    public static string? TakeSegment(ref string text, IReadOnlyCollection<string> knownSegments, bool forMeansSegment)
    {
        if (FindKnown(text, knownSegments) is { } known)
        {
            var before = text[..known.Start];
            var lead = SegmentLeadBefore().Match(before);
            var start = lead.Success ? lead.Index : known.Start;
            var after = text[known.End..];
            var trail = SegmentTrailAfter().Match(after);
            var end = known.End + (trail.Success ? trail.Length : 0);
            var segment = text[known.Start..known.End];
            text = Cut(text, start, end);
            return segment;
        }

        var named = SegmentWord().Match(text);
        if (named.Success)
        {
            text = Cut(text, named.Index, named.Index + named.Length);
            return named.Groups["seg"].Value;
        }

        var capitalised = (forMeansSegment ? SegmentAfterInOrFor() : SegmentAfterIn()).Match(text);
        if (capitalised.Success && !NotSegments.Contains(capitalised.Groups["seg"].Value))
        {
            text = Cut(text, capitalised.Index, capitalised.Index + capitalised.Length);
            return capitalised.Groups["seg"].Value;
        }
        return null;
    }

    /// <summary>Finds the owner ("for Dana", "Dana's", "owned by dana@example.com") and whether the asker means themself.</summary>
    public static string? TakeOwner(ref string text, out bool mine)
    {
        mine = MinePattern().IsMatch(text);
        foreach (var pattern in (ReadOnlySpan<Regex>)[OwnerAfterPreposition(), OwnerPossessive()])
        {
            for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
            {
                var owner = m.Groups["o"].Value;
                var first = owner.Split(' ')[0].TrimStart('@');
                if (NotOwners.Contains(first)) continue;
                text = Cut(text, m.Index, m.Index + m.Length);
                return owner;
            }
        }
        return null;
    }

    public static HealthBand? Band(string text)
    {
        if (PoorWords().IsMatch(text)) return HealthBand.Poor;
        if (AverageWords().IsMatch(text)) return HealthBand.Average;
        if (GoodWords().IsMatch(text)) return HealthBand.Good;
        return null;
    }

    private static string Cut(string text, int start, int end)
    {
        var before = text[..start].TrimEnd();
        var after = text[end..].TrimStart();
        return before.Length == 0 ? after : after.Length == 0 ? before : before + " " + after;
    }

    /// <summary>A known segment as whole words: "enterprise", "Mid-Market", "mid market", "midmarket".</summary>
    private static (int Start, int End)? FindKnown(string text, IReadOnlyCollection<string> knownSegments)
    {
        if (knownSegments.Count == 0) return null;
        var keys = ReferenceEquals(knownSegments, DefaultSegments) ? DefaultKeys : new HashSet<string>(knownSegments.Select(Key), StringComparer.Ordinal);
        var words = new List<(int Start, int End)>(12);
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            var s = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '-' or '&' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))) i++;
            words.Add((s, i));
        }
        for (var w = 0; w < words.Count; w++)
            for (var n = Math.Min(3, words.Count - w); n >= 1; n--)
            {
                var span = (words[w].Start, words[w + n - 1].End);
                if (keys.Contains(Key(text[span.Start..span.End]))) return span;
            }
        return null;
    }

    private static readonly HashSet<string> DefaultKeys = new(DefaultSegments.Select(Key), StringComparer.Ordinal);

    /// <summary>"Mid-Market", "mid market" and "midmarket" all become "midmarket".</summary>
    private static string Key(string name)
    {
        Span<char> buffer = stackalloc char[Math.Min(name.Length, 128)];
        var n = 0;
        foreach (var c in name)
        {
            if (n == buffer.Length) break;
            if (char.IsLetterOrDigit(c)) buffer[n++] = char.ToLowerInvariant(c);
        }
        return new string(buffer[..n]);
    }

    private static readonly HashSet<string> NotSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "I", "Me", "My", "Our", "The", "This", "That", "What", "Which", "Who", "Total", "All", "Overall", "Q1", "Q2", "Q3", "Q4",
    };

    private static readonly HashSet<string> NotOwners = new(StringComparer.OrdinalIgnoreCase)
    {
        "me", "myself", "us", "we", "our", "my", "mine", "you", "your", "the", "this", "that", "these", "those", "next", "last", "all",
        "any", "every", "everyone", "everybody", "anyone", "team", "accounts", "account", "customers", "clients", "renewal", "renewals",
        "health", "poor", "average", "good", "red", "green", "amber", "risk", "churn", "what", "who", "it", "there", "here", "let",
        "how", "where", "at", "in", "on", "today", "now", "week", "month", "quarter", "year", "days", "segment", "a", "an", "each", "which",
    };

    [GeneratedRegex(@"(?i:\b(?:in|for|within|across|among|from)\s+(?:the\s+)?)$")]
    private static partial Regex SegmentLeadBefore();

    [GeneratedRegex(@"^(?i:\s+(?:segment|tier))\b")]
    private static partial Regex SegmentTrailAfter();

    [GeneratedRegex(@"(?i:\b(?:in|for|within|across)\s+(?:the\s+)?)(?<seg>[\p{L}\d&-]+)(?i:\s+(?:segment|tier))\b")]
    private static partial Regex SegmentWord();

    [GeneratedRegex(@"(?i:\b(?:in|within|across|among)\s+(?:the\s+)?)(?<seg>\p{Lu}[\p{L}\d&-]*(?:\s+\p{Lu}[\p{L}\d&-]*){0,2})")]
    private static partial Regex SegmentAfterIn();

    [GeneratedRegex(@"(?i:\b(?:in|for|within|across|among)\s+(?:the\s+)?)(?<seg>\p{Lu}[\p{L}\d&-]*(?:\s+\p{Lu}[\p{L}\d&-]*){0,2})")]
    private static partial Regex SegmentAfterInOrFor();

    [GeneratedRegex(@"(?i:\b(?:for|owned\s+by|assigned\s+to|managed\s+by|belonging\s+to|run\s+by)\s+)(?<o>[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@?[\p{L}][\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*)?)")]
    private static partial Regex OwnerAfterPreposition();

    [GeneratedRegex(@"(?<!\S)(?<o>\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*)?)['\u2019]s\b")]
    private static partial Regex OwnerPossessive();

    [GeneratedRegex(@"\b(?:my|mine|for\s+me|i\s+own|i\s+manage|assigned\s+to\s+me|owned\s+by\s+me)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MinePattern();

    [GeneratedRegex(@"\b(?:unhealthy|poor|bad|red|critical|struggling|troubled|worst)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PoorWords();

    [GeneratedRegex(@"\b(?:average|amber|orange|yellow|fair|medium|middling|mediocre)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AverageWords();

    [GeneratedRegex(@"\b(?:healthy|good|green|strong|best)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GoodWords();
}
