using System.Text;

namespace CsBot.Core.Querying;

/// <summary>
/// Rewrites a question into the small lower-case vocabulary the period grammar is written in, one token per word:
/// months become "mon01".."mon12", units become "day"/"week"/"month"/"quarter"/"year", "previous" becomes "last",
/// number words become digits, typos of month and unit words are corrected. Every token remembers where it was typed
/// so a match in the rewritten text maps back to a span of the original.
/// </summary>
internal sealed class PeriodWords
{
    private readonly int[] _canonicalStarts;
    private readonly int[] _originalStarts;
    private readonly int[] _originalEnds;

    private PeriodWords(string text, bool hasCue, int[] canonicalStarts, int[] originalStarts, int[] originalEnds)
    {
        Text = text;
        HasCue = hasCue;
        _canonicalStarts = canonicalStarts;
        _originalStarts = originalStarts;
        _originalEnds = originalEnds;
    }

    /// <summary>The rewritten text: canonical tokens separated by single spaces.</summary>
    public string Text { get; }

    /// <summary>Whether any word could start or be a time expression; when not, the grammar need not run at all.</summary>
    public bool HasCue { get; }

    /// <summary>Maps a span of <see cref="Text"/> that starts and ends on token boundaries back to the original text.</summary>
    public (int Index, int Length) ToOriginal(int index, int length)
    {
        var first = TokenAt(index);
        var last = TokenAt(index + length - 1);
        return (_originalStarts[first], _originalEnds[last] - _originalStarts[first]);
    }

    private int TokenAt(int canonicalIndex)
    {
        var i = Array.BinarySearch(_canonicalStarts, canonicalIndex);
        return i >= 0 ? i : ~i - 1;
    }

    public static PeriodWords From(string text)
    {
        var raw = new List<(int Start, int End, string Lower)>(16);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var s = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            var e = i;
            while (s < e && IsEdgeChar(text[s])) s++;
            while (e > s && IsEdgeChar(text[e - 1])) e--;
            if (s < e) raw.Add((s, e, text[s..e].ToLowerInvariant()));
        }

        var sb = new StringBuilder(text.Length + 16);
        var canonicalStarts = new int[raw.Count];
        var originalStarts = new int[raw.Count];
        var originalEnds = new int[raw.Count];
        string? previous = null;
        var hasCue = false;
        for (var t = 0; t < raw.Count; t++)
        {
            var next = t + 1 < raw.Count ? raw[t + 1].Lower : null;
            var word = Canonical(raw[t].Lower, previous, next);
            if (t > 0) sb.Append(' ');
            canonicalStarts[t] = sb.Length;
            originalStarts[t] = raw[t].Start;
            originalEnds[t] = raw[t].End;
            sb.Append(word);
            previous = word;
            hasCue |= char.IsDigit(word[0]) || Cues.Contains(word) || (word.Length == 5 && word.StartsWith("mon", StringComparison.Ordinal))
                || (word.Length == 2 && word[0] == 'q' && word[1] is >= '1' and <= '4');
        }
        return new PeriodWords(sb.ToString(), hasCue, canonicalStarts, originalStarts, originalEnds);
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '\'' or '\u2019' or '/';
    private static bool IsEdgeChar(char c) => c is '-' or '\'' or '\u2019' or '/';

    private static string Canonical(string word, string? previous, string? next)
    {
        if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("\u2019s", StringComparison.Ordinal)) word = word[..^2];
        if (word.Length == 0) return "_";
        if (char.IsDigit(word[0])) return word.Replace('/', '-');

        // "may" is a month only where a month is expected: "in May", "from March to May", "May 2026".
        if (word == "may")
            return (previous is not null && MayLeadIns.Contains(previous)) || (next is { Length: 4 } && next.All(char.IsDigit)) ? "mon05" : "may";

        if (Words.TryGetValue(word, out var canonical)) return canonical;
        if (word.Length >= 5 && !NotTypos.Contains(word) && word.All(char.IsLetter))
        {
            var corrected = EditDistance.Correct(word, TypoTargets);
            if (corrected is not null) return Words[corrected];
        }
        return word;
    }

    private static readonly HashSet<string> Cues =
        ["last", "past", "next", "this", "ytd", "qtd", "mtd", "today", "yesterday", "tomorrow", "since", "day", "week", "month", "quarter", "year"];

    private static readonly HashSet<string> MayLeadIns =
        ["in", "of", "from", "to", "since", "during", "until", "till", "through", "thru", "and", "between", "for", "by", "last", "this", "next", "over"];

    /// <summary>Real words one letter away from a vocabulary word; never "corrected".</summary>
    private static readonly HashSet<string> NotTypos = ["match", "marsh", "mouth", "junes", "weeds", "weekly", "monthly", "yearly", "daily", "dates", "nears", "years"];

    private static readonly Dictionary<string, string> Words = BuildWords();

    /// <summary>Words of five letters or more that typos are corrected to.</summary>
    private static readonly string[] TypoTargets =
    [
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "quarter", "quarters", "month", "months", "weeks", "years", "today", "yesterday", "tomorrow", "between", "since",
        "previous", "trailing", "upcoming", "during", "through",
    ];

    private static Dictionary<string, string> BuildWords()
    {
        var w = new Dictionary<string, string>(StringComparer.Ordinal);
        string[][] months =
        [
            ["january", "jan"], ["february", "feb", "febuary"], ["march", "mar"], ["april", "apr"], [], ["june", "jun"],
            ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"], ["november", "nov"], ["december", "dec"],
        ];
        for (var m = 0; m < 12; m++)
            foreach (var name in months[m]) w[name] = $"mon{m + 1:00}";

        void Map(string canonical, params string[] words) { foreach (var x in words) w[x] = canonical; }
        Map("day", "day", "days", "d");
        Map("week", "week", "weeks", "wk", "wks");
        Map("month", "month", "months", "mo", "mos", "mth", "mths");
        Map("quarter", "quarter", "quarters", "qtr", "qtrs");
        Map("year", "year", "years", "yr", "yrs");
        Map("last", "last", "previous", "prior", "preceding");
        Map("past", "past", "trailing");
        Map("next", "next", "coming", "upcoming", "following");
        Map("this", "this", "current");
        Map("ytd", "ytd", "year-to-date");
        Map("qtd", "qtd", "quarter-to-date");
        Map("mtd", "mtd", "month-to-date");
        Map("between", "between");
        Map("since", "since");
        Map("through", "through", "thru");
        Map("during", "during");
        Map("today", "today");
        Map("yesterday", "yesterday");
        Map("tomorrow", "tomorrow");
        string[] numbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
        for (var n = 1; n < numbers.Length; n++) w[numbers[n]] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Map("14", "fourteen");
        Map("30", "thirty");
        Map("60", "sixty");
        Map("90", "ninety");
        return w;
    }
}
