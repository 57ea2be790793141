using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// CsBot's jobs and their configured triggers (<see cref="SchedulingSettings"/>): the hourly risk evaluation, the
/// outbox poll, the daily renewal reminders, the weekly churn model training, each with a start-up run where configured, and the weekly digest job
/// whose per-channel triggers follow the subscriptions (<see cref="ScheduledDigestSubscriptions"/>). Every job is
/// durable (stored even while no trigger points at it); the ones that write ask for recovery, so a run cut short by
/// a dying instance is run again by another (each is safe to repeat: alerts are keyed, reminders and digests are
/// recorded once sent). A misfired cron trigger fires once, not once per missed interval.
/// </summary>
public sealed class CsBotSchedule(SchedulingSettings settings)
{
    public static readonly TriggerKey RiskEvaluationCron = new("risk-evaluation-cron", "csbot");
    public static readonly TriggerKey RiskEvaluationStartup = new("risk-evaluation-startup", "csbot");
    public static readonly TriggerKey OutboxDeliveryCron = new("outbox-delivery-cron", "csbot");
    public static readonly TriggerKey RenewalRemindersCron = new("renewal-reminders-cron", "csbot");
    public static readonly TriggerKey RenewalRemindersStartup = new("renewal-reminders-startup", "csbot");
    public static readonly TriggerKey AlertNudgesCron = new("alert-nudges-cron", "csbot");
    public static readonly TriggerKey ChurnModelTrainingCron = new("churn-model-training-cron", "csbot");
    public static readonly TriggerKey ChurnModelTrainingStartup = new("churn-model-training-startup", "csbot");

    /// <summary>The cron triggers this configuration may hold; one the configuration no longer wants is removed from a stored schedule.</summary>
    public static readonly IReadOnlyList<TriggerKey> ConfiguredCronTriggers = [RiskEvaluationCron, OutboxDeliveryCron, RenewalRemindersCron, AlertNudgesCron, ChurnModelTrainingCron];

    public IReadOnlyList<IJobDetail> Jobs()
    {
        var jobs = new List<IJobDetail>
        {
            Job<RiskEvaluationJob>(RiskEvaluationJob.Key, recover: true),
            // Delivery is not recovered: its messages are leased, and the next poll takes up whatever is still due.
            Job<OutboxDeliveryJob>(OutboxDeliveryJob.Key, recover: false),
            Job<WeeklyDigestJob>(WeeklyDigestJob.Key, recover: true),
            // Nudges are recorded in the alerts' history once queued, so a run cut short is safe to repeat.
            Job<AlertNudgeJob>(AlertNudgeJob.Key, recover: true),
            // Not recovered: a training cut short leaves the model in use, and the next week's trains again.
            Job<ChurnModelTrainingJob>(ChurnModelTrainingJob.Key, recover: false),
        };
        if (settings.Reminders.Enabled) jobs.Add(Job<RenewalReminderJob>(RenewalReminderJob.Key, recover: true));
        return jobs;
    }

    public IReadOnlyList<ITrigger> Triggers(DateTimeOffset now)
    {
        var zone = settings.TimeZone;
        var triggers = new List<ITrigger>
        {
            Cron(RiskEvaluationJob.Key, RiskEvaluationCron, settings.Scheduling.RiskEvaluationCron, zone),
            Cron(OutboxDeliveryJob.Key, OutboxDeliveryCron, settings.DeliveryPollCron, zone),
            Cron(AlertNudgeJob.Key, AlertNudgesCron, settings.Scheduling.NudgeCron, zone),
            Cron(ChurnModelTrainingJob.Key, ChurnModelTrainingCron, settings.Scheduling.ChurnModelTrainingCron, zone),
        };
        // Once at start-up when no model is stored or the last training is stale, after the start-up evaluation.
        if (settings.Scheduling.TrainChurnModelAtStartup)
            triggers.Add(TriggerBuilder.Create().ForJob(ChurnModelTrainingJob.Key).WithIdentity(ChurnModelTrainingStartup)
                .UsingJobData(ChurnModelTrainingJob.OnlyIfStale, true).StartAt(now.AddSeconds(10)).Build());
        if (settings.Scheduling.EvaluateAtStartup)
            triggers.Add(TriggerBuilder.Create().ForJob(RiskEvaluationJob.Key).WithIdentity(RiskEvaluationStartup).StartAt(now).Build());

        var reminders = settings.Reminders;
        if (reminders.Enabled)
        {
            triggers.Add(Cron(RenewalReminderJob.Key, RenewalRemindersCron, reminders.Cron, zone));
            // Also once at startup: the planner catches up on reminders missed while CsBot was down, and the
            // ledger makes a second run the same day send nothing. The short delay lets the startup risk
            // evaluation store today's scores first, which the reminders quote.
            if (reminders.RunAtStartup)
                triggers.Add(TriggerBuilder.Create().ForJob(RenewalReminderJob.Key).WithIdentity(RenewalRemindersStartup).StartAt(now.AddSeconds(5)).Build());
        }
        return triggers;
    }

    private static IJobDetail Job<T>(JobKey key, bool recover) where T : IJob =>
        JobBuilder.Create<T>().WithIdentity(key).StoreDurably().RequestRecovery(recover).Build();

    private static ITrigger Cron(JobKey job, TriggerKey key, string cron, TimeZoneInfo zone) => TriggerBuilder.Create()
        .ForJob(job)
        .WithIdentity(key)
        .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
        .Build();
}
