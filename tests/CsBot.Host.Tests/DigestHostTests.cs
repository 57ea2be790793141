using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CsBot.Host.Tests;

/// <summary>The digest through the running host: the preview endpoint on the demo portfolio and the Quartz triggers.</summary>
public sealed class DigestHostTests : IClassFixture<DigestHostTests.Host>
{
    private readonly Host _host;

    public DigestHostTests(Host host) => _host = host;

    public sealed class Host : IDisposable
    {
        public CsBotHost Factory { get; } = new(new Dictionary<string, string?>
        {
            ["Scheduling:EvaluateAtStartup"] = "false",
            ["Reminders:RunAtStartup"] = "false",
            ["Scheduling:TimeZone"] = "Europe/Berlin",
            ["Demo:AccountCount"] = "60",
            ["Digest:Subscriptions:0:Channel"] = "cs-leadership",
            ["Digest:Subscriptions:1:Channel"] = "enterprise-team",
            ["Digest:Subscriptions:1:Segment"] = "Enterprise",
            ["Digest:Subscriptions:1:TimeZone"] = "America/New_York",
            ["Digest:Subscriptions:1:Cron"] = "0 30 8 ? * TUE",
        });

        public HttpClient Client => _client ??= Factory.CreateClient();
        private HttpClient? _client;

        public void Dispose() => Factory.Dispose();
    }

    [Fact]
    public async Task The_preview_returns_the_whole_digest_as_text_and_message_without_sending_it()
    {
        var preview = await _host.Client.GetFromJsonAsync<JsonElement>("/api/local/digest/preview?channel=cs-leadership");

        var text = preview.GetProperty("text").GetString()!;
        Assert.StartsWith("Weekly health digest ", preview.GetProperty("title").GetString());
        foreach (var heading in new[] { "## Health by band", "## Portfolio health, last 12 weeks", "## New at-risk accounts", "## Biggest health drops", "## Renewals in the next 90 days", "## Key metrics" })
            Assert.Contains(heading, text);
        Assert.Matches(@"^digest:cs-leadership:\d{4}-W\d{2}$", preview.GetProperty("idempotencyKey").GetString());
        Assert.True(preview.GetProperty("message").GetProperty("sections").GetArrayLength() >= 6);
        var sent = await _host.Client.GetFromJsonAsync<JsonElement[]>("/api/local/messages");
        Assert.DoesNotContain(sent!, m => m.GetProperty("title").GetString()!.StartsWith("Weekly health digest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_channel_previews_with_its_own_segment_unless_another_is_asked_for()
    {
        var own = await _host.Client.GetFromJsonAsync<JsonElement>("/api/local/digest/preview?channel=%23enterprise-team");
        var other = await _host.Client.GetFromJsonAsync<JsonElement>("/api/local/digest/preview?channel=enterprise-team&segment=smb");

        Assert.EndsWith("(Enterprise)", own.GetProperty("title").GetString());
        Assert.EndsWith("(smb)", other.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_channel_or_segment_is_a_404_naming_what_exists()
    {
        var channel = await _host.Client.GetAsync("/api/local/digest/preview?channel=random");
        var segment = await _host.Client.GetAsync("/api/local/digest/preview?segment=Galactic");

        Assert.Equal(HttpStatusCode.NotFound, channel.StatusCode);
        Assert.Contains("cs-leadership", await channel.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, segment.StatusCode);
        Assert.Contains("Enterprise", await segment.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_subscription_has_its_own_trigger_in_its_zone_and_reminders_run_daily()
    {
        _ = _host.Client;
        var scheduler = await _host.Factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var leadership = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey("digest-cs-leadership", "csbot")))!;
        var enterprise = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey("digest-enterprise-team", "csbot")))!;
        var reminders = (ICronTrigger)(await scheduler.GetTrigger(new TriggerKey("renewal-reminders-cron", "csbot")))!;

        Assert.Equal(("0 0 9 ? * MON", "Europe/Berlin"), (leadership.CronExpressionString, leadership.TimeZone.Id));
        Assert.Equal(("0 30 8 ? * TUE", "America/New_York"), (enterprise.CronExpressionString, enterprise.TimeZone.Id));
        Assert.Equal(WeeklyDigestJob.Key, enterprise.JobKey);
        Assert.Equal(("0 0 8 * * ?", "Europe/Berlin"), (reminders.CronExpressionString, reminders.TimeZone.Id));
        Assert.Equal(RenewalReminderJob.Key, reminders.JobKey);
    }
}
