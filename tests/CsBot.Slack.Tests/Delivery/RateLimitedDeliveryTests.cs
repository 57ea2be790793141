using CsBot.Core.Outbox;
using CsBot.Slack.Tests.Host;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CsBot.Slack.Tests.Delivery;

public sealed class RateLimitedDeliveryTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private readonly SlackOutbox _pipeline;

    public RateLimitedDeliveryTests() => _pipeline = new SlackOutbox(_slack);

    public void Dispose()
    {
        _pipeline.Dispose();
        _slack.Dispose();
    }

    private int Posts => _slack.Calls("/api/chat.postMessage").Count;

    [Fact]
    public async Task A_429_pauses_every_send_until_retry_after_and_then_everything_is_delivered_once()
    {
        // Slack rate-limits the first post; after that it would accept everything, so each extra call is one too many.
        _slack.Server.Given(Request.Create().WithPath("/api/chat.postMessage").UsingPost()).AtPriority(1).InScenario("burst").WillSetStateTo("limited")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "2").WithBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
        var keys = Enumerable.Range(1, 20).Select(n => $"burst-{n:00}").ToList();
        foreach (var key in keys) _pipeline.Enqueue("C0BURST001", key);

        var limited = await _pipeline.Delivery.DeliverDueAsync(default);
        _pipeline.Time.Advance(TimeSpan.FromSeconds(1.5));
        var stillLimited = await _pipeline.Delivery.DeliverDueAsync(default);

        Assert.Equal(1, Posts);
        Assert.Equal((0, 1, 19), (limited.Delivered, limited.Retrying, limited.Paused));
        Assert.Equal(0, stillLimited.Delivered);
        // The messages never tried used no attempt.
        Assert.Equal(19, keys.Count(k => _pipeline.Outbox.FindByIdempotencyKey(k)!.Attempts == 0));

        _pipeline.Time.Advance(TimeSpan.FromSeconds(0.5));
        var after = await _pipeline.Delivery.DeliverDueAsync(default);

        Assert.Equal(20, after.Delivered);
        Assert.Equal(21, Posts);
        Assert.All(keys, k => Assert.Equal(OutboxState.Delivered, _pipeline.Outbox.FindByIdempotencyKey(k)!.State));
        var delivered = _slack.Bodies("/api/chat.postMessage").Skip(1).Select(b => b.ToJsonString()).ToList();
        Assert.All(keys, k => Assert.Single(delivered, body => body.Contains("Alert " + k)));
    }
}
