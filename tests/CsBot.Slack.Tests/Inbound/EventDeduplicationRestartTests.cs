using System.Text.Json.Nodes;
using CsBot.Slack.Tests.Host;
using static CsBot.Slack.Tests.Host.SlackHost;

namespace CsBot.Slack.Tests.Inbound;

public sealed class EventDeduplicationRestartTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("csbot-dedupe-restart-").FullName;

    public void Dispose()
    {
        _slack.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }

    private CsBotHost Start() => SlackHost.Create(_slack, new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(_folder, "csbot.db") });

    private static HttpRequestMessage DirectMessage(string eventId, string text, string ts, int? retry = null)
    {
        var e = new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["user"] = "U0PRIYA01", ["text"] = text, ["ts"] = ts, ["channel"] = "D0RESTART1" };
        var body = new JsonObject { ["team_id"] = FakeSlack.TeamId, ["type"] = "event_callback", ["event_id"] = eventId, ["event"] = e };
        var request = Signed("/slack/events", body.ToJsonString(), "application/json");
        if (retry is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return request;
    }

    private IReadOnlyList<JsonObject> Posts() => [.. _slack.Bodies("/api/chat.postMessage").Where(b => (string?)b["channel"] == "D0RESTART1")];

    [Fact]
    public async Task A_retry_of_an_event_taken_before_a_restart_is_acknowledged_but_not_answered_again()
    {
        using (var first = Start())
        {
            await first.CreateClient().SendAsync(DirectMessage("Ev0RESTART", "health of Initech", "1700000600.000100"));
            await Eventually.Until(() => Posts().Count == 1, "the first answer");
        }

        using var restarted = Start();
        var client = restarted.CreateClient();
        var retry = await client.SendAsync(DirectMessage("Ev0RESTART", "health of Initech", "1700000600.000100", retry: 1));
        await client.SendAsync(DirectMessage("Ev0RESTART-sentinel", "help", "1700000600.000200"));
        await Eventually.Until(() => Posts().Count >= 2, "the answer to the next event");

        Assert.Equal(System.Net.HttpStatusCode.OK, retry.StatusCode);
        var posts = Posts();
        Assert.Equal(2, posts.Count);
        Assert.StartsWith("Initech health", (string?)posts[0]["text"]);
        Assert.DoesNotContain("Initech health", (string?)posts[1]["text"]);
    }
}
