using Microsoft.Extensions.Configuration;
using Quartz;

namespace CsBot.Scheduling.Tests;

/// <summary>What CsBot asks of the scheduler, as a cluster depends on it: which runs are recovered after a dying instance, which run alone.</summary>
public sealed class CsBotScheduleTests
{
    private static CsBotSchedule Schedule(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
        var errors = new List<string>();
        var read = SchedulingSettings.Read(configuration, errors);
        Assert.Empty(errors);
        return new CsBotSchedule(read);
    }

    [Fact]
    public void The_evaluation_reminders_and_digest_are_recovered_run_alone_and_stay_stored_without_triggers()
    {
        var jobs = Schedule().Jobs().ToDictionary(j => j.Key);

        Assert.All(jobs.Values, j => Assert.True(j.Durable && j.ConcurrentExecutionDisallowed, $"{j.Key} must be durable and run alone"));
        Assert.True(jobs[RiskEvaluationJob.Key].RequestsRecovery);
        Assert.True(jobs[RenewalReminderJob.Key].RequestsRecovery);
        Assert.True(jobs[WeeklyDigestJob.Key].RequestsRecovery);
        // Delivery is picked up by the next poll; its messages are leased, so a recovered run would gain nothing.
        Assert.False(jobs[OutboxDeliveryJob.Key].RequestsRecovery);
    }

    [Fact]
    public void Every_cron_trigger_fires_once_after_a_misfire_and_switched_off_reminders_leave_no_trigger()
    {
        var now = DateTimeOffset.UtcNow;
        var all = Schedule().Triggers(now);
        var withoutReminders = Schedule(("Reminders:Enabled", "false")).Triggers(now);

        Assert.All(all.OfType<ICronTrigger>(), t => Assert.Equal(CronTriggerMisfireInstruction.FireAndProceed, t.MisfireInstruction));
        Assert.Contains(all, t => t.Key.Equals(CsBotSchedule.RenewalRemindersCron));
        Assert.DoesNotContain(withoutReminders, t => t.JobKey.Equals(RenewalReminderJob.Key));
        Assert.Contains(CsBotSchedule.RenewalRemindersCron, CsBotSchedule.ConfiguredCronTriggers.Except(withoutReminders.Select(t => t.Key)));
    }

    [Fact]
    public void The_churn_model_trains_weekly_and_at_start_up_only_when_stale()
    {
        var now = DateTimeOffset.UtcNow;
        var triggers = Schedule().Triggers(now);

        var weekly = Assert.Single(triggers.OfType<ICronTrigger>(), t => t.Key.Equals(CsBotSchedule.ChurnModelTrainingCron));
        Assert.Equal("0 0 3 ? * SUN", weekly.CronExpressionString);
        var startup = Assert.Single(triggers, t => t.Key.Equals(CsBotSchedule.ChurnModelTrainingStartup));
        Assert.True(startup.JobDataMap.GetBoolean(ChurnModelTrainingJob.OnlyIfStale));
        Assert.DoesNotContain(Schedule(("Scheduling:TrainChurnModelAtStartup", "false")).Triggers(now), t => t.Key.Equals(CsBotSchedule.ChurnModelTrainingStartup));
        // A training cut short leaves the model in use; the next week's trains again.
        Assert.False(Schedule().Jobs().Single(j => j.Key.Equals(ChurnModelTrainingJob.Key)).RequestsRecovery);
    }
}
