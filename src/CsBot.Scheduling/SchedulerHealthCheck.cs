using CsBot.Scheduling.Cluster;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CsBot.Scheduling;

/// <summary>
/// The scheduler in /healthz: whether it runs, whether it is clustered, this instance's id and, in a cluster, the
/// members that checked in within their check-in window (Quartz's own check-in table, judged by the same rule its
/// recovery uses). Unhealthy once it has shut down or stands by (nothing scheduled runs on this instance); Healthy
/// while it waits for the host to finish starting. A cluster whose check-ins cannot be read is Degraded: this instance
/// still runs what it acquires, but who else is alive is unknown.
/// </summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, SchedulerStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = scheduler.Status;
        var kind = store.Clustered ? "clustered" : "in memory (one instance)";
        var data = new Dictionary<string, object>
        {
            ["status"] = status.ToString(),
            ["clustered"] = store.Clustered,
            ["instance"] = scheduler.SchedulerInstanceId,
        };
        switch (status)
        {
            case SchedulerStatus.Created:
                return HealthCheckResult.Healthy($"Scheduler starting, {kind}, instance {scheduler.SchedulerInstanceId}", data);
            case not SchedulerStatus.Running:
                return HealthCheckResult.Unhealthy($"Scheduler {status}, {kind}, instance {scheduler.SchedulerInstanceId}: nothing scheduled runs on this instance", data: data);
        }
        if (!store.Clustered)
            return HealthCheckResult.Healthy($"Scheduler running, {kind}, instance {scheduler.SchedulerInstanceId}", data);
        try
        {
            var nodes = await scheduler.QueryClusterNodes(cancellationToken);
            var members = nodes.Where(n => n.State == ClusterNodeState.Alive).Select(n => n.InstanceId).Order(StringComparer.Ordinal).ToList();
            data["members"] = members;
            return HealthCheckResult.Healthy(
                $"Scheduler running, {kind}, instance {scheduler.SchedulerInstanceId}; members seen in the last check-in window: {string.Join(", ", members)}", data);
        }
        catch (SchedulerException ex)
        {
            return HealthCheckResult.Degraded($"Scheduler running, {kind}, instance {scheduler.SchedulerInstanceId}; cluster members unknown: {ex.Message}", ex, data);
        }
    }
}
