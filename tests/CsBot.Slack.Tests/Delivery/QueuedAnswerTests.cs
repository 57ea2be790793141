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

public sealed class QueuedAnswerTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CsBotHost _host;

    public QueuedAnswerTests() =>
        _host = SlackHost.Create(_slack, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_time)));

    public void Dispose()
    {
        _host.Dispose();
        _slack.Dispose();
    }

    [Fact]
    public async Task An_answer_slack_asks_to_hold_for_30_seconds_is_queued_in_the_outbox_and_delivered_in_its_thread_later()
    {
        _slack.Server.Given(Request.Create().WithPath("/api/chat.postMessage").UsingPost().WithBody((string? b) => b?.Contains("C0WAIT3001") == true))
            .AtPriority(1).InScenario("wait").WillSetStateTo("asked")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "30").WithBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
        var client = _host.CreateClient();
        var mention = new JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U0PRIYA01", ["text"] = $"<@{FakeSlack.BotUserId}> health of Initech", ["ts"] = "1700000500.000100",
            ["channel"] = "C0WAIT3001", ["event_ts"] = "1700000500.000100",
        };
        var body = new JsonObject { ["team_id"] = FakeSlack.TeamId, ["type"] = "event_callback", ["event_id"] = "Ev0WAIT30", ["event"] = mention };
        await client.SendAsync(Signed("/slack/events", body.ToJsonString(), "application/json"));

        var outbox = _host.Services.GetRequiredService<IOutboxStore>();
        var queued = await Eventually.Until(() => Task.FromResult(outbox.FindByIdempotencyKey("slack:answer:C0WAIT3001:1700000500.000100")),
            e => e is not null, "the answer to be queued in the outbox");
        Assert.Equal((OutboxState.Pending, "slack", "1700000500.000100"), (queued!.State, queued.Message.Platform, queued.Message.ThreadId));
        Assert.Equal(_time.GetUtcNow().AddSeconds(30), queued.NextAttemptAt);
        Assert.Single(_slack.Calls("/api/chat.postMessage"));

        _time.Advance(TimeSpan.FromSeconds(30));
        await _host.Services.GetRequiredService<OutboxDeliveryService>().DeliverDueAsync(default);

        var delivered = await Eventually.Until(() => Task.FromResult(outbox.FindByIdempotencyKey(queued.IdempotencyKey)!),
            e => e.State == OutboxState.Delivered, "the queued answer to be delivered");
        Assert.Equal("slack", delivered.Platform);
        var posted = _slack.Bodies("/api/chat.postMessage");
        Assert.Equal(2, posted.Count);
        Assert.Equal(("C0WAIT3001", "1700000500.000100"), ((string?)posted[1]["channel"], (string?)posted[1]["thread_ts"]));
        Assert.StartsWith("Initech health", (string?)posted[1]["text"]);
    }
}
