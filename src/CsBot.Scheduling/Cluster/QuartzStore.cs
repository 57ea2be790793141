using Quartz;

namespace CsBot.Scheduling.Cluster;

/// <summary>How Quartz is told where to keep the schedule: in memory, or clustered in the shared PostgreSQL database.</summary>
public static class QuartzStore
{
    /// <summary>The scheduler name every instance shares: Quartz's cluster is the set of instances with this name on one database.</summary>
    public const string SchedulerName = "CsBot";

    /// <summary>
    /// Clustered: Quartz's ADO.NET job store with the PostgreSQL delegate, one member per instance (instance id AUTO:
    /// host name and start time), job data serialised with System.Text.Json, database row locks, and a check-in every
    /// <see cref="SchedulerStore.CheckinInterval"/>; an instance that misses its check-ins for the interval plus the
    /// same again is taken for dead and the work it had fired is recovered. A trigger that fired late by more than
    /// the misfire threshold (a minute) follows its misfire instruction. In memory otherwise, as Quartz's default.
    /// </summary>
    public static void Configure(IQuartzBuilder quartz, SchedulerStore store)
    {
        if (!store.Clustered) return;
        quartz.ConfigureScheduler(options =>
        {
            options.InstanceName = SchedulerName;
            options.GenerateInstanceId = true;
        });
        quartz.UsePersistentStore(persistent =>
        {
            persistent.UsePostgres(store.ConnectionString!);
            persistent.UseClustering(cluster =>
            {
                cluster.CheckinInterval = store.CheckinInterval;
                cluster.CheckinMisfireThreshold = store.CheckinInterval;
            });
            persistent.UseSystemTextJsonSerializer();
        });
    }
}
