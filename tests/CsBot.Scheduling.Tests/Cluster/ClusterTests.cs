using CsBot.Core.Digest;
using CsBot.Scheduling.Cluster;
using CsBot.Testing.PostgreSql;
using Npgsql;
using Quartz;

namespace CsBot.Scheduling.Tests.Cluster;

/// <summary>The serial collection of the tests that run Quartz clusters on PostgreSQL (several schedulers each).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class QuartzClusterCollection
{
    public const string Name = "Quartz cluster";
}

/// <summary>
/// Several CsBot schedulers (separate Quartz instances, as separate hosts would be) on one PostgreSQL database: each
/// slot of a schedule fires on exactly one of them, registering the schedule from every instance at once stores it
/// once, the work of an instance that dies mid-run is recovered by another, and a digest due while every instance was
/// down fires once when they come back, and not again after another restart.
/// </summary>
[Collection(QuartzClusterCollection.Name)]
public sealed class ClusterTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly Firings _firings = new();
    private readonly List<ClusterNode> _nodes = [];

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        _firings.Release.TrySetResult();
        foreach (var node in _nodes) await node.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<ClusterNode[]> Nodes(params string[] ids)
    {
        var nodes = await Task.WhenAll(ids.Select(id => ClusterNode.CreateAsync(_database.ConnectionString, id, _firings)));
        _nodes.AddRange(nodes);
        return nodes;
    }

    private static IJobDetail Job<T>(string name) where T : IJob =>
        JobBuilder.Create<T>().WithIdentity(name, "csbot").StoreDurably().RequestRecovery().Build();

    /// <summary>Every node registers the same job and trigger at the same moment, as N hosts starting together do.</summary>
    private static Task RegisterEverywhere(IEnumerable<ClusterNode> nodes, IJobDetail job, ITrigger trigger) =>
        Task.WhenAll(nodes.Select(async node =>
        {
            await ScheduleRegistration.EnsureJobAsync(node.Scheduler, job, default);
            await ScheduleRegistration.EnsureTriggerAsync(node.Scheduler, trigger, default);
        }));

    [PostgreSqlFact]
    public async Task Each_slot_of_a_schedule_fires_on_exactly_one_of_three_instances()
    {
        var nodes = await Nodes("node-a", "node-b", "node-c");
        var job = Job<RecordingJob>("every-second");
        var trigger = TriggerBuilder.Create().ForJob(job.Key).WithIdentity("every-second", "csbot")
            .WithCronSchedule("* * * * * ?", c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build();
        await RegisterEverywhere(nodes, job, trigger);

        await Task.WhenAll(nodes.Select(n => n.Scheduler.Start().AsTask()));
        var firings = await Eventually.Until(() => Task.FromResult(_firings.All), f => f.Count >= 8, "eight one-second slots to fire",
            f => $"{f.Count} firings");

        var slots = firings.GroupBy(f => f.Slot).ToList();
        Assert.All(slots, slot => Assert.True(slot.Count() == 1, $"Slot {slot.Key:O} fired {slot.Count()} times: on {string.Join(", ", slot.Select(f => f.Instance))}"));
        Assert.Single(await StoredTriggerNames());
    }

    [PostgreSqlFact]
    public async Task A_run_cut_short_by_a_dying_instance_is_recovered_by_another()
    {
        var nodes = await Nodes("node-a", "node-b");
        var job = Job<BlockingJob>("long-run");
        var once = TriggerBuilder.Create().ForJob(job.Key).WithIdentity("long-run-once", "csbot").StartNow().Build();
        await ScheduleRegistration.EnsureJobAsync(nodes[0].Scheduler, job, default);
        await ScheduleRegistration.EnsureTriggerAsync(nodes[0].Scheduler, once, default);

        await Task.WhenAll(nodes.Select(n => n.Scheduler.Start().AsTask()));
        var started = await Eventually.Until(() => Task.FromResult(_firings.All), f => f.Count >= 1, "the run to start on one instance");
        var dying = nodes.Single(n => n.Scheduler.SchedulerInstanceId == started[0].Instance);
        await dying.KillAsync();

        var recovered = await Eventually.Until(() => Task.FromResult(_firings.All), f => f.Any(x => x.Recovering), "another instance to recover the run",
            f => string.Join("; ", f));
        var survivor = nodes.Single(n => n != dying).Scheduler.SchedulerInstanceId;
        Assert.Equal(2, recovered.Count);
        Assert.Equal(new Firing(survivor, recovered[1].Trigger, recovered[1].Slot, Recovering: true, recovered[1].StandsFor), recovered[1]);
        Assert.False(recovered[0].Recovering);
        // The evaluation job logs a recovered run under the slot the dead instance was running (Quartz keeps it to the
        // second), not under the recovery's own time.
        Assert.NotEqual(recovered[0].Slot, recovered[1].Slot);
        Assert.Equal(recovered[0].Slot!.Value.ToUnixTimeSeconds(), recovered[1].StandsFor.ToUnixTimeSeconds());
    }

    [PostgreSqlFact]
    public async Task A_digest_due_while_every_instance_was_down_fires_once_when_they_return_and_not_after_another_restart()
    {
        // The real digest trigger (cron, zone, misfire instruction), pointed at a recording job.
        var subscription = new DigestSubscription("cs-leadership", "Europe/Berlin");
        var digest = ScheduledDigestSubscriptions.DigestTrigger(subscription);
        var job = JobBuilder.Create<RecordingJob>().WithIdentity(WeeklyDigestJob.Key).StoreDurably().RequestRecovery().Build();
        var first = await Nodes("node-a");
        await RegisterEverywhere(first, job, digest);
        await first[0].KillAsync();
        // Every instance down across Monday 09:00: the stored trigger's next fire time is now a week in the past.
        var missed = DateTimeOffset.UtcNow.AddDays(-7);
        await Execute($"UPDATE qrtz_triggers SET next_fire_time = {missed.UtcTicks} WHERE trigger_name = '{digest.Key.Name}'");

        // Two instances come back together and register the same schedule again, which must not reset the trigger.
        var back = await Nodes("node-b", "node-c");
        await RegisterEverywhere(back, job, ScheduledDigestSubscriptions.DigestTrigger(subscription));
        await Task.WhenAll(back.Select(n => n.Scheduler.Start().AsTask()));
        await Eventually.Until(() => _firings.All.Count >= 1, "the missed digest to fire");
        var next = await Eventually.Until(() => NextFireTime(back[0].Scheduler, digest.Key), t => t > DateTimeOffset.UtcNow, "the trigger to proceed to its next Monday");
        await Task.WhenAll(back.Select(n => n.KillAsync().AsTask()));

        var restarted = await Nodes("node-d");
        await RegisterEverywhere(restarted, job, ScheduledDigestSubscriptions.DigestTrigger(subscription));
        await restarted[0].Scheduler.Start();
        await Eventually.Until(async () => (await restarted[0].Scheduler.QueryClusterNodes()).Any(n => n.IsCurrentNode && n.LastCheckInUtc is not null),
            "the restarted instance to check in (and so to have run its recovery and misfire pass)");

        Assert.Single(_firings.All);
        Assert.Equal(next, await NextFireTime(restarted[0].Scheduler, digest.Key));
        Assert.Equal(DayOfWeek.Monday, TimeZoneInfo.ConvertTime(next!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).DayOfWeek);
    }

    [PostgreSqlFact]
    public async Task Quartz_tables_are_created_once_when_instances_start_together_and_kept_afterwards()
    {
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => QuartzTables.EnsureAsync(_database.ConnectionString, default)));
        await Execute("INSERT INTO qrtz_locks VALUES ('CsBot', 'PROBE')");

        await QuartzTables.EnsureAsync(_database.ConnectionString, default);

        Assert.Equal(1L, await Scalar("SELECT count(*) FROM qrtz_locks WHERE lock_name = 'PROBE'"));
        var scripted = System.Text.RegularExpressions.Regex.Matches(QuartzTables.Script, @"CREATE TABLE IF NOT EXISTS (\w+)").Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Contains("qrtz_scheduler_state", scripted);
        Assert.Equal((long)scripted.Count, await Scalar("SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'qrtz\\_%'"));
    }

    private static async Task<DateTimeOffset?> NextFireTime(IScheduler scheduler, TriggerKey key) => (await scheduler.GetTrigger(key))?.NextFireTimeUtc;

    private async Task<IReadOnlyList<string>> StoredTriggerNames()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT trigger_name FROM qrtz_triggers", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) names.Add(reader.GetString(0));
        return names;
    }

    private async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
