using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Slack.Api;
using CsBot.Slack.Outbound;
using CsBot.Slack.Tests.Host;
using Microsoft.Extensions.Logging.Abstractions;

namespace CsBot.Slack.Tests.Delivery;

/// <summary>
/// A late /cs answer that Slack's response_url would not take goes through the outbox: posted to the URL when it
/// works again, or to the asker in a direct message once the URL has expired, is used up or refuses for good.
/// </summary>
public sealed class LateCommandAnswerTests : IDisposable
{
    private static readonly Recipient Asker = new(RecipientKind.User, "U0PRIYA01", "priya");

    private readonly FakeSlack _slack = new();
    private readonly SlackOutbox _pipeline;

    public LateCommandAnswerTests() => _pipeline = new SlackOutbox(_slack);

    public void Dispose()
    {
        _pipeline.Dispose();
        _slack.Dispose();
    }

    private static ChatMessage Answer(string title) => new() { Title = title, FallbackText = title };

    private SlackResponder Responder() =>
        new(_pipeline.Api, new SlackSentMessages(_pipeline.Time, _pipeline.Outbox), _pipeline.Time, NullLogger<SlackResponder>.Instance, _pipeline.Outbox);

    private void QueueForUrl(string name, string key, TimeSpan? validFor = null) =>
        _pipeline.Outbox.Enqueue(new OutgoingMessage(Asker, Answer("Initech health " + key), key)
        {
            Platform = SlackChatSender.PlatformName,
            ReplyUrl = _slack.ResponseUrl(name),
            ReplyUrlExpiresAt = _pipeline.Now + (validFor ?? TimeSpan.FromMinutes(29)),
        }, _pipeline.Now);

    private OutboxEntry Entry(string key) => _pipeline.Outbox.FindByIdempotencyKey(key)!;

