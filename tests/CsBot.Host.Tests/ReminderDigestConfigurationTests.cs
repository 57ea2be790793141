using CsBot.Core.Digest;
using CsBot.Core.Reminders;
using CsBot.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace CsBot.Host.Tests;

public class ReminderDigestConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] settings) => new ConfigurationBuilder()
        .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
        .Build();

    private static ConfigurationException Fails(params (string Key, string Value)[] settings) =>
        Assert.Throws<ConfigurationException>(() => SettingsLoader.Load(Config(settings)));

    [Fact]
    public void Defaults_remind_at_90_60_30_7_and_14_3_days_at_eight_and_subscribe_no_channel()
    {
        var settings = SettingsLoader.Load(Config());

        Assert.Equal([90, 60, 30, 7], settings.Application.Reminders.RenewalOffsets);
        Assert.Equal([14, 3], settings.Application.Reminders.NoticeOffsets);
        Assert.Equal("0 0 8 * * ?", settings.Scheduling.Reminders.Cron);
        Assert.Empty(settings.Scheduling.DigestSubscriptions);
    }

    [Fact]
    public void A_bad_reminder_cron_and_bad_offsets_name_their_keys()
    {
        var error = Fails(("Reminders:Cron", "daily"), ("Reminders:RenewalOffsetDays:0", "30"), ("Reminders:RenewalOffsetDays:1", "30"), ("Reminders:NoticeOffsetDays:0", "-2"));

        Assert.Contains(error.Errors, e => e.StartsWith("Reminders:Cron 'daily'", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("Reminders:RenewalOffsetDays", StringComparison.Ordinal) && e.Contains("more than once"));
        Assert.Contains(error.Errors, e => e.StartsWith("Reminders:NoticeOffsetDays", StringComparison.Ordinal) && e.Contains("-2"));
    }

    [Fact]
    public void A_digest_subscription_takes_the_scheduling_zone_and_monday_nine_by_default()
    {
        var settings = SettingsLoader.Load(Config(("Scheduling:TimeZone", "Europe/Berlin"), ("Digest:Subscriptions:0:Channel", "#cs-leadership"), ("Digest:Subscriptions:0:Segment", " Enterprise ")));

        Assert.Equal(new DigestSubscription("#cs-leadership", "Europe/Berlin", "Enterprise", "0 0 9 ? * MON"), Assert.Single(settings.Scheduling.DigestSubscriptions));
    }

    [Fact]
    public void Bad_digest_subscriptions_name_the_entry_and_the_fix()
    {
        var error = Fails(
            ("Digest:Subscriptions:0:Channel", "cs-leadership"), ("Digest:Subscriptions:0:TimeZone", "Mars/Olympus"),
            ("Digest:Subscriptions:1:Channel", "#CS-Leadership"),
            ("Digest:Subscriptions:2:Cron", "mondays"), ("Digest:Subscriptions:2:Segment", "SMB"));

        Assert.Contains(error.Errors, e => e.StartsWith("Digest:Subscriptions:0:TimeZone 'Mars/Olympus'", StringComparison.Ordinal) && e.Contains("Europe/Berlin"));
        Assert.Contains(error.Errors, e => e.StartsWith("Digest:Subscriptions:1:Channel", StringComparison.Ordinal) && e.Contains("twice"));
        Assert.Contains(error.Errors, e => e.StartsWith("Digest:Subscriptions:2:Channel is empty", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.StartsWith("Digest:Subscriptions:2:Cron 'mondays'", StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_file_documents_the_reminder_and_digest_defaults()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "CsBot.sln"))) dir = dir.Parent;
        var example = SettingsLoader.Load(new ConfigurationBuilder().AddJsonFile(Path.Combine(dir.FullName, "appsettings.example.json")).Build());
        var defaults = SettingsLoader.Load(Config());

        Assert.Equal(defaults.Scheduling.Reminders.Enabled, example.Scheduling.Reminders.Enabled);
        Assert.Equal(defaults.Scheduling.Reminders.Cron, example.Scheduling.Reminders.Cron);
        Assert.Equal(RemindersOptions.DefaultRenewalOffsetDays, example.Application.Reminders.RenewalOffsets);
        Assert.Equal(RemindersOptions.DefaultNoticeOffsetDays, example.Application.Reminders.NoticeOffsets);
        Assert.Equal(defaults.Scheduling.DigestSubscriptions, example.Scheduling.DigestSubscriptions);
    }
}
