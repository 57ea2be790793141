using CsBot.Core.Digest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CsBot.Scheduling;

/// <summary>
/// At startup, writes the subscriptions from configuration into the store (configuration wins for the channels it
/// names; channels subscribed from chat are kept) and schedules a digest trigger for every stored subscription.
/// </summary>
public sealed class DigestSubscriptionSync(ScheduledDigestSubscriptions subscriptions, IReadOnlyList<DigestSubscription> configured, ILogger<DigestSubscriptionSync> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in configured) subscriptions.Upsert(subscription);
        subscriptions.ScheduleAll();
        foreach (var subscription in subscriptions.GetAll())
            logger.LogInformation("Weekly digest for {Channel}: {Cron} ({TimeZone}){Segment}", subscription.Channel, DigestSchedule.CronOf(subscription), subscription.TimeZone,
                subscription.Segment is null ? "" : ", segment " + subscription.Segment);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
