using CsBot.Core.Ports;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsBot.Core.Messaging;
using CsBot.Slack.Api;
using CsBot.Slack.Outbound;
using CsBot.Slack.Rendering;
using CsBot.Slack.Tests.Host;
using CsBot.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CsBot.Slack.Tests.Rendering;

/// <summary>
/// Account, owner, respondent and asker names are customer data: whatever they contain, the JSON CsBot sends to Slack
/// must show them as text, never as a mention, a link or formatting, and never cut an emoji in half.
/// </summary>
public sealed partial class HostileDataTests
{
    public static TheoryData<string> Kinds() => [.. HostilePortfolio.AllMessages().Select(m => m.Kind)];

    private static ChatMessage Message(string kind) => HostilePortfolio.AllMessages().Single(m => m.Kind == kind).Message;

    [Theory]
    [MemberData(nameof(Kinds))]
    public void No_hostile_name_becomes_slack_markup(string kind)
    {
        AssertInert(BlockKitRenderer.Render(Message(kind)));
    }

    [Fact]
    public void The_hostile_names_reach_every_kind_of_message_that_shows_names()
    {
        string[] nameless = ["metric answer", "survey metric answer", "help", "not understood", "failure"];

        var withoutData = HostilePortfolio.AllMessages().Where(m => !HostilePortfolio.Fragments.Any(f => Neutral(m.Message).Contains(f, StringComparison.Ordinal))).Select(m => m.Kind);

        Assert.Equal(nameless, withoutData);
    }

    [Fact]
    public async Task The_alert_posted_to_slack_carries_no_markup_from_data()
    {
        using var slack = new FakeSlack();
        var clock = new FakeTimeProvider(HostilePortfolio.Now);
        var options = new SlackOptions { BotToken = "xoxb-test", SigningSecret = "s", ApiBaseUrl = slack.ApiUrl };
        var api = new SlackApiClient(new HttpClient { BaseAddress = new Uri(slack.ApiUrl) }, options, NullLogger<SlackApiClient>.Instance, clock);
        var sender = new SlackChatSender(api, new SlackUserDirectory(api, clock), new SlackChannelDirectory(api, clock),
            new SlackSentMessages(clock, NSubstitute.Substitute.For<IOutboxStore>()), options, clock);

        var result = await sender.SendAsync(new OutgoingMessage(Recipient.Channel("cs-alerts"), Message("owner alert"), "hostile-1"), CancellationToken.None);

        Assert.True(result.Delivered);
        var posted = Assert.Single(slack.Bodies("/api/chat.postMessage"));
        AssertInert(posted);
        // Escaped, not dropped: the notification text still names the account, and Slack shows the entity as "&amp;".
        Assert.Contains("Acme [Click me](https://evil.example) &lt;https://evil.example|click&gt; &amp;amp;", (string?)posted["text"]);
    }

    [Fact]
    public void A_header_cut_at_slacks_limit_keeps_every_emoji_whole()
    {
        var blocks = (BlockKitRenderer.Render(Message("health answer of a long name"))["blocks"] ?? BlockKitRenderer.Render(Message("health answer of a long name"))["attachments"]![0]!["blocks"])!.AsArray();
        var header = (string)blocks[0]!["text"]!["text"]!;

        Assert.True(header.Length <= BlockKitRenderer.MaxHeaderChars, $"{header.Length} characters");
        Assert.EndsWith(HostilePortfolio.Family + "…", header);
    }

    [Fact]
    public void Cutting_never_splits_an_emoji_a_combining_accent_or_an_entity()
    {
        // "ab" then a seven-code-point family emoji straddling the limit of 5: it is kept whole or left out, never split.
        Assert.Equal("ab…", SlackText.Cut("ab" + HostilePortfolio.Family + "cd", 5));
        Assert.Equal("ab" + HostilePortfolio.Family + "…", SlackText.Cut("ab" + HostilePortfolio.Family + "cd", 14));
        Assert.Equal("ab…", SlackText.Cut("ab" + HostilePortfolio.Flag + "cd", 4));
        Assert.Equal("ab…", SlackText.Cut("abe\u0301xyz", 4));
        Assert.Equal("a…", SlackText.Cut("a&amp;bcdef", 5));
        Assert.Equal("a&amp;…", SlackText.Cut("a&amp;bcdef", 7));
        Assert.Equal("short", SlackText.Cut("short", 5));
    }

