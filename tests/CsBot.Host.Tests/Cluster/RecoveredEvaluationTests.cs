using System.Globalization;
using System.Text.RegularExpressions;
using CsBot.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CsBot.Host.Tests.Cluster;

/// <summary>
/// An instance the cluster took for dead while it ran an evaluation (a long pause on a loaded machine) may be handed
/// the recovery of that same run once it has finished it: the slot is then not evaluated a second time.
/// </summary>
public sealed class RecoveredEvaluationTests
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TriggerKey Cron = new("risk-evaluation-cron", "csbot");

    [Fact]
    public async Task The_recovery_of_a_slot_this_instance_finished_is_not_run_but_that_of_another_slot_is()
    {
        using var host = new CsBotHost(new Dictionary<string, string?>
        {
            ["Scheduling:EvaluateAtStartup"] = "false",
            ["Reminders:RunAtStartup"] = "false",
            ["Demo:AccountCount"] = "20",
        });
        _ = host.CreateClient();
        var log = new CapturedLog<RiskEvaluationJob>();

        foreach (var run in new[] { Fired(Nine), Recovered(Nine), Recovered(Nine.AddHours(1)) })
            await ActivatorUtilities.CreateInstance<RiskEvaluationJob>(host.Services, log).Execute(run, default);

        // The line the cluster's logs are read by: one per slot evaluated.
        var finished = log.Entries.Select(e => e.Message).Where(m => Regex.IsMatch(m, @"^Risk evaluation of the \S+ slot of \S+ finished on instance h2")).ToList();
        Assert.Equal(2, finished.Count);
        Assert.StartsWith($"Risk evaluation of the {Nine:O} slot of {Cron.Name} finished", finished[0]);
        Assert.StartsWith($"Risk evaluation of the {Nine.AddHours(1):O} slot of {Cron.Name} finished", finished[1]);
        Assert.Contains(log.Entries, e => e.Message.StartsWith($"Risk evaluation of the {Nine:O} slot already finished on instance h2", StringComparison.Ordinal));
    }

    private static IJobExecutionContext Fired(DateTimeOffset slot) => Context(slot, recovering: false);

    /// <summary>A recovery as Quartz fires it: its own trigger, the original trigger's key and scheduled time (as text, to the second) in its data.</summary>
    private static IJobExecutionContext Recovered(DateTimeOffset slot) => Context(slot, recovering: true);

    private static IJobExecutionContext Context(DateTimeOffset slot, bool recovering)
    {
        var data = new JobDataMap();
        if (recovering) data[SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime] = slot.ToString(CultureInfo.InvariantCulture);
        var scheduler = Stub<IScheduler>.With(new Dictionary<string, object?>
        {
            ["get_SchedulerInstanceId"] = "h2",
            ["GetJobDetail"] = new ValueTask<IJobDetail?>((IJobDetail?)null),
        });
        return Stub<IJobExecutionContext>.With(new Dictionary<string, object?>
        {
            ["get_Recovering"] = recovering,
            ["get_RecoveringTriggerKey"] = recovering ? Cron : null,
            ["get_Trigger"] = TriggerBuilder.Create().WithIdentity(recovering ? new TriggerKey("recover_h2_1", "RECOVERING_JOBS") : Cron).ForJob(RiskEvaluationJob.Key).Build(),
            ["get_MergedJobDataMap"] = data,
            ["get_ScheduledFireTimeUtc"] = (DateTimeOffset?)(recovering ? DateTimeOffset.UtcNow : slot),
            ["get_Scheduler"] = scheduler,
        });
    }
}
