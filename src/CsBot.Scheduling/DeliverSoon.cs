using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// After a job has queued messages, runs the outbox delivery job at once instead of waiting for its next poll, so
/// an alert reaches chat seconds after the evaluation that raised it.
/// </summary>
public static class DeliverSoon
{
    public static async Task TriggerAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (await context.Scheduler.GetJobDetail(OutboxDeliveryJob.Key, cancellationToken) is not null)
            await context.Scheduler.TriggerJob(OutboxDeliveryJob.Key, new JobDataMap(), cancellationToken);
    }
}
