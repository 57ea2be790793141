using System.Net;
using System.Text.Json.Nodes;
using CsBot.Application.Delivery;
using CsBot.Application.Evaluation;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using static CsBot.Slack.Tests.Host.SlackHost;

namespace CsBot.Slack.Tests.Host;

/// <summary>
/// Metrics:Enabled over HTTP: after an evaluation and a question Slack first answers 429, /metrics shows every
/// instrument in Prometheus' text format; with the setting off (the default) there is no /metrics at all.
/// </summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private CsBotHost? _host;

    public void Dispose()
    {
        _host?.Dispose();
        _slack.Dispose();
    }

    [Fact]
    public async Task After_an_evaluation_and_a_question_metrics_lists_every_instrument()
    {
        _slack.Server.Given(Request.Create().WithPath("/api/chat.postMessage").UsingPost().WithBody((string? b) => b?.Contains("C0METRICS1") == true))
            .AtPriority(1).InScenario("metrics").WillSetStateTo("limited")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", "1").WithBody("{\"ok\":false,\"error\":\"ratelimited\"}"));
        _host = Create(_slack, new Dictionary<string, string?>
        {
            ["Metrics:Enabled"] = "true",
            ["Delivery:PollCron"] = "0 0 3 1 1 ?",
            // The alerts go out whatever the time of day the test runs.
            ["Alerting:QuietHours:Enabled"] = "false",
        });
        var client = _host.CreateClient();

        await _host.Services.GetRequiredService<RiskEvaluationService>().RunAsync(default);
        var mention = new JsonObject
        {
            ["type"] = "app_mention", ["user"] = "U0PRIYA01", ["text"] = $"<@{FakeSlack.BotUserId}> health of Initech", ["ts"] = "1700000700.000100",
            ["channel"] = "C0METRICS1", ["event_ts"] = "1700000700.000100",
        };
        await client.SendAsync(Signed("/slack/events",
            new JsonObject { ["team_id"] = FakeSlack.TeamId, ["type"] = "event_callback", ["event_id"] = "Ev0METRICS", ["event"] = mention }.ToJsonString(), "application/json"));
        // Slack's 1 s wait is taken inline, then the answer is posted; the evaluation's alerts go out through the outbox.
        await Eventually.Until(() => Task.FromResult(_slack.Bodies("/api/chat.postMessage").Count(b => (string?)b["channel"] == "C0METRICS1")),
            n => n == 2, "the answer to be posted after Slack's wait",
            describe: n => $"{n} posts to the channel; all posts: {string.Join(" | ", _slack.Bodies("/api/chat.postMessage").Select(b => b.ToJsonString()[..Math.Min(300, b.ToJsonString().Length)]))}");
        var run = await _host.Services.GetRequiredService<OutboxDeliveryService>().DeliverDueAsync(default);
        Assert.True(run.Delivered > 0, "the evaluation queued alerts to deliver");

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var name in new[]
                 {
                     "csbot_evaluation_duration_seconds_count", "csbot_evaluation_accounts_scored_total", "csbot_alerts{", "csbot_outbox_depth{",
                     "csbot_delivery_latency_seconds_count{", "csbot_questions_total{", "csbot_question_duration_seconds_count{", "csbot_platform_rate_limited_total{",
                 })
            Assert.Contains(name, text);
        Assert.Contains("intent=\"AccountHealth\"", text);
        Assert.Contains("platform=\"slack\"", text);
        Assert.Contains("state=\"Delivered\"", text);
    }

    [Fact]
    public async Task Without_metrics_enabled_there_is_no_metrics_endpoint()
    {
        _host = Create(_slack);

        var response = await _host.CreateClient().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
