using System.Text.Json.Nodes;
using CsBot.Core;
using CsBot.Core.Messaging;

namespace CsBot.Slack.Rendering;

/// <summary>
/// Draws a neutral <see cref="ChatMessage"/> as Slack Block Kit: a header, one section per message section (label/value
/// fields ten to a block), context lines, and buttons whose action_id carries the <see cref="ActionKind"/>. A message
/// with a severity sits in an attachment so Slack shows a coloured bar. Slack rejects a message that breaks a limit,
/// so every limit is enforced here by cutting and saying how much was left out. Every string of the message is plain
/// text and may be customer data: it is escaped (<see cref="SlackText.Escape"/>) wherever it lands in mrkdwn, the
/// notification text included, and the only markup is the bold this renderer puts around headings and labels.
/// </summary>
public static class BlockKitRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxHeaderChars = 150;
    public const int MaxTextChars = 3000;
    public const int MaxFieldChars = 2000;
    public const int MaxFieldsPerSection = 10;
    public const int MaxButtonsPerBlock = 25;
    public const int MaxButtonLabelChars = 75;
    public const int MaxButtonValueChars = 2000;
    public const int MaxContextElements = 10;
    /// <summary>The notification text; Slack truncates far above this, but long previews help nobody.</summary>
    public const int MaxFallbackChars = 3000;

    public static JsonObject Render(ChatMessage message)
    {
        // The top-level text is mrkdwn too (notifications, mobile previews): escaped like every block.
        var payload = new JsonObject { ["text"] = SlackText.Cut(SlackText.Escape(message.PreviewText), MaxFallbackChars) };
        var blocks = Blocks(message);
        if (message.Severity is { } severity)
            payload["attachments"] = new JsonArray(new JsonObject { ["color"] = Colour(severity), ["blocks"] = blocks });
        else
            payload["blocks"] = blocks;
        return payload;
    }

    public static string Colour(Severity severity) => severity switch
    {
        Severity.Critical => "#D0021B",
        Severity.High => "#E8590C",
        Severity.Warning => "#F2C744",
        _ => "#1D9BD1",
    };

    private static JsonArray Blocks(ChatMessage message)
    {
        var tail = new List<JsonObject>();
        tail.AddRange(ActionBlocks(message.Actions));
        tail.AddRange(ContextBlocks(message.Context));

        var sections = message.Sections.Select((s, i) => SectionBlocks(s, divider: i > 0 && message.Sections[i - 1].Actions.Count > 0)).ToList();
        var budget = MaxBlocks - 1 - tail.Count;
        var kept = new List<JsonObject>();
        var keptSections = 0;
        if (sections.Sum(s => s.Count) > budget)
        {
            budget -= 1; // room for the "and N more" line
            foreach (var section in sections)
            {
                if (kept.Count + section.Count > budget) break;
                kept.AddRange(section);
                keptSections++;
            }
            kept.Add(Context([$"…and {sections.Count - keptSections} more not shown"]));
        }
        else
        {
            kept.AddRange(sections.SelectMany(s => s));
        }

        var blocks = new JsonArray(Header(message.Title));
        foreach (var block in kept.Concat(tail).Take(MaxBlocks - 1)) blocks.Add(block);
        return blocks;
    }

    private static JsonObject Header(string title) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(SlackText.Cut(SlackText.Plain(title), MaxHeaderChars)),
    };

    private static List<JsonObject> SectionBlocks(MessageSection section, bool divider)
    {
        var blocks = new List<JsonObject>();
        if (divider) blocks.Add(new JsonObject { ["type"] = "divider" });
        var text = SectionText(section);
        var chunks = section.Fields.Chunk(MaxFieldsPerSection).ToList();
        if (text is null && chunks.Count == 0 && section.Actions.Count == 0) return blocks;

        if (chunks.Count == 0) chunks.Add([]);
        var first = true;
        foreach (var chunk in chunks)
        {
            var block = new JsonObject { ["type"] = "section" };
            if (first && text is not null) block["text"] = Mrkdwn(SlackText.CutLines(text, MaxTextChars));
            if (chunk.Length > 0) block["fields"] = new JsonArray([.. chunk.Select(Field)]);
            if (block.Count > 1) blocks.Add(block);
            first = false;
        }
        blocks.AddRange(ActionBlocks(section.Actions));
        return blocks;
    }

    private static string? SectionText(MessageSection section)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(section.Heading)) parts.Add($"*{SlackText.Escape(section.Heading.Trim())}*");
        if (!string.IsNullOrWhiteSpace(section.Text)) parts.Add(SlackText.Escape(section.Text.TrimEnd()));
        return parts.Count == 0 ? null : string.Join('\n', parts);
    }

    private static JsonNode Field(MessageField field) =>
        Mrkdwn(SlackText.Cut($"*{SlackText.Escape(field.Label)}*\n{SlackText.Escape(field.Value)}", MaxFieldChars));

    private static IEnumerable<JsonObject> ActionBlocks(IReadOnlyList<MessageAction> actions) =>
        actions.Chunk(MaxButtonsPerBlock).Select(chunk => new JsonObject
        {
            ["type"] = "actions",
            ["elements"] = new JsonArray([.. chunk.Select((a, i) => (JsonNode)Button(a, i))]),
        });

    private static JsonObject Button(MessageAction action, int index)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(SlackText.Cut(SlackText.Plain(action.Label), MaxButtonLabelChars)),
            ["action_id"] = SlackActionId.Encode(action.Kind, index),
            ["value"] = SlackText.Cut(action.Value, MaxButtonValueChars),
        };
        if (action.Style != ActionStyle.Default) button["style"] = action.Style == ActionStyle.Primary ? "primary" : "danger";
        return button;
    }

    private static IEnumerable<JsonObject> ContextBlocks(IReadOnlyList<string> lines) =>
        lines.Where(l => !string.IsNullOrWhiteSpace(l)).Chunk(MaxContextElements).Select(Context);

    private static JsonObject Context(IEnumerable<string> lines) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray([.. lines.Select(l => Mrkdwn(SlackText.CutLines(SlackText.Escape(l), MaxTextChars)))]),
    };

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    /// <summary>
    /// Text already escaped. Verbatim: Slack must not link URLs, #channels or @mentions it finds in plain words; what
    /// this renderer writes is all the markup there is.
    /// </summary>
    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text, ["verbatim"] = true };
}
