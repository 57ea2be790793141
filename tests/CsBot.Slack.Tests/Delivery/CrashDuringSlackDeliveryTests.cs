using CsBot.Core.Outbox;
using CsBot.Slack.Tests.Host;

namespace CsBot.Slack.Tests.Delivery;

/// <summary>
/// A delivery run dies (kill -9) after claiming a message; the restarted run finds it due again when the lease ends.
/// Whether Slack took it before the crash is told by the idempotency key in the message's metadata.
/// </summary>
public sealed class CrashDuringSlackDeliveryTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private readonly SlackOutbox _pipeline;

    public CrashDuringSlackDeliveryTests() => _pipeline = new SlackOutbox(_slack);

    public void Dispose()
    {
        _pipeline.Dispose();
        _slack.Dispose();
    }

    private int Posts => _slack.Calls("/api/chat.postMessage").Count;

    /// <summary>The dead run's part: the claim is stored, then (when <paramref name="slackTookIt"/>) Slack accepted the post, and nothing was recorded.</summary>
    private async Task DieMidSend(string key, bool slackTookIt)
    {
        var entry = _pipeline.Outbox.FindByIdempotencyKey(key)!;
        var claimed = _pipeline.Outbox.TryClaim(entry.Id, _pipeline.Now, _pipeline.Now + _pipeline.Options.Lease)!;
        if (slackTookIt) Assert.True((await _pipeline.Sender.SendAsync(claimed.Message, default)).Delivered);
        _pipeline.Time.Advance(_pipeline.Options.Lease);
    }

    [Fact]
    public async Task A_message_slack_took_before_the_crash_is_found_by_its_key_and_recorded_not_posted_again()
    {
        _pipeline.Enqueue("C0CRASH001", "alerts:max:202603160800");
        await DieMidSend("alerts:max:202603160800", slackTookIt: true);
        var sent = _slack.Bodies("/api/chat.postMessage").Single();
        Assert.Equal(("csbot_outbox", "alerts:max:202603160800"), ((string?)sent["metadata"]!["event_type"], (string?)sent["metadata"]!["event_payload"]!["key"]));

        var summary = await _pipeline.Delivery.DeliverDueAsync(default);

        Assert.Equal(1, summary.Delivered);
        Assert.Equal(1, Posts);
        var entry = _pipeline.Outbox.FindByIdempotencyKey("alerts:max:202603160800")!;
        Assert.Equal((OutboxState.Delivered, "slack", "C0CRASH001/1700000000.000001"), (entry.State, entry.Platform, entry.PlatformMessageId));
        var search = _slack.Forms("/api/conversations.history").Single();
        Assert.Equal(("C0CRASH001", "true"), (search["channel"], search["include_all_metadata"]));
    }

    [Fact]
    public async Task A_message_slack_never_got_is_posted_once_after_the_crash()
    {
        _pipeline.Enqueue("C0CRASH002", "alerts:kim:202603160800");
        _pipeline.Enqueue("C0CRASH002", "alerts:lee:202603160800");
        await DieMidSend("alerts:lee:202603160800", slackTookIt: true);
        await DieMidSend("alerts:kim:202603160800", slackTookIt: false);

        await _pipeline.Delivery.DeliverDueAsync(default);

        Assert.Equal(2, Posts);
        Assert.Single(_slack.Bodies("/api/chat.postMessage"), b => b.ToJsonString().Contains("alerts:kim:202603160800"));
        Assert.Single(_slack.Bodies("/api/chat.postMessage"), b => b.ToJsonString().Contains("alerts:lee:202603160800"));
        Assert.Equal(OutboxState.Delivered, _pipeline.Outbox.FindByIdempotencyKey("alerts:kim:202603160800")!.State);
    }
}
