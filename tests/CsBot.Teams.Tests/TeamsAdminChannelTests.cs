using System.Net.Http.Json;
using CsBot.Application.Delivery;
using CsBot.Core.Messaging;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Teams.Tests;

/// <summary>
/// Alerting:AdminChannel on Teams against the fake Bot Connector: posts Teams refuses with 403 (CsBot not in the
/// channel's team roster) are reported once, grouped, to the admin channel, and its Retry card button resends them
/// all once CsBot is back.
/// </summary>
public sealed class TeamsAdminChannelTests : IDisposable
{
    private const string General = "19:team-a-general@thread.tacv2";
    private const string Alerts = "19:team-a-cs-alerts@thread.tacv2";

    private readonly FakeConnector _connector = new();
    private readonly CsBotHost _host;
    private readonly HttpClient _client;

    public TeamsAdminChannelTests()
    {
        _host = TeamsHost.Create(new Dictionary<string, string?>
        {
            ["Chat:Platform"] = "Teams",
            ["Alerting:AdminChannel"] = "Customer Success/General",
            ["Access:Admins:0"] = "aad-dana",
            ["Delivery:PollCron"] = "0 0 3 1 1 ?",
            ["Scheduling:EvaluateAtStartup"] = "false",
        });
        _client = _host.CreateClient();
    }

    public void Dispose()
    {
        _client.Dispose();
        _host.Dispose();
        _connector.Dispose();
    }

    private IOutboxStore Outbox => _host.Services.GetRequiredService<IOutboxStore>();

    private Task DeliverAsync() => _host.Services.GetRequiredService<OutboxDeliveryService>().DeliverDueAsync(default);

    private IReadOnlyList<FakeConnector.Captured> PostsTo(string conversation) =>
        _connector.Find("POST", $"/v3/conversations/{conversation}/activities").Where(r => r.Path == $"/v3/conversations/{conversation}/activities").ToList();

    [Fact]
    public async Task Posts_teams_refuses_are_reported_once_to_the_admin_channel_and_its_button_resends_them_all()
    {
        (await _client.PostAsJsonAsync("/api/messages", TeamsActivities.TeamInstall(_connector.Url, General, "Customer Success"))).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync("/api/messages",
            TeamsActivities.MentionIn(_connector.Url, General, "Customer Success", Alerts, "cs-alerts", "help", "1700000002001"))).EnsureSuccessStatusCode();
        _connector.Fail(Alerts, 403, "BotNotInConversationRoster");
        foreach (var key in new[] { "alert:a", "alert:b" })
            Outbox.Enqueue(new OutgoingMessage(Recipient.Channel("Customer Success/cs-alerts"), TeamsEndpointTests.Alert(key), key), DateTimeOffset.UtcNow);

        for (var run = 0; run < 3; run++) await DeliverAsync();

        var report = Assert.Single(PostsTo(General));
        Assert.Contains("2 messages to #Customer Success/cs-alerts failed: Teams refused (403)", report.Body);
        Assert.Contains("\"kind\":\"RetryDeliveries\"", report.Body);
        Assert.Contains("teams_forbidden:customer success/cs-alerts", report.Body);

        _connector.Recover(Alerts);
        var reportId = Outbox.List(OutboxState.Delivered, 10).Single(e => e.Message.Recipient.Key == "Customer Success/General").PlatformMessageId!;
        (await _client.PostAsJsonAsync("/api/messages",
            TeamsActivities.CardSubmit(_connector.Url, "RetryDeliveries", "teams_forbidden:customer success/cs-alerts", reportId, General))).EnsureSuccessStatusCode();

        await Eventually.Until(async () =>
        {
            await DeliverAsync();
            return Outbox.Counts();
        }, c => c[OutboxState.Delivered] >= 3 && c[OutboxState.DeadLetter] == 0, "the retried posts to be delivered (and the admin post before them)");
        Assert.Equal(4, PostsTo(Alerts).Count);
        var update = Assert.Single(_connector.Find("PUT", $"/v3/conversations/{General}/activities/{reportId}"));
        Assert.Contains("retried 2 messages", update.Body);
    }
}
