using CsBot.Application.Evaluation;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// Runs the risk evaluation. One run at a time: a slow run is never overlapped by the next hour's trigger.
/// Failures are logged and the next trigger tries again; nothing is lost because alerts are keyed by account and rule.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RiskEvaluationJob(RiskEvaluationService evaluation, ILogger<RiskEvaluationJob> logger) : IJob
{
    public static readonly JobKey Key = new("risk-evaluation", "csbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await evaluation.RunAsync(cancellationToken);
            await DeliverSoon.TriggerAsync(context, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Risk evaluation cancelled by shutdown");
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Risk evaluation failed; the next scheduled run will try again");
        }
    }
}
