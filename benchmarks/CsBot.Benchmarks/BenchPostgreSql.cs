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

    /// <summary>
    /// The CPU time the server's processes have used so far (the postmaster, its live backends, and the backends it
    /// reaped), when the server runs on this machine and its processes can be read; null otherwise. The client's CPU
    /// alone hides the half of a store's work PostgreSQL does, which LiteDB does in the client's process.
    /// </summary>
    public static Func<TimeSpan>? ServerCpu(string connectionString)
    {
        try
        {
            string directory;
            using (var connection = new NpgsqlConnection(connectionString))
            {
                connection.Open();
                using var command = new NpgsqlCommand("SELECT current_setting('data_directory')", connection);
                directory = (string)command.ExecuteScalar()!;
            }
            var pid = int.Parse(File.ReadLines(Path.Combine(directory, "postmaster.pid")).First().Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var ticks = 1.0 / 100; // USER_HZ, 100 on Linux
            TimeSpan Read()
            {
                long total = 0;
                foreach (var stat in Directory.EnumerateDirectories("/proc"))
                {
                    if (!int.TryParse(Path.GetFileName(stat), out var child)) continue;
                    string[] fields;
                    try { fields = File.ReadAllText(Path.Combine(stat, "stat")).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries); }
                    catch (IOException) { continue; }
                    // After the command's ")": state, ppid, ..., utime (12th), stime, cutime, cstime.
                    if (child == pid) total += long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]);
                    else if (int.Parse(fields[1]) == pid) total += long.Parse(fields[11]) + long.Parse(fields[12]);
                }
                return TimeSpan.FromSeconds(total * ticks);
            }
            Read();
            return Read;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NpgsqlException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
