using CsBot.Application.Delivery;
using CsBot.Application;
using CsBot.Application.Settings;
using CsBot.Core.Ports;
using CsBot.Scheduling.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the Quartz scheduler with every CsBot job and its triggers (<see cref="CsBotSchedule"/>): the
    /// risk evaluation, outbox delivery, the daily renewal reminders and the weekly digests, whose per-channel
    /// triggers follow the stored subscriptions (IDigestSubscriptions is wrapped so a change reschedules at once).
    /// In memory beside LiteDB; clustered in the shared database with PostgreSQL (<see cref="QuartzStore"/>), where
    /// each run fires on one instance. Misfires after downtime fire once, not once per missed interval, and a digest
    /// missed while CsBot was down is sent once at start-up. Reports itself in /healthz. Needs the Application and the stores.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        var settings = SettingsReader.ReadValid(builder.Configuration, SchedulingSettings.Read);
        var services = builder.Services;
        services.AddSingleton(settings.Scheduling);
        services.AddSingleton(settings.Store);
        services.AddSingleton(new CsBotSchedule(settings));

        // The start-up evaluation and training wait for the read model's warm-up, questions first.
        services.AddSingleton<StartupOrder>();
        services.AddScoped<RiskEvaluationJob>();
        services.AddSingleton<Cluster.FinishedEvaluationSlots>();
        services.AddScoped<OutboxDeliveryJob>();
        // Ingestion asks for delivery right after it queues messages, through the same job as the poll.
        services.AddSingleton<IDeliveryTrigger, DeliverSoon>();
        services.AddScoped<RenewalReminderJob>();
        services.AddScoped<WeeklyDigestJob>();
        services.AddScoped<AlertNudgeJob>();
        services.AddScoped<ChurnModelTrainingJob>();
        services.AddQuartz(q => QuartzStore.Configure(q, settings.Store));
        // Before Quartz's own hosted service: the tables exist and the schedule is in place before it starts.
        services.AddHostedService<SchedulerStartup>();
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });

        // Subscriptions live in the store (chat can add them); every change reschedules its Quartz trigger.
        services.Decorate<IDigestSubscriptions, ScheduledDigestSubscriptions>((stored, sp) => new ScheduledDigestSubscriptions(
            stored, sp.GetRequiredService<ISchedulerFactory>(), sp.GetRequiredService<IDigestSlotLedger>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService(sp => new DigestSubscriptionSync(
            sp.GetRequiredService<ScheduledDigestSubscriptions>(), settings.DigestSubscriptions, catchUp: !settings.Store.Clustered,
            sp.GetRequiredService<IDigestSlotLedger>(), sp.GetRequiredService<ISchedulerFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DigestSubscriptionSync>>()));
        services.AddHealthChecks().AddCheck<SchedulerHealthCheck>("scheduler");
        return builder;
    }
}
