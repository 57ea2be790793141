using System.Text.Json.Nodes;
using CsBot.Core;
using CsBot.Core.Messaging;
using CsBot.Slack.Api;
using CsBot.Slack.Rendering;
using Snapshooter.Xunit;

namespace CsBot.Slack.Tests.Rendering;

public class BlockKitRendererTests
{
    private static string Json(ChatMessage message) => BlockKitRenderer.Render(message).ToJsonString(SlackJson.Indented);

    [Fact] public void Alert_matches_snapshot() => Snapshot.Match(Json(SampleMessages.Alert()));
    [Fact] public void Grouped_alert_matches_snapshot() => Snapshot.Match(Json(SampleMessages.GroupedAlert()));
    [Fact] public void Reminder_matches_snapshot() => Snapshot.Match(Json(SampleMessages.Reminder()));
    [Fact] public void Digest_matches_snapshot() => Snapshot.Match(Json(SampleMessages.Digest()));
    [Fact] public void Health_answer_matches_snapshot() => Snapshot.Match(Json(SampleMessages.HealthAnswer()));
    [Fact] public void Metric_answer_matches_snapshot() => Snapshot.Match(Json(SampleMessages.MetricAnswer()));
    [Fact] public void Disambiguation_matches_snapshot() => Snapshot.Match(Json(SampleMessages.Disambiguation()));

    [Fact]
    public void A_message_with_a_severity_gets_the_severity_colour_bar_and_the_preview_as_fallback_text()
    {
        var message = SampleMessages.GroupedAlert();
        var payload = BlockKitRenderer.Render(message);

        Assert.Equal(SlackText.Escape(message.PreviewText), (string?)payload["text"]);
        var attachment = payload["attachments"]![0]!;
        Assert.Equal(BlockKitRenderer.Colour(Severity.Critical), (string?)attachment["color"]);
        Assert.Null(payload["blocks"]);
    }

    [Fact]
    public void Every_button_carries_its_action_kind_and_value()
    {
        var payload = BlockKitRenderer.Render(SampleMessages.Disambiguation());
        var buttons = AllBlocks(payload).Where(b => (string?)b["type"] == "actions").SelectMany(b => b["elements"]!.AsArray()).ToList();

        Assert.Equal(2, buttons.Count);
        Assert.All(buttons, b => Assert.True(SlackActionId.TryDecode((string?)b!["action_id"], out var kind) && kind == ActionKind.Choose));
        Assert.Equal(["health of Acme Corp", "health of Acme Labs"], buttons.Select(b => (string?)b!["value"]));
        Assert.Equal(2, buttons.Select(b => (string?)b!["action_id"]).Distinct().Count());
    }

    [Fact]
    public void A_huge_message_is_cut_to_slack_limits_and_says_how_much_is_missing()
    {
        var message = new ChatMessage
        {
            Title = new string('T', 400),
            Sections =
            [
                .. Enumerable.Range(1, 80).Select(i => new MessageSection
                {
                    Heading = $"Account {i}",
                    Text = string.Join('\n', Enumerable.Range(1, 400).Select(l => $"line {l} of a long explanation")),
                    Fields = [.. Enumerable.Range(1, 23).Select(f => new MessageField($"Field {f}", new string('v', 2500)))],
                    Actions = [.. Enumerable.Range(1, 30).Select(a => new MessageAction(ActionKind.Why, new string('b', 100), new string('x', 2500)))],
                }),
            ],
            Context = [.. Enumerable.Range(1, 12).Select(i => $"note {i}")],
        };

        var blocks = AllBlocks(BlockKitRenderer.Render(message));

        Assert.True(blocks.Count <= 50, $"{blocks.Count} blocks");
        Assert.Equal(150, ((string?)blocks[0]["text"]!["text"])!.Length);
        Assert.Contains(blocks, b => (string?)b["type"] == "context" && b.ToJsonString().Contains("more not shown"));
        var texts = blocks.Where(b => b["text"] is JsonObject).Select(b => (string)b["text"]!["text"]!).ToList();
        Assert.All(texts, t => Assert.True(t.Length <= 3000));
        Assert.Contains(texts, t => t.Contains("more lines"));
        var fields = blocks.Where(b => b["fields"] is not null).Select(b => b["fields"]!.AsArray()).ToList();
        Assert.All(fields, f => Assert.True(f.Count <= 10));
        Assert.All(fields.SelectMany(f => f), f => Assert.True(((string)f!["text"]!).Length <= 2000));
        var buttons = blocks.Where(b => (string?)b["type"] == "actions").Select(b => b["elements"]!.AsArray()).ToList();
        Assert.All(buttons, b => Assert.True(b.Count <= 25));
        Assert.All(buttons.SelectMany(b => b), b => Assert.True(((string)b!["text"]!["text"]!).Length <= 75 && ((string)b["value"]!).Length <= 2000));
        Assert.All(blocks.Where(b => (string?)b["type"] == "context"), c => Assert.True(c["elements"]!.AsArray().Count <= 10));
    }

    [Fact]
    public void Twenty_three_fields_are_split_ten_to_a_section()
    {
        var message = new ChatMessage
        {
            Title = "Fields",
            Sections = [new MessageSection { Text = "intro", Fields = [.. Enumerable.Range(1, 23).Select(i => new MessageField($"F{i}", "v"))] }],
        };

        var sections = AllBlocks(BlockKitRenderer.Render(message)).Where(b => (string?)b["type"] == "section").ToList();

        Assert.Equal([10, 10, 3], sections.Select(s => s["fields"]!.AsArray().Count));
        Assert.Equal("intro", (string?)sections[0]["text"]!["text"]);
    }

    [Fact]
    public void Text_that_looks_like_slack_markup_is_escaped()
    {
        var message = new ChatMessage { Title = "x", Sections = [new MessageSection { Text = "<!channel> & <@U123>" }] };

        var text = (string?)AllBlocks(BlockKitRenderer.Render(message))[1]["text"]!["text"];

        Assert.Equal("&lt;!channel&gt; &amp; &lt;@U123&gt;", text);
    }

    private static List<JsonNode> AllBlocks(JsonObject payload) =>
        [.. (payload["blocks"] ?? payload["attachments"]![0]!["blocks"])!.AsArray().Select(b => b!)];
}
