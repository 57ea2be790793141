using CsBot.Application.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CsBot.Scheduling;

public static class OutboxDeliveryScheduling
{
    /// <summary>
    /// Schedules <see cref="OutboxDeliveryJob"/> on <see cref="DeliveryOptions.PollCron"/>, next to the jobs of
    /// <see cref="DependencyInjection.AddCsBotScheduling"/> (same scheduler and hosted service). After downtime the
    /// missed polls fire once, not once per missed interval.
    /// </summary>
    public static IServiceCollection AddOutboxDelivery(this IServiceCollection services, DeliveryOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zone);
        services.AddScoped<OutboxDeliveryJob>();
        services.AddSingleton<IDeliveryTrigger, DeliverSoon>();
        services.AddQuartz(q =>
        {
            q.AddJob<OutboxDeliveryJob>(j => j.WithIdentity(OutboxDeliveryJob.Key));
            q.AddTrigger(t => t
                .ForJob(OutboxDeliveryJob.Key)
                .WithIdentity("outbox-delivery-cron", "csbot")
                .WithCronSchedule(options.PollCron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        return services;
    }
}
