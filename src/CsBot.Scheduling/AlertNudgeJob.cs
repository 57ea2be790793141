using CsBot.Application.Nudges;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// Reminds whoever acknowledged an alert that keeps firing, and sends each CSM's morning summary of waiting
/// High/Critical alerts. Runs often (Scheduling:NudgeCron); safe to re-run: each reminder is due once per interval
/// and each summary once a day.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AlertNudgeJob(AlertNudges nudges, ILogger<AlertNudgeJob> logger) : IJob
{
    public static readonly JobKey Key = new("alert-nudges", "csbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var summary = nudges.Run();
            if (summary.Reminders + summary.MorningSummaries > 0) await DeliverSoon.TriggerAsync(context, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Alert nudges failed; the next run catches up on anything still due");
        }
    }
}
