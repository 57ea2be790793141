using System.Globalization;
using System.Text;

namespace CsBot.Slack.Rendering;

/// <summary>
/// Escaping and length limits for Slack text. Everything in a neutral message is plain text that may hold customer
/// data (account, owner, respondent names), so whatever is placed in mrkdwn goes through <see cref="Escape"/> first;
/// the renderer adds its own markup (the bold of a heading) around escaped text, never inside it.
/// </summary>
public static class SlackText
{
    /// <summary>
    /// Makes plain text show as itself in mrkdwn, whatever it contains:
    /// <list type="bullet">
    /// <item>&amp;, &lt; and &gt; become entities, as Slack asks, so nothing from data can open a mention
    /// (&lt;!channel&gt;, &lt;@U…&gt;) or a disguised link (&lt;https://…|…&gt;).</item>
    /// <item>*, _, ~ and ` that could open or close formatting become look-alikes (∗ ˍ ∼ ˋ). Slack has no escape for
    /// them, and a zero-width space next to one makes formatting more likely, not less. A * _ or ~ between two letters
    /// or digits cannot format anything in Slack, so "usage_drop" and "jane_doe@acme.example" stay as typed.</item>
    /// <item>A line that starts with &gt; would be a quote: a soft hyphen goes in front (invisible, as Slack renders it).</item>
    /// <item>@channel, @here and @everyone get a word joiner after the @ so no parsing turns them into mentions.</item>
    /// <item>Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are dropped: one in a name
    /// would reverse the rest of the line, our own words included.</item>
    /// </list>
    /// </summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsBidiControl(c)) continue;
            if (lineStart && c == '>') result.Append(SoftHyphen);
            switch (c)
            {
                case '&': result.Append("&amp;"); break;
                case '<': result.Append("&lt;"); break;
                case '>': result.Append("&gt;"); break;
                case '`': result.Append('ˋ'); break;
                case '*' or '_' or '~' when !InsideWord(text, i): result.Append(LookAlike(c)); break;
                case '@' when SpecialMention(text, i + 1): result.Append('@').Append(WordJoiner); break;
                default: result.Append(c); break;
            }
            if (c == '\n') lineStart = true;
            else if (c is not (' ' or '\t')) lineStart = false;
        }
        return result.ToString();
    }

    /// <summary>Plain text for plain_text objects (headers, button labels): Slack shows it as is, except that a bidi override still reorders it.</summary>
    public static string Plain(string text) => text.Any(IsBidiControl) ? string.Concat(text.Where(c => !IsBidiControl(c))) : text;

    /// <summary>Undoes Slack's escaping of message text typed by a person.</summary>
    public static string Unescape(string text) => text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    /// <summary>
    /// Cuts at <paramref name="max"/> UTF-16 characters, ending with an ellipsis. Cuts only between text elements, so no
    /// emoji, ZWJ sequence, flag or accented letter is split, and never inside an entity written by <see cref="Escape"/>.
    /// </summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        var kept = 0;
        foreach (var length in UnitLengths(text))
        {
            if (kept + length > max - 1) break;
            kept += length;
        }
        return text[..kept].TrimEnd() + "…";
    }

    /// <summary>
    /// Keeps whole lines up to <paramref name="max"/> characters and says how many were left out
    /// ("…and 12 more lines"), so a long list stays honest about what is missing.
    /// </summary>
    public static string CutLines(string text, int max)
    {
        if (text.Length <= max) return text;
        var lines = text.Split('\n');
        const int reserve = 40;
        var kept = new List<string>();
        var length = 0;
        foreach (var line in lines)
        {
            if (length + line.Length + 1 > max - reserve) break;
            kept.Add(line);
            length += line.Length + 1;
        }
        if (kept.Count == 0) return Cut(text, max);
        return string.Join('\n', kept) + $"\n…and {lines.Length - kept.Count} more lines";
    }

    private const char SoftHyphen = '\u00AD';
    private const char WordJoiner = '\u2060';

    private static char LookAlike(char c) => c switch
    {
        '*' => '∗', // U+2217 asterisk operator
        '_' => 'ˍ', // U+02CD modifier letter low macron
        _ => '∼', // U+223C tilde operator
    };

    private static bool InsideWord(string text, int i) =>
        i > 0 && i < text.Length - 1 && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);

    private static bool SpecialMention(string text, int at) =>
        StartsWord(text, at, "channel") || StartsWord(text, at, "here") || StartsWord(text, at, "everyone");

    private static bool StartsWord(string text, int at, string word) =>
        string.Compare(text, at, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>The lengths of the pieces text may be cut between: text elements, with an escaped entity counted as one.</summary>
    private static IEnumerable<int> UnitLengths(string text)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        var skipUntil = 0;
        var pending = 0;
        while (elements.MoveNext())
        {
            var index = elements.ElementIndex;
            var length = elements.GetTextElement().Length;
            if (index < skipUntil)
            {
                pending += length;
                if (index + length >= skipUntil)
                {
                    yield return pending;
                    pending = 0;
                }
                continue;
            }
            var entity = text[index] == '&' ? EntityLength(text, index) : 0;
            if (entity > 1)
            {
                skipUntil = index + entity;
                pending = length;
                continue;
            }
            yield return length;
        }
        if (pending > 0) yield return pending;
    }

    private static int EntityLength(string text, int index)
    {
        foreach (var entity in (ReadOnlySpan<string>)["&amp;", "&lt;", "&gt;"])
            if (string.CompareOrdinal(text, index, entity, 0, entity.Length) == 0) return entity.Length;
        return 0;
    }
}
