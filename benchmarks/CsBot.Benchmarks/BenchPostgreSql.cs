using Npgsql;

namespace CsBot.Benchmarks;

/// <summary>
/// The PostgreSQL server the --postgresql runs use, and the databases they make on it: one per kind of run, so a
/// seeded portfolio is reused while ingestion and conversation contexts start from an empty database each time.
/// </summary>
internal static class BenchPostgreSql
{
    /// <summary>
    /// A connection string to the server as a role that may create databases: --connection, else CSBOT_BENCH_POSTGRES,
    /// else CSBOT_TEST_POSTGRES (which `.ci/with-postgres` sets for a throwaway server).
    /// </summary>
    public static string Server(string[] args)
    {
        var at = Array.IndexOf(args, "--connection");
        if (at >= 0 && at + 1 < args.Length) return args[at + 1];
        foreach (var variable in new[] { "CSBOT_BENCH_POSTGRES", "CSBOT_TEST_POSTGRES" })
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } configured) return configured;
        throw new ArgumentException("--postgresql needs a server it may create databases on: --connection \"Host=...;Username=...\", CSBOT_BENCH_POSTGRES, or run it through .ci/with-postgres.");
    }

    /// <summary>The connection string of database <paramref name="name"/> (a plain identifier), created when missing, or dropped and created when <paramref name="fresh"/>.</summary>
    public static string Database(string server, string name, bool fresh)
    {
        using (var admin = new NpgsqlConnection(server))
        {
            admin.Open();
            if (fresh) Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null) Execute(admin, $"CREATE DATABASE {name}");
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static void Drop(string server, string name)
    {
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(server);
        admin.Open();
        Execute(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
