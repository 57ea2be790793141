using CsBot.Core.Ports;
using System.Text.Json.Nodes;
using CsBot.Core.Messaging;
using CsBot.Slack.Api;
using CsBot.Slack.Outbound;
using CsBot.Slack.Tests.Host;
using CsBot.Slack.Tests.Rendering;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CsBot.Slack.Tests.Outbound;

public sealed class SlackChatSenderTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 16, 9, 0, 0, TimeSpan.Zero));
    private readonly SlackChatSender _sender;

    public SlackChatSenderTests()
    {
        var options = new SlackOptions { BotToken = "xoxb-test", SigningSecret = "s", ApiBaseUrl = _slack.ApiUrl };
        var api = new SlackApiClient(new HttpClient { BaseAddress = new Uri(_slack.ApiUrl) }, options, NullLogger<SlackApiClient>.Instance, _clock);
        _sender = new SlackChatSender(api, new SlackUserDirectory(api, _clock), new SlackChannelDirectory(api, _clock), new SlackSentMessages(_clock, NSubstitute.Substitute.For<IOutboxStore>()), options, _clock);
    }

    public void Dispose() => _slack.Dispose();

    private Task<Core.Ports.SendResult> Send(Recipient recipient) =>
        _sender.SendAsync(new OutgoingMessage(recipient, SampleMessages.Alert(), "key-1"), CancellationToken.None);

    private void Fail(string channel, int status, string body, string? retryAfter = null, string? scenario = null)
    {
        var response = Response.Create().WithStatusCode(status).WithBody(body);
        if (retryAfter is not null) response = response.WithHeader("Retry-After", retryAfter);
        var given = _slack.Server.Given(Request.Create().WithPath("/api/chat.postMessage").UsingPost().WithBody((string? b) => b?.Contains(channel) == true)).AtPriority(1);
        if (scenario is not null) given = given.InScenario(scenario).WillSetStateTo("failed-once");
        given.RespondWith(response);
    }

    [Fact]
    public async Task A_csm_is_reached_by_email_in_a_direct_message_and_the_lookup_is_cached()
    {
        var first = await Send(Recipient.Person(FakeSlack.UserEmail, "Priya Raman"));
        var second = await Send(Recipient.Person(FakeSlack.UserEmail, "Priya Raman"));

        Assert.True(first.Delivered && second.Delivered);
        Assert.Equal("D0PRIYA01/1700000000.000001", first.PlatformMessageId);
        Assert.Single(_slack.Forms("/api/users.lookupByEmail"));
        Assert.Equal(FakeSlack.UserEmail, _slack.Forms("/api/users.lookupByEmail")[0]["email"]);
        Assert.All(_slack.Bodies("/api/chat.postMessage"), b => Assert.Equal("D0PRIYA01", (string?)b["channel"]));

        _clock.Advance(SlackUserDirectory.CacheLifetime + TimeSpan.FromMinutes(1));
        await Send(Recipient.Person(FakeSlack.UserEmail, "Priya Raman"));
        Assert.Equal(2, _slack.Forms("/api/users.lookupByEmail").Count);
    }

    [Fact]
    public async Task A_channel_is_addressed_by_name_or_id()
    {
        await Send(Recipient.Channel("cs-alerts"));
        await Send(Recipient.Channel("C0ALERTS01"));

        Assert.Equal(["#cs-alerts", "C0ALERTS01"], _slack.Bodies("/api/chat.postMessage").Select(b => (string?)b["channel"]));
        Assert.Empty(_slack.Calls("/api/conversations.open"));
    }

    [Fact]
    public async Task Rate_limited_is_transient_with_slacks_wait_and_the_retry_after_it_delivers_once()
    {
        Fail("C0LIMITED1", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", retryAfter: "7", scenario: "limit");

        var limited = await Send(Recipient.Channel("C0LIMITED1"));
        var tooSoon = await Send(Recipient.Channel("C0LIMITED1"));
        _clock.Advance(TimeSpan.FromSeconds(7));
        var retried = await Send(Recipient.Channel("C0LIMITED1"));

        Assert.False(limited.Delivered);
        Assert.True(limited.Transient);
        Assert.Equal(TimeSpan.FromSeconds(7), limited.RetryAfter);
        Assert.True(limited.RateLimited);
        // Within Slack's wait the call is refused without reaching Slack.
        Assert.True(tooSoon is { Delivered: false, RateLimited: true });
        Assert.True(retried.Delivered);
        Assert.Equal(2, _slack.Calls("/api/chat.postMessage").Count);
        Assert.Single(_slack.Calls("/api/chat.postMessage"), c => c.ResponseMessage!.StatusCode is 200);
    }

    [Fact]
    public async Task A_server_error_is_transient_and_leaves_the_wait_to_the_outboxs_backoff()
    {
        Fail("C0BROKEN01", 503, "upstream unavailable");
        Fail("C0BUSY0001", 503, "try later", retryAfter: "12");

        var result = await Send(Recipient.Channel("C0BROKEN01"));
        var asked = await Send(Recipient.Channel("C0BUSY0001"));

        Assert.True(result is { Transient: true, RateLimited: false, RetryAfter: null });
        Assert.Equal(TimeSpan.FromSeconds(12), asked.RetryAfter);
    }

    [Theory]
    [InlineData("channel_not_found", "does not exist")]
    [InlineData("not_in_channel", "/invite @CsBot")]
    [InlineData("invalid_auth", "Slack:BotToken was rejected by Slack (invalid_auth); check the token")]
    [InlineData("msg_too_long", "message limits")]
    public async Task Permanent_errors_say_what_to_fix_and_are_not_retried(string error, string advice)
    {
        Fail("C0REFUSED1", 200, new JsonObject { ["ok"] = false, ["error"] = error }.ToJsonString());

        var result = await Send(Recipient.Channel("C0REFUSED1"));

        Assert.False(result.Delivered);
        Assert.False(result.Transient);
        Assert.Null(result.RetryAfter);
        Assert.Contains(advice, result.Error);
    }

    [Fact]
    public async Task An_unknown_email_is_a_permanent_failure_naming_the_problem()
    {
        _slack.Api("users.lookupByEmail", new JsonObject { ["ok"] = false, ["error"] = "users_not_found" }, priority: 1);

        var result = await Send(Recipient.Person("nobody@csbot.example", "Nobody"));

        Assert.False(result.Transient);
        Assert.Contains("users_not_found", result.Error);
        Assert.Empty(_slack.Calls("/api/chat.postMessage"));
    }

    [Fact]
    public async Task A_slack_that_cannot_be_reached_is_transient()
    {
        var options = new SlackOptions { BotToken = "xoxb-test", ApiBaseUrl = "http://127.0.0.1:9/api/" };
        var api = new SlackApiClient(new HttpClient { BaseAddress = new Uri(options.ApiBaseUrl) }, options, NullLogger<SlackApiClient>.Instance, _clock);
        var sender = new SlackChatSender(api, new SlackUserDirectory(api, _clock), new SlackChannelDirectory(api, _clock), new SlackSentMessages(_clock, NSubstitute.Substitute.For<IOutboxStore>()), options, _clock);

        var result = await sender.SendAsync(new OutgoingMessage(Recipient.Channel("C0NOWHERE1"), SampleMessages.Alert(), "k"), CancellationToken.None);

        Assert.True(result.Transient);
        Assert.Null(result.RetryAfter);
    }
}
