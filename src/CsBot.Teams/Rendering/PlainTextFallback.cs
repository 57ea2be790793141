using System.Text;
using CsBot.Core.Messaging;

namespace CsBot.Teams.Rendering;

/// <summary>The whole message as plain lines, for clients that cannot draw the card (and for card fallbackText).</summary>
public static class PlainTextFallback
{
    public static string Render(ChatMessage message)
    {
        var text = new StringBuilder(message.Title);
        foreach (var section in message.Sections)
        {
            text.Append('\n');
            if (section.Heading is { Length: > 0 } heading) text.Append('\n').Append(heading);
            if (section.Text is { Length: > 0 } body) text.Append('\n').Append(body);
            foreach (var field in section.Fields) text.Append('\n').Append(field.Label).Append(": ").Append(field.Value);
        }
        foreach (var line in message.Context) text.Append('\n').Append(line);
        return text.ToString();
    }
}
