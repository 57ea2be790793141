using CsBot.Application.Reminders;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// The daily renewal reminder run. Safe to re-run and to miss: the planner sends each reminder once and catches up
/// on a missed day with the most urgent reminder still due.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RenewalReminderJob(RenewalReminderService reminders, ILogger<RenewalReminderJob> logger) : IJob
{
    public static readonly JobKey Key = new("renewal-reminders", "csbot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            reminders.Run();
            await DeliverSoon.TriggerAsync(context, cancellationToken);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Renewal reminders failed; the next daily run catches up on anything still due");
        }
    }
}
