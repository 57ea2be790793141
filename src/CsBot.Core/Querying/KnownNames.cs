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

    // Owners' full names by the first letter of the first name, the only letter a typo is assumed to spare.
    private readonly Dictionary<char, List<(string[] Words, string Name)>> _owners = [];

    /// <param name="names">Account names and aliases.</param>
    /// <param name="owners">The portfolio's owners' full names ("Dana Whitfield"), recognised as typed in lower case.</param>
    public KnownNames(IEnumerable<string> names, IEnumerable<string>? owners = null)
    {
        foreach (var owner in (owners ?? []).Where(o => !string.IsNullOrWhiteSpace(o)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var words = Words(owner);
            // A first name alone is left to the owner look-up: it is also a word of sentences and of account names.
            if (words.Count < 2 || words.Count > MaxWords) continue;
            if (!_owners.TryGetValue(words[0][0], out var list)) _owners[words[0][0]] = list = [];
            list.Add(([.. words], owner.Trim()));
        }

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

    /// <summary>
    /// The owner whose full name starts at <paramref name="tokens"/>[<paramref name="at"/>], typed in any case with at
    /// most one letter wrong, the last word possibly with a possessive "s" or "'s" ("dana whitfields", "priya rman"):
    /// the owner's name as the data spells it, how many tokens it took and whether it was possessive. Null when none,
    /// or when the words are an account's name.
    /// </summary>
    public (string Name, int Count, bool Possessive)? OwnerAt(IReadOnlyList<string> tokens, int at)
    {
        if (_owners.Count == 0 || at >= tokens.Count || tokens[at].Length == 0
            || !_owners.TryGetValue(char.ToLowerInvariant(tokens[at][0]), out var candidates)) return null;
        (string Name, int Count, bool Possessive, int Edits)? best = null;
        foreach (var (words, name) in candidates)
        {
            if (at + words.Length > tokens.Count) continue;
            var edits = 0;
            var possessive = false;
            for (var k = 0; k < words.Length && edits <= 1; k++)
            {
                var typed = tokens[at + k].ToLowerInvariant().Replace('\u2019', '\'');
                if (k < words.Length - 1) edits += Edits(typed, words[k]);
                else
                {
                    var bare = typed.EndsWith("'s", StringComparison.Ordinal) ? typed[..^2] : typed.EndsWith('s') ? typed[..^1] : null;
                    var asTyped = Edits(typed, words[k]);
                    var withoutS = bare is null ? 2 : Edits(bare, words[k]);
                    // "whitfields" is one edit from "whitfield" but reads as its possessive; an exact word wins.
                    possessive = withoutS <= asTyped && asTyped > 0 && withoutS <= 1;
                    edits += possessive ? withoutS : asTyped;
                }
            }
            if (edits > 1 || (best is { } b && b.Edits <= edits)) continue;
            best = (name, words.Length, possessive, edits);
        }
        if (best is not { } found) return null;
        if (IsName(string.Join(' ', tokens.Skip(at).Take(found.Count)))) return null;
        return (found.Name, found.Count, found.Possessive);
    }

    /// <summary>0 for the same word, 1 for one letter wrong in a word of five letters or more (first letter kept), else 2.</summary>
    private static int Edits(string typed, string word)
    {
        if (typed == word) return 0;
        if (word.Length < 5 || typed.Length == 0 || typed[0] != word[0]) return 2;
        return EditDistance.Bounded(typed, word, 1) <= 1 ? 1 : 2;
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
