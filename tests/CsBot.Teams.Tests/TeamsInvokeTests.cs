using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CsBot.Application.Alerts;
using CsBot.Core.Messaging;
using CsBot.Teams.Outbound;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Teams.Tests;

/// <summary>
/// Card buttons pressed as Action.Execute (Universal Actions): Teams posts an adaptiveCard/action invoke and draws
/// whatever the invoke response carries, so every press gets one, with the refreshed card or a sentence.
/// </summary>
public sealed class TeamsInvokeTests : IClassFixture<TeamsEndpointTests.Host>
{
    private readonly TeamsEndpointTests.Host _host;

    public TeamsInvokeTests(TeamsEndpointTests.Host host) => _host = host;

    [Fact]
    public async Task Acknowledge_as_Action_Execute_answers_with_the_refreshed_card_and_redraws_it_for_everyone()
    {
        await _host.PostAsync(TeamsActivities.PersonalInstall(_host.Connector.Url, "a:execute-ack"));
        var sent = await _host.Service<TeamsChatSender>().SendAsync(new OutgoingMessage(Recipient.Person("aad-dana", "Dana"), TeamsEndpointTests.Alert("initech:execute-ack"), "k-execute-ack"), default);
        Assert.True(sent.Delivered, sent.Error);
        var button = Button(Assert.Single(_host.Connector.Find("POST", "/v3/conversations/a:execute-ack/activities"), r => r.Path.EndsWith("/activities")).Card!, "Acknowledge");

        var response = await _host.PostAsync(TeamsActivities.CardExecute(_host.Connector.Url, button["verb"]!.GetValue<string>(), button["data"]!.AsObject(), sent.PlatformMessageId!, "a:execute-ack"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Body(response);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body["type"]!.GetValue<string>());
        Assert.Equal("AdaptiveCard", body["value"]!["type"]!.GetValue<string>());
        Assert.Contains("Acknowledge by Dana Whitfield", body["value"]!.ToJsonString());
        var call = Assert.Single(_host.AlertActions.Calls, c => c.AlertId == "initech:execute-ack");
        Assert.Equal((ActionKind.Acknowledge, "aad-dana", "Globex is at risk"), (call.Kind, call.Asker.UserId, call.Original?.Title));
        // Everyone else in the conversation sees the card change too.
        var update = Assert.Single(_host.Connector.Find("PUT", $"/v3/conversations/a:execute-ack/activities/{sent.PlatformMessageId}"));
        Assert.Contains("Acknowledge by Dana Whitfield", update.Body);
    }

    [Fact]
    public async Task A_press_that_changes_no_card_is_answered_with_a_message_for_the_presser()
    {
        using var host = TeamsHost.Create();
        using var client = host.CreateClient();
        var data = new JsonObject { ["kind"] = "Snooze7Days", ["value"] = "acc-9999:no-such-rule" };

        var response = await client.PostAsJsonAsync("/api/messages", TeamsActivities.CardExecute(_host.Connector.Url, "Snooze7Days", data, "card-gone", "a:execute-snooze"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Body(response);
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Equal("I couldn't find that alert", body["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("SelfDestruct", "{\"kind\":\"SelfDestruct\",\"value\":\"now\"}")]
    [InlineData("Acknowledge", "{\"value\":\"\"}")]
    [InlineData("", "{}")]
    public async Task A_button_that_is_not_CsBots_gets_an_error_the_presser_can_read(string verb, string data)
    {
        var before = _host.AlertActions.Calls.Count;

        var response = await _host.PostAsync(TeamsActivities.CardExecute(_host.Connector.Url, verb, JsonNode.Parse(data)!.AsObject(), "card-x", "a:execute-unknown"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Body(response);
        Assert.Equal(400, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.StartsWith("That button no longer works", body["value"]!["message"]!.GetValue<string>());
        Assert.Equal(before, _host.AlertActions.Calls.Count);
    }

    [Fact]
    public async Task An_invoke_without_an_action_is_a_bad_request_with_a_reason_not_a_server_error()
    {
        var activity = TeamsActivities.CardExecute(_host.Connector.Url, "Acknowledge", new JsonObject(), "card-y", "a:execute-empty");
        activity.Remove("value");

        var response = await _host.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/vnd.microsoft.error", (await Body(response))["type"]!.GetValue<string>());
    }

    private static JsonObject Button(JsonObject card, string kind) =>
        Descendants(card).First(n => n["type"]?.GetValue<string>() == "Action.Execute" && n["verb"]?.GetValue<string>() == kind);

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                yield return o;
                foreach (var (_, child) in o)
                    foreach (var d in Descendants(child)) yield return d;
                break;
            case JsonArray a:
                foreach (var child in a)
                    foreach (var d in Descendants(child)) yield return d;
                break;
        }
    }

    private static async Task<JsonObject> Body(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
}
