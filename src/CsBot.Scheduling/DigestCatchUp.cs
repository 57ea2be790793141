using CsBot.Core.Digest;
using CsBot.Core.Ports;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// The digests that fell due while CsBot was down, for the in-memory scheduler (which forgets its triggers on exit):
/// per subscription, the latest scheduled time after the channel's mark in the <see cref="IDigestSlotLedger"/> that
/// has already passed. Only the latest: after a month away a channel gets one digest, not four. The clustered
/// scheduler keeps its triggers in the database and does the same through Quartz's misfire handling.
/// </summary>
public static class DigestCatchUp
{
    public const string SlotKey = "slot";

    /// <summary>Each subscription whose digest was missed, with the slot it was missed at.</summary>
    public static IReadOnlyList<(DigestSubscription Subscription, DateTimeOffset Slot)> Missed(
        IEnumerable<DigestSubscription> subscriptions, IDigestSlotLedger ledger, DateTimeOffset now)
    {
        var missed = new List<(DigestSubscription, DateTimeOffset)>();
        foreach (var subscription in subscriptions)
        {
            if (ledger.LastSlot(subscription.Channel) is not { } mark) continue;
            if (LatestSlot(subscription, mark, now) is { } slot) missed.Add((subscription, slot));
        }
        return missed;
    }

    /// <summary>A one-off trigger that sends the channel's missed digest at <paramref name="now"/>, carrying the slot it stands for.</summary>
    public static ITrigger Trigger(DigestSubscription subscription, DateTimeOffset slot, DateTimeOffset now) => TriggerBuilder.Create()
        .ForJob(WeeklyDigestJob.Key)
        .WithIdentity("digest-catch-up-" + Core.Digest.DigestSubscription.KeyOf(subscription.Channel), "csbot")
        .UsingJobData(WeeklyDigestJob.ChannelKey, subscription.Channel)
        .UsingJobData(SlotKey, slot.ToUniversalTime().ToString("O"))
        .StartAt(now)
        .Build();

    // The last fire time in (mark, now]; null when the schedule did not fire since the mark.
    private static DateTimeOffset? LatestSlot(DigestSubscription subscription, DateTimeOffset mark, DateTimeOffset now)
    {
        var cron = new CronExpression(DigestSchedule.CronOf(subscription), TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone));
        DateTimeOffset? latest = null;
        for (var at = mark; cron.GetNextValidTimeAfter(at) is { } next && next <= now; at = next)
            latest = next;
        return latest;
    }
}
