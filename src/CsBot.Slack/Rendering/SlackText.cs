namespace CsBot.Slack.Rendering;

/// <summary>Escaping and length limits for Slack text.</summary>
public static class SlackText
{
    /// <summary>Slack's mrkdwn treats &amp;, &lt; and &gt; as control characters; user and account text must not trigger links or mentions.</summary>
    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Undoes Slack's escaping of message text typed by a person.</summary>
    public static string Unescape(string text) => text.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    /// <summary>Cuts at <paramref name="max"/> characters, ending with an ellipsis.</summary>
    public static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

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
}
