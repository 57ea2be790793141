using System.Text.Json.Nodes;
using CsBot.Application.Delivery;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using CsBot.Slack.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static CsBot.Slack.Tests.Host.SlackHost;

namespace CsBot.Slack.Tests.Delivery;

/// <summary>
/// Answers Slack asks to hold for longer than CsBot waits inline (Retry-After 30, Slack's documented example) are
/// queued in the outbox and delivered once the wait has passed, on every path a question is answered directly:
/// a button press (through its response_url) and a direct message (mentions: <see cref="QueuedAnswerTests"/>).
/// </summary>
public sealed class QueuedButtonReplyTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CsBotHost _host;

    public QueuedButtonReplyTests() =>
        _host = Create(_slack, new Dictionary<string, string?> { ["Delivery:PollCron"] = "0 0 3 1 1 ?" },
            services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));

    public void Dispose()
    {
        _host.Dispose();
        _slack.Dispose();
    }

    private IOutboxStore Outbox => _host.Services.GetRequiredService<IOutboxStore>();

    private async Task<OutboxEntry> DeliveredAfter30SecondsAsync(string key)
    {
        var queued = await Eventually.Until(() => Task.FromResult(Outbox.FindByIdempotencyKey(key)), e => e is not null, "the reply to be queued in the outbox");
        Assert.Equal((OutboxState.Pending, "slack"), (queued!.State, queued.Message.Platform));
        Assert.Equal(_time.GetUtcNow().AddSeconds(30), queued.NextAttemptAt);

        _time.Advance(TimeSpan.FromSeconds(30));
        await _host.Services.GetRequiredService<OutboxDeliveryService>().DeliverDueAsync(default);
        return Outbox.FindByIdempotencyKey(key)!;
    }

    [Fact]
    public async Task The_answer_to_a_pressed_button_slack_asks_to_hold_for_30_seconds_reaches_the_response_url_later()
    {
        var calls = 0;
        _slack.ResponseUrlAnswers("press-wait", () => Interlocked.Increment(ref calls) == 1 ? (429, "rate limited", 30) : (200, "ok", null));
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = "U0PRIYA01", ["username"] = "priya", ["name"] = "priya", ["team_id"] = FakeSlack.TeamId },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000800.000100", ["channel_id"] = "D0PRIYA01", ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = "D0PRIYA01", ["name"] = "directmessage" },
            ["response_url"] = _slack.ResponseUrl("press-wait"),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = "csbot:Choose:0", ["block_id"] = "b1", ["value"] = "health of Initech", ["type"] = "button", ["action_ts"] = "1700000801.5",
            }),
        };

        await _host.CreateClient().SendAsync(Signed("/slack/interactions", Form(("payload", payload.ToJsonString())), "application/x-www-form-urlencoded"));

        var delivered = await DeliveredAfter30SecondsAsync("slack:press:U0PRIYA01:1700000801.5");
        Assert.Equal(OutboxState.Delivered, delivered.State);
        var posted = _slack.Bodies("/response/press-wait");
        Assert.Equal(2, posted.Count);
        Assert.StartsWith("Initech health", (string?)posted[1]["text"]);
        Assert.Empty(_slack.Calls("/api/chat.postMessage"));
    }

    [Fact]
    public async Task A_direct_message_answer_slack_asks_to_hold_for_30_seconds_is_delivered_in_the_dm_later()
    {
        _slack.Server.Given(Request.Create().WithPath("/api/chat.postMessage").UsingPost().WithBody((string? b) => b?.Contains("D0PRIYA01") == true))
            .AtPriority(1).InScenario("dm-wait").WillSetStateTo("asked")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30").WithBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
        var message = new JsonObject
        {
            ["type"] = "message", ["channel_type"] = "im", ["user"] = "U0PRIYA01", ["text"] = "health of Initech", ["ts"] = "1700000600.000100",
            ["channel"] = "D0PRIYA01", ["event_ts"] = "1700000600.000100",
        };
        var body = new JsonObject { ["team_id"] = FakeSlack.TeamId, ["type"] = "event_callback", ["event_id"] = "Ev0DMWAIT", ["event"] = message };

        await _host.CreateClient().SendAsync(Signed("/slack/events", body.ToJsonString(), "application/json"));

        var delivered = await DeliveredAfter30SecondsAsync("slack:answer:D0PRIYA01:1700000600.000100");
        Assert.Equal(OutboxState.Delivered, delivered.State);
        var posted = _slack.Bodies("/api/chat.postMessage");
        Assert.Equal(2, posted.Count);
        Assert.Equal("D0PRIYA01", (string?)posted[1]["channel"]);
        Assert.StartsWith("Initech health", (string?)posted[1]["text"]);
    }
}
