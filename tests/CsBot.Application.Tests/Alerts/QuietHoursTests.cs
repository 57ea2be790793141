using CsBot.Core.Ports;
using NSubstitute;
using CsBot.Application.Notifications;
using CsBot.Core;
using CsBot.Core.Accounts;
using static CsBot.Application.Tests.Alerts.LifecycleHarness;

namespace CsBot.Application.Tests.Alerts;

public class QuietHoursTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly Person Ben = new("Ben Kowalski", "ben@csbot.example") { TimeZone = "America/New_York" };

    [Theory]
    [InlineData("2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z")] // Wednesday morning: now
    [InlineData("2026-11-25T19:59:00Z", "2026-11-25T19:59:00Z")] // just before quiet hours
    [InlineData("2026-11-25T20:00:00Z", "2026-11-26T08:00:00Z")] // evening: next morning
    [InlineData("2026-11-26T03:00:00Z", "2026-11-26T08:00:00Z")] // small hours: this morning
    [InlineData("2026-11-27T21:00:00Z", "2026-11-30T08:00:00Z")] // Friday evening: Monday
    [InlineData("2026-11-28T14:00:00Z", "2026-11-30T08:00:00Z")] // Saturday afternoon: Monday
    public void Non_critical_messages_wait_for_the_next_working_morning(string now, string expected)
    {
        var quiet = new QuietHours(new QuietHoursOptions());

        Assert.Equal(DateTimeOffset.Parse(expected), quiet.DeliverAfter(DateTimeOffset.Parse(now), TimeZoneInfo.Utc));
    }

    [Fact]
    public void Quiet_hours_are_read_in_the_recipients_zone_not_the_business_zone()
    {
        var quiet = new QuietHours(new QuietHoursOptions());
        var fridayEveningInNewYork = new DateTimeOffset(2026, 11, 28, 1, 30, 0, TimeSpan.Zero); // Fri 20:30 EST, Sat 01:30 UTC

        var deliver = quiet.DeliverAfter(fridayEveningInNewYork, NewYork);

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(-5)), deliver);
    }

    [Fact]
    public void Friday_evening_in_utc_holds_the_utc_csm_until_monday_while_new_york_gets_it_now()
    {
        var bot = new LifecycleHarness(null, Account("acc-1", "Initech", Dana, "SMB"), Account("acc-2", "Globex", Ben, "SMB"));
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero)); // Fri 22:00 UTC = Fri 17:00 in New York

        var queued = bot.Evaluate(Hit("acc-1"), Hit("acc-2"));

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero), queued.Single(m => m.To == Ben.Email).DeliverAfter);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.Zero), queued.Single(m => m.To == Dana.Email).DeliverAfter);
    }

    [Fact]
    public void Friday_night_in_new_york_waits_until_monday_8_00_local_and_critical_goes_now()
    {
        var bot = new LifecycleHarness(null, Account("acc-1", "Initech", Ben, "SMB"), Account("acc-2", "Globex", Dana, "SMB"));
        var now = new DateTimeOffset(2026, 11, 28, 1, 30, 0, TimeSpan.Zero); // Fri 20:30 in New York
        bot.Time.SetUtcNow(now);

        var queued = bot.Evaluate(Hit("acc-1"), Hit("acc-2", severity: Severity.Critical));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.Zero), queued.Single(m => m.To == Ben.Email).DeliverAfter);
        Assert.All(queued.Where(m => m.To != Ben.Email), m => Assert.Equal(now, m.DeliverAfter));
    }

    [Fact]
    public void Without_a_crm_time_zone_the_chat_platforms_zone_for_the_person_is_used()
    {
        var zones = Substitute.For<IRecipientTimeZones>();
        zones.Find(Dana.Email).Returns("America/New_York");
        var bot = new LifecycleHarness(null, zones, Account("acc-1", "Initech", Dana, "SMB"));
        bot.Time.SetUtcNow(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero)); // Fri 22:00 UTC = Fri 17:00 in New York

        var queued = bot.Evaluate(Hit("acc-1"));

        Assert.Equal(new DateTimeOffset(2026, 11, 27, 22, 0, 0, TimeSpan.Zero), queued.Single(m => m.To == Dana.Email).DeliverAfter);
    }

    [Fact]
    public void Quiet_hours_can_be_switched_off()
    {
        var quiet = new QuietHours(new QuietHoursOptions { Enabled = false });
        var saturdayNight = new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal(saturdayNight, quiet.DeliverAfter(saturdayNight, TimeZoneInfo.Utc));
    }
}
