using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Teams.Tests;

/// <summary>
/// A card's Action.Execute or Action.Submit data is only JSON the client sends back, so it can be forged for any alert id. With
/// <c>Access:RestrictOtherBooks</c> on, a CSM submitting Acknowledge or Snooze for another CSM's alert is refused in the
/// chat, the card is not redrawn and the alert is left as it was; a manager's press is applied.
/// </summary>
public sealed class TeamsActionAccessTests : IDisposable
{
    private readonly FakeConnector _connector = new();

    public void Dispose() => _connector.Dispose();

    private static CsBotHost Host(params (string Key, string Value)[] access)
    {
        var settings = new Dictionary<string, string?> { ["Scheduling:EvaluateAtStartup"] = "false", ["Access:RestrictOtherBooks"] = "true" };
        foreach (var (key, value) in access) settings[key] = value;
        return TeamsHost.Create(settings);
    }

    /// <summary>An open alert on an account of Marcus's; the Teams user (Dana, by her Entra id and a work email) owns none.</summary>
    private static Alert PlantMarcusAlert(CsBotHost host)
    {
        var account = host.Services.GetRequiredService<IPortfolioStore>().GetAccounts().First(a => a.Owner.Email == "marcus.oyelaran@csbot.example");
        var now = DateTimeOffset.UtcNow;
        var store = host.Services.GetRequiredService<IAlertStore>();
        store.Upsert(
        [
            new Alert
            {
                Id = Alert.KeyFor(account.Id, "usage-cliff"), AccountId = account.Id, RuleId = "usage-cliff", Severity = Severity.High, State = AlertState.Notified,
                Reason = "active users down 62% (48 -> 18) vs 28-day baseline", FirstFiredAt = now.AddDays(-1), LastEvaluatedAt = now, NotifiedAt = now.AddDays(-1),
            },
        ]);
        return store.Get(Alert.KeyFor(account.Id, "usage-cliff"))!;
    }

    private async Task Submit(HttpClient client, string conversation, string kind, string alertId)
    {
        (await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalInstall(_connector.Url, conversation))).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/messages", TeamsActivities.CardSubmit(_connector.Url, kind, alertId, "card-forged", conversation))).EnsureSuccessStatusCode();
    }

    private string ReplyTitle(string conversation)
    {
        var reply = Assert.Single(_connector.Find("POST", $"/v3/conversations/{conversation}/activities/1700000000202"));
        return reply.Card!["body"]![0]!["items"]![0]!["text"]!.GetValue<string>();
    }

    [Theory]
    [InlineData("Acknowledge", "You can't acknowledge that alert")]
    [InlineData("SnoozeUntilRenewal", "You can't snooze that alert")]
    public async Task A_forged_card_action_on_another_csms_alert_is_refused_and_the_alert_is_unchanged(string kind, string title)
    {
        using var host = Host();
        using var client = host.CreateClient();
        var alert = PlantMarcusAlert(host);

        await Submit(client, "a:forged", kind, alert.Id);

        Assert.Equal(title, ReplyTitle("a:forged"));
        var reply = _connector.Find("POST", "/v3/conversations/a:forged/activities/1700000000202").Single().Body!;
        Assert.Contains("owned by Marcus Oyelaran", reply);
        Assert.DoesNotContain("62%", reply);
        Assert.Empty(_connector.Find("PUT", "/v3/conversations/a:forged/"));
        Assert.Equal(JsonSerializer.Serialize(alert), JsonSerializer.Serialize(host.Services.GetRequiredService<IAlertStore>().Get(alert.Id)));
    }

    [Theory]
    [InlineData("Acknowledge", "You can't acknowledge that alert")]
    [InlineData("Snooze7Days", "You can't snooze that alert")]
    public async Task A_forged_Action_Execute_on_another_csms_alert_is_refused_in_the_invoke_response_and_the_alert_is_unchanged(string kind, string refusal)
    {
        using var host = Host();
        using var client = host.CreateClient();
        var alert = PlantMarcusAlert(host);
        (await client.PostAsJsonAsync("/api/messages", TeamsActivities.PersonalInstall(_connector.Url, "a:forged-execute"))).EnsureSuccessStatusCode();

        var data = new System.Text.Json.Nodes.JsonObject { ["kind"] = kind, ["value"] = alert.Id };
        var response = await client.PostAsJsonAsync("/api/messages", TeamsActivities.CardExecute(_connector.Url, kind, data, "card-forged", "a:forged-execute"));

        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(("application/vnd.microsoft.activity.message", refusal), (body["type"]!.GetValue<string>(), body["value"]!.GetValue<string>()));
        Assert.Empty(_connector.Find("PUT", "/v3/conversations/a:forged-execute/"));
        Assert.Equal(JsonSerializer.Serialize(alert), JsonSerializer.Serialize(host.Services.GetRequiredService<IAlertStore>().Get(alert.Id)));
    }

    [Fact]
    public async Task A_manager_presses_the_same_card_action_and_it_is_applied()
    {
        using var host = Host(("Access:Managers:0", "aad-dana"));
        using var client = host.CreateClient();
        var alert = PlantMarcusAlert(host);

        await Submit(client, "a:manager", "Acknowledge", alert.Id);

        Assert.StartsWith("Acknowledged: ", ReplyTitle("a:manager"));
        Assert.Equal(AlertState.Acknowledged, host.Services.GetRequiredService<IAlertStore>().Get(alert.Id)!.State);
    }

    [Fact]
    public async Task Handled_is_refused_to_a_csm_on_another_csms_alert_and_closes_it_with_a_note_for_a_manager()
    {
        using (var csmHost = Host())
        using (var csm = csmHost.CreateClient())
        {
            var alert = PlantMarcusAlert(csmHost);
            await Submit(csm, "a:handled-csm", "Handled", alert.Id);
            Assert.Equal("You can't close that alert", ReplyTitle("a:handled-csm"));
            Assert.Equal(AlertState.Notified, csmHost.Services.GetRequiredService<IAlertStore>().Get(alert.Id)!.State);
        }

        using var host = Host(("Access:Managers:0", "aad-dana"));
        using var client = host.CreateClient();
        var planted = PlantMarcusAlert(host);
        await Submit(client, "a:handled-manager", "Handled", planted.Id);

        Assert.StartsWith("Closed: ", ReplyTitle("a:handled-manager"));
        var closed = host.Services.GetRequiredService<IAlertStore>().Get(planted.Id)!;
        Assert.Equal(AlertState.Resolved, closed.State);
        Assert.Contains(closed.History, e => e.What.StartsWith("handled", StringComparison.Ordinal) && e.Platform == "teams");
    }
}
