using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using CsBot.DemoData;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests;

/// <summary>Pressing Acknowledge on the local sink over HTTP, and listing open alerts, on the booted demo host.</summary>
public sealed class LocalAlertEndpointTests(DemoEndToEndTests.BootedHost host) : IClassFixture<DemoEndToEndTests.BootedHost>
{
    [Fact]
    public async Task Acknowledging_an_alert_answers_updates_the_sent_message_and_shows_in_the_alert_list()
    {
        var initech = host.Factory.Services.GetRequiredService<IPortfolioStore>().GetAccounts().Single(a => a.Name == DemoScenarios.Initech);
        var alertId = $"{initech.Id}:usage-cliff";

        var response = await host.Client.PostAsJsonAsync("/api/local/actions", new { kind = "acknowledge", value = alertId, user = "Dana Whitfield" });
        response.EnsureSuccessStatusCode();
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(outcome.GetProperty("applied").GetBoolean());
        Assert.Equal("Acknowledged: Initech (Usage cliff)", outcome.GetProperty("reply").GetProperty("title").GetString());
        var updated = outcome.GetProperty("updated").GetProperty("text").GetString()!;
        Assert.Matches(@"Initech: Usage cliff\n(.*\n)*  Acknowledged by Dana Whitfield at \d{4}-\d\d-\d\d \d\d:\d\d UTC \(local\)", updated);

        var alerts = await host.Client.GetFromJsonAsync<JsonElement[]>("/api/local/alerts");
        var listed = alerts!.Single(a => a.GetProperty("id").GetString() == alertId);
        Assert.Equal("Acknowledged", listed.GetProperty("state").GetString());
        Assert.Equal("Dana Whitfield", listed.GetProperty("acknowledgedBy").GetString());
        Assert.Contains(listed.GetProperty("history").EnumerateArray(), e => e.GetProperty("what").GetString() == "acknowledged" && e.GetProperty("platform").GetString() == "local");
        Assert.Contains(alerts!, a => a.GetProperty("state").GetString() == "Notified" && a.GetProperty("accountName").GetString() is not null);
    }

    [Fact]
    public async Task Handled_pressed_locally_closes_the_alert_with_a_note_in_its_history()
    {
        var globex = host.Factory.Services.GetRequiredService<IPortfolioStore>().GetAccounts().Single(a => a.Name == DemoScenarios.Globex);
        var alerts = host.Factory.Services.GetRequiredService<IAlertStore>();
        var now = DateTimeOffset.UtcNow;
        var id = Alert.KeyFor(globex.Id, "handled-by-hand-check");
        alerts.Upsert([new Alert
        {
            Id = id, AccountId = globex.Id, RuleId = "handled-by-hand-check", Severity = Severity.High, State = AlertState.Acknowledged, Reason = "still firing",
            FirstFiredAt = now.AddDays(-4), LastEvaluatedAt = now, AcknowledgedBy = "Dana Whitfield", AcknowledgedAt = now.AddDays(-3), AcknowledgedPlatform = "local",
            History = [new AlertEvent(now.AddDays(-3), "acknowledged", "Dana Whitfield <dana.whitfield@csbot.example>", "local")],
        }]);

        var outcome = await Press(new { kind = "Handled", value = id, user = "Dana Whitfield" });

        Assert.True(outcome.GetProperty("applied").GetBoolean());
        Assert.StartsWith("Closed: Globex", outcome.GetProperty("reply").GetProperty("title").GetString());
        var closed = alerts.Get(id)!;
        Assert.Equal(AlertState.Resolved, closed.State);
        Assert.Equal(("Dana Whitfield", "local"), (closed.History[^1].By, closed.History[^1].Platform));
        Assert.StartsWith("handled", closed.History[^1].What);
    }

    [Fact]
    public async Task A_bad_action_is_a_clear_400_and_an_unknown_alert_a_polite_reply()
    {
        var bad = await host.Client.PostAsJsonAsync("/api/local/actions", new { kind = "delete", value = "acc-0001:usage-cliff" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Snooze7Days", problem);
        Assert.Contains("Why", problem);

        var unknown = await host.Client.PostAsJsonAsync("/api/local/actions", new { kind = "Snooze1Day", value = "acc-9999:no-such-rule" });
        unknown.EnsureSuccessStatusCode();
        var outcome = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(outcome.GetProperty("applied").GetBoolean());
        Assert.Equal("I couldn't find that alert", outcome.GetProperty("reply").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Why_and_a_choice_are_pressed_like_any_button_and_say_what_they_asked()
    {
        var initech = host.Factory.Services.GetRequiredService<IPortfolioStore>().GetAccounts().Single(a => a.Name == DemoScenarios.Initech);

        var why = await Press(new { kind = "Why", value = initech.Id, user = "Dana Whitfield" });
        var choice = await Press(new { kind = "choose", value = "health of Initech" });

        Assert.Equal("why is Initech at risk", why.GetProperty("question").GetString());
        Assert.StartsWith("Why Initech scores ", why.GetProperty("reply").GetProperty("title").GetString());
        Assert.False(why.GetProperty("applied").GetBoolean());
        Assert.Equal(JsonValueKind.Null, why.GetProperty("updated").ValueKind);
        Assert.Equal("health of Initech", choice.GetProperty("question").GetString());
        Assert.StartsWith("Initech: health ", choice.GetProperty("reply").GetProperty("title").GetString());
    }

    private async Task<JsonElement> Press(object body)
    {
        var response = await host.Client.PostAsJsonAsync("/api/local/actions", body);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
