using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using static CsBot.Slack.Tests.Host.SlackHost;

namespace CsBot.Slack.Tests.Host;

/// <summary>
/// A button payload is only JSON a client sends back, so anyone in the workspace can forge one for any alert
/// id. With <c>Access:RestrictOtherBooks</c> on, Priya (a CSM, the fake Slack's user) pressing Acknowledge or Snooze on
/// another CSM's alert is refused through the response_url, and the alert is left exactly as it was.
/// </summary>
public sealed class SlackActionAccessTests : IDisposable
{
    private readonly FakeSlack _slack = new();
    private readonly CsBotHost _host;
    private readonly HttpClient _client;

    public SlackActionAccessTests()
    {
        _host = Create(_slack, new Dictionary<string, string?> { ["Access:RestrictOtherBooks"] = "true" });
        _client = _host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
        _slack.Dispose();
    }

    private IAlertStore Alerts => _host.Services.GetRequiredService<IAlertStore>();

    /// <summary>An open alert on an account <paramref name="ownerEmail"/> owns, as an evaluation would have left it.</summary>
    private Alert PlantAlert(string ownerEmail)
    {
        var account = _host.Services.GetRequiredService<IPortfolioStore>().GetAccounts().First(a => a.Owner.Email == ownerEmail);
        var now = DateTimeOffset.UtcNow;
        Alerts.Upsert(
        [
            new Alert
            {
                Id = Alert.KeyFor(account.Id, "usage-cliff"), AccountId = account.Id, RuleId = "usage-cliff", Severity = Severity.High, State = AlertState.Notified,
                Reason = "active users down 62% (48 -> 18) vs 28-day baseline", FirstFiredAt = now.AddDays(-1), LastEvaluatedAt = now, NotifiedAt = now.AddDays(-1),
            },
        ]);
        return Alerts.Get(Alert.KeyFor(account.Id, "usage-cliff"))!;
    }

    private Task<HttpResponseMessage> Press(string actionId, string value, string responseUrl)
    {
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = FakeSlack.TeamId, ["domain"] = "acme" },
            ["user"] = new JsonObject { ["id"] = "U0PRIYA01", ["username"] = "priya", ["name"] = "priya", ["team_id"] = FakeSlack.TeamId },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1700000900.000100", ["channel_id"] = "D0PRIYA01", ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = "D0PRIYA01", ["name"] = "directmessage" },
            ["response_url"] = _slack.ResponseUrl(responseUrl),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = actionId, ["block_id"] = "b1", ["value"] = value, ["type"] = "button", ["action_ts"] = "1700000900.1" }),
        };
        return _client.SendAsync(Signed("/slack/interactions", Form(("payload", payload.ToJsonString())), "application/x-www-form-urlencoded"));
    }

    [Theory]
    [InlineData("csbot:Acknowledge:0", "You can't acknowledge that alert")]
    [InlineData("csbot:Snooze7Days:1", "You can't snooze that alert")]
    public async Task A_forged_press_on_another_csms_alert_is_refused_and_the_alert_is_unchanged(string actionId, string title)
    {
        var alert = PlantAlert("dana.whitfield@csbot.example");

        var response = await Press(actionId, alert.Id, "forged");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _slack.WaitForAsync("/response/forged", _ => true);
        Assert.Equal(title, (string?)reply["text"]);
        Assert.Contains("owned by Dana Whitfield", reply.ToJsonString());
        Assert.DoesNotContain("62%", reply.ToJsonString());
        Assert.Empty(_slack.Calls("/api/chat.update"));
        Assert.Equal(JsonSerializer.Serialize(alert), JsonSerializer.Serialize(Alerts.Get(alert.Id)));
    }

    [Fact]
    public async Task The_owner_presses_the_same_button_on_her_own_alert()
    {
        var alert = PlantAlert(FakeSlack.UserEmail);

        await Press("csbot:Acknowledge:0", alert.Id, "own");

        var reply = await _slack.WaitForAsync("/response/own", _ => true);
        Assert.StartsWith("Acknowledged: ", (string?)reply["text"]);
        Assert.Equal(AlertState.Acknowledged, Alerts.Get(alert.Id)!.State);
    }

    [Fact]
    public async Task Handled_on_a_reminder_closes_her_alert_with_a_note_and_is_refused_on_another_csms()
    {
        var own = PlantAlert(FakeSlack.UserEmail);
        var other = PlantAlert("dana.whitfield@csbot.example");

        await Press("csbot:Handled:0", own.Id, "handled");
        await Press("csbot:Handled:0", other.Id, "handled-other");

        var reply = await _slack.WaitForAsync("/response/handled", _ => true);
        Assert.StartsWith("Closed: ", (string?)reply["text"]);
        var closed = Alerts.Get(own.Id)!;
        Assert.Equal(AlertState.Resolved, closed.State);
        Assert.Contains(closed.History, e => e.What.StartsWith("handled", StringComparison.Ordinal) && e.Platform == "slack" && e.By!.StartsWith("Priya", StringComparison.Ordinal));
        var refused = await _slack.WaitForAsync("/response/handled-other", _ => true);
        Assert.Equal("You can't close that alert", (string?)refused["text"]);
        Assert.Equal(AlertState.Notified, Alerts.Get(other.Id)!.State);
    }
}
