using CsBot.Core.Digest;
using Quartz;

namespace CsBot.Scheduling.Tests;

/// <summary>
/// Registering the schedule again (every start of every instance) leaves a stored trigger as it is unless its
/// schedule changed: its next fire time, and so a fire time missed while everything was down, survives.
/// </summary>
public sealed class ScheduleRegistrationTests : IAsyncLifetime
{
    private IScheduler _scheduler = null!;

    public async Task InitializeAsync()
    {
        _scheduler = await QuartzSchedulerBuilder.Create(q => q.UseInMemoryStore()).BuildScheduler();
        await _scheduler.AddJob(JobBuilder.Create<WeeklyDigestJob>().WithIdentity(WeeklyDigestJob.Key).StoreDurably().Build(), new AddJobOptions());
    }

    public async Task DisposeAsync() => await _scheduler.Shutdown();

    private static DigestSubscription Subscription(string cron = "0 0 9 ? * MON") => new("cs-leadership", "Europe/Berlin", null, cron);

    [Fact]
    public async Task The_same_trigger_registered_again_is_left_as_stored()
    {
        var first = ScheduledDigestSubscriptions.DigestTrigger(Subscription());
        Assert.True(await ScheduleRegistration.EnsureTriggerAsync(_scheduler, first, default));
        // Marks the stored trigger: a replacement by the newly built one would lose the mark, its state and fire times.
        var marked = first.GetTriggerBuilder().WithDescription("stored at the first start").StartAt(DateTimeOffset.UtcNow.AddDays(14)).Build();
        await _scheduler.RescheduleJob(first.Key, marked);
        var stored = (await _scheduler.GetTrigger(first.Key))!;

        var wrote = await ScheduleRegistration.EnsureTriggerAsync(_scheduler, ScheduledDigestSubscriptions.DigestTrigger(Subscription()), default);

        var after = (await _scheduler.GetTrigger(first.Key))!;
        Assert.False(wrote);
        Assert.Equal("stored at the first start", after.Description);
        Assert.Equal(stored.NextFireTimeUtc, after.NextFireTimeUtc);
        Assert.True(after.NextFireTimeUtc > DateTimeOffset.UtcNow.AddDays(13));
    }

    [Fact]
    public async Task A_changed_schedule_replaces_the_stored_trigger()
    {
        await ScheduleRegistration.EnsureTriggerAsync(_scheduler, ScheduledDigestSubscriptions.DigestTrigger(Subscription()), default);

        var wrote = await ScheduleRegistration.EnsureTriggerAsync(_scheduler, ScheduledDigestSubscriptions.DigestTrigger(Subscription("0 30 8 ? * TUE")), default);

        var stored = (ICronTrigger)(await _scheduler.GetTrigger(ScheduledDigestSubscriptions.TriggerKeyFor("cs-leadership")))!;
        Assert.True(wrote);
        Assert.Equal("0 30 8 ? * TUE", stored.CronExpressionString);
        Assert.Equal(DayOfWeek.Tuesday, TimeZoneInfo.ConvertTime(stored.NextFireTimeUtc!.Value, stored.TimeZone).DayOfWeek);
    }
}
