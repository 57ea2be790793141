using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsBot.Core.Messaging;
using CsBot.Teams.Rendering;
using CsBot.Tests.Shared;

namespace CsBot.Teams.Tests;

/// <summary>
/// Account, owner, respondent and asker names are customer data: whatever they contain, the activity CsBot sends to
/// Teams must show them as text. Adaptive Card TextBlocks and facts read Markdown, so "[Click me](https://evil.example)"
/// in a name would otherwise be a live link in the bot's own card.
/// </summary>
public sealed partial class HostileDataTests
{
    public static TheoryData<string> Kinds() => [.. HostilePortfolio.AllMessages().Select(m => m.Kind)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_hostile_name_becomes_markdown_in_the_card(string kind)
    {
        var message = HostilePortfolio.AllMessages().Single(m => m.Kind == kind).Message;

        var activity = JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(TeamsMessages.ToActivity(message)))!.AsObject();
        var card = activity["attachments"]![0]!["content"]!.AsObject();

        var markdown = MarkdownStrings(card).ToList();
        Assert.NotEmpty(markdown);
        foreach (var text in markdown)
        {
            Assert.Equal("", Unescaped(text)); // every character Markdown could act on is escaped
            Assert.DoesNotMatch(LineMarker(), text); // no line of data turns into a list item or heading
            Assert.DoesNotContain("[Click me](", text);
        }
        foreach (var (property, text) in Strings(activity))
        {
            AssertWholeEmoji(text);
            if (property == "value") continue; // a button's data is handed back to CsBot when pressed, never shown
            Assert.DoesNotContain('\u202E', text); // a right-to-left override would reverse the rest of the line, our words included
        }
    }

    [Fact]
    public void Escaped_text_still_reads_as_the_name_once_markdown_has_removed_the_backslashes()
    {
        var card = AdaptiveCardRenderer.Render(new ChatMessage { Title = HostilePortfolio.Bravo.Name });
        var title = (string)card["body"]![0]!["items"]![0]!["text"]!;

        Assert.Equal(HostilePortfolio.Bravo.Name.Replace("\u202E", ""), BackslashEscapes().Replace(title, "$1"));
    }

    [Fact]
    public void Lines_that_start_like_a_list_or_a_heading_stay_text()
    {
        var card = AdaptiveCardRenderer.Render(new ChatMessage { Title = "t", Sections = [new MessageSection { Text = "- one\n+ two\n1. three\n12) four\n# five\n  - six" }] });

        var lines = card["body"]![1]!["items"]!.AsArray().Select(i => (string)i!["text"]!);

        Assert.Equal([@"\- one", @"\+ two", @"1\. three", @"12\) four", @"\# five", @"  \- six"], lines);
    }

    /// <summary>The strings Teams reads as Markdown: TextBlock text, fact titles and values, and the card's fallback text.</summary>
    private static IEnumerable<string> MarkdownStrings(JsonObject card)
    {
        if (card["fallbackText"] is JsonValue fallback) yield return fallback.GetValue<string>();
        foreach (var node in JsonTree.Descendants(card).OfType<JsonObject>())
        {
            if ((string?)node["type"] == "TextBlock") yield return (string)node["text"]!;
            if (node["facts"] is JsonArray facts)
                foreach (var fact in facts)
                {
                    yield return (string)fact!["title"]!;
                    yield return (string)fact["value"]!;
                }
        }
    }

    /// <summary>The Markdown-active characters of <paramref name="text"/> that no backslash escapes.</summary>
    private static string Unescaped(string text)
    {
        var found = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\') { i++; continue; }
            if (@"*_[]()`~<>&".Contains(text[i])) found.Append(text[i]);
        }
        return found.ToString();
    }

    private static void AssertWholeEmoji(string text)
    {
        _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(text); // throws on a lone surrogate
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            if (element.Contains('\u200D')) Assert.Equal(HostilePortfolio.Family, element);
        }
    }

    private static IEnumerable<(string Property, string Text)> Strings(JsonNode root) =>
        JsonTree.Descendants(root).OfType<JsonObject>().SelectMany(o => o
            .Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _))
            .Select(p => (p.Key, p.Value!.GetValue<string>())));

    [GeneratedRegex(@"(^|\n)[ \t]*([-+#]|\d+[.)])(\s|$)")]
    private static partial Regex LineMarker();

    [GeneratedRegex(@"\\(\p{P}|\p{S})")]
    private static partial Regex BackslashEscapes();
}
