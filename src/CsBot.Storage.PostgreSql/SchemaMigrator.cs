using System.Reflection;
using System.Text.RegularExpressions;
using Npgsql;

namespace CsBot.Storage.PostgreSql;

/// <summary>
/// Creates and upgrades CsBot's schema from the SQL files in Migrations/ (embedded in this assembly), each named
/// "NNNN_what.sql" and applied once, in order, each in its own transaction together with its row in
/// <see cref="VersionTable"/>. Numbers leave gaps (0010, 0020, ...) so a migration can be slotted in later.
/// </summary>
/// <remarks>
/// Several CsBot processes may start at once against one database: the whole run holds a PostgreSQL advisory lock
/// (<see cref="LockKey"/>), so one applies the missing migrations while the others wait, then find nothing left to do.
/// A database already at a newer version than this build knows (during a rolling upgrade) is left as it is.
/// </remarks>
public static partial class SchemaMigrator
{
    public const string VersionTable = "csbot_schema_version";

    /// <summary>The advisory lock serialising migrations: any constant, the same in every CsBot version ("CsBotMig" in ASCII).</summary>
    public const long LockKey = 0x4373426F744D6967;

    private const string ResourcePrefix = "CsBot.Storage.PostgreSql.Migrations.";

    /// <summary>Every migration this build carries, in order.</summary>
    public static IReadOnlyList<Migration> Known { get; } = Load();

    /// <summary>
    /// Applies the migrations the database lacks; returns those it applied (none when it was up to date). Throws
    /// <see cref="DatabaseUnavailableException"/>, naming the database and what to check, when it cannot.
    /// </summary>
    public static IReadOnlyList<Migration> Migrate(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        try
        {
            return Apply(database);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new DatabaseUnavailableException(
                $"CsBot cannot prepare the {database.Description}: {ex.Message}. Check that the server runs and that Storage:ConnectionString " +
                "names it, the database and a user allowed to create tables in it.", ex);
        }
    }

    private static IReadOnlyList<Migration> Apply(PostgreSqlDatabase database)
    {
        using var connection = database.Open();
        Execute(connection, null, $"SELECT pg_advisory_lock({LockKey})");
        try
        {
            Execute(connection, null,
                $"CREATE TABLE IF NOT EXISTS {VersionTable} (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
            var applied = AppliedVersions(connection);
            var done = new List<Migration>();
            foreach (var migration in Known.Where(m => !applied.Contains(m.Version)))
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, transaction, migration.Sql);
                using (var record = new NpgsqlCommand($"INSERT INTO {VersionTable} (version, name) VALUES (@version, @name)", connection, transaction))
                {
                    record.Parameters.AddWithValue("version", migration.Version);
                    record.Parameters.AddWithValue("name", migration.Name);
                    record.ExecuteNonQuery();
                }
                transaction.Commit();
                done.Add(migration);
            }
            return done;
        }
        finally
        {
            Execute(connection, null, $"SELECT pg_advisory_unlock({LockKey})");
        }
    }

    /// <summary>The versions recorded as applied, in order; empty for a database CsBot never migrated.</summary>
    public static IReadOnlyList<int> Applied(PostgreSqlDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("table", VersionTable);
        return exists.ExecuteScalar() is true ? [.. AppliedVersions(connection).Order()] : [];
    }

    private static HashSet<int> AppliedVersions(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand($"SELECT version FROM {VersionTable}", connection);
        using var reader = command.ExecuteReader();
        var versions = new HashSet<int>();
        while (reader.Read()) versions.Add(reader.GetInt32(0));
        return versions;
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    private static List<Migration> Load()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = resource[ResourcePrefix.Length..];
            var match = FileName().Match(file);
            if (!match.Success) throw new InvalidOperationException($"Migration {file} is not named NNNN_what.sql.");
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, Read(assembly, resource)));
        }
        var repeated = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new InvalidOperationException($"Two migrations share version {repeated.Key}.");
        return [.. migrations.OrderBy(m => m.Version)];
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}

/// <summary>One schema step: its version (from the file name), what it does, and its SQL.</summary>
public sealed record Migration(int Version, string Name, string Sql);
