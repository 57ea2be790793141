using CsBot.Core.Outbox;
using CsBot.Slack.Tests.Host;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CsBot.Slack.Tests.Delivery;

public sealed class ServerErrorBackoffTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private readonly SlackOutbox _pipeline;

    public ServerErrorBackoffTests() => _pipeline = new SlackOutbox(_slack, new Random(2026));

    public void Dispose()
    {
        _pipeline.Dispose();
        _slack.Dispose();
    }

    [Fact]
    public async Task A_500_without_retry_after_backs_off_exponentially_with_jitter_not_a_fixed_wait()
    {
        _slack.Server.Given(Request.Create().WithPath("/api/chat.postMessage").UsingPost()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(500).WithBody("internal error"));
        var keys = Enumerable.Range(1, 8).Select(n => $"outage-{n}").ToList();
        foreach (var key in keys) _pipeline.Enqueue("C0OUTAGE01", key);
        var ceiling = _pipeline.Options.BaseDelay;

        for (var attempt = 1; attempt <= 3; attempt++, ceiling *= 2)
        {
            var sentAt = _pipeline.Now;
            await _pipeline.Delivery.DeliverDueAsync(default);

            var waits = keys.Select(k => _pipeline.Outbox.FindByIdempotencyKey(k)!).Select(e => (e.State, e.Attempts, Wait: e.NextAttemptAt - sentAt)).ToList();
            Assert.All(waits, w => Assert.Equal((OutboxState.Pending, attempt), (w.State, w.Attempts)));
            // Full jitter under a ceiling that doubles per attempt (5 s, 10 s, 20 s by default).
            Assert.All(waits, w => Assert.InRange(w.Wait, TimeSpan.Zero, ceiling));
            Assert.True(waits.Select(w => w.Wait).Distinct().Count() > 4, $"attempt {attempt}: the waits are spread, not one fixed value");
            _pipeline.Time.Advance(ceiling);
        }
        Assert.Equal(24, _slack.Calls("/api/chat.postMessage").Count);
    }
}
