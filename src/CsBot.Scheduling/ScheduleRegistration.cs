using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// Puts jobs and triggers into the scheduler without disturbing what is already there. In a cluster every instance
/// registers the same schedule at start-up, often at the same moment: a trigger already stored with the same schedule
/// is left alone (so its next fire time, and a fire time missed while every instance was down, survive a restart),
/// one whose schedule changed in the configuration is replaced, and losing a race to another instance that stored it
/// first counts as done. In memory the scheduler starts empty and this simply adds everything.
/// </summary>
public static class ScheduleRegistration
{
    public static async Task EnsureJobAsync(IScheduler scheduler, IJobDetail job, CancellationToken cancellationToken)
    {
        var existing = await scheduler.GetJobDetail(job.Key, cancellationToken);
        if (existing is not null && SameJob(existing, job)) return;
        try
        {
            await scheduler.AddJob(job, new AddJobOptions { Replace = existing is not null }, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another instance stored it between the read and the write: the same job from the same code.
        }
    }

    /// <summary>Schedules <paramref name="trigger"/> unless a trigger with its key and the same schedule is stored; true when it wrote.</summary>
    public static async Task<bool> EnsureTriggerAsync(IScheduler scheduler, ITrigger trigger, CancellationToken cancellationToken, ILogger? logger = null)
    {
        var existing = await scheduler.GetTrigger(trigger.Key, cancellationToken);
        if (existing is not null)
        {
            if (SameSchedule(existing, trigger)) return false;
            logger?.LogInformation("Schedule of {Trigger} changed; replacing the stored trigger", trigger.Key);
            await scheduler.RescheduleJob(trigger.Key, trigger, cancellationToken);
            return true;
        }
        try
        {
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false;
        }
    }

    private static bool SameJob(IJobDetail stored, IJobDetail wanted) =>
        stored.JobType.Equals(wanted.JobType)
        && stored.Durable == wanted.Durable
        && stored.RequestsRecovery == wanted.RequestsRecovery;

    /// <summary>
    /// The same job, data, calendar-free schedule and misfire instruction. A one-off trigger (no cron) already stored
    /// is another instance's start-up run that has not fired yet: the same run, so it is left as it is.
    /// </summary>
    public static bool SameSchedule(ITrigger stored, ITrigger wanted)
    {
        if (!stored.JobKey.Equals(wanted.JobKey) || !SameData(stored.JobDataMap, wanted.JobDataMap)) return false;
        return (stored, wanted) switch
        {
            (ICronTrigger s, ICronTrigger w) => s.CronExpressionString == w.CronExpressionString
                                                && s.TimeZone.Id == w.TimeZone.Id
                                                && s.MisfireInstruction == w.MisfireInstruction,
            (ICronTrigger, _) or (_, ICronTrigger) => false,
            _ => true,
        };
    }

    private static bool SameData(JobDataMap stored, JobDataMap wanted) =>
        stored.Count == wanted.Count
        && wanted.All(entry => stored.TryGetValue(entry.Key, out var value) && Equals(value?.ToString(), entry.Value?.ToString()));
}
