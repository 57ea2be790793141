using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Core.Alerts;
using CsBot.Core.Outbox;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace CsBot.Host.Tests;

/// <summary>
/// What the playground's feed and buttons rely on: each sent message as neutral JSON with its recipient, and a
/// pressed button that updates the message it was on (a sent one in the transcript, or an answer sent back with it).
/// </summary>
public sealed class PlaygroundFeedTests(PlaygroundFeedTests.SmallHost host) : IClassFixture<PlaygroundFeedTests.SmallHost>
{
    /// <summary>
    /// A 40-account demo host, quiet hours off and a delivery run every second, once its first evaluation is fully
    /// delivered: every open alert notified, the outbox empty, and alerts sent both to a CSM and to a channel. The
    /// tests read the feed only after that, so what they find no longer depends on how fast the machine is.
    /// </summary>
    public sealed class SmallHost : IAsyncLifetime
    {
        public CsBotHost Factory { get; } = new(new Dictionary<string, string?>
        {
            ["Demo:AccountCount"] = "40",
            ["Alerting:QuietHours:Enabled"] = "false",
            ["Delivery:PollCron"] = "0/1 * * * * ?",
        });
        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Client = Factory.CreateClient();
            await Eventually.Until(
                Client.SentMessagesAsync,
                messages => Delivered(Factory) && messages.Count(m => AlertSections(m).Any()) >= 3
                    && messages.Any(m => m.GetProperty("recipientKind").GetString() == "User" && AlertSections(m).Any())
                    && messages.Any(m => m.GetProperty("recipientKind").GetString() == "Channel"),
                "the first evaluation's alerts to be delivered to CSMs and a channel",
                messages => $"{messages.Length} messages, to {string.Join(", ", messages.Select(m => m.GetProperty("recipient").GetString()).Distinct())}");
        }

        private static bool Delivered(CsBotHost host)
        {
            var outbox = host.Services.GetRequiredService<IOutboxStore>().Counts();
            return outbox[OutboxState.Pending] == 0 && outbox[OutboxState.Delivering] == 0
                && host.Services.GetRequiredService<IAlertStore>().GetOpen().All(a => a.State != AlertState.Firing);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Each_sent_message_carries_its_neutral_card_with_buttons_and_its_recipient()
    {
        var messages = await host.Client.GetFromJsonAsync<JsonElement[]>("/api/local/messages");

        var alert = messages!.First(m => AlertSections(m).Any());
        Assert.StartsWith("local-", alert.GetProperty("id").GetString());
        Assert.Equal(alert.GetProperty("title").GetString(), alert.GetProperty("message").GetProperty("title").GetString());
        var section = AlertSections(alert).First();
        Assert.Contains(section.GetProperty("actions").EnumerateArray(), a => a.GetProperty("kind").GetString() == "Acknowledge");
        Assert.Contains(section.GetProperty("actions").EnumerateArray(), a => a.GetProperty("kind").GetString() == "Why"
            && a.GetProperty("value").GetString() == section.GetProperty("account").GetProperty("accountId").GetString());
        Assert.Contains(messages!, m => m.GetProperty("recipientKind").GetString() == "User");
        Assert.Contains(messages!, m => m.GetProperty("recipientKind").GetString() == "Channel" && m.GetProperty("recipient").GetString()!.StartsWith('#'));
    }

    [Fact]
    public async Task Acknowledging_on_a_sent_message_updates_that_message_in_the_feed()
    {
        var messages = await host.Client.GetFromJsonAsync<JsonElement[]>("/api/local/messages");
        var sent = messages!.Last(m => AlertSections(m).Any());
        var id = sent.GetProperty("id").GetString();
        var alertId = AlertId(AlertSections(sent).First());

        var outcome = await PressAsync(new { kind = "Acknowledge", value = alertId, user = "Pat Tester", messageId = id });

        Assert.True(outcome.GetProperty("applied").GetBoolean());
        Assert.Equal(id, outcome.GetProperty("updated").GetProperty("messageId").GetString());
        var after = (await host.Client.GetFromJsonAsync<JsonElement[]>("/api/local/messages"))!.Single(m => m.GetProperty("id").GetString() == id);
        var marked = after.GetProperty("message").GetProperty("sections").EnumerateArray()
            .Single(s => s.GetProperty("text").GetString()!.Contains("Acknowledged by Pat Tester"));
        Assert.Empty(marked.GetProperty("actions").EnumerateArray());
        Assert.Contains("Acknowledged by Pat Tester", after.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Snoozing_on_an_answer_sent_back_with_the_press_marks_that_answer_and_the_feed_message_is_redrawn_from_the_alert()
    {
        var messages = await host.Client.GetFromJsonAsync<JsonElement[]>("/api/local/messages");
        // The tests share one host: keep off the alerts of the message the other test acknowledges on.
        var other = AlertSections(messages!.Last(m => AlertSections(m).Any())).Select(AlertId).ToHashSet();
        var sent = messages!.First(m => AlertSections(m).Any(s => !other.Contains(AlertId(s))));
        var section = AlertSections(sent).First(s => !other.Contains(AlertId(s)));
        var alertId = AlertId(section);
        var shown = sent.GetProperty("message");

        var outcome = await PressAsync(new { kind = "Snooze7Days", value = alertId, user = "Pat Tester", original = shown });

        Assert.True(outcome.GetProperty("applied").GetBoolean());
        var updated = outcome.GetProperty("updated");
        Assert.Equal("", updated.GetProperty("messageId").GetString());
        Assert.Contains(updated.GetProperty("message").GetProperty("sections").EnumerateArray(),
            s => s.GetProperty("heading").GetString() == section.GetProperty("heading").GetString() && s.GetProperty("text").GetString()!.Contains("Snoozed until ")
                && s.GetProperty("actions").GetArrayLength() == 0);
        // Every message that announced the alert is redrawn through the outbox, the feed's own copy included.
        var feedCopy = await Eventually.Until(
            async () => (await host.Client.GetFromJsonAsync<JsonElement[]>("/api/local/messages"))!.Single(m => m.GetProperty("id").GetString() == sent.GetProperty("id").GetString()),
            m => m.TryGetProperty("updatedAt", out var at) && at.ValueKind == JsonValueKind.String, "the feed's message redrawn");
        var redrawn = feedCopy.GetProperty("message").GetProperty("sections").EnumerateArray()
            .Single(s => s.GetProperty("heading").GetString() == section.GetProperty("heading").GetString());
        Assert.Equal(0, redrawn.GetProperty("actions").GetArrayLength());
        Assert.Equal(section.GetProperty("text").GetString() + "\nSnoozed until ", redrawn.GetProperty("text").GetString()![..(section.GetProperty("text").GetString()!.Length + 15)]);
        Assert.Contains("by Pat Tester (local)", redrawn.GetProperty("text").GetString());
    }

    private async Task<JsonElement> PressAsync(object body)
    {
        var response = await host.Client.PostAsJsonAsync("/api/local/actions", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<JsonElement> AlertSections(JsonElement sent) =>
        sent.GetProperty("message").GetProperty("sections").EnumerateArray()
            .Where(s => s.GetProperty("actions").EnumerateArray().Any(a => a.GetProperty("kind").GetString() == "Acknowledge"));

    private static string AlertId(JsonElement section) =>
        section.GetProperty("actions").EnumerateArray().First(a => a.GetProperty("kind").GetString() == "Acknowledge").GetProperty("value").GetString()!;
}
