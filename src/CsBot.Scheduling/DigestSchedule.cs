using CsBot.Core.Digest;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>When a digest subscription fires, read as its Quartz trigger reads it.</summary>
public static class DigestSchedule
{
    /// <summary>
    /// Every Monday at 09:00: what a channel signed up from chat gets, and a configured channel that names no cron.
    /// The chat reply to a sign-up says so.
    /// </summary>
    public const string DefaultCron = "0 0 9 ? * MON";

    /// <summary>The Quartz cron the subscription fires on: the one it was configured or stored with, else the default.</summary>
    public static string CronOf(DigestSubscription subscription) =>
        string.IsNullOrWhiteSpace(subscription.Schedule) ? DefaultCron : subscription.Schedule;

    /// <summary>The next <paramref name="count"/> times the subscription's digest fires after <paramref name="after"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> NextFireTimes(DigestSubscription subscription, DateTimeOffset after, int count)
    {
        var cron = new CronExpression(CronOf(subscription), TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone));
        var times = new List<DateTimeOffset>(count);
        for (var at = after; times.Count < count && cron.GetNextValidTimeAfter(at) is { } next; at = next)
            times.Add(next);
        return times;
    }
}
