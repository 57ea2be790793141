using CsBot.Core.Digest;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>When a digest subscription fires, read as its Quartz trigger reads it.</summary>
public static class DigestSchedule
{
    /// <summary>The next <paramref name="count"/> times the subscription's digest fires after <paramref name="after"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> NextFireTimes(DigestSubscription subscription, DateTimeOffset after, int count)
    {
        var cron = new CronExpression(subscription.Cron, TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone));
        var times = new List<DateTimeOffset>(count);
        for (var at = after; times.Count < count && cron.GetNextValidTimeAfter(at) is { } next; at = next)
            times.Add(next);
        return times;
    }
}
