using CsBot.Application.Delivery;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using CsBot.Slack.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static CsBot.Slack.Tests.Host.SlackHost;

namespace CsBot.Slack.Tests.Host;

/// <summary>
/// A /cs answer that takes longer than Slack's 3 seconds, whose response_url then fails: the answer is kept in the
/// durable outbox with the URL and posted there by delivery, not dropped.
/// </summary>
public sealed class LateSlashCommandTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private readonly CsBotHost _host;

    public LateSlashCommandTests() =>
        _host = SlackHost.Create(_slack, services: s => s.Replace(ServiceDescriptor.Singleton<IQuestionAnswerer, GatedAnswerer>()));

    public void Dispose()
    {
        _host.Dispose();
        _slack.Dispose();
    }

    private IOutboxStore Outbox => _host.Services.GetRequiredService<IOutboxStore>();

    /// <summary>Asks a slow question whose answer is released after the acknowledgement, and waits for it to be queued.</summary>
    private async Task<OutboxEntry> AskSlowlyAndWaitForQueue(string responseUrl)
    {
        var client = _host.CreateClient();
        var response = await client.SendAsync(Signed("/slack/commands", Form(("team_id", FakeSlack.TeamId), ("channel_id", "C0CMD0001"), ("user_id", "U0PRIYA01"),
            ("user_name", "priya"), ("command", "/cs"), ("text", "[slow] health of Initech"), ("response_url", _slack.ResponseUrl(responseUrl)), ("trigger_id", "1.2.3")),
            "application/x-www-form-urlencoded"));
        Assert.Contains(SlackCommandHandler.Acknowledgement, await response.Content.ReadAsStringAsync());
        ((GatedAnswerer)_host.Services.GetRequiredService<IQuestionAnswerer>()).Release();
        var key = SlackCommandHandler.AnswerKey(_slack.ResponseUrl(responseUrl));
        return (await Eventually.Until(() => Task.FromResult(Outbox.FindByIdempotencyKey(key)), e => e is not null, "the late answer to be queued in the outbox"))!;
    }

    [Fact]
    public async Task A_late_answer_the_response_url_refuses_with_a_500_is_queued_and_posted_there_once_it_works()
    {
        var status = 500;
        _slack.ResponseUrlAnswers("down", () => (status, status == 200 ? "ok" : "upstream error", null));

        var queued = await AskSlowlyAndWaitForQueue("down");

        Assert.Equal(_slack.ResponseUrl("down"), queued.Message.ReplyUrl);
        Assert.Equal(("U0PRIYA01", "slack"), (queued.Message.Recipient.Key, queued.Message.Platform));
        Assert.NotEqual(OutboxState.Delivered, queued.State);
        status = 200;
        var delivery = _host.Services.GetRequiredService<OutboxDeliveryService>();
        await Eventually.Until(async () =>
        {
            await delivery.DeliverDueAsync(default);
            return Outbox.FindByIdempotencyKey(queued.IdempotencyKey)!.State;
        }, state => state == OutboxState.Delivered, "the queued answer to be delivered");

        var posted = _slack.Calls("/response/down").Where(c => c.ResponseMessage!.StatusCode is 200).ToList();
        var answer = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(posted).RequestMessage!.Body!)!;
        Assert.StartsWith("Initech health", (string?)answer["text"]);
        Assert.Equal("ephemeral", (string?)answer["response_type"]);
    }

    [Fact]
    public async Task A_late_answer_the_response_url_rate_limits_is_queued_until_its_retry_after()
    {
        _slack.ResponseUrlAnswers("busy", () => (429, "rate limited", 20));

        var queued = await AskSlowlyAndWaitForQueue("busy");

        Assert.Equal((OutboxState.Pending, _slack.ResponseUrl("busy")), (queued.State, queued.Message.ReplyUrl));
        Assert.InRange(queued.NextAttemptAt - queued.CreatedAt, TimeSpan.FromSeconds(19), TimeSpan.FromSeconds(21));
        Assert.Single(_slack.Calls("/response/busy"));
    }
}
