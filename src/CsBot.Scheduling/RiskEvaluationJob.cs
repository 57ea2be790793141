using System.Globalization;
using CsBot.Application.Evaluation;
using CsBot.Application.Observability;
using CsBot.Scheduling.Cluster;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// Runs the risk evaluation. One run at a time: a slow run is never overlapped by the next hour's trigger.
/// Failures are logged and the next trigger tries again; nothing is lost because alerts are keyed by account and rule.
/// Each finished run is logged with the slot it stands for (its trigger's scheduled time; for a run recovered from an
/// instance that died mid-run, the slot the dead instance was running) and the instance that ran it, so the logs of a
/// cluster show which instance ran each hour. A run waits for the read model's warm-up first (<see cref="StartupOrder"/>),
/// so at start-up the first question's read is not slowed by the evaluation's. A recovered run of a slot this instance
/// already finished (it was taken for dead while it ran) is not run again (<see cref="FinishedEvaluationSlots"/>).
/// </summary>
[DisallowConcurrentExecution]
public sealed class RiskEvaluationJob(RiskEvaluationService evaluation, StartupOrder order, FinishedEvaluationSlots finished, MemoryAfterBulkWork memory, ILogger<RiskEvaluationJob> logger) : IJob
{
    public static readonly JobKey Key = new("risk-evaluation", "csbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var slot = SlotOf(context);
        try
        {
            if (context.Recovering && finished.Contains(slot))
            {
                logger.LogInformation("Risk evaluation of the {Slot} slot already finished on instance {Instance}, which the cluster took for dead while it ran; not run again",
                    slot.ToString("O", CultureInfo.InvariantCulture), context.Scheduler.SchedulerInstanceId);
                return;
            }
            await order.BeforeEvaluationAsync(cancellationToken);
            await evaluation.RunAsync(cancellationToken);
            finished.Add(slot);
            logger.LogInformation("Risk evaluation of the {Slot} slot of {Trigger} finished on instance {Instance}{Recovered}",
                slot.ToString("O", CultureInfo.InvariantCulture), (context.RecoveringTriggerKey ?? context.Trigger.Key).Name,
                context.Scheduler.SchedulerInstanceId, context.Recovering ? " (recovered from an instance that stopped mid-run)" : "");
            await DeliverSoon.TriggerAsync(context, cancellationToken);
            // The evaluation's last step resumes this method on its own stack, before its state (the alert changes and
            // the records and scores kept for messages, its last batches) is let go. Collect after it unwinds.
            await Task.Yield();
            memory.Return("the risk evaluation");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Risk evaluation cancelled by shutdown");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Risk evaluation failed; the next scheduled run will try again");
        }
        finally
        {
            order.EvaluationFinished();
        }
    }

    /// <summary>The scheduled time of the firing this run stands for: a recovery stands for the firing it re-runs.</summary>
    public static DateTimeOffset SlotOf(IJobExecutionContext context)
    {
        if (context.Recovering
            && context.MergedJobDataMap.TryGetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var original)
            && Parse(original) is { } slot)
            return slot;
        return (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).ToUniversalTime();
    }

    // Quartz writes the original time as text in the invariant culture, to the second ("12/01/2026 20:53:49 +00:00").
    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at.ToUniversalTime() : null;
}
