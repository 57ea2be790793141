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

    private static async Task<JsonElement> Ask(HttpClient client, string text, string channel)
    {
        var response = await client.PostAsJsonAsync("/api/local/ask", new { text, channel });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
