using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CsBot.Core.Querying;

/// <summary>
/// Rewrites a cleaned question into the plain form the intent patterns read, the way people type in chat:
/// curly quotes and emoji, sentence punctuation between words, missing apostrophes ("hows" is "how's", "hoolis score"
/// is "hooli's score" when "hooli" is an account), chat abbreviations ("pls", "u", "accts", "w/", "yr", "q/q"), and the
/// greetings and polite wrappers around a request ("hi, could you tell me ...", "quick q about ...", "I was wondering ...").
/// Words keep their case: capitals still tell names and segments apart. The parser keeps the cleaned original for
/// <see cref="ParsedQuestion.Text"/>.
/// </summary>
public static partial class QuestionNormaliser
{
    /// <summary>The normalised question; the cleaned text itself when nothing but wrapping would be left.</summary>
    public static string Normalise(string cleaned, KnownNames? names = null)
    {
        names ??= KnownNames.None;
        var tokens = Characters(cleaned).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var words = new List<string>(tokens.Length + 2);
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var lower = token.ToLowerInvariant();
            if (token is "-" or "\u2013" or "\u2014" or "...") continue;
            // "priya raman", "dana whitfields": a known owner's full name as the data spells it, so the owner patterns read it.
            if (names.OwnerAt(tokens, i) is { } owner)
            {
                words.Add(owner.Possessive ? owner.Name + "'s" : owner.Name);
                i += owner.Count - 1;
                continue;
            }
            if (!names.IsNameWord(lower) && Abbreviations.TryGetValue(lower, out var full))
            {
                if (full.Length > 0) words.Add(full);
                continue;
            }
            // "hoolis score": a name with its apostrophe left out, only where what follows is something an account has.
            if (!names.IsEmpty && lower.Length > 3 && lower[^1] == 's' && !names.IsNameWord(lower) && names.IsNameWord(lower[..^1])
                && i + 1 < tokens.Length && Owned.Contains(tokens[i + 1].ToLowerInvariant()))
            {
                words.Add(token[..^1] + "'s");
                continue;
            }
            words.Add(token);
        }

        var s = string.Join(' ', words);
        for (var previous = ""; previous != s;)
        {
            previous = s;
            s = Greeting().Replace(s, "");
            s = Request().Replace(s, "");
            s = Trailing().Replace(s, "");
        }
        s = s.Trim();
        return s.Length == 0 ? cleaned : s;
    }

    /// <summary>Curly quotes straight, emoji and symbols out, commas and exclamation marks between words to spaces.</summary>
    private static string Characters(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\u2018' or '\u2019' or '\u02BC' or '`': sb.Append('\''); continue;
                case '\u201C' or '\u201D': sb.Append('"'); continue;
                case '!' or ';' or '\u2026': sb.Append(' '); continue;
                // "?" and "," end a clause; inside a number ("1,200") or an id they stay.
                case ',' or '?' when i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1]): sb.Append(' '); continue;
            }
            if (char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol or UnicodeCategory.NonSpacingMark
                && c != '\u00B0')
            {
                sb.Append(' ');
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Words that follow an account's name in a possessive: "hoolis score", "globexs renewal".</summary>
    private static readonly HashSet<string> Owned = new(StringComparer.Ordinal)
    {
        "score", "health", "status", "alert", "alerts", "renewal", "arr", "mrr", "trend", "owner", "csm", "plan", "seats",
        "tickets", "invoices", "usage", "nps", "csat",
    };

    /// <summary>Chat shorthand and apostrophes left out; an empty value drops the word.</summary>
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["pls"] = "", ["plz"] = "", ["please"] = "", ["pleaseee"] = "", ["kindly"] = "",
        ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["thx"] = "thanks", ["abt"] = "about", ["hw"] = "how", ["doin"] = "doing",
        ["accts"] = "accounts", ["accs"] = "accounts", ["accnts"] = "accounts", ["acct"] = "account", ["acc"] = "account",
        ["custs"] = "customers", ["yr"] = "year", ["yrs"] = "years", ["mo"] = "month", ["mos"] = "months", ["mth"] = "month",
        ["mths"] = "months", ["wk"] = "week", ["w/"] = "with", ["w"] = "with", ["b/c"] = "because", ["nxt"] = "next",
        ["q/q"] = "quarter over quarter", ["qoq"] = "quarter over quarter", ["y/y"] = "year over year", ["yoy"] = "year over year",
        ["m/m"] = "month over month", ["mom"] = "month over month",
        ["whats"] = "what's", ["hows"] = "how's", ["whos"] = "who's", ["wheres"] = "where's", ["whys"] = "why is",
        ["whens"] = "when's", ["thats"] = "that's", ["dont"] = "don't", ["doesnt"] = "doesn't", ["isnt"] = "isn't",
        ["arent"] = "aren't", ["cant"] = "can't", ["wont"] = "won't", ["didnt"] = "didn't", ["hasnt"] = "hasn't",
        ["havent"] = "haven't", ["im"] = "i'm", ["ive"] = "i've", ["theyre"] = "they're",
    };

    [GeneratedRegex(@"^(?:(?:hi|hey|hello|hiya|yo|morning|good\s+(?:morning|afternoon|evening|day))(?:\s+(?:there|team|all|everyone|folks|guys))?|ok(?:ay)?|so|um+|uh+|hmm+|well|sorry(?:\s+to\s+(?:bother|bug|disturb)(?:\s+you)?)?|just\s+(?:curious|wondering|checking)|(?:i\s+was|i'm|was)\s+(?:just\s+)?wondering(?:\s+if)?|quick\s+(?:q|question|one)|hope\s+(?:you're|you\s+are|your|all\s+is)\s+(?:well|good|doing\s+well)|csbot)(?:\b|(?<=\W))[\s:]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Greeting();

    [GeneratedRegex(@"^(?:would\s+you\s+mind\s+|(?:can|could|would|will)\s+(?:you|someone|somebody|anyone)\s+(?:(?:tell|show|give)\s+me\s+(?=(?:how|what|why|who|which|when|where|if|whether)\b)|let\s+me\s+know\s+|say\s+me\s+|pull\s+up\s+|quickly\s+)?|any\s+chance\s+you\s+could\s+|i\s+(?:would|'d)\s+(?:like|love)\s+(?:to\s+)?know\s+|i\s+(?:want|need)\s+to\s+know\s+|do\s+you\s+know\s+|tell\s+me\s+(?=(?:how|what|why|who|which|when|where|if|whether)\b)|let\s+me\s+know\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Request();

    [GeneratedRegex(@"\s+(?:these\s+days|lately|at\s+the\s+moment|atm|rn|thanks|thank\s+you|ty)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Trailing();
}
