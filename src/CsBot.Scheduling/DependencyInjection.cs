using CsBot.Application.Delivery;
using CsBot.Application;
using CsBot.Application.Settings;
using CsBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CsBot.Scheduling;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the Quartz scheduler with every CsBot job and its triggers (<see cref="SchedulingSettings"/>): the
    /// risk evaluation, outbox delivery, the daily renewal reminders and the weekly digests, whose per-channel
    /// triggers follow the stored subscriptions (IDigestSubscriptions is wrapped so a change reschedules at once).
    /// Misfires after downtime fire once, not once per missed interval. Needs the Application and the stores.
    /// </summary>
    public static IHostApplicationBuilder AddScheduling(this IHostApplicationBuilder builder)
    {
        var settings = SettingsReader.ReadValid(builder.Configuration, SchedulingSettings.Read);
        var services = builder.Services;
        var zone = settings.TimeZone;
        services.AddSingleton(settings.Scheduling);

        services.AddScoped<RiskEvaluationJob>();
        services.AddScoped<OutboxDeliveryJob>();
        // Ingestion asks for delivery right after it queues messages, through the same job as the poll.
        services.AddSingleton<IDeliveryTrigger, DeliverSoon>();
        services.AddScoped<RenewalReminderJob>();
        services.AddScoped<WeeklyDigestJob>();
        services.AddQuartz(q =>
        {
            q.AddJob<RiskEvaluationJob>(j => j.WithIdentity(RiskEvaluationJob.Key));
            q.AddTrigger(t => t
                .ForJob(RiskEvaluationJob.Key)
                .WithIdentity("risk-evaluation-cron", "csbot")
                .WithCronSchedule(settings.Scheduling.RiskEvaluationCron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            if (settings.Scheduling.EvaluateAtStartup)
                q.AddTrigger(t => t.ForJob(RiskEvaluationJob.Key).WithIdentity("risk-evaluation-startup", "csbot").StartNow());

            q.AddJob<OutboxDeliveryJob>(j => j.WithIdentity(OutboxDeliveryJob.Key));
            q.AddTrigger(t => t
                .ForJob(OutboxDeliveryJob.Key)
                .WithIdentity("outbox-delivery-cron", "csbot")
                .WithCronSchedule(settings.DeliveryPollCron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));

            var reminders = settings.Reminders;
            if (reminders.Enabled)
            {
                q.AddJob<RenewalReminderJob>(j => j.WithIdentity(RenewalReminderJob.Key));
                q.AddTrigger(t => t
                    .ForJob(RenewalReminderJob.Key)
                    .WithIdentity("renewal-reminders-cron", "csbot")
                    .WithCronSchedule(reminders.Cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
                // Also once at startup: the planner catches up on reminders missed while CsBot was down, and the
                // ledger makes a second run the same day send nothing. The short delay lets the startup risk
                // evaluation store today's scores first, which the reminders quote.
                if (reminders.RunAtStartup)
                    q.AddTrigger(t => t.ForJob(RenewalReminderJob.Key).WithIdentity("renewal-reminders-startup", "csbot").StartAt(DateTimeOffset.UtcNow.AddSeconds(5)));
            }

            // Durable, so the job stays registered when no channel is subscribed yet; its triggers, one per
            // subscription on its own cron and time zone, are kept by ScheduledDigestSubscriptions.
            q.AddJob<WeeklyDigestJob>(j => j.WithIdentity(WeeklyDigestJob.Key).StoreDurably());
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });

        // Subscriptions live in the store (chat can add them); every change reschedules its Quartz trigger.
        services.Decorate<IDigestSubscriptions, ScheduledDigestSubscriptions>((stored, sp) => new ScheduledDigestSubscriptions(stored, sp.GetRequiredService<ISchedulerFactory>()));
        services.AddHostedService(sp => new DigestSubscriptionSync(sp.GetRequiredService<ScheduledDigestSubscriptions>(), settings.DigestSubscriptions, sp.GetRequiredService<ILogger<DigestSubscriptionSync>>()));
        return builder;
    }
}
