using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Core;
using CsBot.Core.Alerts;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests;

/// <summary>
/// /api/local/actions with <c>Access:RestrictOtherBooks</c> on and the playground's role set to CSM: whoever presses as
/// one CSM cannot acknowledge or snooze another CSM's alert, and the reply tells nothing of it. An admin keeps the right.
/// </summary>
public sealed class LocalActionAccessTests
{
    private const string Marcus = "marcus.oyelaran@csbot.example";
    private const string Dana = "dana.whitfield@csbot.example";

    private static CsBotHost Host(string localRole) => new(new Dictionary<string, string?>
    {
        ["Scheduling:EvaluateAtStartup"] = "false",
        ["Reminders:RunAtStartup"] = "false",
        ["Demo:AccountCount"] = "30",
        ["Access:RestrictOtherBooks"] = "true",
        ["Access:LocalRole"] = localRole,
    });

    /// <summary>An open alert on one of Dana's accounts, as an evaluation would have left it.</summary>
    private static Alert PlantDanasAlert(CsBotHost host)
    {
        var account = host.Services.GetRequiredService<IPortfolioStore>().GetAccounts().First(a => a.Owner.Email == Dana);
        var now = DateTimeOffset.UtcNow;
        var alert = new Alert
        {
            Id = Alert.KeyFor(account.Id, "usage-cliff"), AccountId = account.Id, RuleId = "usage-cliff", Severity = Severity.High, State = AlertState.Notified,
            Reason = "active users down 62% (48 -> 18) vs 28-day baseline", FirstFiredAt = now.AddDays(-1), LastEvaluatedAt = now, NotifiedAt = now.AddDays(-1),
        };
        var store = host.Services.GetRequiredService<IAlertStore>();
        store.Upsert([alert]);
        return store.Get(alert.Id)!;
    }

    private static async Task<JsonElement> Press(HttpClient client, string kind, string value, string email)
    {
        var response = await client.PostAsJsonAsync("/api/local/actions", new { kind, value, user = "Marcus Oyelaran", email });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("Acknowledge", "You can't acknowledge that alert")]
    [InlineData("Snooze7Days", "You can't snooze that alert")]
    public async Task Another_csms_alert_is_refused_and_left_as_it_was(string kind, string title)
    {
        using var host = Host("Csm");
        using var client = host.CreateClient();
        var alert = PlantDanasAlert(host);

        var outcome = await Press(client, kind, alert.Id, Marcus);

        Assert.False(outcome.GetProperty("applied").GetBoolean());
        Assert.Equal(title, outcome.GetProperty("reply").GetProperty("title").GetString());
        Assert.Contains("owned by Dana Whitfield", outcome.GetProperty("reply").GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, outcome.GetProperty("alert").ValueKind);
        Assert.DoesNotContain("62%", outcome.ToString());
        Assert.Equal(JsonSerializer.Serialize(alert), JsonSerializer.Serialize(host.Services.GetRequiredService<IAlertStore>().Get(alert.Id)));
    }

    [Fact]
    public async Task The_owner_and_an_admin_act_on_it()
    {
        using (var csmHost = Host("Csm"))
        using (var client = csmHost.CreateClient())
        {
            var alert = PlantDanasAlert(csmHost);
            Assert.True((await Press(client, "Acknowledge", alert.Id, Dana)).GetProperty("applied").GetBoolean());
            Assert.Equal(AlertState.Acknowledged, csmHost.Services.GetRequiredService<IAlertStore>().Get(alert.Id)!.State);
        }
        using (var adminHost = Host("Admin"))
        using (var client = adminHost.CreateClient())
        {
            var alert = PlantDanasAlert(adminHost);
            Assert.True((await Press(client, "Snooze1Day", alert.Id, Marcus)).GetProperty("applied").GetBoolean());
            Assert.Equal(AlertState.Snoozed, adminHost.Services.GetRequiredService<IAlertStore>().Get(alert.Id)!.State);
        }
    }
}
