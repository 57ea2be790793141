namespace CsBot.Core.Querying;

/// <summary>
/// The account names (and aliases) of a portfolio as lower-case words, so the parser can tell a name from a keyword:
/// a word of a name is never "corrected" into a keyword, "hoolis score" becomes "hooli's score" only when "hooli" is a
/// name, and a name found anywhere in a chatty message ("I have a call with Vandelay in 10 min, how are they looking")
/// is enough with a recognisable intent. Names are kept as their leading words ("vandelay", "vandelay imports"), which
/// is how people shorten them; look-ups are hash-set checks, cheap at any portfolio size.
/// </summary>
public sealed class KnownNames
{
    /// <summary>No names: the parser works on keywords alone.</summary>
    public static readonly KnownNames None = new([]);

    private const int MaxWords = 5;
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly HashSet<string> _leads = new(StringComparer.Ordinal);

    public KnownNames(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var words = Words(name);
            if (words.Count == 0) continue;
            foreach (var w in words) _words.Add(w);
            for (var n = 1; n <= Math.Min(words.Count, MaxWords); n++) _leads.Add(string.Join(' ', words.Take(n)));
        }
    }

    public bool IsEmpty => _leads.Count == 0;

    /// <summary>The lower-case word is part of some account name.</summary>
    public bool IsNameWord(string word) => _words.Contains(word);

    /// <summary>The text is a name or its leading words ("umbrella", "Acme Corp", "hooli's"), nothing else.</summary>
    public bool IsName(string text)
    {
        var words = Words(text);
        return words.Count is > 0 and <= MaxWords && _leads.Contains(string.Join(' ', words));
    }

    /// <summary>
    /// The longest run of words in <paramref name="text"/> that is a name or its leading words (earliest on a tie), as
    /// word positions in <see cref="Words(string)"/> of the text; null when there is none.
    /// </summary>
    public (int First, int Count)? Find(IReadOnlyList<string> words)
    {
        (int First, int Count)? best = null;
        for (var i = 0; i < words.Count; i++)
        {
            var phrase = "";
            for (var n = 1; n <= MaxWords && i + n <= words.Count; n++)
            {
                phrase = n == 1 ? words[i] : phrase + " " + words[i + n - 1];
                if (_leads.Contains(phrase) && (best is null || n > best.Value.Count)) best = (i, n);
            }
        }
        return best;
    }

    /// <summary>Lower-case words of letters, digits and '&amp;', with a possessive "'s" dropped ("Hooli's" is "hooli").</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>(8);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var s = i;
            while (i < text.Length && (IsWordChar(text[i]) || (text[i] is '\'' or '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1])))) i++;
            var word = text[s..i].ToLowerInvariant().Replace('\u2019', '\'');
            if (word.EndsWith("'s", StringComparison.Ordinal)) word = word[..^2];
            word = word.Replace("'", "", StringComparison.Ordinal);
            if (word.Length > 0) words.Add(word);
        }
        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '&';
}
