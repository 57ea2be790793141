using CsBot.Application.Delivery;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// Runs the outbox delivery job at once instead of waiting for its next poll, so an alert reaches chat seconds after
/// the evaluation or ingestion that raised it. Going through the job keeps delivery one run at a time.
/// </summary>
public sealed class DeliverSoon(ISchedulerFactory schedulers) : IDeliveryTrigger
{
    public async Task DeliverSoonAsync(CancellationToken cancellationToken) =>
        await TriggerAsync(await schedulers.GetScheduler(cancellationToken), cancellationToken);

    /// <summary>For jobs that have queued messages: triggers delivery on the scheduler that ran them.</summary>
    public static Task TriggerAsync(IJobExecutionContext context, CancellationToken cancellationToken) =>
        TriggerAsync(context.Scheduler, cancellationToken);

    private static async Task TriggerAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        if (await scheduler.GetJobDetail(OutboxDeliveryJob.Key, cancellationToken) is not null)
            await scheduler.TriggerJob(OutboxDeliveryJob.Key, new JobDataMap(), cancellationToken);
    }
}
