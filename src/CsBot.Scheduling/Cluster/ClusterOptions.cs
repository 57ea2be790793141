namespace CsBot.Scheduling.Cluster;

/// <summary>
/// How the instances of a cluster keep track of each other. Section "Scheduling:Cluster"; read only when the store is
/// PostgreSQL (with LiteDB there is one instance and no cluster).
/// </summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Scheduling:Cluster";

    /// <summary>
    /// How often each instance records in the database that it is alive. An instance that has missed about two
    /// check-ins is taken for dead and its interrupted work is recovered by another; shorter means faster failover
    /// and more database writes.
    /// </summary>
    public int CheckinIntervalSeconds { get; set; } = 10;
}
