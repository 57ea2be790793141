using System.Text.Json.Nodes;
using CsBot.Slack.Tests.Host;
using static CsBot.Slack.Tests.Host.SlackHost;

namespace CsBot.Slack.Tests.Inbound;

/// <summary>
/// Follow-ups in Slack, end to end: signed events to the host, answers posted to the fake Slack. A DM is one
/// conversation; a channel thread is another, so the same follow-up there has nothing to follow.
/// </summary>
public sealed class SlackConversationTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private readonly CsBotHost _host;
    private int _events;

    public SlackConversationTests() => _host = SlackHost.Create(_slack);

    public void Dispose()
    {
        _host.Dispose();
        _slack.Dispose();
    }

    /// <summary>Sends a message event and waits for its answer, so the next one follows it.</summary>
    private async Task<string> Say(string channel, string text, string ts, string? threadTs = null, bool mention = false)
    {
        var e = new JsonObject
        {
            ["type"] = mention ? "app_mention" : "message", ["channel_type"] = mention ? "channel" : "im", ["user"] = "U0PRIYA01",
            ["text"] = mention ? $"<@{FakeSlack.BotUserId}> {text}" : text, ["ts"] = ts, ["channel"] = channel, ["thread_ts"] = threadTs,
        };
        var body = new JsonObject { ["team_id"] = FakeSlack.TeamId, ["type"] = "event_callback", ["event_id"] = $"Ev0CONV{++_events:000}", ["event"] = e };
        var before = _slack.Bodies("/api/chat.postMessage").Count(b => (string?)b["channel"] == channel);
        (await _host.CreateClient().SendAsync(Signed("/slack/events", body.ToJsonString(), "application/json"))).EnsureSuccessStatusCode();
        await Eventually.Until(() => _slack.Bodies("/api/chat.postMessage").Count(b => (string?)b["channel"] == channel) > before, $"the answer to \"{text}\" in {channel}");
        return _slack.Bodies("/api/chat.postMessage").Where(b => (string?)b["channel"] == channel).Last().ToJsonString();
    }

    [Fact]
    public async Task In_a_direct_message_and_initrode_then_how_come_follow_the_question_before()
    {
        Assert.Contains("Hooli: health", await Say("D0CONVERSE1", "how is hooli doing", "1700000900.000100"));
        Assert.Contains("Initrode: health", await Say("D0CONVERSE1", "and initrode?", "1700000900.000200"));
        Assert.Contains("Why Initrode scores", await Say("D0CONVERSE1", "how come?", "1700000900.000300"));
    }

    [Fact]
    public async Task A_thread_is_its_own_conversation()
    {
        Assert.Contains("Hooli: health", await Say("C0CONVERSE2", "how is hooli doing", "1700000901.000100", mention: true));
        // The follow-up typed in the answer's thread follows it; a new top-level mention starts a thread of its own.
        Assert.Contains("Why Hooli scores", await Say("C0CONVERSE2", "how come?", "1700000901.000200", threadTs: "1700000901.000100", mention: true));
        Assert.Contains("nothing earlier in this conversation", await Say("C0CONVERSE2", "how come?", "1700000901.000300", mention: true));
    }
}
