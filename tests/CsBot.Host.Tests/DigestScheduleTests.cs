using CsBot.Core.Digest;
using CsBot.Scheduling;

namespace CsBot.Host.Tests;

public class DigestScheduleTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void The_default_digest_fires_monday_nine_in_berlin_across_both_dst_changes()
    {
        var subscription = new DigestSubscription("cs-leadership", "Europe/Berlin");

        // Summer time starts Sunday 2026-03-29 and ends Sunday 2026-10-25.
        var spring = DigestSchedule(subscription, new DateTimeOffset(2026, 3, 17, 0, 0, 0, TimeSpan.Zero));
        var autumn = DigestSchedule(subscription, new DateTimeOffset(2026, 10, 13, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal([new(2026, 3, 23, 8, 0, 0, TimeSpan.Zero), new(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), new(2026, 4, 6, 7, 0, 0, TimeSpan.Zero)], spring);
        Assert.Equal([new(2026, 10, 19, 7, 0, 0, TimeSpan.Zero), new(2026, 10, 26, 8, 0, 0, TimeSpan.Zero), new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero)], autumn);
        foreach (var fire in spring.Concat(autumn))
        {
            var local = TimeZoneInfo.ConvertTime(fire, Berlin);
            Assert.Equal(DayOfWeek.Monday, local.DayOfWeek);
            Assert.Equal(new TimeSpan(9, 0, 0), local.TimeOfDay);
        }
    }

    [Fact]
    public void Each_subscription_keeps_its_own_zone()
    {
        var tokyo = new DigestSubscription("apac", "Asia/Tokyo");

        var next = DigestSchedule(tokyo, new DateTimeOffset(2026, 3, 17, 0, 0, 0, TimeSpan.Zero))[0];

        // Monday 09:00 in Tokyo is still Monday 00:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 23, 0, 0, 0, TimeSpan.Zero), next);
    }

    private static DateTimeOffset[] DigestSchedule(DigestSubscription subscription, DateTimeOffset after) =>
        [.. CsBot.Scheduling.DigestSchedule.NextFireTimes(subscription, after, 3).Select(t => t.ToUniversalTime())];
}
