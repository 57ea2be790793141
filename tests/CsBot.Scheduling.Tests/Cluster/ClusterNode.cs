using System.Collections.Concurrent;
using CsBot.Scheduling.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CsBot.Scheduling.Tests.Cluster;

/// <summary>
/// One firing as a job saw it: on which instance, for which trigger and slot, whether it was a recovery, and the slot
/// it stands for as CsBot's evaluation job reports it (a recovery stands for the firing it re-runs).
/// </summary>
public sealed record Firing(string Instance, string Trigger, DateTimeOffset? Slot, bool Recovering, DateTimeOffset StandsFor)
{
    public static Firing Of(IJobExecutionContext context) => new(context.Scheduler.SchedulerInstanceId, context.Trigger.Key.Name,
        context.ScheduledFireTimeUtc, context.Recovering, RiskEvaluationJob.SlotOf(context));
}

/// <summary>What the test jobs did, shared by every node of a test (they live in one process).</summary>
public sealed class Firings
{
    private readonly ConcurrentQueue<Firing> _all = new();

    /// <summary>Completed by the test to let a <see cref="BlockingJob"/> finish; until then it holds its node's thread.</summary>
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<Firing> All => [.. _all];

    public void Add(Firing firing) => _all.Enqueue(firing);
}

/// <summary>Records each firing; one at a time across the cluster, as CsBot's jobs are.</summary>
[DisallowConcurrentExecution]
public sealed class RecordingJob(Firings firings) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        firings.Add(Firing.Of(context));
        return ValueTask.CompletedTask;
    }
}

/// <summary>Records its firing, then holds on until the test releases it: a run an instance is in the middle of when it dies.</summary>
[DisallowConcurrentExecution]
public sealed class BlockingJob(Firings firings) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        firings.Add(Firing.Of(context));
        if (!context.Recovering) await firings.Release.Task;
    }
}

/// <summary>
/// One CsBot instance's scheduler, configured exactly as the host configures it (<see cref="QuartzStore"/>) but with a
/// fixed instance id and a one-second check-in so a failover happens within seconds; its own service container, as
/// a separate process would have.
/// </summary>
public sealed class ClusterNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ClusterNode(ServiceProvider services, IScheduler scheduler)
    {
        _services = services;
        Scheduler = scheduler;
    }

    public IScheduler Scheduler { get; }

    public static async Task<ClusterNode> CreateAsync(string connectionString, string instanceId, Firings firings)
    {
        var store = new SchedulerStore(StorageProvider.PostgreSql, connectionString, TimeSpan.FromSeconds(1));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(firings);
        services.AddTransient<RecordingJob>();
        services.AddTransient<BlockingJob>();
        services.AddQuartz(q =>
        {
            QuartzStore.Configure(q, store);
            q.ConfigureScheduler(o =>
            {
                o.GenerateInstanceId = false;
                o.InstanceId = instanceId;
            });
        });
        var provider = services.BuildServiceProvider();
        await QuartzTables.EnsureAsync(connectionString, default);
        return new ClusterNode(provider, await provider.GetRequiredService<ISchedulerFactory>().GetScheduler());
    }

    /// <summary>Stops without waiting for running jobs and without any goodbye to the cluster: its check-ins just stop.</summary>
    public ValueTask KillAsync() => Scheduler.Shutdown(waitForJobsToComplete: false);

    public async ValueTask DisposeAsync()
    {
        if (Scheduler.Status is not SchedulerStatus.Shutdown) await Scheduler.Shutdown(waitForJobsToComplete: false);
        await _services.DisposeAsync();
    }
}
