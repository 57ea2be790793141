using CsBot.Application.Digest;
using CsBot.Core.Ports;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// Posts the weekly digest to the channel named in the firing trigger's data: one job, one trigger per subscribed
/// channel, each on its own cron and time zone. Once queued, the slot it stands for (the scheduled time, or the missed
/// one a catch-up names) is marked in the ledger, so a catch-up at the next start knows it was sent. Asks to be run
/// again when the instance running it dies midway: the outbox key (channel and week) keeps that from posting twice.
/// </summary>
[DisallowConcurrentExecution]
public sealed class WeeklyDigestJob(DigestService digests, IDigestSlotLedger slots, ILogger<WeeklyDigestJob> logger) : IJob
{
    public static readonly JobKey Key = new("weekly-digest", "csbot");
    public const string ChannelKey = "channel";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var channel = context.MergedJobDataMap.GetString(ChannelKey);
        var queued = false;
        try
        {
            if (string.IsNullOrWhiteSpace(channel)) logger.LogError("Digest trigger {Trigger} names no channel", context.Trigger.Key);
            else
            {
                digests.Send(channel);
                slots.Record(channel, SlotOf(context));
                queued = true;
                await DeliverSoon.TriggerAsync(context, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A graceful stop, not a failure: once queued, the outbox delivers the digest at the next delivery run.
            if (queued) logger.LogInformation("Weekly digest for {Channel} queued; CsBot is stopping, so the outbox delivers it at its next run", channel);
            else logger.LogInformation("Weekly digest for {Channel} stopped by shutdown before it was queued", channel);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Weekly digest for {Channel} failed; it is sent at the next scheduled time", channel);
        }
    }

    private static DateTimeOffset SlotOf(IJobExecutionContext context) =>
        context.MergedJobDataMap.GetString(DigestCatchUp.SlotKey) is { } slot
            ? DateTimeOffset.Parse(slot, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind)
            : context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
}
