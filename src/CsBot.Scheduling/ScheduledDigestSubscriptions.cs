using CsBot.Application.Digest;
using CsBot.Core.Digest;
using CsBot.Core.Ports;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// Keeps each subscription's Quartz trigger in step with the stored subscriptions: subscribing a channel from
/// chat schedules its digest at once, unsubscribing removes the trigger. No restart needed. A trigger whose schedule
/// is unchanged is left as stored, so a restart (of one instance, or of all) never moves a digest's next fire time.
/// A channel scheduled for the first time gets its mark in the slot ledger: digests due before it are not owed.
/// </summary>
public sealed class ScheduledDigestSubscriptions(IDigestSubscriptions stored, ISchedulerFactory schedulers, IDigestSlotLedger slots, TimeProvider time) : IDigestSubscriptions
{
    public IReadOnlyList<DigestSubscription> GetAll() => stored.GetAll();
    public DigestSubscription? Find(string channel) => stored.Find(channel);

    public void Upsert(DigestSubscription subscription)
    {
        stored.Upsert(subscription);
        Schedule(subscription);
    }

    public bool Remove(string channel)
    {
        var removed = stored.Remove(channel);
        Scheduler().UnscheduleJob(TriggerKeyFor(channel)).AsTask().GetAwaiter().GetResult();
        return removed;
    }

    /// <summary>Schedules (or reschedules) the trigger of every stored subscription; run once at startup.</summary>
    public void ScheduleAll()
    {
        foreach (var subscription in stored.GetAll()) Schedule(subscription);
    }

    private void Schedule(DigestSubscription subscription)
    {
        if (slots.LastSlot(subscription.Channel) is null) slots.Record(subscription.Channel, time.GetUtcNow());
        ScheduleRegistration.EnsureTriggerAsync(Scheduler(), DigestTrigger(subscription), CancellationToken.None).GetAwaiter().GetResult();
    }

    private IScheduler Scheduler() => schedulers.GetScheduler().AsTask().GetAwaiter().GetResult();

    public static TriggerKey TriggerKeyFor(string channel) => new("digest-" + DigestKeys.Normalize(channel), "csbot");

    /// <summary>
    /// The subscription's own cron in its own zone. A digest whose time passed while no scheduler was running fires
    /// once when one starts (misfire: fire once now, then keep to the schedule), never once per missed week.
    /// </summary>
    public static ITrigger DigestTrigger(DigestSubscription subscription) => TriggerBuilder.Create()
        .ForJob(WeeklyDigestJob.Key)
        .WithIdentity(TriggerKeyFor(subscription.Channel))
        .UsingJobData(WeeklyDigestJob.ChannelKey, subscription.Channel)
        .WithCronSchedule(DigestSchedule.CronOf(subscription), c => c
            .InTimeZone(TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone))
            .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();
}
