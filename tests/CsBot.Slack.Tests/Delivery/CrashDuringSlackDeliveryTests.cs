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

    /// <summary>
    /// The dead run's part: the claim is stored, then (when <paramref name="slackTookIt"/>) Slack accepted the post, and
    /// nothing was recorded. It ran in the process that died, unless <paramref name="sameProcess"/>.
    /// </summary>
    private async Task DieMidSend(string key, bool slackTookIt, bool sameProcess = false)
    {
        var entry = _pipeline.Outbox.FindByIdempotencyKey(key)!;
        var claimed = _pipeline.Outbox.TryClaim(entry.Id, _pipeline.Now, _pipeline.Now + _pipeline.Options.Lease)!;
        var sender = sameProcess ? _pipeline.Sender : _pipeline.OtherProcessSender();
        if (slackTookIt) Assert.True((await sender.SendAsync(claimed.Message, default)).Delivered);
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

    [Fact]
    public async Task A_message_to_a_channel_named_by_name_that_slack_took_is_found_after_a_restart_through_the_channel_list()
    {
        _pipeline.Enqueue("#cs-enterprise", "alerts:ent:202603160800");
        await DieMidSend("alerts:ent:202603160800", slackTookIt: true);

        var summary = await _pipeline.Delivery.DeliverDueAsync(default);

        Assert.Equal(1, summary.Delivered);
        Assert.Equal(1, Posts);
        var entry = _pipeline.Outbox.FindByIdempotencyKey("alerts:ent:202603160800")!;
        Assert.Equal((OutboxState.Delivered, "C0ENTERP01/1700000000.000001"), (entry.State, entry.PlatformMessageId));
        Assert.NotEmpty(_slack.Calls("/api/conversations.list"));
        Assert.Equal("C0ENTERP01", _slack.Forms("/api/conversations.history").Single()["channel"]);
    }

    [Fact]
    public async Task A_channel_name_slack_answered_with_its_id_needs_no_channel_list_in_the_same_process()
    {
        _pipeline.Enqueue("cs-renewals", "alerts:ren:202603160800");
        _pipeline.Enqueue("cs-renewals", "alerts:ren:202603160900");
        await DieMidSend("alerts:ren:202603160800", slackTookIt: true, sameProcess: true);
        await DieMidSend("alerts:ren:202603160900", slackTookIt: false, sameProcess: true);

        await _pipeline.Delivery.DeliverDueAsync(default);

        Assert.Equal(2, Posts);
        Assert.Single(_slack.Bodies("/api/chat.postMessage"), b => b.ToJsonString().Contains("alerts:ren:202603160800"));
        Assert.Single(_slack.Bodies("/api/chat.postMessage"), b => b.ToJsonString().Contains("alerts:ren:202603160900"));
        Assert.Empty(_slack.Calls("/api/conversations.list"));
        Assert.All(_slack.Forms("/api/conversations.history"), f => Assert.Equal("C0RENEW001", f["channel"]));
    }

    [Fact]
    public async Task A_message_to_a_channel_named_by_name_that_slack_never_got_is_posted_once_after_the_crash()
    {
        _pipeline.Enqueue("#cs-enterprise", "alerts:ent:202603161000");
        await DieMidSend("alerts:ent:202603161000", slackTookIt: false);

        await _pipeline.Delivery.DeliverDueAsync(default);

        Assert.Equal(1, Posts);
        Assert.Equal(OutboxState.Delivered, _pipeline.Outbox.FindByIdempotencyKey("alerts:ent:202603161000")!.State);
        Assert.Single(_slack.Forms("/api/conversations.history"));
    }

    [Fact]
    public async Task A_thread_reply_slack_took_is_found_among_the_threads_replies_and_not_posted_again()
    {
        _pipeline.Enqueue("C0THREAD01", "slack:answer:C0THREAD01:1700000100.000200", threadTs: "1700000100.000200");
        await DieMidSend("slack:answer:C0THREAD01:1700000100.000200", slackTookIt: true);

        var summary = await _pipeline.Delivery.DeliverDueAsync(default);

        Assert.Equal(1, summary.Delivered);
        Assert.Equal(1, Posts);
        var search = _slack.Forms("/api/conversations.replies").Single();
        Assert.Equal(("C0THREAD01", "1700000100.000200", "true"), (search["channel"], search["ts"], search["include_all_metadata"]));
        Assert.Empty(_slack.Calls("/api/conversations.history"));
    }

    [Fact]
    public async Task A_thread_reply_slack_never_got_is_posted_once_in_its_thread_after_the_crash()
    {
        // Another reply of CsBot's is already in the thread: only this message's key counts.
        _pipeline.Enqueue("C0THREAD02", "slack:answer:C0THREAD02:earlier", threadTs: "1700000100.000300");
        await _pipeline.Delivery.DeliverDueAsync(default);
        _pipeline.Enqueue("C0THREAD02", "slack:answer:C0THREAD02:1700000100.000300", threadTs: "1700000100.000300");
        await DieMidSend("slack:answer:C0THREAD02:1700000100.000300", slackTookIt: false);

        await _pipeline.Delivery.DeliverDueAsync(default);

        Assert.Equal(2, Posts);
        var reply = Assert.Single(_slack.Bodies("/api/chat.postMessage"), b => b.ToJsonString().Contains("slack:answer:C0THREAD02:1700000100.000300"));
        Assert.Equal(("C0THREAD02", "1700000100.000300"), ((string?)reply["channel"], (string?)reply["thread_ts"]));
        Assert.Equal(OutboxState.Delivered, _pipeline.Outbox.FindByIdempotencyKey("slack:answer:C0THREAD02:1700000100.000300")!.State);
    }
}
