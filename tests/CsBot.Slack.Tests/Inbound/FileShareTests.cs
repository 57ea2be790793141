using System.Text.Json.Nodes;
using CsBot.Slack.Tests.Host;
using static CsBot.Slack.Tests.Host.SlackHost;

namespace CsBot.Slack.Tests.Inbound;

public sealed class FileShareTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private readonly CsBotHost _host;

    public FileShareTests() => _host = SlackHost.Create(_slack);

    public void Dispose()
    {
        _host.Dispose();
        _slack.Dispose();
    }

    private Task<HttpResponseMessage> Send(string eventId, string text, string ts, string? subtype)
    {
        var e = new JsonObject
        {
            ["type"] = "message", ["subtype"] = subtype, ["channel_type"] = "im", ["user"] = "U0PRIYA01", ["text"] = text, ["ts"] = ts, ["channel"] = "D0FILES001",
        };
        if (subtype == "file_share")
            e["files"] = new JsonArray(new JsonObject { ["id"] = "F0SCREEN01", ["name"] = "usage.png", ["mimetype"] = "image/png" });
        var body = new JsonObject { ["team_id"] = FakeSlack.TeamId, ["type"] = "event_callback", ["event_id"] = eventId, ["event"] = e };
        return _host.CreateClient().SendAsync(Signed("/slack/events", body.ToJsonString(), "application/json"));
    }

    [Fact]
    public async Task A_direct_message_with_a_file_attached_is_answered_by_its_text_and_an_edit_is_not()
    {
        await Send("Ev0EDIT01", "health of Globex", "1700000700.000050", "message_changed");
        await Send("Ev0FILE01", "health of Initech", "1700000700.000100", "file_share");

        var answer = await _slack.WaitForAsync("/api/chat.postMessage", b => (string?)b["channel"] == "D0FILES001");
        Assert.StartsWith("Initech health", (string?)answer["text"]);
        Assert.Single(_slack.Bodies("/api/chat.postMessage"), b => (string?)b["channel"] == "D0FILES001");
    }
}
