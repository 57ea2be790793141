using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CsBot.Host.Tests;

public class DigestSubscriptionFromChatTests
{
    [Fact]
    public async Task A_channel_subscribed_from_chat_gets_its_digest_trigger_at_once_and_loses_it_on_unsubscribe()
    {
        using var factory = new CsBotHost(new Dictionary<string, string?> { ["Demo:AccountCount"] = "20", ["Scheduling:EvaluateAtStartup"] = "false", ["Reminders:RunAtStartup"] = "false" });
        var client = factory.CreateClient();
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = new TriggerKey("digest-cs-leadership", "csbot");

        var subscribed = await Ask(client, "subscribe this channel to the weekly digest", "cs-leadership");

        Assert.Equal("This channel is subscribed to the weekly digest", subscribed.GetProperty("title").GetString());
        var cron = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(trigger));
        Assert.Equal("0 0 9 ? * MON", cron.CronExpressionString);
        Assert.NotNull(factory.Services.GetRequiredService<IDigestSubscriptions>().Find("#cs-leadership"));

        await Ask(client, "unsubscribe", "cs-leadership");

        Assert.Null(await scheduler.GetTrigger(trigger));
        Assert.Null(factory.Services.GetRequiredService<IDigestSubscriptions>().Find("cs-leadership"));
    }

    [Fact]
    public async Task A_channel_keeps_its_stored_time_after_it_leaves_the_configuration()
    {
        var folder = Directory.CreateTempSubdirectory("csbot-digest-restart-").FullName;
        Dictionary<string, string?> Settings(params (string Key, string Value)[] extra)
        {
            var settings = new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(folder, "csbot.db"), ["Demo:AccountCount"] = "20", ["Scheduling:EvaluateAtStartup"] = "false", ["Reminders:RunAtStartup"] = "false" };
            foreach (var (key, value) in extra) settings[key] = value;
            return settings;
        }
        try
        {
            using (var configured = new CsBotHost(Settings(("Digest:Subscriptions:0:Channel", "cs-emea"), ("Digest:Subscriptions:0:Cron", "0 30 7 ? * TUE"), ("Digest:Subscriptions:0:TimeZone", "Europe/Berlin"))))
                _ = configured.CreateClient();

            using var restarted = new CsBotHost(Settings());
            _ = restarted.CreateClient();
            var scheduler = await restarted.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

            var cron = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("digest-cs-emea", "csbot")));
            Assert.Equal(("0 30 7 ? * TUE", "Europe/Berlin"), (cron.CronExpressionString, cron.TimeZone.Id));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<JsonElement> Ask(HttpClient client, string text, string channel)
    {
        var response = await client.PostAsJsonAsync("/api/local/ask", new { text, channel });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
