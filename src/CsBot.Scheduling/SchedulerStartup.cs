using CsBot.Scheduling.Cluster;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// Prepares the scheduler before Quartz starts it: in a cluster, creates Quartz's tables when missing (under an
/// advisory lock, <see cref="QuartzTables"/>); then puts CsBot's jobs and triggers in without disturbing those
/// already stored (<see cref="ScheduleRegistration"/>), and removes a stored cron trigger the configuration has
/// switched off. Registered before Quartz's hosted service, so it is the first to ask for the scheduler.
/// </summary>
public sealed class SchedulerStartup(SchedulerStore store, CsBotSchedule schedule, ISchedulerFactory schedulers, TimeProvider time, ILogger<SchedulerStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (store.Clustered) await QuartzTables.EnsureAsync(store.ConnectionString!, cancellationToken);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var job in schedule.Jobs()) await ScheduleRegistration.EnsureJobAsync(scheduler, job, cancellationToken);
        var triggers = schedule.Triggers(time.GetUtcNow());
        foreach (var trigger in triggers) await ScheduleRegistration.EnsureTriggerAsync(scheduler, trigger, cancellationToken, logger);
        foreach (var key in CsBotSchedule.ConfiguredCronTriggers.Except(triggers.Select(t => t.Key)))
            if (await scheduler.UnscheduleJob(key, cancellationToken))
                logger.LogInformation("Removed the stored trigger {Trigger}: the configuration no longer schedules it", key);
        logger.LogInformation("Scheduler {Store}, instance {Instance}", store, scheduler.SchedulerInstanceId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
