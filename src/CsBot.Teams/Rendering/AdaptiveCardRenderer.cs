using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsBot.Core;
using CsBot.Core.Messaging;

namespace CsBot.Teams.Rendering;

/// <summary>
/// Draws a neutral <see cref="ChatMessage"/> as an Adaptive Card (schema 1.5, the newest Teams renders), built as
/// plain JSON so nothing depends on an Adaptive Cards library. Severity colours the title band; fields become a
/// FactSet; every button is an Action.Execute (falling back to Action.Submit) whose data is {kind, value}, read back by
/// <see cref="CardActionData"/>.
/// Every string of the message is plain text and may be customer data: whatever lands where Teams reads Markdown
/// (TextBlocks, facts, fallback text) is escaped by <see cref="TeamsMarkdown"/>; emphasis comes from TextBlock weight.
/// </summary>
public static class AdaptiveCardRenderer
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaVersion = "1.5";

    /// <summary>
    /// Cards are kept under this many UTF-8 bytes. Teams takes about 100 KB per bot message and documents 80 KB as
    /// safe; 28 KB is its smallest limit (incoming webhooks), so a card this size posts anywhere Teams takes one.
    /// </summary>
    public const int MaxCardBytes = 28_000;

    public static JsonObject Render(ChatMessage message) =>
        // Base64 images do not count against Teams' size limit, so the picture is added after the text is sized.
        PictureCardImage.Attach(RenderText(message), message);

    private static JsonObject RenderText(ChatMessage message)
    {
        var card = Build(message, message.Sections.Count);
        if (Size(card) <= MaxCardBytes) return card;
        // Too big: keep the most leading whole sections that fit (never cut one in half) and say how many were left out.
        int fits = 0, tooMany = message.Sections.Count;
        while (tooMany - fits > 1)
        {
            var middle = (fits + tooMany) / 2;
            if (Size(Build(message, middle)) <= MaxCardBytes) fits = middle;
            else tooMany = middle;
        }
        return Build(message, fits);
    }

    public static int Size(JsonObject card) => Encoding.UTF8.GetByteCount(card.ToJsonString());

    private static JsonObject Build(ChatMessage message, int shownSections)
    {
        var shown = message with { Sections = [.. message.Sections.Take(shownSections)] };
        var hidden = message.Sections.Count - shownSections;
        var body = new JsonArray { TitleBand(message) };
        foreach (var section in shown.Sections) body.Add(Section(section));

        var context = message.Context.ToList();
        if (hidden > 0) context.Add($"{hidden} more section{(hidden == 1 ? "" : "s")} not shown; ask me for details.");
        if (context.Count > 0)
        {
            var small = new JsonArray();
            foreach (var line in context) small.Add(Text(line, size: "Small", subtle: true));
            body.Add(new JsonObject { ["type"] = "Container", ["separator"] = true, ["items"] = small });
        }

        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = SchemaVersion,
            ["fallbackText"] = TeamsMarkdown.Escape(PlainTextFallback.Render(shown)),
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
        };
        if (message.Actions.Count > 0) card["actions"] = Actions(message.Actions);
        return card;
    }

    private static JsonObject TitleBand(ChatMessage message)
    {
        var title = Text(message.Title, size: "Medium", weight: "Bolder");
        if (Color(message.Severity) is { } color) title["color"] = color;
        var items = new JsonArray { title };
        var band = new JsonObject { ["type"] = "Container", ["items"] = items };
        if (Style(message.Severity) is { } style)
        {
            band["style"] = style;
            band["bleed"] = true;
        }
        return band;
    }

    private static JsonObject Section(MessageSection section)
    {
        var items = new JsonArray();
        if (section.Heading is { Length: > 0 } heading) items.Add(Text(heading, weight: "Bolder"));
        if (section.Text is { Length: > 0 } text)
        {
            // One TextBlock per line: a single newline inside a TextBlock is not a line break in Teams' markdown.
            foreach (var line in text.Split('\n'))
                items.Add(Text(line.TrimEnd(), spacing: "None"));
        }
        if (section.Fields.Count > 0)
        {
            var facts = new JsonArray();
            foreach (var field in section.Fields) facts.Add(new JsonObject { ["title"] = TeamsMarkdown.Escape(field.Label), ["value"] = TeamsMarkdown.Escape(field.Value) });
            items.Add(new JsonObject { ["type"] = "FactSet", ["facts"] = facts });
        }
        if (section.Actions.Count > 0) items.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = Actions(section.Actions) });
        return new JsonObject { ["type"] = "Container", ["separator"] = true, ["spacing"] = "Medium", ["items"] = items };
    }

    private static JsonArray Actions(IEnumerable<MessageAction> actions)
    {
        var array = new JsonArray();
        foreach (var action in actions)
        {
            // Action.Execute (Universal Actions) lets the press answer with the redrawn card; a client too old for it
            // draws the same button as Action.Submit instead.
            var execute = Button("Action.Execute", action);
            execute["verb"] = action.Kind.ToString();
            execute["fallback"] = Button("Action.Submit", action);
            array.Add(execute);
        }
        return array;
    }

    private static JsonObject Button(string type, MessageAction action)
    {
        var button = new JsonObject
        {
            ["type"] = type,
            ["title"] = TeamsMarkdown.Plain(action.Label),
            ["data"] = new JsonObject { [CardActionData.KindProperty] = action.Kind.ToString(), [CardActionData.ValueProperty] = action.Value },
        };
        if (action.Style == ActionStyle.Primary) button["style"] = "positive";
        else if (action.Style == ActionStyle.Danger) button["style"] = "destructive";
        return button;
    }

    /// <summary>A TextBlock showing <paramref name="text"/> as it is: plain text in, escaped Markdown out.</summary>
    private static JsonObject Text(string text, string? size = null, string? weight = null, bool subtle = false, string? spacing = null)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = TeamsMarkdown.Escape(text), ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (subtle) block["isSubtle"] = true;
        if (spacing is not null) block["spacing"] = spacing;
        return block;
    }

    private static string? Style(Severity? severity) => severity switch
    {
        Severity.Critical or Severity.High => "attention",
        Severity.Warning => "warning",
        Severity.Info => "accent",
        _ => null,
    };

    private static string? Color(Severity? severity) => severity switch
    {
        Severity.Critical or Severity.High => "Attention",
        Severity.Warning => "Warning",
        _ => null,
    };

    /// <summary>Serialised for the wire (Bot Framework attachments carry card content as JSON).</summary>
    public static string ToJson(JsonObject card) => card.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
