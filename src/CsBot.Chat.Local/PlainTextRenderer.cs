using System.Text;
using CsBot.Core.Messaging;

namespace CsBot.Chat.Local;

/// <summary>Renders a neutral message as plain text: the log file copy and the text of local answers.</summary>
public static class PlainTextRenderer
{
    public static string Render(ChatMessage message)
    {
        var text = new StringBuilder();
        text.Append(message.Severity is { } severity ? $"[{severity.ToString().ToUpperInvariant()}] " : "").AppendLine(message.Title);
        foreach (var section in message.Sections)
        {
            if (section.Heading is not null) text.AppendLine("## " + section.Heading);
            if (!string.IsNullOrEmpty(section.Text))
                foreach (var line in section.Text.Split('\n')) text.AppendLine("  " + line);
            foreach (var field in section.Fields) text.AppendLine($"  {field.Label}: {field.Value}");
            if (section.Actions.Count > 0) text.AppendLine("  " + Buttons(section.Actions));
        }
        if (message.Actions.Count > 0) text.AppendLine(Buttons(message.Actions));
        foreach (var line in message.Context) text.AppendLine("(" + line + ")");
        // Text cannot show the chart: its alt text states the numbers instead.
        if (message.Picture is { AltText.Length: > 0 } picture) text.AppendLine("[chart] " + picture.AltText);
        return text.ToString().TrimEnd();
    }

    private static string Buttons(IEnumerable<MessageAction> actions) => string.Join(" ", actions.Select(a => $"[{a.Label}]"));
}
