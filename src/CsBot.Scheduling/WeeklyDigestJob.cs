using CsBot.Application.Digest;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// Posts the weekly digest to the channel named in the firing trigger's data: one job, one trigger per subscribed
/// channel, each on its own cron and time zone.
/// </summary>
[DisallowConcurrentExecution]
public sealed class WeeklyDigestJob(DigestService digests, ILogger<WeeklyDigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("weekly-digest", "csbot");
    public const string ChannelKey = "channel";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var channel = context.MergedJobDataMap.GetString(ChannelKey);
        try
        {
            if (string.IsNullOrWhiteSpace(channel)) logger.LogError("Digest trigger {Trigger} names no channel", context.Trigger.Key);
            else
            {
                digests.Send(channel);
                await DeliverSoon.TriggerAsync(context, cancellationToken);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Weekly digest for {Channel} failed; it is sent at the next scheduled time", channel);
        }
    }
}