    /// <summary>Runs delivery, then lets the back-off after any of the first five attempts pass (it is at most 80 s).</summary>
    private async Task DeliverAndWait()
    {
        await _pipeline.Delivery.DeliverDueAsync(default);
        _pipeline.Time.Advance(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task An_answer_the_response_url_refused_with_a_500_is_retried_there_and_posted_once_it_works()
    {
        var status = 500;
        _slack.ResponseUrlAnswers("down", () => (status, status == 200 ? "ok" : "upstream error", null));
        QueueForUrl("down", "slack:command:down");

        await DeliverAndWait();
        Assert.Equal(OutboxState.Pending, Entry("slack:command:down").State);
        status = 200;
        await DeliverAndWait();

        Assert.Equal(OutboxState.Delivered, Entry("slack:command:down").State);
        var posts = _slack.Bodies("/response/down");
        Assert.Equal(2, posts.Count);
        Assert.Equal(("ephemeral", false), ((string?)posts[1]["response_type"], (bool?)posts[1]["replace_original"]));
        Assert.StartsWith("Initech health", (string?)posts[1]["text"]);
        Assert.Empty(_slack.Calls("/api/chat.postMessage"));
    }

    [Fact]
    public async Task A_429_from_the_response_url_waits_for_its_retry_after_without_pausing_other_slack_messages()
    {
        _slack.ResponseUrlAnswers("busy", () => (429, "rate limited", 20));
        QueueForUrl("busy", "slack:command:busy");
        _pipeline.Enqueue("C0OTHER001", "alerts:other:1");

        var summary = await _pipeline.Delivery.DeliverDueAsync(default);

        var entry = Entry("slack:command:busy");
        Assert.Equal((OutboxState.Pending, _pipeline.Now.AddSeconds(20)), (entry.State, entry.NextAttemptAt));
        Assert.Equal(OutboxState.Delivered, Entry("alerts:other:1").State);
        Assert.Equal(0, summary.Paused);
    }

    [Fact]
    public async Task An_answer_whose_response_url_expired_before_delivery_goes_to_the_asker_in_a_direct_message()
    {
        _slack.ResponseUrlAnswers("late", () => (500, "upstream error", null));
        QueueForUrl("late", "slack:command:late", validFor: TimeSpan.FromSeconds(30));

        await DeliverAndWait();
        await DeliverAndWait();

        Assert.Single(_slack.Calls("/response/late"));
        Assert.Equal(OutboxState.Delivered, Entry("slack:command:late").State);
        var dm = Assert.Single(_slack.Bodies("/api/chat.postMessage"));
        Assert.Equal("D0PRIYA01", (string?)dm["channel"]);
        Assert.StartsWith("Initech health", (string?)dm["text"]);
    }

    [Fact]
    public async Task A_response_url_slack_says_is_expired_is_replaced_by_a_direct_message_in_the_same_attempt()
    {
        _slack.ResponseUrlAnswers("gone", () => (404, "{\"ok\":false,\"error\":\"expired_url\"}", null));
        QueueForUrl("gone", "slack:command:gone");

        var summary = await _pipeline.Delivery.DeliverDueAsync(default);

        Assert.Equal(1, summary.Delivered);
        Assert.Single(_slack.Calls("/response/gone"));
        Assert.Equal("D0PRIYA01", (string?)Assert.Single(_slack.Bodies("/api/chat.postMessage"))["channel"]);
    }

    [Fact]
    public async Task A_response_url_that_keeps_failing_is_tried_as_often_as_slack_allows_then_the_answer_goes_by_direct_message()
    {
        _slack.ResponseUrlAnswers("flaky", () => (503, "unavailable", null));
        QueueForUrl("flaky", "slack:command:flaky");

        for (var run = 0; run < SlackApiClient.ResponseUrlUses + 1; run++) await DeliverAndWait();

        Assert.Equal(SlackApiClient.ResponseUrlUses, _slack.Calls("/response/flaky").Count);
        Assert.Equal(OutboxState.Delivered, Entry("slack:command:flaky").State);
        Assert.Equal("D0PRIYA01", (string?)Assert.Single(_slack.Bodies("/api/chat.postMessage"))["channel"]);
    }

    [Fact]
    public async Task A_late_answer_the_response_url_refuses_with_a_500_is_queued_with_the_url()
    {
        _slack.ResponseUrlAnswers("refused", () => (500, "upstream error", null));
        var url = _slack.ResponseUrl("refused");

        Assert.True(await Responder().PostLateAnswerAsync(url, _pipeline.Now.AddMinutes(29), Asker, Answer("Initech health"), inChannel: false, "slack:command:refused", default));

        var queued = Entry("slack:command:refused");
        Assert.Equal((OutboxState.Pending, url, _pipeline.Now.AddMinutes(29)), (queued.State, queued.Message.ReplyUrl, queued.Message.ReplyUrlExpiresAt));
        Assert.Equal((RecipientKind.User, "U0PRIYA01", "slack"), (queued.Message.Recipient.Kind, queued.Message.Recipient.Key, queued.Message.Platform));
    }

    [Fact]
    public async Task A_late_answer_ready_after_its_response_url_expired_is_queued_for_a_direct_message_without_trying_the_url()
    {
        var url = _slack.ResponseUrl("expired");

        Assert.True(await Responder().PostLateAnswerAsync(url, _pipeline.Now.AddSeconds(-1), Asker, Answer("Initech health"), inChannel: false, "slack:command:expired", default));
        await _pipeline.Delivery.DeliverDueAsync(default);

        Assert.Empty(_slack.Calls("/response/expired"));
        Assert.Null(Entry("slack:command:expired").Message.ReplyUrl);
        Assert.Equal(OutboxState.Delivered, Entry("slack:command:expired").State);
        Assert.Equal("D0PRIYA01", (string?)Assert.Single(_slack.Bodies("/api/chat.postMessage"))["channel"]);
    }
}
