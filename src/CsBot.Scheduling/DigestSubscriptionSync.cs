using CsBot.Core.Digest;
using CsBot.Core.Ports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// At startup, writes the subscriptions from configuration into the store (configuration wins for the channels it
/// names; channels subscribed from chat are kept) and schedules a digest trigger for every stored subscription.
/// With the in-memory scheduler it then sends, once, each digest that fell due while CsBot was down
/// (<see cref="DigestCatchUp"/>); the clustered scheduler's stored triggers do that themselves (misfire handling).
/// </summary>
public sealed class DigestSubscriptionSync(
    ScheduledDigestSubscriptions subscriptions,
    IReadOnlyList<DigestSubscription> configured,
    bool catchUp,
    IDigestSlotLedger slots,
    ISchedulerFactory schedulers,
    TimeProvider time,
    ILogger<DigestSubscriptionSync> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The missed slots are read before scheduling, which marks a channel seen for the first time.
        var all = subscriptions.GetAll();
        var now = time.GetUtcNow();
        var missed = catchUp ? DigestCatchUp.Missed(all, slots, now) : [];
        foreach (var subscription in configured) subscriptions.Upsert(subscription);
        subscriptions.ScheduleAll();
        foreach (var subscription in subscriptions.GetAll())
            logger.LogInformation("Weekly digest for {Channel}: {Cron} ({TimeZone}){Segment}", subscription.Channel, DigestSchedule.CronOf(subscription), subscription.TimeZone,
                subscription.Segment is null ? "" : ", segment " + subscription.Segment);
        if (missed.Count == 0) return;
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var (subscription, slot) in missed)
        {
            if (subscriptions.Find(subscription.Channel) is null) continue;
            logger.LogInformation("Weekly digest for {Channel} was due at {Slot} while CsBot was down; sending it now", subscription.Channel, slot);
            await ScheduleRegistration.EnsureTriggerAsync(scheduler, DigestCatchUp.Trigger(subscription, slot, now), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