    [Fact]
    public void Formatting_characters_inside_a_word_are_kept_so_rule_ids_and_emails_read_as_typed()
    {
        Assert.Equal("usage_drop jane_doe@acme.example 2*3", SlackText.Escape("usage_drop jane_doe@acme.example 2*3"));
        Assert.DoesNotContain("_it_", SlackText.Escape("say _it_ loud"));
        Assert.DoesNotContain("*bold*", SlackText.Escape("*bold*"));
    }

    /// <summary>The plain strings of the neutral message, before any platform drew it.</summary>
    private static string Neutral(ChatMessage m) => string.Join("\n",
        new[] { m.Title, m.FallbackText }.Concat(m.Sections.SelectMany(s => new[] { s.Heading, s.Text }.Concat(s.Fields.SelectMany(f => new[] { f.Label, f.Value }))))
            .Concat(m.Context).Concat(m.Actions.Concat(m.Sections.SelectMany(s => s.Actions)).Select(a => a.Label)).Where(t => t is not null));

    private static void AssertInert(JsonObject payload)
    {
        var mrkdwn = new List<string> { (string)payload["text"]! };
        foreach (var node in JsonTree.Descendants(payload))
        {
            if (node is JsonObject { } o && (string?)o["type"] == "mrkdwn")
            {
                mrkdwn.Add((string)o["text"]!);
                // Slack's own parsing of plain-looking text (URLs, #channels, @here) is switched off for data-bearing text.
                Assert.True((bool?)o["verbatim"] == true, $"mrkdwn without verbatim: {o.ToJsonString()}");
            }
        }
        foreach (var text in mrkdwn)
        {
            Assert.DoesNotContain("<", text); // no <!channel>, <@U…>, <https://…|…>: every '<' from data is &lt;
            Assert.DoesNotContain(">", text);
            Assert.Empty(BareAmpersand().Matches(text)); // every '&' is the start of an entity we wrote
            Assert.DoesNotContain("`", text);
            foreach (var run in new[] { "*bold*", "_it_", "~s~", "_m_", "*x*" }) Assert.DoesNotContain(run, text);
            Assert.DoesNotMatch(LeadingQuote(), text);
            Assert.DoesNotMatch(SpecialMention(), text);
        }
        foreach (var (owner, property, text) in Strings(payload))
        {
            AssertWholeEmoji(text);
            if (property == "value") continue; // a button's value is handed back to CsBot when pressed, never shown
            Assert.DoesNotContain('\u202E', text); // a right-to-left override would reverse the rest of the line, our words included
            // A raw '<' is only allowed where Slack shows text as typed: plain_text (headers, button labels).
            if (text.Contains('<')) Assert.Equal("plain_text", (string?)owner["type"]);
        }
    }

    /// <summary>Every string in the payload with the object and property that hold it.</summary>
    private static IEnumerable<(JsonObject Owner, string Property, string Text)> Strings(JsonObject payload) =>
        JsonTree.Descendants(payload).OfType<JsonObject>().SelectMany(o => o
            .Where(p => p.Value is JsonValue v && v.TryGetValue<string>(out _))
            .Select(p => (o, p.Key, p.Value!.GetValue<string>())));

    /// <summary>Well-formed UTF-16 and every ZWJ inside a complete family emoji: nothing was cut between code points.</summary>
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

    [GeneratedRegex("&(?!amp;|lt;|gt;)")]
    private static partial Regex BareAmpersand();

    [GeneratedRegex("(^|\n)[ \t]*&gt;")]
    private static partial Regex LeadingQuote();

    [GeneratedRegex("@(channel|here|everyone)", RegexOptions.IgnoreCase)]
    private static partial Regex SpecialMention();
}
