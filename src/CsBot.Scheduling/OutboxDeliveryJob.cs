using CsBot.Application.Delivery;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// Delivers the outbox's due messages. One run at a time, so two runs never race for the same batch; a run that
/// fails is logged and the next trigger picks up whatever is still due.
/// </summary>
[DisallowConcurrentExecution]
public sealed class OutboxDeliveryJob(OutboxDeliveryService delivery, ILogger<OutboxDeliveryJob> logger) : IJob
{
    public static readonly JobKey Key = new("outbox-delivery", "csbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await delivery.DeliverDueAsync(cancellationToken);
            if (summary.DidAnything)
            {
                logger.LogInformation("Outbox: {Due} due, {Delivered} delivered, {Retrying} retrying, {DeadLettered} dead-lettered, {Skipped} skipped, {Unrecorded} unrecorded, {Paused} waiting out a rate limit",
                    summary.Due, summary.Delivered, summary.Retrying, summary.DeadLettered, summary.Skipped, summary.Unrecorded, summary.Paused);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Outbox delivery cancelled by shutdown; undelivered messages stay queued");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Outbox delivery failed; the next scheduled run will try again");
        }
    }
}
