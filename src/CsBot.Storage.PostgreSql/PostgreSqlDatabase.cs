using Npgsql;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// The one connection pool of the process to CsBot's PostgreSQL database, and the way the stores use it: each call
/// takes a pooled connection for one statement or one transaction and gives it back, so no connection is held while
/// callers' code runs and any number of CsBot processes can share the database.
/// </summary>
/// <remarks>
/// The store ports are synchronous (LiteDB binds its transactions to a thread), so the stores use Npgsql's synchronous
/// API. Every write that must be all-or-nothing runs in <see cref="InTransaction{T}"/>; a failure rolls it back and
/// the previous data stays.
/// </remarks>
public sealed class PostgreSqlDatabase : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgreSqlDatabase(PostgreSqlOptions options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).ConnectionString)
    {
    }

    public PostgreSqlDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Identify CsBot's sessions in pg_stat_activity unless the operator named them already.
        builder.ApplicationName ??= "CsBot";
        Description = $"PostgreSQL database {builder.Database ?? builder.Username ?? "(default)"} on {builder.Host}:{builder.Port}";
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>This process among those sharing the database: marks its writes in data_changes, so it skips them when it reads that table.</summary>
    public Guid InstanceId { get; } = Guid.NewGuid();

    /// <summary>"PostgreSQL database csbot on db:5432": names the database without its credentials, for messages.</summary>
    public string Description { get; }

    internal NpgsqlDataSource DataSource => _dataSource;

    internal NpgsqlConnection Open() => _dataSource.OpenConnection();

    /// <summary>Runs <paramref name="work"/> in one transaction: committed when it returns, rolled back when it throws.</summary>
    internal T InTransaction<T>(Func<NpgsqlConnection, NpgsqlTransaction, T> work)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    internal void InTransaction(Action<NpgsqlConnection, NpgsqlTransaction> work) =>
        InTransaction((c, t) =>
        {
            work(c, t);
            return 0;
        });

    /// <summary>Runs <paramref name="work"/> on a pooled connection, outside any transaction (one statement, or reads).</summary>
    internal T With<T>(Func<NpgsqlConnection, T> work)
    {
        using var connection = Open();
        return work(connection);
    }

    /// <summary>
    /// What is wrong with the database now, or null when it answers: one round trip that also reads the schema
    /// version, so a database that was emptied or never migrated is reported too. Cheap enough for every health check.
    /// </summary>
    public string? CurrentProblem()
    {
        try
        {
            using var connection = Open();
            using var command = new NpgsqlCommand($"SELECT max(version) FROM {SchemaMigrator.VersionTable}", connection) { CommandTimeout = 5 };
            var version = command.ExecuteScalar();
            return version is int ? null : $"The {Description} holds no CsBot schema: run 'CsBot migrate' or start CsBot with Storage:MigrateAtStartup=true.";
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return $"The {Description} holds no CsBot schema: run 'CsBot migrate' or start CsBot with Storage:MigrateAtStartup=true.";
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return $"The {Description} does not answer: {ex.Message}";
        }
    }

    public void Dispose() => _dataSource.Dispose();
}
