using Npgsql;

namespace CsBot.Scheduling.Cluster;

/// <summary>
/// Quartz's own tables in the shared PostgreSQL database (the clustered job store's jobs, triggers, check-ins and
/// locks). <see cref="Script"/> is Quartz.NET's PostgreSQL schema made idempotent, so the PostgreSQL store's versioned
/// migrations run it as theirs (0100, embedded from this same file) and a database migrated so already has the tables; <see cref="EnsureAsync"/> applies it at start-up, under an advisory lock so
/// several instances starting together create the tables once and none sees them half made.
/// </summary>
public static class QuartzTables
{
    /// <summary>
    /// The key of the session advisory lock held while the tables are created: the PostgreSQL store's migration lock
    /// ("CsBotMig" in ASCII), since its migration 0100 runs this same script; sharing the lock keeps an instance's
    /// migration and another's start-up from creating the same tables at once.
    /// </summary>
    public const long AdvisoryLockKey = 0x4373426F744D6967;

    private const string ResourceName = "CsBot.Scheduling.Cluster.quartz-tables-postgres.sql";

    /// <summary>The schema script: every statement is CREATE ... IF NOT EXISTS, so running it again changes nothing.</summary>
    public static string Script { get; } = Load();

    /// <summary>Creates whatever of Quartz's tables and indexes is missing; safe to call from every instance at every start.</summary>
    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, Script, cancellationToken);
        }
        finally
        {
            // The lock is the session's: released here, or by the server when the connection ends on a failure.
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Load()
    {
        using var stream = typeof(QuartzTables).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(QuartzTables).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
