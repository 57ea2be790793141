using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CsBot.Scheduling;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the Quartz scheduler and CsBot's jobs with triggers read from <paramref name="options"/>.
    /// Misfires after downtime fire once, not once per missed hour.
    /// </summary>
    public static IServiceCollection AddCsBotScheduling(this IServiceCollection services, SchedulingOptions options, TimeZoneInfo zone)
    {
        services.AddScoped<RiskEvaluationJob>();
        services.AddQuartz(q =>
        {
            q.AddJob<RiskEvaluationJob>(j => j.WithIdentity(RiskEvaluationJob.Key));
            q.AddTrigger(t => t
                .ForJob(RiskEvaluationJob.Key)
                .WithIdentity("risk-evaluation-cron", "csbot")
                .WithCronSchedule(options.RiskEvaluationCron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            if (options.EvaluateAtStartup)
            {
                q.AddTrigger(t => t.ForJob(RiskEvaluationJob.Key).WithIdentity("risk-evaluation-startup", "csbot").StartNow());
            }
        });
        services.AddQuartzHostedService(o =>
        {
            o.WaitForJobsToComplete = true;
            o.AwaitApplicationStarted = true;
        });
        return services;
    }
}
