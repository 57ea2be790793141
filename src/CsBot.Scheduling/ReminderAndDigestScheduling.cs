using CsBot.Application.Digest;
using CsBot.Core.Digest;
using CsBot.Core.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>Quartz triggers for the daily renewal reminders and the per-channel weekly digests.</summary>
public static class ReminderAndDigestScheduling
{
    /// <summary>The daily reminder run on <see cref="RemindersOptions.Cron"/> in <paramref name="zone"/>; after downtime it fires once.</summary>
    public static IServiceCollection AddCsBotReminders(this IServiceCollection services, RemindersOptions options, TimeZoneInfo zone)
    {
        if (!options.Enabled) return services;
        services.AddScoped<RenewalReminderJob>();
        services.AddQuartz(q =>
        {
            q.AddJob<RenewalReminderJob>(j => j.WithIdentity(RenewalReminderJob.Key));
            q.AddTrigger(t => t
                .ForJob(RenewalReminderJob.Key)
                .WithIdentity("renewal-reminders-cron", "csbot")
                .WithCronSchedule(options.Cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            // Also once at startup: the planner catches up on reminders missed while CsBot was down, and the
            // ledger makes a second run the same day send nothing. The short delay lets the startup risk
            // evaluation store today's scores first, which the reminders quote.
            if (options.RunAtStartup)
                q.AddTrigger(t => t.ForJob(RenewalReminderJob.Key).WithIdentity("renewal-reminders-startup", "csbot").StartAt(DateTimeOffset.UtcNow.AddSeconds(5)));
        });
        return services;
    }

    /// <summary>
    /// The weekly digest job. Its triggers, one per subscription on its own cron and time zone, are kept by
    /// <see cref="ScheduledDigestSubscriptions"/>, so channels subscribed from chat are scheduled at once.
    /// </summary>
    public static IServiceCollection AddCsBotDigests(this IServiceCollection services)
    {
        services.AddScoped<WeeklyDigestJob>();
        // Durable, so the job stays registered when no channel is subscribed yet.
        services.AddQuartz(q => q.AddJob<WeeklyDigestJob>(j => j.WithIdentity(WeeklyDigestJob.Key).StoreDurably()));
        return services;
    }

    /// <summary>The next <paramref name="count"/> times the subscription's digest fires after <paramref name="after"/>, read as its trigger reads them.</summary>
    public static IReadOnlyList<DateTimeOffset> NextFireTimes(DigestSubscription subscription, DateTimeOffset after, int count)
    {
        var cron = new CronExpression(subscription.Cron, TimeZoneInfo.FindSystemTimeZoneById(subscription.TimeZone));
        var times = new List<DateTimeOffset>(count);
        for (var at = after; times.Count < count && cron.GetNextValidTimeAfter(at) is { } next; at = next)
            times.Add(next);
        return times;
    }
}
