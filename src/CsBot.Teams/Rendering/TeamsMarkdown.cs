using System.Text;

namespace CsBot.Teams.Rendering;

/// <summary>
/// Adaptive Card TextBlocks, FactSet facts and a card's fallback text read a subset of Markdown (bold, italic, lists,
/// links). Every string of a neutral message is plain text and may be customer data, so it is escaped here before it
/// lands in one of them: "[Click me](https://evil.example)" in an account name must stay those characters, not become
/// a link in the bot's own card. The renderer's own emphasis comes from TextBlock properties, never from Markdown.
/// </summary>
public static class TeamsMarkdown
{
    /// <summary>Characters Markdown may act on anywhere in a line: emphasis, code, links, autolinks and entities.</summary>
    private const string AlwaysEscaped = @"\*_[]()`~<>&";

    /// <summary>
    /// Backslash-escapes Markdown's punctuation (CommonMark shows an escaped ASCII punctuation character as itself),
    /// plus what would make a line a list item or heading: a leading -, + or #, or the . or ) after leading digits.
    /// Bidirectional embeddings, overrides and isolates are dropped: one in a name would reverse the rest of the line.
    /// Lines end at \n or \r (Adaptive Cards separate list items with either).
    /// </summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 16);
        var lineStart = true;
        var leadingDigits = false;
        foreach (var c in text)
        {
            if (IsBidiControl(c)) continue;
            if (AlwaysEscaped.Contains(c) || (lineStart && c is '-' or '+' or '#') || (leadingDigits && c is '.' or ')'))
                result.Append('\\');
            result.Append(c);

            if (c is '\n' or '\r')
            {
                lineStart = true;
                leadingDigits = false;
            }
            else if (char.IsAsciiDigit(c) && (lineStart || leadingDigits))
            {
                lineStart = false;
                leadingDigits = true;
            }
            else if (!(lineStart && c is ' ' or '\t'))
            {
                lineStart = false;
                leadingDigits = false;
            }
        }
        return result.ToString();
    }

    /// <summary>For text Teams shows as typed (button titles, the notification summary): only the bidi controls go.</summary>
    public static string Plain(string text) => text.Any(IsBidiControl) ? string.Concat(text.Where(c => !IsBidiControl(c))) : text;

    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}
