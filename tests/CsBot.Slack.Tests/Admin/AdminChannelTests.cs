using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CsBot.Application.Delivery;
using CsBot.Application.Delivery.Failures;
using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using CsBot.Slack.Tests.Host;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static CsBot.Slack.Tests.Host.SlackHost;

namespace CsBot.Slack.Tests.Admin;

/// <summary>
/// Alerting:AdminChannel against the fake Slack: messages to a channel the bot is not in are dead-lettered, reported
/// to the admin channel once as one grouped post, and resent all at once by its button (admins only) or the API
/// once the bot has been invited.
/// </summary>
public sealed class AdminChannelTests : IDisposable
{
    private const string AdminChannelId = "C0ADMIN001";
    private readonly FakeSlack _slack = new();
    private readonly Guid _notInChannel = Guid.NewGuid();
    private CsBotHost? _host;

    public AdminChannelTests()
    {
        _slack.Channels["cs-admin"] = AdminChannelId;
        // Until the bot is invited, every post to #cs-enterprise is refused as Slack refuses it.
        _slack.Server.Given(Request.Create().WithPath("/api/chat.postMessage").UsingPost()
                .WithBody((string? b) => (string?)JsonNode.Parse(b ?? "{}")?["channel"] is "#cs-enterprise" or "C0ENTERP01"))
            .WithGuid(_notInChannel).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"ok\":false,\"error\":\"not_in_channel\"}"));
    }

    public void Dispose()
    {
        _host?.Dispose();
        _slack.Dispose();
    }

    private CsBotHost Start(string admins, string adminChannel = "cs-admin") => _host = Create(_slack, new Dictionary<string, string?>
    {
        ["Alerting:AdminChannel"] = adminChannel,
        ["Access:Admins:0"] = admins,
        // Delivery runs only when a test runs it (or a retry asks for it), so each step is seen on its own.
        ["Delivery:PollCron"] = "0 0 3 1 1 ?",
    });

    private IOutboxStore Outbox => _host!.Services.GetRequiredService<IOutboxStore>();

    private Task DeliverAsync() => _host!.Services.GetRequiredService<OutboxDeliveryService>().DeliverDueAsync(default);

    private IReadOnlyList<JsonObject> PostsTo(string channel) =>
        [.. _slack.Bodies("/api/chat.postMessage").Where(b => (string?)b["channel"] == channel || (string?)b["channel"] == _slack.Channels.GetValueOrDefault(channel.TrimStart('#')))];

    private IReadOnlyList<string> QueueAlertsToEnterprise(int count)
    {
        var keys = Enumerable.Range(1, count).Select(i => $"alert:acc-{i:0000}:usage-cliff:test").ToList();
        foreach (var key in keys)
            Outbox.Enqueue(new OutgoingMessage(Recipient.Channel("cs-enterprise"), new ChatMessage { Title = "Alert " + key, FallbackText = "Alert " + key }, key),
                DateTimeOffset.UtcNow);
        return keys;
    }

    private async Task<JsonObject> FailAndReportAsync(int count)
    {
        QueueAlertsToEnterprise(count);
        await DeliverAsync();
        Assert.Equal(count, Outbox.Counts()[OutboxState.DeadLetter]);
        await DeliverAsync();
        return Assert.Single(PostsTo("#cs-admin"));
    }

    private Task<HttpResponseMessage> PressRetry(string cause, string responseUrl)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = "U0PRIYA01", ["username"] = "priya", ["name"] = "priya", ["team_id"] = FakeSlack.TeamId },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000000.000001", ["channel_id"] = AdminChannelId, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = AdminChannelId, ["name"] = "cs-admin" },
            ["response_url"] = _slack.ResponseUrl(responseUrl),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "csbot:RetryDeliveries:0", ["block_id"] = "b1", ["value"] = cause, ["type"] = "button", ["action_ts"] = "1700000901.1" }),
        };
        return _host!.CreateClient().SendAsync(Signed("/slack/interactions", Form(("payload", payload.ToJsonString())), "application/x-www-form-urlencoded"));
    }

    private async Task AllDeliveredAsync() =>
        await Eventually.Until(async () =>
        {
            await DeliverAsync();
            return Outbox.Counts();
        }, c => c[OutboxState.Delivered] >= 4 && c[OutboxState.DeadLetter] == 0 && c[OutboxState.Pending] == 0, "the retried messages to be delivered");

    [Fact]
    public async Task Failures_to_a_channel_the_bot_is_not_in_are_posted_once_as_one_group_and_the_button_resends_them_all_once_it_is_invited()
    {
        Start(admins: FakeSlack.UserEmail);

        var post = await FailAndReportAsync(3);

        Assert.Equal("3 messages to #cs-enterprise failed: the bot is not in the channel; invite it with /invite @CsBot", (string?)post["text"]);
        Assert.Contains("\"action_id\":\"csbot:RetryDeliveries:0\"", post.ToJsonString());
        Assert.Contains("\"value\":\"not_in_channel:cs-enterprise\"", post.ToJsonString());
        // Reporting again, and delivering again, does not post the same failures a second time.
        _host!.Services.GetRequiredService<FailedDeliveries>().ReportToAdminChannel();
        await DeliverAsync();
        Assert.Single(PostsTo("#cs-admin"));

        _slack.Server.DeleteMapping(_notInChannel);
        await PressRetry("not_in_channel:cs-enterprise", "retry-admin");

        await AllDeliveredAsync();
        Assert.Equal(6, PostsTo("#cs-enterprise").Count);
        var updated = await _slack.WaitForAsync("/api/chat.update", b => (string?)b["channel"] == AdminChannelId);
        Assert.Matches("Priya[^\"]* retried 3 messages at ", updated.ToJsonString());
        Assert.DoesNotContain("RetryDeliveries", updated.ToJsonString());
    }

    [Fact]
    public async Task New_failures_with_the_same_cause_are_posted_again_with_the_new_count()
    {
        Start(admins: FakeSlack.UserEmail);
        await FailAndReportAsync(2);

        Outbox.Enqueue(new OutgoingMessage(Recipient.Channel("cs-enterprise"), new ChatMessage { Title = "Later alert" }, "alert:later"), DateTimeOffset.UtcNow);
        await DeliverAsync();
        await DeliverAsync();

        var posts = PostsTo("#cs-admin");
        Assert.Equal(2, posts.Count);
        Assert.StartsWith("3 messages to #cs-enterprise failed", (string?)posts[1]["text"]);
    }

    [Fact]
    public async Task Someone_who_is_not_an_admin_cannot_retry_and_the_messages_stay_dead_lettered()
    {
        Start(admins: "ops-lead@csbot.example");
        await FailAndReportAsync(2);
        _slack.Server.DeleteMapping(_notInChannel);

        await PressRetry("not_in_channel:cs-enterprise", "retry-refused");

        var reply = await _slack.WaitForAsync("/response/retry-refused", _ => true);
        Assert.Equal("Only admins (Access:Admins) can retry failed deliveries.", (string?)reply["text"]);
        Assert.Equal(2, Outbox.Counts()[OutboxState.DeadLetter]);
        Assert.Empty(_slack.Calls("/api/chat.update"));
    }

    [Fact]
    public async Task The_retry_api_resends_every_message_with_the_cause()
    {
        Start(admins: FakeSlack.UserEmail);
        await FailAndReportAsync(3);
        var client = _host!.CreateClient();

        var failures = await client.GetFromJsonAsync<JsonArray>("/api/local/outbox/failures");
        Assert.Equal(("not_in_channel:cs-enterprise", 3), ((string?)failures![0]!["cause"], (int)failures[0]!["count"]!));
        var unknown = await client.PostAsync("/api/local/outbox/retry?cause=invalid_auth", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        _slack.Server.DeleteMapping(_notInChannel);
        var retried = await client.PostAsync("/api/local/outbox/retry?cause=not_in_channel", null);

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(3, (int)(await retried.Content.ReadFromJsonAsync<JsonObject>())!["retried"]!);
        await AllDeliveredAsync();
        Assert.Equal(6, PostsTo("#cs-enterprise").Count);
    }

    [Fact]
    public async Task An_admin_channel_that_fails_itself_is_not_reported_again_and_shows_on_healthz()
    {
        _slack.Server.Given(Request.Create().WithPath("/api/chat.postMessage").UsingPost()
                .WithBody((string? b) => (string?)JsonNode.Parse(b ?? "{}")?["channel"] == "#cs-gone"))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"ok\":false,\"error\":\"channel_not_found\"}"));
        Start(admins: FakeSlack.UserEmail, adminChannel: "cs-gone");
        QueueAlertsToEnterprise(2);

        for (var run = 0; run < 4; run++) await DeliverAsync();

        Assert.Single(PostsTo("#cs-gone"));
        Assert.Equal(3, Outbox.Counts()[OutboxState.DeadLetter]);
        var health = await _host!.CreateClient().GetStringAsync("/healthz");
        Assert.Contains("admin-channel: Degraded: Admin channel #cs-gone could not be posted to", health);
        Assert.Contains("channel_not_found", health);
    }
}
