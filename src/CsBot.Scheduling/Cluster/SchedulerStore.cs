using CsBot.Application.Settings;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CsBot.Scheduling.Cluster;

/// <summary>Where the Quartz scheduler keeps its jobs and triggers, following the store CsBot keeps its data in.</summary>
public enum StorageProvider
{
    /// <summary>The embedded file (the default): one instance, triggers in memory.</summary>
    LiteDb,
    /// <summary>A shared PostgreSQL database: Quartz's tables in it, every instance one member of a cluster.</summary>
    PostgreSql,
}

/// <summary>
/// The scheduler's store: in memory beside LiteDB, or Quartz's clustered ADO.NET job store in the PostgreSQL database
/// CsBot's data lives in (Storage:Provider, Storage:ConnectionString), with the check-in interval of
/// <see cref="ClusterOptions"/>.
/// </summary>
public sealed record SchedulerStore(StorageProvider Provider, string? ConnectionString, TimeSpan CheckinInterval)
{
    public const int MaxCheckinIntervalSeconds = 300;

    public static readonly SchedulerStore InMemory = new(StorageProvider.LiteDb, null, TimeSpan.FromSeconds(new ClusterOptions().CheckinIntervalSeconds));

    /// <summary>True when several instances share the schedule through the database.</summary>
    public bool Clustered => Provider == StorageProvider.PostgreSql;

    /// <summary>Reads Storage:Provider, Storage:ConnectionString and Scheduling:Cluster, adding one line per problem (key and fix).</summary>
    public static SchedulerStore Read(IConfiguration configuration, ICollection<string> errors)
    {
        var storage = configuration.GetSection("Storage");
        var providerText = storage["Provider"];
        var provider = StorageProvider.LiteDb;
        if (!string.IsNullOrWhiteSpace(providerText)
            && SettingsReader.CheckEnum<StorageProvider>(providerText.Trim(), "Storage:Provider", "store", errors, required: false))
            provider = Enum.Parse<StorageProvider>(providerText.Trim(), ignoreCase: true);

        var cluster = SettingsReader.Bind<ClusterOptions>(configuration, ClusterOptions.SectionName, errors);
        if (cluster.CheckinIntervalSeconds is < 1 or > MaxCheckinIntervalSeconds)
            errors.Add($"Scheduling:Cluster:CheckinIntervalSeconds is {cluster.CheckinIntervalSeconds}; use 1 to {MaxCheckinIntervalSeconds} seconds (default 10).");
        var checkin = TimeSpan.FromSeconds(Math.Clamp(cluster.CheckinIntervalSeconds, 1, MaxCheckinIntervalSeconds));

        if (provider != StorageProvider.PostgreSql) return InMemory with { CheckinInterval = checkin };
        var connectionString = storage["ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            errors.Add("Storage:ConnectionString is empty while Storage:Provider is PostgreSql; set it to the shared database, e.g. \"Host=db;Database=csbot;Username=csbot;Password=...\".");
            return InMemory with { CheckinInterval = checkin };
        }
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            errors.Add($"Storage:ConnectionString is not a PostgreSQL connection string ({ex.Message}); use the form \"Host=db;Database=csbot;Username=csbot;Password=...\".");
            return InMemory with { CheckinInterval = checkin };
        }
        return new SchedulerStore(StorageProvider.PostgreSql, connectionString, checkin);
    }

    // The connection string holds a password: never print it.
    public override string ToString() => Clustered ? $"clustered on PostgreSQL, check-in every {CheckinInterval.TotalSeconds:0.#} s" : "in memory";
}
